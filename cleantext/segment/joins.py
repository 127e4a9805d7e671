"""Which display lines of a text dump go on with the line above: the joins of ``dump``'s second
reading.

A dumper breaks a paragraph where its text reaches the wrap width (``wrap.edge``), or where the
next word would not fit in the column or box the text stands in, or, for centred text, in the
room it is centred in (``wrap.centre``), or, for a dumper that breaks CJK text only at spaces,
before a run of it that then runs past the width (``_run_moved_down``). A line indented deeper
than the paragraph's last line, a bullet, a rule or a line of program code is a real break. Each
test reads only the paragraph held so far (its last line's width and indent, its last
characters) and the next line: a dump's paragraphs are joined in one pass, a line at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleantext.regexes import compiled
from cleantext.segment.wrap import display_width
from cleantext.text import UNSPACED, UNSPACED_CHAR, ends_sentence, looks_like_code

WRAP_SLACK = 4  # display columns: a line this close to the page's widest width was wrapped
# characters: a wrapper counting characters moves a CJK character to the next line with the closing
# mark after it (no line may open with one), so a wrapped line ends one short of the width; two
# short is as often a heading that stops there
CHAR_SLACK = 1
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
# Marks Chinese and Japanese typesetting never puts at the start of a line: a line opening with one
# continues the line above, whatever its width (the dumper broke it in a cell or a column).
NO_LINE_START = compiled(r"[，。、；：？！）」』】》〉]")
# display columns of a CJK line of prose broken inside its sentence for the line under it that ends
# the sentence to be its tail (``_sentence_tail``): thirty characters, longer than a headline
MIN_TAIL_COLUMNS = 60
MIN_TAIL_CHARS = 24  # of them CJK characters: a form's row padded with spaces and fields is not prose
CLAUSE_MARK = compiled(r"[，、；]")  # a mark inside a sentence of prose (not a label's colon): a headline has none
CJK_RUN_CHAR = compiled(r"[\u4e00-\u9fff]")
CJK_CHAR = UNSPACED_CHAR  # a character a line may break after or before without a space
# A rule: one mark drawn three times or more and nothing else (━━━ ----- =====). It never goes on
# with the line above: a centred headline reaches the wrap width with its indent, as a wrapped line
# would, and the rule under it is not the rest of it.
RULE = compiled(r"([^\w\s])\1{2,}")
OPEN_BRACKETS = ("[", "![")  # a dump's stand-in for an image opens with one (lynx, w3m; Markdown)


@dataclass(slots=True)
class Line:
    """A dump's line with text, or the paragraph joined so far from its wrapped lines."""

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

    def add(self, line: Line, gap: str | None = None) -> None:
        """Join ``line``, wrapped after this one: one list append per line, the string built once."""
        left = self.ending()
        gap = separator(left, line.text) if gap is None else gap
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


@dataclass(frozen=True, slots=True)
class Wrap:
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


def separator(left: str, right: str) -> str:
    """What goes between two pieces of a wrapped paragraph: nothing beside a CJK character or after
    a hyphen that ends a word (``well-`` + ``known``), else one space."""
    if CJK_CHAR.match(left[-1:]) or CJK_CHAR.match(right[:1]):
        return ""
    if left[-1:] == "-" and left[-2:-1].isalpha() and right[:1].isalpha():
        return ""
    return " "


def wrapped(prev: Line, line: Line, page: Wrap, group: int) -> bool:
    """Did the dumper break ``prev`` only because the text went on past the wrap width?

    Any line reaching the page's wrap width was wrapped (unless the wrap is uncertain and the
    line ends a sentence). Word-wrapped text (alphabetic scripts)
    in a narrower column was wrapped when the next line's first word would not have fit after
    it. CJK lines break anywhere, so a short CJK line in a group is a real break (a teaser grid's
    lines are as wide as each other, and must not be glued into a paragraph). A line indented
    a little deeper than the paragraph's last line starts the next paragraph.
    """
    # both lines centred (indent plus width the page's centre, give or take a column; a full line of
    # any alignment is too), tested inline: this runs for every pair of lines of such a page
    centre = page.centre
    if (
        centre
        and -1 <= prev.tail_indent + prev.width - centre <= 1
        and -1 <= line.indent + line.width - centre <= 1
        and not (prev.bullet or line.bullet)
        and _centred_wrap(prev, line, page)
    ):
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
    if _sentence_tail(prev, line):
        return True
    # (a line past the width, in columns, first: the cheap test, true of few lines)
    if page.edge and line.width > page.edge and _run_moved_down(prev, line, page):
        return True
    if not _reaches_width(prev, line, page, group):
        return False
    if (prev.code() or line.code()) and not _bracket_closed(prev, line):
        return False
    return not RULE.fullmatch(line.text)


