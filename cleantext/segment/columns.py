"""Side-by-side columns in a text dump, read one after the other.

A terminal dumper (w3m, links) lays a page's table columns out side by side: a sidebar of links
on the left, the article on the right, each line of the dump holding a piece of both. Read line
by line, every block would glue a menu entry to a piece of the article. What shows a layout:

- the right column starts at the same display column on line after line (the dumper pads the
  left one with spaces up to it), so many lines have a gap of several spaces spanning it; a
  centred column starts a little further right on some lines, its gap still spans that column;
- other lines of the stretch hold only the left column (shorter than the start) or only the
  right one (indented up to the start);
- one column at least holds wrapped text: a data table's cells are short, a form's left side is
  labels (``发布日期：``), their rows must stay rows, and they are left alone;
- a terminal dumper lines the columns up in display columns (a CJK character takes two), a converter
  laying text out like a browser's innerText (inscriptis) pads each cell to a number of characters:
  beside a left column holding CJK text, the right one starts at one character index, at varying
  display columns. Where more of the gaps after wide characters end at a character index many
  lines' gaps end at than at such a display column, the dump is read in characters.

Each stretch found is rewritten as its left column, a blank line, then its right column (each
unfolded again if it holds columns itself, and its word wrapping undone: a column is narrower than
the page, and the dump stage only joins lines wrapped at a page's width); the rest of the dump is
untouched.

>>> left = ["Home", "News", "Sports", "Weather", "Contact", "About us"]
>>> right = ["The council met on Tuesday and", "agreed to keep the library open", "on Sundays, after a long debate",
...          "about the cost of heating it in", "winter and of paying the staff", "who would have to work longer."]
>>> text = "\\n".join(f"{a:<30}{b}" for a, b in zip(left, right, strict=True))
>>> print(unfold_columns(text))  # doctest: +ELLIPSIS
Home
News
Sports
Weather
Contact
About us
<BLANKLINE>
The council met on Tuesday and agreed to keep the library open on Sundays, after a long debate ...
<BLANKLINE>
"""

from __future__ import annotations

from collections import Counter

from cleantext.regexes import compiled
from cleantext.segment.dump import BULLET, unbox_line
from cleantext.segment.joins import CJK_CHAR, FIRST_WORD, RULE
from cleantext.segment.wrap import ASTRAL, WIDE_RUN, display_width
from cleantext.text import COLONS

# Three spaces or more between two pieces of text. Not next to a box-drawing character: a table
# the dumper drew with borders (│ ┃) is a table, its rows stay rows. GAP_PLAIN says it plainly;
# GAP opens with the three spaces and looks behind them instead: the engine searches for a
# pattern's opening literal text rather than trying the pattern at every position (~1.5x faster;
# a test checks that both find the same gaps).
GAP_PLAIN = r"(?<=[^\s\u2500-\u257f]) {3,}(?=[^\s\u2500-\u257f])"
GAP = compiled(r"   (?<=[^\s\u2500-\u257f]   ) *(?=[^\s\u2500-\u257f])")
LONE_BULLET_MARKS = "•·◦▪▫●○■□◆◇►▶▸*+–-"  # "-" last: a character class reads it as itself
LONE_BULLET = compiled(r"(?:^|(?<=\S) {2,}|^ +)([" + LONE_BULLET_MARKS + r"]) +$")
LONE_BULLET_ENDS = tuple(LONE_BULLET_MARKS)  # for ``str.endswith``
MIN_SPLIT_LINES = 6  # lines with text on both sides of the same column: fewer is chance
MIN_BOTH_SHARE = 0.3  # of a stretch's text lines, the share with text on both sides
# Lines from a stretch's first over which MIN_SPLIT_LINES must have a gap at its column; or over
# the wider window, where most of the lines with gaps have one there: a side column of headings and
# short entries beside paragraphs leaves lines of one column between (a converter that does not
# wrap sets a paragraph on one line), but a page's header and a third column must not pass for one.
WINDOW_LINES = 2 * MIN_SPLIT_LINES
WIDE_WINDOW_LINES = 4 * MIN_SPLIT_LINES
MIN_WIDE_SPAN_SHARE = 0.5
MIN_PROSE_COLUMNS = 20  # display columns one side's lines reach on average: wrapped text, not cells
MIN_SIDE_COLUMNS = 6  # display columns the other side reaches on average: menu entries, not a border
WRAP_RANK = 2  # the column's width is its (WRAP_RANK + 1)-th widest line's
CJK_SLACK = 2  # display columns: a CJK line this close to its column's width was wrapped
MAX_STRETCH_GAP = 2  # lines that do not fit the layout, in a row, before a stretch ends


