"""Text dumps of pages (w3m/lynx -dump, html2text, a browser's innerText) → blocks.

What such dumps look like, and what this module relies on:

- Paragraphs are separated by blank lines; menus and teaser lists are bullet lines
  (``•``, ``*``, ``-``, ``1.``), often indented, with a teaser's summary indented under its bullet.
- A dumper or converter wraps long paragraphs at a fixed width, counted in display columns (CJK
  characters count two) or in characters, so a line that reaches that width continues on the
  next line. The width is read from the page (``wrap.py``): any width, not only 80 columns.
  Word-wrapped text in a narrower column or box wraps at that box's width: such a line was
  wrapped when the next line's first word would not have fitted after it (the widest line of
  its blank-line group gives the box's width). Wrapped lines are joined back (``joins.py``; without a space
  between CJK characters, without one after a hyphen that ends a word); lines of program code
  never are. A line indented deeper than the line before it starts a paragraph (paragraphs that
  open with ``　　`` or spaces, with no blank line between them).
- A paragraph is joined from its pieces in one pass (a list of pieces, joined once): rebuilding
  the string at each wrapped line made a dump's cost grow with the square of its paragraphs' length.
- A dump is read twice, a slice of the text at a time: first for the numbers that tell how it was
  wrapped (each line's width, size and indent), then line by line, each line joined to the
  paragraph before it or closing it. Beside the text, only those numbers and one paragraph are
  held, never an object for every line (a 20 MB dump's lines took ~65 MB as objects).
- lynx opens its dump with the titles of the page head's links (``#RSS Feed Comments Feed``): that
  paragraph is the head, not the page, and gives no block (``HEAD_LINKS``).
- Lines that are not wrapped are real line breaks: each becomes its own block, and the blank-line
  group it belongs to is kept in ``Block.group`` so that context smoothing can see paragraphs.
- A teaser's summary under its bullet is a paragraph or two. A converter laying text out like a
  browser's innerText indents every block nested in a list item under its bullet, so a page whose
  article sits in an ``li`` gives one bullet with paragraph after paragraph under it: lines under a
  bullet spanning ``MIN_NESTED_PARAGRAPHS`` paragraphs or more are text of their own, not the
  item's continuation. Unless another item of the same list holds as many, with text of a like
  size: a feed (a live blog's entries, a list of comments, teasers with their pictures' captions)
  repeats the shape; a blog's writer card (a name, a label, links, each a paragraph) beside the
  article does not.

>>> [b.text for b in split_dump("Title\\n\\n  • Home\\n  • News\\n\\nBody text.")]
['Title', 'Home', 'News', 'Body text.']
"""

from __future__ import annotations

import heapq
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from cleantext.model import Block
from cleantext.regexes import compiled
from cleantext.segment.joins import CHAR_SLACK, LIST_CONTINUATION_INDENT, WRAP_SLACK, Line, Wrap, wrapped
from cleantext.segment.markdown import goes_on, is_heading, open_link, unquote, url_gap
from cleantext.segment.wrap import MIN_CENTRED_INDENT, centre, display_width, edge, opening_indent
from cleantext.text import ends_sentence

BULLET = compiled(r"^(?:[•·◦▪▫●○■□◆◇►▶▸»*+\-–]|\d{1,3}[.)]|\[\d{1,3}\])\s+")
SLICE_CHARS = 1 << 20  # characters of a dump cut into lines at a time
# lynx opens a dump with the page head's ``<link>`` elements (feeds, alternate versions, a search
# page) as one paragraph of their titles after a ``#`` (``#Site RSS Feed Comments Feed``): the head,
# not the page's text, as an HTML page's head is no block either. (A Markdown heading sets a space
# after its marks.)
HEAD_LINKS = compiled(r"#[^\s#]")
MIN_WRAP_WIDTH = 60  # display columns; narrower pages are not treated as hard-wrapped
MIN_WRAPPED_LINES = 3  # lines reaching the wrap width: fewer could be long paragraphs by chance
# paragraphs (blank-line groups) under one bullet from which they are text nested in a list item,
# not the item's continuation: a teaser's summary, its byline and its date are three at most
MIN_NESTED_PARAGRAPHS = 4
MAX_FEED_RATIO = 4  # times the characters of another run under a bullet of its list: more is no feed
# A frame's top or bottom line (corners and rules only), and a frame's side at either end of a line.
# w3m draws a bordered page or box with thin lines (heavy ones are tables' own borders).
FRAME_EDGE = compiled(r"^[ \t]*[┌└][─┬┴┐┘ ]*$", re.M)
LEFT_SIDE = compiled(r"^([ \t]*)│", re.M)
RIGHT_SIDE = compiled(r"│[ \t]*$", re.M)


