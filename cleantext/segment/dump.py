"""Text dumps of pages (w3m/lynx -dump, html2text, a browser's innerText) → blocks.

What such dumps look like, and what this module relies on:

- Paragraphs are separated by blank lines; menus and teaser lists are bullet lines
  (``•``, ``*``, ``-``, ``1.``), often indented, with a teaser's summary indented under its bullet.
- A dumper or converter wraps long paragraphs at a fixed width, counted in display columns (CJK
  characters count two) or in characters, so a line that reaches that width continues on the
  next line. The width is read from the page (``wrap.py``): any width, not only 80 columns.
  Word-wrapped text in a narrower column or box wraps at that box's width: such a line was
  wrapped when the next line's first word would not have fitted after it (the widest line of
  its blank-line group gives the box's width). Wrapped lines are joined back (without a space
  between CJK characters, without one after a hyphen that ends a word); lines of program code
  never are. A line indented deeper than the line before it starts a paragraph (paragraphs that
  open with ``　　`` or spaces, with no blank line between them).
- A paragraph is joined from its pieces in one pass (a list of pieces, joined once): rebuilding
  the string at each wrapped line made a dump's cost grow with the square of its paragraphs' length.
- A dump is read twice, a slice of the text at a time: first for the numbers that tell how it was
  wrapped (each line's width, size and indent), then line by line, each line joined to the
  paragraph before it or closing it. Beside the text, only those numbers and one paragraph are
  held, never an object for every line (a 20 MB dump's lines took ~65 MB as objects).
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
from cleantext.segment.markdown import goes_on, is_heading, open_link, unquote, url_gap
from cleantext.segment.wrap import centre, edge, opening_indent
from cleantext.text import UNSPACED, UNSPACED_CHAR, ends_sentence, looks_like_code

BULLET = compiled(r"^(?:[•·◦▪▫●○■□◆◇►▶▸»*+\-–]|\d{1,3}[.)]|\[\d{1,3}\])\s+")
SLICE_CHARS = 1 << 20  # characters of a dump cut into lines at a time
MIN_WRAP_WIDTH = 60  # display columns; narrower pages are not treated as hard-wrapped
WRAP_SLACK = 4  # display columns: a line this close to the page's widest width was wrapped
# characters: a wrapper counting characters moves a CJK character to the next line with the closing
# mark after it (no line may open with one), so a wrapped line ends one short of the width; two
# short is as often a heading that stops there
CHAR_SLACK = 1
MIN_WRAPPED_LINES = 3  # lines reaching the wrap width: fewer could be long paragraphs by chance
MAX_WORD_COLUMNS = 20  # display columns: a word-wrapped line ends at most a long word short of the width
# display columns: a line that stops mid-sentence before one opening in lower case may end this far
# short of the width. Typography that binds short words to the next with no-break spaces (Polish
# "a&nbsp;także", "w&nbsp;tym", French before "?" and ":") hands the wrapper groups of several
# words, which it moves down whole.
MAX_BOUND_COLUMNS = 2 * MAX_WORD_COLUMNS
FIRST_WORD = compiled(rf"[^\s{UNSPACED}]+")  # a word of a script written with spaces
LIST_CONTINUATION_INDENT = 2  # columns deeper than its bullet: a teaser's summary line
# characters: a paragraph's first line is indented this much at most deeper than the lines that
# continue it (two ideographic spaces, four or six spaces); deeper is a table's cell beside another
MAX_PARAGRAPH_INDENT = 8
# paragraphs (blank-line groups) under one bullet from which they are text nested in a list item,
# not the item's continuation: a teaser's summary, its byline and its date are three at most
MIN_NESTED_PARAGRAPHS = 4
MAX_FEED_RATIO = 4  # times the characters of another run under a bullet of its list: more is no feed
# East Asian Wide and Fullwidth characters (two terminal columns): the blocks a dump holds in
# practice — Hangul Jamo, CJK punctuation to Yi, Hangul syllables, compatibility ideographs,
# vertical and small forms, fullwidth forms, the supplementary ideograph planes, and the emoji
# that terminals draw two columns wide (Unicode's East_Asian_Width W, without a per-character
# unicodedata call, which was the slowest step of reading a dump).
WIDE_BMP = compiled(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3"
    "\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6"
    "\u231a\u231b\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2648-\u2653\u267f\u2693\u26a1"
    "\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea\u26f2\u26f3\u26f5\u26fa\u26fd\u2705"
    "\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55]"
)
NARROW_BMP_RUN = compiled("[^" + WIDE_BMP.pattern[1:] + "+")  # the wide characters are what remains
WIDE_RUN = compiled(WIDE_BMP.pattern + "+")  # a run of characters two columns wide
# Kept apart: a class with supplementary-plane ranges is matched range by range, several times
# slower than a BMP-only class, and such characters are rare.
WIDE_ASTRAL = compiled(
    "[\U00020000-\U0003fffd\U0001f004\U0001f0cf\U0001f18e\U0001f191-\U0001f19a\U0001f200-\U0001f320"
    "\U0001f32d-\U0001f335\U0001f337-\U0001f37c\U0001f37e-\U0001f393\U0001f3a0-\U0001f3ca"
    "\U0001f3cf-\U0001f3d3\U0001f3e0-\U0001f3f0\U0001f3f4\U0001f3f8-\U0001f43e\U0001f440"
    "\U0001f442-\U0001f4fc\U0001f4ff-\U0001f53d\U0001f54b-\U0001f54e\U0001f550-\U0001f567\U0001f57a"
    "\U0001f595\U0001f596\U0001f5a4\U0001f5fb-\U0001f64f\U0001f680-\U0001f6c5\U0001f6cc"
    "\U0001f6d0-\U0001f6d2\U0001f6d5-\U0001f6d7\U0001f6eb\U0001f6ec\U0001f6f4-\U0001f6fc"
    "\U0001f7e0-\U0001f7eb\U0001f90c-\U0001f93a\U0001f93c-\U0001f945\U0001f947-\U0001f9ff"
    "\U0001fa70-\U0001faff]"
)

ASTRAL = compiled("[\U00010000-\U0010ffff]")  # any supplementary-plane character: one range scans fast
# Marks Chinese and Japanese typesetting never puts at the start of a line: a line opening with one
# continues the line above, whatever its width (the dumper broke it in a cell or a column).
NO_LINE_START = compiled(r"[，。、；：？！）」』】》〉]")
CJK_CHAR = UNSPACED_CHAR  # a character a line may break after or before without a space
# A frame's top or bottom line (corners and rules only), and a frame's side at either end of a line.
# w3m draws a bordered page or box with thin lines (heavy ones are tables' own borders).
FRAME_EDGE = compiled(r"^[ \t]*[┌└][─┬┴┐┘ ]*$", re.M)
# A rule: one mark drawn three times or more and nothing else (━━━ ----- =====). It never goes on
# with the line above: a centred headline reaches the wrap width with its indent, as a wrapped line
# would, and the rule under it is not the rest of it.
RULE = compiled(r"([^\w\s])\1{2,}")
LEFT_SIDE = compiled(r"^([ \t]*)│", re.M)
RIGHT_SIDE = compiled(r"│[ \t]*$", re.M)


@dataclass(slots=True)
class _Line:
    text: str  # the paragraph's text once ``pieces`` are joined (``joined``)
    indent: int
    width: int  # display columns of the last line read into it
    bullet: bool
    group: int
    read: str = ""  # the first line as read, bullet removed
    size: int = 0  # characters of the last line read into it, indent included
    tail_indent: int = 0
    # Made only when a line is joined to it (a dump has hundreds of thousands of lines, few joined):
    pieces: list[str] | None = None  # pieces and separators of the joined paragraph
    end: str = ""  # the joined text's last two characters: all the next line's join looks at
    number: int = 0  # the number of a numbered bullet ("3." → 3), 0 otherwise
    hang: int = 0  # columns from a bullet to its item's text ("• " 2, "12. " 4), 0 without a bullet
    looks_like_code: bool | None = None  # worked out when first asked: most lines never are

    def ending(self) -> str:
        """The text's end (its last two characters or more)."""
        return self.end if self.pieces else self.text

    def add(self, line: _Line, gap: str | None = None) -> None:
        """Join ``line``, wrapped after this one: one list append per line, the string built once."""
        left = self.ending()
        gap = _separator(left, line.text) if gap is None else gap
        if self.pieces is None:
            self.pieces = [self.text]
        self.pieces.append(gap)
        self.pieces.append(line.text)
        self.end = (left[-2:] + gap + line.text)[-2:]
        self.tail_indent, self.width, self.size = line.indent, line.width, line.size

    def joined(self) -> str:
        if self.pieces:
            self.text, self.pieces = "".join(self.pieces), None
        return self.text

    def code(self) -> bool:
        """Does the line as read look like program code? Code keeps its lines: never joined."""
        if self.looks_like_code is None:
            self.looks_like_code = self.read.isascii() and looks_like_code(self.read)
        return self.looks_like_code


