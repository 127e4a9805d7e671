"""A text dump's bullet and numbered lines as list items, its drawn tables as rows, for Markdown output.

Observations this relies on:

- A dumper draws a list item as a bullet (``•``, ``*``, ``-``, ``·``, ``○``...) or a number
  (``1.``, ``2)``, ``[3]``) at the start of a line; ``dump.split_dump`` has already found them
  (``Block.bullet``, the number in ``Block.item``) and the item's indentation (``Block.indent``).
- A nested list is indented further than its parent; items of one level line up (give or take
  ``INDENT_SLACK`` columns: centred or hand-made lists wobble). A line under an item, indented
  past its bullet, continues it (``Block.in_list`` without a bullet).
- Any other line ends the list.
- w3m and lynx draw a table's cells between box characters (``│``, ``┃``); the frame around the
  table is gone already (``columns.unbox``), the borders between cells stay. A line with two cells
  or more is a row; consecutive rows are one table. A cell drawn over two lines gives two rows.

>>> from cleantext.model import Block
>>> lines = [Block(0, "fruit", bullet=True, in_list=True, source="text"),
...          Block(1, "apple", bullet=True, in_list=True, indent=2, item=1, ordered=True, source="text"),
...          Block(2, "end", source="text")]
>>> [(b.depth, b.item) for b in dump_lists(lines)]
[(1, 1), (2, 1), (0, 0)]
"""

from __future__ import annotations

from dataclasses import replace

from cleantext.model import Block
from cleantext.regexes import compiled

INDENT_SLACK = 1  # columns: an item this much deeper than the one above is at the same level
CELL_BORDERS = compiled(r"\s*[│┃]\s*")
MIN_ROW_CELLS = 2  # cells: one cell between borders is a framed paragraph, not a row


def dump_lists(blocks: list[Block]) -> list[Block]:
    """The blocks with list depth and item numbers on their bullet lines and continuations."""
    out: list[Block] = []
    indents: list[int] = []  # the indentation of each open level, outermost first
    depth = 0
    table = row = 0
    for block in blocks:
        cells = row_cells(block.text) if "│" in block.text or "┃" in block.text else []
        if len(cells) >= MIN_ROW_CELLS:
            if not (out and out[-1].cell):
                table, row = table + 1, 0
            row += 1
            out.append(replace(block, cell=(table, row, 0, 0), md="\t".join(cells)))
            indents, depth = [], 0
            continue
        if block.bullet:
            while indents and block.indent < indents[-1] - INDENT_SLACK:
                indents.pop()
            if not indents or block.indent > indents[-1] + INDENT_SLACK:
                indents.append(block.indent)
            depth = len(indents)
            out.append(replace(block, depth=depth, item=block.item if block.ordered else 1))
        elif block.in_list and depth:
            out.append(replace(block, depth=depth, item=0))
        else:
            indents, depth = [], 0
            out.append(block)
    return out


def row_cells(line: str) -> list[str]:
    """The cells of a drawn table row (empty cells kept, the frame's edges dropped).

    >>> row_cells("│ Base │ I │  │ Cl │")
    ['Base', 'I', '', 'Cl']
    """
    cells = CELL_BORDERS.split(line.strip())
    if cells and not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    return cells
