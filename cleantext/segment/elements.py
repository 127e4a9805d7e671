"""What each HTML element means to Markdown, when it opens and when it closes: the handlers
``segment.structure``'s builder looks up by the element's name (``OPENERS``) and by the span it
pushed (``ENDERS``). The observations they rely on are in ``segment.structure``'s note.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from cleantext.model import MARK_CLOSE, MARK_OPEN
from cleantext.regexes import compiled
from cleantext.segment.mathml import unwrap
from cleantext.segment.soup import Tag

if TYPE_CHECKING:
    from cleantext.segment.structure import StructureBuilder

MAX_CELL_BLOCKS = 3  # blocks in one cell: a data cell holds a value or two lines, a layout cell an article
MAX_CELL_CHARS = 300  # characters in one cell: longer is prose laid out in a table, not a value
MIN_TABLE_ROWS = 2  # rows: one row of cells is a bar (menus, a share bar), not a table of data
MIN_TABLE_COLUMNS = 2  # columns: a one-column table is a stack of paragraphs
NOT_IN_DATA_CELLS = frozenset("table ul ol h1 h2 h3 h4 h5 h6 pre blockquote".split())
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
INLINE_CODE = frozenset("code kbd samp tt".split())
EMPHASIS = {"strong": "**", "b": "**", "em": "*", "i": "*"}
LANGUAGE = compiled(r"(?:^|\s)(?:language|lang|highlight-source|highlight)-([\w+#.-]+)|brush:\s*([\w+#.-]+)")
LANGUAGE_CLUES = ("lang", "highlight", "brush")  # substrings a class naming a language holds
NO_LANGUAGE = frozenset("default none text plain plaintext nohighlight txt".split())
SAFE_URL = compiled(r"[\s()<>]")  # characters a Markdown link destination must not hold bare


class Table:
    """An open table: where its blocks stand (row, column), their sizes, and whether its cells
    lay a page out (a list, a heading, code inside) rather than hold data."""

    __slots__ = ("cell", "cells", "col", "layout", "number", "row", "sizes", "width")

    def __init__(self, number: int) -> None:
        self.number = number
        self.row = self.col = self.width = 0
        self.layout = False
        self.cell: tuple[int, ...] = ()
        self.cells: dict[int, tuple[int, ...]] = {}  # block index → its cell
        self.sizes: dict[tuple[int, int], list[int]] = {}  # (row, column) → [blocks, characters]

    def note(self, index: int, cell: tuple[int, ...], chars: int) -> None:
        self.cells[index] = cell
        size = self.sizes.setdefault((cell[1], cell[2]), [0, 0])
        size[0] += 1
        size[1] += chars

    def is_data(self) -> bool:
        if self.layout or self.row < MIN_TABLE_ROWS or self.width < MIN_TABLE_COLUMNS:
            return False
        return all(n <= MAX_CELL_BLOCKS and chars <= MAX_CELL_CHARS for n, chars in self.sizes.values())


def markup_span(markdown: str) -> str:
    """Markdown set between the marks that tell it from the page's text."""
    return MARK_OPEN + markdown + MARK_CLOSE


def code_language(classes: str) -> str | None:
    """The language a class attribute names, lowercased; "" for none in particular.

    >>> code_language("highlight highlight-source-python"), code_language("brush: js;"), code_language("x")
    ('python', 'js', None)
    """
    match = LANGUAGE.search(classes)
    if match is None:
        return None
    name = (match.group(1) or match.group(2)).lower().rstrip(";.")
    return "" if name in NO_LANGUAGE else name


# -- what opening an element does ----------------------------------------------------------------
def _open_list(b: StructureBuilder, tag: Tag) -> None:
    b._in_cell()
    first = 1
    if tag.name == "ol":
        try:
            first = int(str(tag.attrs.get("start", "1")))
        except ValueError:
            first = 1
    b.lists.append([1 if tag.name == "ol" else 0, first - 1])
    b._push("list")


def _open_item(b: StructureBuilder, tag: Tag) -> None:
    if b.lists:
        b.lists[-1][1] += 1
    b.item = b.lists[-1][1] if b.lists else 1
    b.items += 1
    b._push("li")


def _open_quote(b: StructureBuilder, tag: Tag) -> None:
    b._in_cell()
    b.quote += 1
    b._push("quote")


def _open_language(b: StructureBuilder, tag: Tag) -> None:
    classes = tag.attrs.get("class")
    if isinstance(classes, str) and any(clue in classes for clue in LANGUAGE_CLUES):
        lang = code_language(classes)
        if lang is not None:
            b.langs.append(lang)
            b._push("lang")


def _open_pre(b: StructureBuilder, tag: Tag) -> None:
    b._in_cell()
    b.pre += 1
    b.code_in_pre = False
    b._push("pre")
    _open_language(b, tag)


def _open_code(b: StructureBuilder, tag: Tag) -> None:
    if b.pre:
        b.code_in_pre = True
        _open_language(b, tag)
    else:
        b._push("code")