def _gaps(line: str, chars: bool = False) -> list[tuple[int, int]]:
    """The gaps in ``line``: the display columns (``chars``: the characters) where each starts and
    where the text after it starts."""
    gaps = []
    for m in GAP.finditer(line.rstrip()):
        end = m.end() if chars else display_width(line[: m.end()])
        gaps.append((end - (m.end() - m.start()), end))  # a gap is spaces, one column each
    return gaps


def _spanning(window: list[list[tuple[int, int]]], column: int) -> int:
    """How many lines of ``window`` have a gap that reaches up to ``column`` from its left (text
    starts at or past it)?"""
    count = 0
    for gaps in window:
        for start, end in gaps:
            if start < column <= end:
                count += 1
                break
    return count


def _cut(line: str, column: int, chars: bool = False) -> tuple[str, str] | None:
    """The line's left and right parts at display ``column`` (``chars``: at that character), or
    None if text spans it."""
    at = (column if column < len(line) else None) if chars else _index_of_column(line, column)
    if at is None:
        return line.rstrip(), ""
    left, right = line[:at], line[at:].rstrip()
    if not left.endswith(" ") and left.strip():
        return None
    # the right column's bullet, set left of its text. A match ends with the bullet, then spaces
    # (and ``$`` allows a final newline): only a left part that ends so once stripped can hold one,
    # and testing that first spares the search, which tries its alternatives at every position.
    kept = left.rstrip()
    if kept.endswith(LONE_BULLET_ENDS):
        bullet = LONE_BULLET.search(left)
        if bullet is not None:
            return left[: bullet.start()].rstrip(), bullet.group(1) + " " + right
    return kept, right


def _index_of_column(line: str, column: int) -> int | None:
    """Index of the first character at or past display ``column``; None when the line is shorter.

    Walks the runs of wide characters rather than every character: before a run, each character
    takes one column, inside it two (a line with supplementary-plane characters, whose width
    varies, is walked character by character).
    """
    if line.isascii():
        return column if column < len(line) else None
    if ASTRAL.search(line):
        return _index_of_column_by_character(line, column)
    width = at = 0  # display columns before index ``at``
    for run in WIDE_RUN.finditer(line, 0, column):  # no index past ``column`` can be the answer
        if column - width <= run.start() - at:  # reached among the narrow characters before the run
            return at + max(0, column - width)
        width += run.start() - at
        if column - width <= 2 * (run.end() - run.start()):  # reached inside the run
            index = run.start() + (column - width + 1) // 2
            return index if index < len(line) else None
        width, at = width + 2 * (run.end() - run.start()), run.end()
    index = at + max(0, column - width)
    return index if index < len(line) else None


def _index_of_column_by_character(line: str, column: int) -> int | None:
    width = 0
    for i, char in enumerate(line):
        if width >= column:
            return i
        width += display_width(char)
    return None


