"""HTML structure for Markdown output: lists, tables, code, quotes, links, images and formulas.

The plain walk (``segment.html``) makes the blocks; this builder makes the same blocks and writes
on each what Markdown needs to show it (``Block.depth`` … ``Block.lead``). It hears the same
events as the plain builder (an element opens or closes, text arrives) and keeps a little state
of its own; nothing it records changes a block's text, kind or features, so the boilerplate stage
keeps the same blocks in both modes.

Observations this relies on:

- An element's span is known from the walk's depth: an element opened at depth *d* closes when the
  walk comes back to *d*. One stack of open spans (lists, cells, links, inline code...) serves all.
- A list item's first block carries the item's marker; later blocks of the item continue it.
  Whitespace before an item's first element makes no block, so the marker waits for one.
- Data tables have several rows and columns of short cells holding no lists, headings, code or
  other tables. A page laid out with ``<table>`` (old portals put the whole article in one cell,
  menus in others, tables in tables) fails one of those, and its cells stay paragraphs. Which it is
  is known only when the table closes: its cells get their coordinates then.
- Code sits in ``<pre>``, usually with a ``<code>`` inside; the language is named in a class on
  the ``pre``, the ``code`` or a wrapper (``language-x``, ``lang-x``, ``highlight-x``,
  ``highlight-source-x``, ``brush: x``). A ``<pre>`` without any of that is code unless its lines
  read as prose (old pages set whole articles in ``<pre>``, poems their verses): Chinese text, or
  lines ending as clauses and sentences end.
- A block that is bold or italic from end to end is a heading in all but name, or a whole
  paragraph set off; its emphasis says nothing and is left out.
- Formulas: MathML keeps its TeX in ``<annotation encoding="application/x-tex">`` (Wikipedia,
  KaTeX, MathJax 3); MathJax 2 keeps it in ``<script type="math/tex">``. A TeX formula's fallback
  image repeats the TeX as its ``alt``, and KaTeX draws the formula again in ``.katex-html``
  (visible text, read as the formula's TeX instead).
- An image or a formula standing alone (``<figure>``, a ``<dd>`` holding one equation) makes no
  block: it is written before the next block, and leaves with it if that block is dropped.
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from cleantext.model import MARK_CLOSE, MARK_OPEN, Block, Markup
from cleantext.regexes import compiled
from cleantext.segment.html import BREAK_TAGS, MAX_PATH_CHARS, PATH_LABELS, _Builder, _Frame
from cleantext.segment.mathml import tex_of, unwrap
from cleantext.segment.soup import Tag
from cleantext.text import looks_like_code

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
CODE_HINTS = ("code", "highlight", "source", "syntax", "prettyprint", "hljs", "listing")
MIN_PROSE_SHARE = 0.5  # of a <pre>'s non-blank lines, the share reading as prose that makes it no code
PROSE_LINE = compiled(r"[\u3400-\u9fff]|[.,;:!?\"')”’。，；：！？]\s*$")
WHOLE_EMPHASIS = frozenset(MARK_OPEN + mark + MARK_CLOSE for mark in EMPHASIS.values())
SPANS = compiled(MARK_OPEN + "([^" + MARK_CLOSE + "]*)" + MARK_CLOSE)
SAFE_URL = compiled(r"[\s()<>]")  # characters a Markdown link destination must not hold bare


class _Start(NamedTuple):
    """The structure around a block's first text."""

    depth: int
    item: int
    ordered: bool
    quote: int
    cell: tuple[int, ...]
    pre: bool
    lang: str | None


class _Table:
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


def _mark(markdown: str) -> str:
    return MARK_OPEN + markdown + MARK_CLOSE


def _inline(md: str) -> str:
    """The block's inline Markdown, or "" when it holds no span (the text says it all)."""
    if MARK_OPEN not in md:
        return ""
    ends = md.strip()
    if md.count(MARK_OPEN) == 2 and any(ends.startswith(m) and ends.endswith(m) for m in WHOLE_EMPHASIS):
        return ""  # emphasis from end to end says nothing
    return md


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


