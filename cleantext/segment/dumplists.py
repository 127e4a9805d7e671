"""A text dump's bullet and numbered lines as list items, for Markdown output.

Observations this relies on:

- A dumper draws a list item as a bullet (``•``, ``*``, ``-``, ``·``, ``○``...) or a number
  (``1.``, ``2)``, ``[3]``) at the start of a line; ``dump.split_dump`` has already found them
  (``Block.bullet``, the number in ``Block.item``) and the item's indentation (``Block.indent``).
- A nested list is indented further than its parent; items of one level line up (give or take
  ``INDENT_SLACK`` columns: centred or hand-made lists wobble). A line under an item, indented
  past its bullet, continues it (``Block.in_list`` without a bullet).
- Any other line ends the list.

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

INDENT_SLACK = 1  # columns: an item this much deeper than the one above is at the same level


def dump_lists(blocks: list[Block]) -> list[Block]:
    """The blocks with list depth and item numbers on their bullet lines and continuations."""
    out: list[Block] = []
    indents: list[int] = []  # the indentation of each open level, outermost first
    depth = 0
    for block in blocks:
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
