"""An HTML page's display lines joined back into paragraphs.

What this relies on:

- Some pages were typed, converted or pasted with their lines already broken for display: a
  ``<br>`` after every line of a paragraph, or a ``<p>`` for every line, with an empty line
  (``<br><br>``, an empty ``<p>``) between paragraphs. Each line is then a block of its own, and
  the record would keep the display lines (``…全省教学研究`` / ``会议。按照惯例…``).
- Such lines show the wrapper's edge as a dump's do (``wrap.edge``): most lines of a paragraph
  end within a few columns (or one character) of one width, and almost none go past it. Lines
  a page breaks for meaning (verse, an address, a list of links) differ in length, or end in a
  mark: a line of verse ends its clause; a list of headlines cut to one length ends in ``…``.
- So within a run of lines of one parent element, a line reaching the run's edge goes on in the
  next one (``joins.wrapped``, the test a dump's lines take), unless an empty line stands
  between them, the run ends most of its full lines in a mark (verse, truncated titles), or
  either line is mostly a link (a menu's or a teaser list's entry).

The blocks the boilerplate stage judges are then paragraphs, as a dump's are once joined; a
page with no such run keeps its blocks as they were.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import fields, replace
from operator import attrgetter

from cleantext.model import HEADING_KINDS, Block
from cleantext.regexes import compiled
from cleantext.segment.joins import CHAR_SLACK, WRAP_SLACK, Line, Wrap, separator, wrapped
from cleantext.segment.wrap import MIN_EDGE_LINES, display_width, edge
from cleantext.text import ends_sentence

# Block kinds whose lines are never a paragraph's display lines: headings keep their own line,
# and preformatted text keeps its breaks.
UNJOINED_KINDS = HEADING_KINDS | {"pre"}
# Of a run's lines at its edge, the share that may end in a mark (a sentence's end or a clause's):
# a wrapper breaks wherever the width falls, and few of its breaks land on a mark; verse and
# headlines cut to one length end every line in one.
MAX_MARKED_SHARE = 0.5
CLAUSE_MARKS = ",;:，、；："  # a line ending in one stops at a clause's end
MAX_LINK_SHARE = 0.5  # of a line's characters in links: more is a menu's or a list's entry, not prose
# A block's fields after its index, to number it again (a constructor call: half a ``replace``'s cost)
_REST = attrgetter(*[field.name for field in fields(Block)[1:]])
# The spaces a browser shows before a line: white space that collapses, then the first no-break or
# ideographic space and all spaces after it (matched at the text's start: no copy of a long text)
INDENT = compiled("[ \t\r\n\f]*([\xa0\u3000][\xa0\u3000 ]*)")


def visible_indent(raw: str) -> int:
    """Display columns of the indent a browser shows before ``raw`` (an element's text as the
    page has it): its no-break and ideographic spaces (``&nbsp;&nbsp;``, ``　　``) and the spaces
    after them; the other leading white space collapses to nothing.

    >>> visible_indent("\\n\xa0\xa0\xa0\xa0text"), visible_indent("\u3000\u3000正文"), visible_indent("  text")
    (4, 4, 0)
    """
    run = INDENT.match(raw)
    return display_width(run.group(1)) if run else 0


def join_display_lines(blocks: list[Block], breaks: set[int], indents: dict[int, int]) -> list[Block]:
    """``blocks`` with each run of one parent's display lines joined into paragraphs; ``breaks``
    holds the indexes of the blocks an empty line stands above, ``indents`` the indent a block's
    first line shows (``visible_indent``), where it has one. The blocks are numbered again when
    any were joined; else the list is returned as it is."""
    joined: list[Block] = []
    changed = False
    for run in _runs(blocks):
        lines = [_line(block, indents.get(block.index, 0)) for block in run] if len(run) >= MIN_EDGE_LINES else []
        page = _run_wrap(lines) if lines else None
        if page is None:
            joined.extend(run)
            continue
        for paragraph in _paragraphs(run, lines, page, breaks):
            changed = changed or len(paragraph) > 1
            joined.append(_merged(paragraph))
    if not changed:
        return blocks
    return [Block(i, *_REST(block)) if block.index != i else block for i, block in enumerate(joined)]


def _parent(block: Block) -> tuple[object, ...]:
    """What the lines of one paragraph share: their kind and the element around them (a ``<p>``
    a line: the element around the ``<p>``)."""
    containers = block.containers[:-1] if block.kind == "p" else block.containers
    return (block.kind, containers, block.in_list, block.cell, block.hint)


def _runs(blocks: Sequence[Block]) -> Iterator[list[Block]]:
    """The blocks in runs of one parent (``_parent``); a heading or preformatted block is a run
    of its own."""
    run: list[Block] = []
    key: tuple[object, ...] | None = None
    for block in blocks:
        here = None if block.kind in UNJOINED_KINDS or block.code is not None else _parent(block)
        if run and (here is None or here != key):
            yield run
            run = []
        run.append(block)
        key = here
    if run:
        yield run


def _line(block: Block, indent: int) -> Line:
    """A block as a dump's display line: its indent, and its width and size counted with it."""
    text = block.text
    return Line(text, indent, indent + display_width(text), False, 0, text, indent + len(text), indent)