def _stretch(lines: list[str], start: int, column: int, chars: bool = False) -> tuple[int, list[tuple[str, str]]]:
    """From ``start``, the lines that fit a layout with the right column at ``column``."""
    parts: list[tuple[str, str]] = []
    misfits = 0
    end = start
    for i in range(start, len(lines)):
        cut = _cut(lines[i], column, chars) if lines[i].strip() else ("", "")
        if cut is None:
            misfits += 1
            if misfits > MAX_STRETCH_GAP:
                break
            continue
        if end < i:  # misfits in between: left as they are
            parts.extend([(lines[j], "") for j in range(end, i)])
        parts.append(cut)
        misfits, end = 0, i + 1
    while parts and not parts[-1][1].strip():  # the stretch ends with its last right-hand text
        parts.pop()
    return start + len(parts), parts


def _is_layout(parts: list[tuple[str, str]]) -> bool:
    both = [(a, b) for a, b in parts if a.strip() and b.strip()]
    if len(both) < MIN_SPLIT_LINES or len(both) < MIN_BOTH_SHARE * sum(1 for a, b in parts if a.strip() or b):
        return False
    if sum(a.rstrip().endswith(COLONS) for a, _ in both) * 2 >= len(both):
        return False  # a form of labels and values ("发文机关：   吉林省人民政府"): rows
    left = sum(display_width(a.strip()) for a, _ in both) / len(both)
    right = sum(display_width(b.strip()) for _, b in both) / len(both)
    return max(left, right) >= MIN_PROSE_COLUMNS and min(left, right) >= MIN_SIDE_COLUMNS




def unbox(text: str) -> str:
    """The dump without the frame drawn around a page or a box (see ``dump.unbox_line``, which
    ``split_dump`` applies line by line: a whole dump's copy is never made).

    >>> unbox("┌──┐\\n│ 正文 │\\n└──┘")
    '\\n  正文 \\n'
    """
    if "│" not in text:
        return text
    return "\n".join(unbox_line(line) for line in text.split("\n"))


def unfold_columns(text: str) -> str:
    """The dump with each side-by-side stretch rewritten column after column."""
    # A gap never spans a line break (``\s`` on both sides), so a dump without one anywhere has no
    # columns: most dumps with three spaces only have them as indents, and are not cut into lines.
    if GAP.search(text) is None:
        return text
    lines = text.split("\n")
    # without a wide character, a character is a display column
    chars = (WIDE_RUN.search(text) is not None or ASTRAL.search(text) is not None) and _lined_up_in_characters(lines)
    return _unfold(text, lines, chars)


def _lined_up_in_characters(lines: list[str]) -> bool:
    """Do the gaps after wide characters end where many lines' gaps end in characters more often
    than in display columns (a converter padding cells to a number of characters)?"""
    by_chars: Counter[int] = Counter()
    by_columns: Counter[int] = Counter()
    wide: list[tuple[int, int]] = []  # where a gap after wide characters ends: (character, display column)
    for line in lines:
        if "   " not in line.strip():
            continue
        for m in GAP.finditer(line.rstrip()):
            end, column = m.end(), display_width(line[: m.end()])
            by_chars[end] += 1
            by_columns[column] += 1
            if column != end:
                wide.append((end, column))
    in_chars = sum(by_chars[end] >= MIN_SPLIT_LINES for end, _ in wide)
    return in_chars > sum(by_columns[column] >= MIN_SPLIT_LINES for _, column in wide)


def _unfold(text: str, lines: list[str], chars: bool) -> str:
    """The dump (``text``, cut into ``lines``) with each side-by-side stretch lined up in display
    columns (``chars``: in characters) rewritten column after column."""
    # A gap has text on both sides, so it lies within the stripped line (``\s`` and ``str.strip``
    # both go by ``str.isspace``): most lines with three spaces only have them as an indent.
    # Kept for the lines that have gaps only: not an empty list for every line of a huge dump.
    gaps = {i: found for i, line in enumerate(lines) if "   " in line.strip() and (found := _gaps(line, chars))}
    out: list[str] = []
    tried: dict[int, int] = {}  # column -> line up to which a stretch at it was tried and failed
    done = 0  # the lines before this one are in ``out``
    for i in gaps:  # only these can start a stretch (in line order: a dict keeps its insertion order)
        if i < done:
            continue
        end, parts = _layout_at(lines, gaps, i, tried, chars)
        if not parts:
            continue
        out.extend(lines[done:i])  # lines outside any stretch stay as they are
        for column in ([left for left, _ in parts], [right for _, right in parts]):
            text_of_column = "\n".join(column)
            # a column may hold columns (three side by side)
            unfolded = _unfold(text_of_column, column, chars) if GAP.search(text_of_column) else text_of_column
            out.extend(_unwrap(column) if unfolded == text_of_column else unfolded.split("\n"))
            out.append("")  # a column's own blank lines are its paragraph breaks
        done = end
    if not done:
        return text  # no stretch: the dump as it came
    out.extend(lines[done:])
    return "\n".join(out)