def display_width(text: str) -> int:
    """Columns a terminal gives the text: wide (CJK) characters take two.

    >>> display_width("ab中文")
    6
    """
    if text.isascii():
        return len(text)
    wide = len(NARROW_BMP_RUN.sub("", text))
    if ASTRAL.search(text):
        wide += len(WIDE_ASTRAL.findall(text))
    return len(text) + wide


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
    each blank-line group.
    """

    indents: array[int] = field(default_factory=lambda: array("q"))
    widths: array[int] = field(default_factory=lambda: array("q"))
    sizes: array[int] = field(default_factory=lambda: array("q"))
    widest: dict[int, int] = field(default_factory=dict)
    unbroken: set[int] = field(default_factory=set)  # lines (of those with text) no evidence of the width


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
        layout.indents.append(len(line) - len(stripped))
        layout.widths.append(width)
        layout.sizes.append(len(line))
        if markdown and "](" in line:
            layout.unbroken.add(len(layout.widths) - 1)
            widest.setdefault(group, 0)
        elif width > widest.get(group, -1):  # a comparison, not a max() call
            widest[group] = width
    return layout


def _lines(text: str, widths: Iterable[int]) -> Iterator[_Line | None]:
    """The second reading: each line with its layout (``widths`` from the first, one a line with
    text); None for a blank line."""
    width = iter(widths)
    for line, stripped, group in _read_lines(text):
        yield _line(line, stripped, next(width), group) if stripped else None


def _line(line: str, stripped: str, width: int, group: int) -> _Line:
    """One line with text (``stripped``: past its indent): its indent, bullet and number."""
    indent = len(line) - len(stripped)
    match = BULLET.match(stripped)
    if match:
        stripped = stripped[match.end() :]
    number, hang = (_number(match.group()), match.end()) if match else (0, 0)
    return _Line(stripped, indent, width, bool(match), group, stripped, len(line), indent, number=number, hang=hang)


def _number(marker: str) -> int:
    """The number of a numbered bullet (``3.``, ``[12]``); 0 for a mark (``•``)."""
    digits = marker.strip(" \t[]().")
    return int(digits) if digits.isdigit() else 0


@dataclass(frozen=True, slots=True)
class _Wrap:
    """How the page was wrapped.

    ``edge``: the width its line lengths show (``wrap.py``; 0: none), in characters when ``chars``
    else in display columns; a line within the slack of it was wrapped. ``widest``: the
    third-widest line's width (0: too narrow), ``certain`` when the widest lines all end within
    ``WRAP_SLACK`` columns of it — what a line past the edge is judged by (a page may wrap its
    article's column at one width and a few other lines at the dumper's own).
    """

    edge: int = 0
    chars: bool = False
    widest: int = 0
    certain: bool = False
    opening: int = 0  # the indent that opens each paragraph (``wrap.opening_indent``), 0: none
    centre: int = 0  # indent plus width of the page's centred lines (``wrap.centre``), 0: none

    def slack(self) -> int:
        return CHAR_SLACK if self.chars else WRAP_SLACK


def _page_wrap(layout: _Layout) -> _Wrap:
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
    wrap = _Wrap(chars[0], True) if chars[1] > columns[1] else _Wrap(columns[0])
    opening = _opening(layout, wrap) if wrap.edge else 0
    centred = _centre(layout, wrap)
    widths = heapq.nlargest(MIN_WRAPPED_LINES, all_widths)
    if len(widths) < MIN_WRAPPED_LINES or widths[MIN_WRAPPED_LINES - 1] < MIN_WRAP_WIDTH:
        return _Wrap(wrap.edge, wrap.chars, opening=opening, centre=centred)
    width = widths[MIN_WRAPPED_LINES - 1]
    return _Wrap(wrap.edge, wrap.chars, width, widths[0] - width <= WRAP_SLACK, opening, centred)


def _evidence(numbers: array[int], unbroken: set[int]) -> Sequence[int]:
    """The numbers of the lines that show how the page was wrapped."""
    return [n for i, n in enumerate(numbers) if i not in unbroken] if unbroken else numbers


def _opening(layout: _Layout, wrap: _Wrap) -> int:
    low = wrap.edge - wrap.slack()
    sizes = iter(layout.sizes if wrap.chars else layout.widths)  # one a line with text, in order
    return opening_indent(None if indent < 0 else (indent, next(sizes) >= low) for indent in layout.indents)


def _centre(layout: _Layout, wrap: _Wrap) -> int:
    """The number the page's centred lines share (``wrap.centre``), in display columns; 0 on a page
    wrapped in characters or at no edge (a centred line is placed in columns)."""
    if not wrap.edge or wrap.chars:
        return 0
    indents = (indent for indent in layout.indents if indent >= 0)  # one a line with text, as widths
    return centre(zip(indents, layout.widths, strict=True), wrap.edge - wrap.slack())


def _group_wraps(layout: _Layout) -> dict[int, int]:
    """For each blank-line group, the width its lines wrap at: a column or a box of the page
    wraps its words at its own width (its widest line's). 0 when too narrow to tell."""
    return {group: width if width >= MIN_WRAP_WIDTH else 0 for group, width in layout.widest.items()}


def _separator(left: str, right: str) -> str:
    """What goes between two pieces of a wrapped paragraph: nothing beside a CJK character or after
    a hyphen that ends a word (``well-`` + ``known``), else one space."""
    if CJK_CHAR.match(left[-1:]) or CJK_CHAR.match(right[:1]):
        return ""
    if left[-1:] == "-" and left[-2:-1].isalpha() and right[:1].isalpha():
        return ""
    return " "


def _wrapped(prev: _Line, line: _Line, page: _Wrap, group: int) -> bool:
    """Did the dumper break ``prev`` only because the text went on past the wrap width?

    Any line reaching the page's wrap width was wrapped (unless the wrap is uncertain and the
    line ends a sentence). Word-wrapped text (alphabetic scripts)
    in a narrower column was wrapped when the next line's first word would not have fit after
    it. CJK lines break anywhere, so a short CJK line in a group is a real break (a teaser grid's
    lines are as wide as each other, and must not be glued into a paragraph). A line indented
    a little deeper than the paragraph's last line starts the next paragraph.
    """
    if page.centre and _centred(prev, page) and _centred(line, page) and _centred_wrap(prev, line, page):
        return True
    # an item's text goes on under its text, not under its bullet: as deep as a numbered bullet is wide
    if line.bullet or line.indent > prev.indent + (max(prev.hang, LIST_CONTINUATION_INDENT) if prev.bullet else 0):
        return False
    if prev.pieces and prev.tail_indent < line.indent <= prev.tail_indent + MAX_PARAGRAPH_INDENT:
        return False  # back to the paragraph's opening indent: the next paragraph's first line
    if page.opening and line.indent == page.opening:
        return False
    if NO_LINE_START.match(line.text) and CJK_CHAR.match(prev.ending()[-1:]):
        return True
    if not _reaches_width(prev, line, page, group) or prev.code() or line.code():
        return False
    return not RULE.fullmatch(line.text)


def _centred(line: _Line, page: _Wrap) -> bool:
    """Does the line (its last line read) stand centred on the page: as far from the right edge as
    from the left, give or take a column? (A full line of any alignment does too.)"""
    return not line.bullet and abs(line.tail_indent + line.width - page.centre) <= 1


def _centred_wrap(prev: _Line, line: _Line, page: _Wrap) -> bool:
    """Two centred lines: was ``prev`` broken only because the next line's first word would not fit
    beside it? The room a line is centred in is the page's width less its left margin on both
    sides (``2 * edge - centre``), give or take the slack (a dumper's centring rounds, and wraps a
    little short); a centred line's indent says nothing of a new paragraph. A short
    line opening in upper case under a sentence's end is a heading or the next paragraph."""
    if prev.code() or line.code() or RULE.fullmatch(line.text):
        return False
    room = 2 * page.edge - page.centre
    text = prev.width - prev.tail_indent
    if CJK_CHAR.match(prev.ending()[-1:]) or CJK_CHAR.match(line.text[:1]):
        return text >= room - 2 * page.slack()
    first = FIRST_WORD.match(line.text)
    if first is None or text + 1 + display_width(first.group()) <= room - page.slack():
        return False
    short = line.width - line.indent < room - MAX_WORD_COLUMNS
    return not (short and ends_sentence(prev.ending()) and line.text[:1].isupper())


def _reaches_width(prev: _Line, line: _Line, page: _Wrap, group: int) -> bool:
    """Does ``prev`` reach the page's wrap width, or its column's before the next word?"""
    size = prev.size if page.chars else prev.width
    if page.edge and size <= page.edge + page.slack():  # the edge judges the lines it bounds
        if size >= page.edge - page.slack() or _next_word_overflows(prev, line, size, page):
            return True
    elif page.widest and prev.width >= page.widest - WRAP_SLACK and (page.certain or not ends_sentence(prev.ending())):
        return True
    # the cheap tests first: most lines stop too short of their column for any word to matter
    if not group or prev.width < group - MAX_WORD_COLUMNS or CJK_CHAR.match(prev.ending()[-1:]):
        return False
    first = FIRST_WORD.match(line.text)
    return first is not None and prev.width + 1 + display_width(first.group()) > group


def _ends_lower_word(line: _Line) -> bool:
    """Does the line stop on a word in lower case, mid-sentence (``…a debate in which``)? A line
    ending in a name or a title (``By Metro Desk The Evening Courier``) may stand above a date."""
    last = line.pieces[-1] if line.pieces else line.text
    word = last[last.rfind(" ") + 1 :]
    return word[:1].islower() and word[-1:].isalpha()


def _next_word_overflows(prev: _Line, line: _Line, size: int, page: _Wrap) -> bool:
    """Word-wrapped text: would the next line's first word not have fitted after ``prev`` (of
    ``size`` in the page's unit)?"""
    if size < page.edge - MAX_BOUND_COLUMNS:
        return False
    first = FIRST_WORD.match(line.text)
    if first is None:
        return False
    if line.text[:1].islower() and _ends_lower_word(prev):
        return True  # a sentence going on in lower case: the words it opens with may have been bound
    if size < page.edge - MAX_WORD_COLUMNS:
        return False
    word = first.group()
    # one column for the space the wrapper dropped (there may have been one after a CJK character too)
    return size + 1 + (len(word) if page.chars else display_width(word)) > page.edge


def _merge_wrapped(text: str, markdown: bool = False) -> Iterator[_Line]:
    """The dump's lines with text, each wrapped line joined to the line it continues (in a
    Markdown dump, also each line that goes on with a link the line above broke off).

    The dump is read twice: first for the numbers that say how it was wrapped (``_measure``),
    then line by line, each line joined to the paragraph before it or closing it. Only that
    paragraph is held, never every line of the dump.
    """
    layout = _measure(text, markdown)
    page = _page_wrap(layout)
    wraps = _group_wraps(layout)
    prev: _Line | None = None
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
        if line is not None and prev is not None and _wrapped(prev, line, page, wraps[line.group]):
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
    for line in _merge_wrapped(text, markdown):
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
