"""The width a text dump was wrapped at, read from the lengths of its lines (in display columns:
``display_width``, or in characters).

What this relies on:

- A tool that breaks text for display (w3m at 80 columns, lynx at ~76, a converter or a person
  rewrapping at 38, 58, 72 …) fills every line of a long paragraph up to one width and breaks
  there; only a paragraph's last line, headings and menu lines stop short. So many lines end
  within a few columns of the same maximum, and almost none go past it (a long URL or word may).
- Unwrapped text (a browser's innerText, one line per paragraph) has no such edge: its long lines
  differ in length, and few share the widest one.
- A page without blank lines between paragraphs may open each with an indent (``　　``, spaces):
  a full line is then followed by a line less indented (the paragraph's body) again and again,
  and a line at that opening indent starts a paragraph even after a full line. A quotation
  indented as a whole has its full lines followed by lines at the same indent instead.
- Wrappers count in one of two units: terminal columns (a CJK character takes two; w3m, lynx) or
  characters (Python's ``textwrap``, editors, many converters). Chinese text with half-width
  punctuation and digits wrapped at 38 characters has lines of 64 to 76 columns but all of 38
  characters; the unit whose lengths cluster more sharply is the one the wrapper used.
- A dumper centres a centred paragraph's lines (``<center>``, ``text-align: center``): each line
  as far from the right edge as from the left, so a line's indent plus its width is the same
  number on every line, however long, while a wrapped line's indent changes with its length.

>>> edge([80, 79, 80, 77, 30, 80, 12, 78], slack=4)
(80, 6)
>>> edge([120, 95, 60, 33, 150, 80], slack=4)
(0, 0)
>>> opening_indent([(4, True), (0, True), (0, False), (4, True), (0, False), (4, True), (0, True)] * 2)
4
>>> centre([(33, 43), (4, 74), (7, 70), (16, 61), (32, 44), (20, 57), (3, 74), (26, 51)], edge=74)
77
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise

from cleantext.regexes import compiled

MIN_EDGE = 20  # columns or characters: narrower "paragraphs" are menus and tables, not wrapped prose
MIN_EDGE_LINES = 4  # lines at the edge: fewer could be a few long lines of the same length by chance
# Lines past the edge a wrapped page may still have (unbreakable URLs, words, preformatted lines):
# this many, or this share of the lines at the edge, whichever is larger.
MAX_PAST_EDGE = 2
MAX_PAST_EDGE_SHARE = 0.2
# Of the lines at least half as long as the edge, the share that must reach it: in a wrapped
# dump all lines of a paragraph but its last reach the edge, so a quarter of the long lines do
# even when paragraphs are short among teasers cut to one length; unwrapped long lines rarely
# share one length.
MIN_EDGE_SHARE = 0.25
MAX_OPENING_INDENT = 8  # characters deeper than the body: two ideographic spaces, four or six spaces
MIN_OPENINGS = 4  # full indented lines followed by their body: fewer could be a stray indent
# Lines short of the edge whose indent and width add up to one number (give or take a column for
# an odd margin) for the page to centre its lines: a few could be a table's cells by chance
MIN_CENTRED_LINES = 6
MIN_CENTRED_INDENT = 6  # columns: a line stepped in less is as likely a list's or a quote's


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


def edge(sizes: Sequence[int], slack: int) -> tuple[int, int]:
    """The wrap width of lines of these sizes, and how many lines end within ``slack`` of it;
    (0, 0) when the sizes show no such edge.

    The edge is the size with most lines in ``[size - slack, size]`` among the sizes that at most
    a few lines exceed.
    """
    counts = Counter(sizes)
    best, best_near, past = 0, 0, 0
    for size in sorted(counts, reverse=True):
        if size < MIN_EDGE:
            break
        near = sum(counts.get(size - back, 0) for back in range(slack + 1))
        if past > max(MAX_PAST_EDGE, MAX_PAST_EDGE_SHARE * near):
            if past > max(MAX_PAST_EDGE, MAX_PAST_EDGE_SHARE * len(sizes)):
                break  # every smaller size has still more lines past it
        elif near > best_near:
            best, best_near = size, near
        past += counts[size]
    if best_near < MIN_EDGE_LINES:
        return 0, 0
    long_lines = sum(n for size, n in counts.items() if size * 2 >= best)
    if best_near < MIN_EDGE_SHARE * long_lines:
        return 0, 0
    return best, best_near


def opening_indent(rows: Iterable[tuple[int, bool] | None]) -> int:
    """The indent that opens each paragraph of a page, 0 when it has none.

    ``rows`` are (indent, reaches the wrap width) of the lines in order, None for a blank line
    (any iterable: a dump's rows are made as they are read).
    An opening is a full line followed by a line up to ``MAX_OPENING_INDENT`` less indented; a
    full line followed by one at the same indent counts against that indent.
    """
    opens: Counter[int] = Counter()
    stays: Counter[int] = Counter()
    for here, there in pairwise(rows):
        if here is None or there is None or not here[1] or here[0] == 0:
            continue
        if there[0] < here[0] <= there[0] + MAX_OPENING_INDENT:
            opens[here[0]] += 1
        elif there[0] == here[0]:
            stays[here[0]] += 1
    if not opens:
        return 0
    indent, count = opens.most_common(1)[0]
    return indent if count >= MIN_OPENINGS and count > stays[indent] else 0


def centre(rows: Iterable[tuple[int, int]], edge: int) -> int:
    """The number a page's centred lines share (indent plus width, ``rows`` being each line's
    indent and width), 0 when it centres none. Only lines indented ``MIN_CENTRED_INDENT`` or more
    and ending short of ``edge`` tell: a full line has the sum of a centred one whatever its
    alignment. Each sum counts with its neighbours (a centred line's margins differ by one when
    the room left is odd)."""
    sums: Counter[int] = Counter()
    for indent, width in rows:
        if indent >= MIN_CENTRED_INDENT and width < edge:
            sums[indent + width] += 1
    near = {total: sums[total - 1] + count + sums[total + 1] for total, count in sums.items()}
    best = max(near, key=lambda total: (near[total], sums[total]), default=0)
    return best if near.get(best, 0) >= MIN_CENTRED_LINES else 0