def _run_wrap(lines: list[Line]) -> Wrap | None:
    """How the run's lines were wrapped: the edge in the unit whose lengths show one (display
    columns or characters, as a dump's are read), or None when they show none or end most of
    their full lines in a mark (``MAX_MARKED_SHARE``)."""
    columns = edge([line.width for line in lines], WRAP_SLACK)
    chars = edge([line.size for line in lines], CHAR_SLACK)
    page = Wrap(chars[0], True) if chars[1] > columns[1] else Wrap(columns[0])
    if not page.edge:
        return None
    full = [line.text for line in lines if (line.size if page.chars else line.width) >= page.edge - page.slack()]
    marked = sum(1 for text in full if ends_sentence(text) or text[-1:] in CLAUSE_MARKS)
    return None if marked > MAX_MARKED_SHARE * len(full) else page


def _linked(block: Block) -> bool:
    return block.link_chars > MAX_LINK_SHARE * len(block.text)


def _paragraphs(run: list[Block], lines: list[Line], page: Wrap, breaks: set[int]) -> Iterator[list[Block]]:
    """The run's blocks grouped into paragraphs: a block goes on with the one above when that
    one was wrapped (``joins.wrapped``: an indented line opens a paragraph), no empty line stands
    between and neither is mostly a link."""
    paragraph: list[Block] = []
    prev: Line | None = None
    for block, line in zip(run, lines, strict=True):
        if (
            prev is not None
            and block.index not in breaks
            and not _linked(block)
            and not _linked(paragraph[-1])
            and wrapped(prev, line, page, 0)
        ):
            prev.add(line)
            paragraph.append(block)
            continue
        if paragraph:
            yield paragraph
        paragraph, prev = [block], line
    if paragraph:
        yield paragraph


def _merged(paragraph: list[Block]) -> Block:
    """One block of a paragraph's lines: their text joined as a dump's wrapped lines are (no space
    beside a CJK character or after a word's hyphen, else one), their links counted together,
    the rest of the first line's."""
    first = paragraph[0]
    if len(paragraph) == 1:
        return first
    line = Line(first.text, 0, 0, False, 0)
    md = [first.md or first.text]
    for block in paragraph[1:]:
        gap = separator(line.ending(), block.text)
        line.add(Line(block.text, 0, 0, False, 0), gap)
        md.append(gap + (block.md or block.text))
    text = line.joined()
    return replace(
        first,
        text=text,
        link_chars=min(len(text), sum(block.link_chars for block in paragraph)),
        md="".join(md) if any(block.md for block in paragraph) else "",
        lead=" ".join(block.lead for block in paragraph if block.lead),
    )