class StructureBuilder(_Builder):
    """The plain builder, recording structure for Markdown on the blocks it makes."""

    def __init__(self, markup: Markup) -> None:
        super().__init__()
        self.markup = markup
        self.md: list[str] = []  # the current block's text and marked spans
        self.marked = False  # whether ``md`` holds a marked span: most blocks have none to look for
        self.lead: list[str] = []  # marked spans waiting for a block (images, formulas)
        self.spans: list[tuple[int, str, int, int, str]] = []  # (depth, kind, md start, serial, data)
        self.serial = 0  # blocks flushed: a span opened in an earlier block cannot wrap this one's text
        self.lists: list[list[int]] = []  # open lists: [1 if ordered, items so far]
        self.items = 0  # open <li>
        self.item = 0  # the number of a list item waiting for its first block
        self.quote = self.pre = self.hide = self.heads = 0
        self.code_in_pre = False
        self.langs: list[str] = []
        self.tables: list[_Table] = []
        self.table_count = 0
        self.last_tex = ""
        self.start = _Start(0, 0, False, 0, (), False, None)

    # -- events ---------------------------------------------------------------------------------
    def text(self, frame: _Frame, value: str) -> None:
        if not self.parts:  # the plain builder's text(), inlined: it runs for every text node
            self._begin()
            self.frame = frame
            self.path = ">".join(self.labels[-PATH_LABELS:])[-MAX_PATH_CHARS:]
        self.parts.append(value)
        if self.links:
            self.link_chars += len(value.strip())
        if not self.hide:
            if MARK_OPEN in value or MARK_CLOSE in value:  # no text may pass for a span
                value = value.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
            self.md.append(value)

    # open() and close() do what the plain builder's do (inlined: they run for every element), then
    # what the element means to Markdown.
    def open(self, tag: Tag, label: str) -> None:
        name = tag.name
        self.labels.append(label)
        if name in BREAK_TAGS:
            self.flush()
        elif name == "a":
            self.links += 1
        opener = OPENERS.get(name)
        if opener is not None:
            opener(self, tag)

    def close(self, name: str) -> None:
        depth = len(self.labels)
        self.labels.pop()
        if name in BREAK_TAGS:
            self.flush()
            if name != "br":
                self.group += 1
        elif name == "a":
            self.links -= 1
        spans = self.spans
        while spans and spans[-1][0] >= depth:
            self._end(spans.pop())

    def hidden(self, tag: Tag) -> None:
        tex, display = tex_of(tag)
        if tex:
            self.last_tex = tex
            self.md.append(_mark(f"$${tex}$$" if display else f"${tex}$"))
            self.marked = True

    def flush(self) -> None:
        """The plain builder's block (the same fields, built the same way: a test compares them),
        with its structure; built here in one go, as a second dataclass would cost a copy."""
        if not self.parts:
            if self.marked:  # marks only (an image, a formula): they wait for a block
                self._keep_marks("".join(self.md))
            self.md, self.marked = [], False
            return
        raw = "".join(self.parts)
        text = " ".join(raw.split())
        link_chars, frame, pieces, start, marked = self.link_chars, self.frame, self.md, self.start, self.marked
        self.parts, self.link_chars, self.md, self.marked = [], 0, [], False
        self.serial += 1
        joined = "".join(pieces) if marked else ""  # without marks, the text says it all
        if not text:  # only spaces: the item's marker waits for its first block
            if start.item and not self.item:
                self.item = start.item
            self._keep_marks(joined)
            return
        index = len(self.blocks)
        code, md, lead = None, "", ""
        if start.pre:
            md, code = raw, self._code(start, raw, frame.hint)
        else:
            md = _inline(joined)
        if self.lead:
            lead = " ".join(self.lead)
            self.lead = []
        if start.cell:
            for table in reversed(self.tables):
                if table.number == start.cell[0]:
                    table.note(index, start.cell, len(text))
                    break
        self.blocks.append(
            Block(
                index=index, text=text, kind=frame.kind, tag_path=self.path, link_chars=min(link_chars, len(text)),
                in_list=frame.in_list, hint=frame.hint, source="html", group=self.group, containers=frame.containers,
                depth=start.depth, item=start.item, ordered=start.ordered, quote=start.quote, code=code, md=md,
                lead=lead,
            )
        )

    # -- helpers --------------------------------------------------------------------------------
    def _begin(self) -> None:
        lists = self.lists
        self.start = _Start(
            len(lists) or (1 if self.items else 0),
            self.item,
            bool(lists and lists[-1][0]),
            self.quote,
            self.tables[-1].cell if self.tables else (),
            self.pre > 0,
            self.langs[-1] if self.langs else None,
        )
        self.item = 0

    def _keep_marks(self, joined: str) -> None:
        if MARK_OPEN in joined:
            self.lead.extend(MARK_OPEN + span + MARK_CLOSE for span in SPANS.findall(joined))

    def _code(self, start: _Start, raw: str, hint: str) -> str | None:
        """The language of a <pre> block of code ("" when unnamed); None when it is no code."""
        if start.lang is not None:
            return start.lang
        if self.code_in_pre or any(word in hint for word in CODE_HINTS):
            return ""
        lines = [line for line in raw.splitlines() if line.strip()]
        prose = sum(1 for line in lines if PROSE_LINE.search(line) and not looks_like_code(line))
        return None if prose >= MIN_PROSE_SHARE * len(lines) else ""

    def _push(self, kind: str, data: str = "") -> None:
        self.spans.append((len(self.labels), kind, len(self.md), self.serial, data))

    def _in_cell(self) -> None:
        for table in self.tables:
            if table.cell:
                table.layout = True

    def _end(self, span: tuple[int, str, int, int, str]) -> None:
        _, kind, start, serial, data = span
        ender = ENDERS.get(kind)
        if ender is not None:
            ender(self, start if serial == self.serial else -1, data)

    def _wrap(self, start: int, before: str, after: str) -> bool:
        """Put the text since ``start`` between ``before`` and ``after`` (marked), when it is text."""
        inner = "".join(self.md[start:]) if start >= 0 else ""
        if not inner.strip() or MARK_OPEN in inner:
            return False
        self.md[start:] = [_mark(before), inner, _mark(after)]
        self.marked = True
        return True


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
    b.tables.append(_Table(b.table_count))
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
    b.md.append(_mark(f"![{alt.replace(']', '')}]({safe})"))
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
    b.md[start:] = [_mark(fence + pad + inner + pad + fence)]
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