def _open_link(b: StructureBuilder, tag: Tag) -> None:
    href = tag.attrs.get("href")
    if b.markup.links and isinstance(href, str) and href.strip() and not href.startswith(("#", "javascript:")):
        b._push("link", SAFE_URL.sub(lambda m: f"%{ord(m.group()):02X}", href.strip()))


def _open_emphasis(b: StructureBuilder, tag: Tag) -> None:
    if not b.pre and not b.heads:  # a heading is emphasis enough
        b._push("em", EMPHASIS[tag.name])


def _open_table(b: StructureBuilder, tag: Tag) -> None:
    b._in_cell()
    b.table_count += 1
    b.tables.append(Table(b.table_count))
    b._push("table")


def _open_row(b: StructureBuilder, tag: Tag) -> None:
    if b.tables:
        table = b.tables[-1]
        table.row += 1
        table.col = 0


def _open_cell(b: StructureBuilder, tag: Tag) -> None:
    if not b.tables:
        return
    table = b.tables[-1]
    table.col += 1
    table.cell = (table.number, table.row, table.col, 1 if tag.name == "th" else 0)
    try:
        table.col += max(0, min(int(str(tag.attrs.get("colspan", "1"))), 100) - 1)
    except ValueError:
        pass
    table.width = max(table.width, table.col)
    b._push("cell")


def _open_heading(b: StructureBuilder, tag: Tag) -> None:
    b._in_cell()
    b.heads += 1
    b._push("head")


def _open_image(b: StructureBuilder, tag: Tag) -> None:
    src, alt = tag.attrs.get("src"), tag.attrs.get("alt")
    alt = " ".join(alt.split()) if isinstance(alt, str) else ""
    if not b.markup.images or not isinstance(src, str) or not src.strip() or (alt and unwrap(alt) == b.last_tex):
        return
    safe = SAFE_URL.sub(lambda m: f"%{ord(m.group()):02X}", src.strip())
    b.md.append(markup_span(f"![{alt.replace(']', '')}]({safe})"))
    b.marked = True


def _open_span(b: StructureBuilder, tag: Tag) -> None:
    classes = tag.attrs.get("class")
    if isinstance(classes, str) and "katex-html" in classes:
        b.hide += 1
        b._push("hide")


OPENERS = {
    "ul": _open_list, "ol": _open_list, "li": _open_item, "blockquote": _open_quote,
    "pre": _open_pre, "div": _open_language, "a": _open_link, "table": _open_table, "tr": _open_row,
    "td": _open_cell, "th": _open_cell, "img": _open_image, "span": _open_span,
    **{name: _open_code for name in INLINE_CODE},
    **{name: _open_emphasis for name in EMPHASIS},
    **{name: _open_heading for name in HEADINGS},
}


# -- what closing it does ------------------------------------------------------------------------
def _end_list(b: StructureBuilder, start: int, data: str) -> None:
    b.lists.pop()


def _end_item(b: StructureBuilder, start: int, data: str) -> None:
    b.items -= 1


def _end_quote(b: StructureBuilder, start: int, data: str) -> None:
    b.quote -= 1


def _end_pre(b: StructureBuilder, start: int, data: str) -> None:
    b.pre -= 1


def _end_lang(b: StructureBuilder, start: int, data: str) -> None:
    b.langs.pop()


def _end_head(b: StructureBuilder, start: int, data: str) -> None:
    b.heads -= 1


def _end_hide(b: StructureBuilder, start: int, data: str) -> None:
    b.hide -= 1


def _end_code(b: StructureBuilder, start: int, data: str) -> None:
    inner = "".join(b.md[start:]) if start >= 0 else ""
    if not inner.strip() or MARK_OPEN in inner:
        return
    inner = " ".join(inner.split())
    fence = "``" if "`" in inner else "`"  # a code span holding a backtick needs a longer fence
    pad = " " if fence == "``" else ""
    b.md[start:] = [markup_span(fence + pad + inner + pad + fence)]
    b.marked = True


def _end_link(b: StructureBuilder, start: int, data: str) -> None:
    b._wrap(start, "[", f"]({data})")


def _end_emphasis(b: StructureBuilder, start: int, data: str) -> None:
    inner = "".join(b.md[start:]) if start >= 0 else ""
    if inner[:1].isalnum() and inner[-1:].isalnum():  # CommonMark's flanking rules hold at once
        b._wrap(start, data, data)


def _end_table(b: StructureBuilder, start: int, data: str) -> None:
    table = b.tables.pop()
    if table.is_data():
        for index, cell in table.cells.items():
            b.blocks[index] = replace(b.blocks[index], cell=cell)


def _end_cell(b: StructureBuilder, start: int, data: str) -> None:
    if b.tables:
        b.tables[-1].cell = ()


ENDERS = {
    "list": _end_list, "li": _end_item, "quote": _end_quote, "pre": _end_pre, "lang": _end_lang,
    "hide": _end_hide, "code": _end_code, "link": _end_link, "em": _end_emphasis, "table": _end_table,
    "cell": _end_cell, "head": _end_head,
}
