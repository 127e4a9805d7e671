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

What each element does when it opens and closes is ``segment.elements``'s: one handler an
element, looked up by its name.
"""

from __future__ import annotations

from typing import NamedTuple

from cleantext.model import MARK_CLOSE, MARK_OPEN, Block, Markup
from cleantext.regexes import compiled
from cleantext.segment.elements import EMPHASIS, ENDERS, OPENERS, Table, markup_span
from cleantext.segment.html import BREAK_TAGS, CITE, MAX_PATH_CHARS, PATH_LABELS, _Builder, _Frame, quote_source
from cleantext.segment.mathml import tex_of
from cleantext.segment.soup import Tag
from cleantext.text import looks_like_code

CODE_HINTS = ("code", "highlight", "source", "syntax", "prettyprint", "hljs", "listing")
MIN_PROSE_SHARE = 0.5  # of a <pre>'s non-blank lines, the share reading as prose that makes it no code
PROSE_LINE = compiled(r"[\u3400-\u9fff]|[.,;:!?\"')”’。，；：！？]\s*$")
WHOLE_EMPHASIS = frozenset(MARK_OPEN + mark + MARK_CLOSE for mark in EMPHASIS.values())
SPANS = compiled(MARK_OPEN + "([^" + MARK_CLOSE + "]*)" + MARK_CLOSE)


class _Start(NamedTuple):
    """The structure around a block's first text."""

    depth: int
    item: int
    ordered: bool
    quote: int
    cell: tuple[int, ...]
    pre: bool
    lang: str | None


def _inline(md: str) -> str:
    """The block's inline Markdown, or "" when it holds no span (the text says it all)."""
    if MARK_OPEN not in md:
        return ""
    ends = md.strip()
    if md.count(MARK_OPEN) == 2 and any(ends.startswith(m) and ends.endswith(m) for m in WHOLE_EMPHASIS):
        return ""  # emphasis from end to end says nothing
    return md


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
        self.tables: list[Table] = []
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
            self.opened(name)
        elif name == CITE and quote_source(self.labels):
            self.flush()
        elif name == "a":
            self.links += 1
        opener = OPENERS.get(name)
        if opener is not None:
            opener(self, tag)

    def close(self, name: str) -> None:
        depth = len(self.labels)
        source = name == CITE and quote_source(self.labels)  # (a name test first: this runs for every element)
        self.labels.pop()
        if name in BREAK_TAGS:
            self.flush()
            if name != "br":
                self.group += 1
                self.closed()
        elif name == "a":
            self.links -= 1
        elif source:
            self.flush()
        spans = self.spans
        while spans and spans[-1][0] >= depth:
            self._end(spans.pop())

    def hidden(self, tag: Tag) -> None:
        tex, display = tex_of(tag)
        if tex:
            self.last_tex = tex
            self.md.append(markup_span(f"$${tex}$$" if display else f"${tex}$"))
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
        self.lines(raw)
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
        self.md[start:] = [markup_span(before), inner, markup_span(after)]
        self.marked = True
        return True