def _bracket_closed(prev: Line, line: Line) -> bool:
    """Does ``line`` close the square bracket its one line above opened? An image's stand-in whose
    name or address (``[u=35203,37266&amp;fm=173…img.JPEG]``, no space to break at) the dumper
    broke at the width: one stand-in, however much its pieces look like code."""
    close = line.text.find("]")
    return (
        prev.pieces is None
        and prev.text.startswith(OPEN_BRACKETS)
        and "]" not in prev.text
        and close >= 0
        and "[" not in line.text[:close]
    )


def _sentence_tail(prev: Line, line: Line) -> bool:
    """A long CJK line of prose (``MIN_TAIL_COLUMNS``, a clause mark inside) that stops inside its
    sentence, under which a shorter CJK line at its text's indent ends the sentence (``…炒到刚刚凝固
    就盛出`` / ``来。``): wrapped, whatever the page's width says. A short dump has too few lines
    reaching its width to measure it, and headlines and menu entries carry no clause mark."""
    end = prev.ending()
    if prev.width < MIN_TAIL_COLUMNS or line.width >= prev.width or not CJK_CHAR.match(end[-1:]):
        return False
    if ends_sentence(end) or not ends_sentence(line.text) or not CJK_CHAR.match(line.text[:1]):
        return False
    last = prev.pieces[-1] if prev.pieces else prev.text
    return CLAUSE_MARK.search(last) is not None and len(CJK_RUN_CHAR.findall(last)) >= MIN_TAIL_CHARS


def _centred_wrap(prev: Line, line: Line, page: Wrap) -> bool:
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
    if not _first_word_overflows(line, text, room - page.slack()):
        return False
    short = line.width - line.indent < room - MAX_WORD_COLUMNS
    return not (short and ends_sentence(prev.ending()) and line.text[:1].isupper())


def _reaches_width(prev: Line, line: Line, page: Wrap, group: int) -> bool:
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
    return _first_word_overflows(line, prev.width, group)


def _ends_lower_word(line: Line) -> bool:
    """Does the line stop on a word in lower case, mid-sentence (``…a debate in which``)? A line
    ending in a name or a title (``By Metro Desk The Evening Courier``) may stand above a date."""
    last = line.pieces[-1] if line.pieces else line.text
    word = last[last.rfind(" ") + 1 :]
    return word[:1].islower() and word[-1:].isalpha()


def _next_word_overflows(prev: Line, line: Line, size: int, page: Wrap) -> bool:
    """Word-wrapped text: would the next line's first word not have fitted after ``prev`` (of
    ``size`` in the page's unit)?"""
    if size < page.edge - MAX_BOUND_COLUMNS:
        return False
    if line.text[:1].islower() and _ends_lower_word(prev):
        return True  # a sentence going on in lower case: the words it opens with may have been bound
    if size < page.edge - MAX_WORD_COLUMNS:
        return False
    return _first_word_overflows(line, size, page.edge, page.chars)


def _run_moved_down(prev: Line, line: Line, page: Wrap) -> bool:
    """Was ``prev`` broken before a run of CJK text too long for the page? A dumper that breaks
    such text only at spaces (lynx) moves the run down whole, and the line holding it runs past
    the page's width (``本报讯（记者`` over ``刘晓明）5月12日上午……``): the line above stopped short
    of the width, mid-sentence, because the run would not fit after it."""
    if (line.size if page.chars else line.width) <= page.edge + page.slack() or not CJK_CHAR.match(line.text[:1]):
        return False
    if ends_sentence(prev.ending()) or prev.code() or line.code():
        return False
    run = line.text.split(None, 1)[0]
    used = prev.size if page.chars else prev.width
    return _overflows(run, used, page.edge + page.slack(), page.chars)


def _first_word_overflows(line: Line, used: int, room: int, chars: bool = False) -> bool:
    """Would ``line``'s first word (of a script written with spaces) not have fitted after ``used``
    columns (characters when ``chars``) of a line ``room`` wide?"""
    first = FIRST_WORD.match(line.text)
    return first is not None and _overflows(first.group(), used, room, chars)


def _overflows(word: str, used: int, room: int, chars: bool) -> bool:
    """Would ``word`` not have fitted after ``used`` columns (characters when ``chars``) of a line
    ``room`` wide? One column goes to the space the wrapper dropped (there may have been one after
    a CJK character too)."""
    return used + 1 + (len(word) if chars else display_width(word)) > room