def unbox_line(line: str) -> str:
    """The line without a frame drawn around a page or a box: every framed line would start and
    end alike (``│ text │``), and the frame's top and bottom (``└───┘``) break paragraphs, which a
    blank line says. Borders between cells stay: a table keeps its rows.

    >>> unbox_line("│ 正文 │"), unbox_line("└──┘")
    ('  正文 ', '')
    """
    if FRAME_EDGE.match(line):
        return ""
    return RIGHT_SIDE.sub("", LEFT_SIDE.sub(r"\1 ", line)) if "│" in line else line


def _read_lines(text: str, slice_chars: int = SLICE_CHARS) -> Iterator[tuple[str, str, int]]:
    """Each line of the dump as ``str.splitlines`` cuts it, without a frame's sides (when the dump
    has one), tabs or trailing spaces; with its text past the indent ("" for a blank line) and
    its blank-line group.

    The text is cut into lines a slice at a time (``slice_chars`` and on to the next newline,
    where ``splitlines`` cuts too): neither a list of every line nor a copy of a whole dump is made.
    """
    framed = "│" in text  # a frame's sides are taken off line by line
    group, after_text = 0, False
    start = 0
    while start < len(text):
        cut = text.find("\n", start + slice_chars)
        end = len(text) if cut < 0 else cut + 1
        # tabs are widened slice by slice: a line's trailing tabs become trailing spaces, which
        # rstrip removes as it would the tabs
        for raw in text[start:end].replace("\t", "    ").splitlines():
            line = (unbox_line(raw) if framed else raw).rstrip()
            stripped = line.lstrip(" \u3000\u00a0")
            if stripped:
                after_text = True
            elif after_text:  # the first blank line after text ends its group
                group, after_text = group + 1, False
            yield line, stripped, group
        start = end


@dataclass(slots=True)
class _Layout:
    """What the first reading of a dump keeps of its lines: numbers, not their text.

    ``indents`` has one entry a line (-1 for a blank one); ``widths`` (display columns) and
    ``sizes`` (characters, indent included) one a line with text; ``widest``: the widest line of
    each blank-line group; ``stepped``: (indent, width) of the lines stepped in far enough to be
    centred (``wrap.MIN_CENTRED_INDENT``), all that ``wrap.centre`` reads.
    """

    indents: array[int] = field(default_factory=lambda: array("q"))
    widths: array[int] = field(default_factory=lambda: array("q"))
    sizes: array[int] = field(default_factory=lambda: array("q"))
    widest: dict[int, int] = field(default_factory=dict)
    unbroken: set[int] = field(default_factory=set)  # lines (of those with text) no evidence of the width
    stepped: list[tuple[int, int]] = field(default_factory=list)


def _measure(text: str, markdown: bool = False) -> _Layout:
    """The first reading: each line's indent, width and size, to find how the page was wrapped.
    In a Markdown dump a line holding a link's URL, which cannot be broken, may pass the width
    the rest was wrapped at: it is no evidence of that width (``_Layout.unbroken``)."""
    layout = _Layout()
    widest = layout.widest
    for line, stripped, group in _read_lines(text):
        if not stripped:
            layout.indents.append(-1)
            continue
        width = display_width(line)
        indent = len(line) - len(stripped)
        layout.indents.append(indent)
        if indent >= MIN_CENTRED_INDENT:
            layout.stepped.append((indent, width))
        layout.widths.append(width)
        layout.sizes.append(len(line))
        if markdown and "](" in line:
            layout.unbroken.add(len(layout.widths) - 1)
            widest.setdefault(group, 0)
        elif width > widest.get(group, -1):  # a comparison, not a max() call
            widest[group] = width
    return layout