def _unwrap(lines: list[str]) -> list[str]:
    """A column's lines with its word wrapping undone: a line was wrapped when the next line's
    first word would not have fitted after it within the column's width (CJK text breaks
    anywhere: a line as wide as the column was wrapped). Bullet lines start a new line, a rule (━━━)
    is a line of its own, and lines still holding a gap (columns not told apart) are left as they are."""
    widths = [display_width(line.strip()) for line in lines if line.strip()]
    if not widths or sum(widths) < MIN_PROSE_COLUMNS * len(widths):
        return lines  # a column of menu entries or names: one per line
    # the column's wrap width: its third-widest line (a stray over-long line is not the measure)
    width = sorted((display_width(line) for line in lines), reverse=True)[: WRAP_RANK + 1][-1]
    out: list[list[str]] = []  # each output line as its pieces, joined once at the end
    last = ""  # the previous physical line: wrapping is judged between two lines as the dump has them
    for line in lines:
        text = line.strip()
        if out and _wrapped(last, text, width):
            cjk = CJK_CHAR.match(last[-1]) or CJK_CHAR.match(text[0])
            out[-1].append(text if cjk else " " + text)
        else:
            out.append([line])
        last = line
    return ["".join(pieces) for pieces in out]


def _wrapped(prev: str, text: str, width: int) -> bool:
    """Was ``prev`` broken only because ``text`` would not fit after it within ``width``?"""
    if not prev.strip() or not text or BULLET.match(text) or GAP.search(prev) or GAP.search(text):
        return False
    if CJK_CHAR.match(prev[-1]) or CJK_CHAR.match(text[0]):
        wrapped = display_width(prev) >= width - CJK_SLACK
    else:
        first = FIRST_WORD.match(text)
        wrapped = first is not None and display_width(prev) + 1 + display_width(first.group()) > width
    # a centred headline reaches its column's width with its indent, not by wrapping into a rule
    return wrapped and not (RULE.fullmatch(text) or RULE.fullmatch(prev.strip()))


def _lined_up(window: list[list[tuple[int, int]]], wide: list[list[tuple[int, int]]], column: int) -> bool:
    """Do enough lines of the window have a gap reaching ``column``, or most of the wide window's?"""
    if _spanning(window, column) >= MIN_SPLIT_LINES:
        return True
    spanning = _spanning(wide, column)
    return spanning >= MIN_SPLIT_LINES and spanning >= MIN_WIDE_SPAN_SHARE * len(wide)


def _layout_at(
    lines: list[str], gaps: dict[int, list[tuple[int, int]]], i: int, tried: dict[int, int], chars: bool = False
) -> tuple[int, list[tuple[str, str]]]:
    """A side-by-side stretch starting at line ``i``: its end and its (left, right) parts."""
    window = [gaps[j] for j in range(i, i + WINDOW_LINES) if j in gaps]  # lines without gaps span nothing
    wide = [gaps[j] for j in range(i, i + WIDE_WINDOW_LINES) if j in gaps]
    for _, column in gaps[i]:
        if tried.get(column, -1) > i or not _lined_up(window, wide, column):
            continue
        end, parts = _stretch(lines, i, column, chars)
        if _is_layout(parts):
            return end, parts
        tried[column] = end
    return i + 1, []