def _lines(text: str, widths: Iterable[int]) -> Iterator[Line | None]:
    """The second reading: each line with its layout (``widths`` from the first, one a line with
    text); None for a blank line."""
    width = iter(widths)
    for line, stripped, group in _read_lines(text):
        yield _line(line, stripped, next(width), group) if stripped else None


def _line(line: str, stripped: str, width: int, group: int) -> Line:
    """One line with text (``stripped``: past its indent): its indent, bullet and number."""
    indent = len(line) - len(stripped)
    match = BULLET.match(stripped)
    if match:
        stripped = stripped[match.end() :]
    number, hang = (_number(match.group()), match.end()) if match else (0, 0)
    return Line(stripped, indent, width, bool(match), group, stripped, len(line), indent, number=number, hang=hang)


def _number(marker: str) -> int:
    """The number of a numbered bullet (``3.``, ``[12]``); 0 for a mark (``•``)."""
    digits = marker.strip(" \t[]().")
    return int(digits) if digits.isdigit() else 0


def _page_wrap(layout: _Layout) -> Wrap:
    """The width the page was wrapped at: an edge in the unit whose line lengths show one, and
    the widths of the widest lines.

    A dumper wraps every long paragraph at the widest lines' width; when they all end within
    ``WRAP_SLACK`` columns of the third-widest, the wrap is certain. Otherwise only a line that
    stops mid-sentence there was wrapped: a page whose long lines differ in width may be a wide
    dump with few long paragraphs, or a browser's innerText, one unwrapped line per paragraph (a
    paragraph left in two lines costs little; two paragraphs glued into one do).
    """
    all_widths, sizes = _evidence(layout.widths, layout.unbroken), _evidence(layout.sizes, layout.unbroken)
    columns = edge(all_widths, WRAP_SLACK)
    chars = edge(sizes, CHAR_SLACK)
    wrap = Wrap(chars[0], True) if chars[1] > columns[1] else Wrap(columns[0])
    opening = _opening(layout, wrap) if wrap.edge else 0
    centred = _centre(layout, wrap)
    widths = heapq.nlargest(MIN_WRAPPED_LINES, all_widths)
    if len(widths) < MIN_WRAPPED_LINES or widths[MIN_WRAPPED_LINES - 1] < MIN_WRAP_WIDTH:
        return Wrap(wrap.edge, wrap.chars, opening=opening, centre=centred)
    width = widths[MIN_WRAPPED_LINES - 1]
    return Wrap(wrap.edge, wrap.chars, width, widths[0] - width <= WRAP_SLACK, opening, centred)


def _evidence(numbers: array[int], unbroken: set[int]) -> Sequence[int]:
    """The numbers of the lines that show how the page was wrapped."""
    return [n for i, n in enumerate(numbers) if i not in unbroken] if unbroken else numbers


def _opening(layout: _Layout, wrap: Wrap) -> int:
    low = wrap.edge - wrap.slack()
    sizes = iter(layout.sizes if wrap.chars else layout.widths)  # one a line with text, in order
    return opening_indent(None if indent < 0 else (indent, next(sizes) >= low) for indent in layout.indents)


def _centre(layout: _Layout, wrap: Wrap) -> int:
    """The number the page's centred lines share (``wrap.centre``), in display columns; 0 on a page
    wrapped in characters or at no edge (a centred line is placed in columns)."""
    if not wrap.edge or wrap.chars or not layout.stepped:
        return 0
    return centre(layout.stepped, wrap.edge - wrap.slack())


def _group_wraps(layout: _Layout) -> dict[int, int]:
    """For each blank-line group, the width its lines wrap at: a column or a box of the page
    wraps its words at its own width (its widest line's). 0 when too narrow to tell."""
    return {group: width if width >= MIN_WRAP_WIDTH else 0 for group, width in layout.widest.items()}


def _merge_wrapped(text: str, markdown: bool = False) -> Iterator[Line]:
    """The dump's lines with text, each wrapped line joined to the line it continues (in a
    Markdown dump, also each line that goes on with a link the line above broke off).

    The dump is read twice: first for the numbers that say how it was wrapped (``_measure``),
    then line by line, each line joined to the paragraph before it or closing it. Only that
    paragraph is held, never every line of the dump.
    """
    layout = _measure(text, markdown)
    page = _page_wrap(layout)
    wraps = _group_wraps(layout)
    prev: Line | None = None
    link = (0, 0)  # how far inside a Markdown link the line above stopped (``markdown.open_link``)
    for line in _lines(text, layout.widths):
        if markdown:
            before, link = link, (0, 0)
            if line is not None:
                line.text = line.read = unquote(line.text)  # a quote's lines join without "> " (no prompt)
                if not line.indent and is_heading(line.read):
                    line.looks_like_code = False  # a heading, not a shell's comment: its wrapped words join it
                inside = before != (0, 0) and prev is not None and not line.bullet and goes_on(line.read, before)
                link = open_link(line.read, before if inside else link)
                if inside and prev is not None:
                    prev.add(line, url_gap(line.read) if before[1] else None)
                    continue
        if line is not None and prev is not None and wrapped(prev, line, page, wraps[line.group]):
            prev.add(line)
            continue
        if prev is not None:
            yield prev
        prev = line
    if prev is not None:
        yield prev


def split_dump(text: str, markdown: bool = False) -> list[Block]:
    """Split a text dump into line blocks with their layout features (``markdown``: the dump
    writes Markdown, whose links a wrapped line may break)."""
    blocks: list[Block] = []
    list_indent = -1  # indent of the bullet whose item we are in, -1 outside lists
    head = -1  # the blank-line group of lynx's head links (``HEAD_LINKS``), when the dump opens with them
    for line in _merge_wrapped(text, markdown):
        if line.group == head or (not blocks and head < 0 and not markdown and HEAD_LINKS.match(line.text)):
            head = line.group
            continue
        if line.bullet:
            list_indent = line.indent
        elif list_indent >= 0 and line.indent < list_indent + LIST_CONTINUATION_INDENT:
            list_indent = -1
        blocks.append(
            Block(
                index=len(blocks),
                text=line.joined(),
                kind="li" if line.bullet else "line",
                in_list=list_indent >= 0,
                bullet=line.bullet,
                indent=line.indent,
                source="text",
                group=line.group,
                item=line.number,  # Markdown output numbers the item so (document.markdown)
                ordered=line.number > 0,
            )
        )
    return _nested_paragraphs(blocks)


def _nested_paragraphs(blocks: list[Block]) -> list[Block]:
    """The blocks, each run of continuation lines under one bullet that spans
    ``MIN_NESTED_PARAGRAPHS`` paragraphs or more taken out of the list (text nested in an item),
    unless another such run stands in the same list (no line outside a list between them)."""
    runs = list(_long_runs(blocks))
    sizes = [sum(len(block.text) for block in blocks[start:end]) for start, end in runs]
    for k, (start, end) in enumerate(runs):
        # (a feed's entries are alike; a profile card's short lines beside an article are not one)
        after_previous = (
            k > 0
            and MAX_FEED_RATIO * sizes[k - 1] >= sizes[k]
            and all(b.in_list for b in blocks[runs[k - 1][1] : start])
        )
        before_next = (
            k + 1 < len(runs)
            and MAX_FEED_RATIO * sizes[k + 1] >= sizes[k]
            and all(b.in_list for b in blocks[end : runs[k + 1][0]])
        )
        if not (after_previous or before_next):
            blocks[start:end] = [replace(block, in_list=False) for block in blocks[start:end]]
    return blocks


def _sentences(blocks: list[Block], start: int, end: int) -> int:
    """Blocks of [start, end) that end a sentence: the paragraphs of a run set without blank lines."""
    return sum(ends_sentence(block.text) for block in blocks[start:end])


def _long_runs(blocks: list[Block]) -> Iterator[tuple[int, int]]:
    """[start, end) of each run of continuation lines under one bullet spanning
    ``MIN_NESTED_PARAGRAPHS`` paragraphs or more, or holding as many lines that end a sentence."""
    start = 0
    while start < len(blocks):
        if not blocks[start].in_list or blocks[start].bullet:
            start += 1
            continue
        end = start
        while end < len(blocks) and blocks[end].in_list and not blocks[end].bullet:
            end += 1
        paragraphs = blocks[end - 1].group - blocks[start].group + 1
        # (a table's cell sets its paragraphs with no blank line between: their sentences count)
        if paragraphs >= MIN_NESTED_PARAGRAPHS or _sentences(blocks, start, end) >= MIN_NESTED_PARAGRAPHS:
            yield start, end
        start = end
