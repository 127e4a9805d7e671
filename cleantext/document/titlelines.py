"""A dump's headline printed over more than one line: the lines above the one ``headline`` found.

A page may set its headline on two or three lines: a title over its subtitle
(``三条主干道下月起分段封闭施工`` over ``预计每天分流车辆两万辆次``, or a subtitle opening with
a dash, ``——审议批准…``), or one long title broken for display. A dump writes each as a line
of its own, and ``headline.dump_title`` takes the one that names the story best, often the last.
A line right over it is the headline's first line when it reads as a headline's too (title-like,
no sentence, naming the story by ``EVIDENCE_TERMS`` terms or more, printed no more often than the
line under it: not a site's name in the logo and the footer) and is no shorter than the line
under it, unless that one opens with a subtitle's dash: a shorter line over a headline is a
kicker naming its topic (``主干道分段封闭施工`` over the day's headline), which the
page's own title leaves out.
"""

from __future__ import annotations

from collections import Counter

from cleantext.document.dates import find_date
from cleantext.document.headline import EVIDENCE_TERMS, SHARED_TERMS, TITLE_REASONS, story_lead
from cleantext.document.terms import share_of, story_terms, terms_of
from cleantext.document.title import CRUMB, MAX_TITLE_UNITS, looks_like_title
from cleantext.model import Verdict
from cleantext.text import CLAUSE_STOPS, COLONS, fold, letter_counts, units_of

MAX_HEADLINE_LINES = 3  # lines one headline is printed on: a title broken once for display, and a subtitle
SUBTITLE_DASHES = ("—", "--", "－")  # a subtitle's opening dash (``——审议批准…``)


def headline_lines(verdicts: list[Verdict], index: int, anchor: int, first: int) -> list[int]:
    """The lines of the headline whose last line is ``index`` (the date line ``anchor``, the
    article's first kept block ``first``), top first: ``index`` and up to two lines right over it
    (an empty line between passed over) that are the headline's too (``_continues``)."""
    lines = [index]
    lead = story_lead(verdicts, anchor, first)
    text = verdicts[index].block.text
    cjk = letter_counts(text)[0] > 0
    size = units_of(text)
    page: Counter[str] | None = None  # the page's lines, folded, counted once a line over the headline asks
    while len(lines) < MAX_HEADLINE_LINES:
        above = _line_above(verdicts, lines[0])
        if above is None:
            break
        upper = verdicts[above].block.text
        size += units_of(upper)
        if size > MAX_TITLE_UNITS or (letter_counts(upper)[0] > 0) != cjk or not _continues(verdicts, above):
            break
        below = verdicts[lines[0]].block.text
        if _repeats(upper, below):
            break  # the headline printed twice, one copy over the other
        if units_of(upper) < units_of(below) and not below.lstrip().startswith(SUBTITLE_DASHES):
            break  # a kicker over the headline (a shorter line: a topic, a place), not its first line
        share, shared = share_of(upper, story_terms(verdicts, lead, terms_of(upper)))
        if share < SHARED_TERMS or shared < EVIDENCE_TERMS:
            break  # a kicker of a word or two (a section's, a tag's) the story happens to repeat
        if page is None:
            page = Counter(fold(verdict.block.text) for verdict in verdicts)
        if page[fold(upper)] > page[fold(text)]:
            break  # a site's name or a section's, printed in the logo and the footer too
        lines.insert(0, above)
    return lines


def _line_above(verdicts: list[Verdict], index: int) -> int | None:
    """The line right over ``index``, one empty line (no letters) passed over, or None."""
    for i in (index - 1, index - 2):
        if i < 0:
            return None
        if any(c.isalnum() for c in verdicts[i].block.text):
            return i
    return None


def _continues(verdicts: list[Verdict], i: int) -> bool:
    """Can line ``i`` be a headline's upper line: dropped, not a list's entry, of a verdict a
    headline carries, title-like, no date in it, and ending no sentence nor a label?"""
    verdict = verdicts[i]
    text = verdict.block.text.rstrip()
    if verdict.keep or verdict.block.in_list or verdict.reason not in TITLE_REASONS:
        return False
    if CRUMB.search(text) or not looks_like_title(text) or text.endswith(CLAUSE_STOPS + COLONS):
        return False  # a breadcrumb's path (``首页 > 要闻``), a sentence, a label
    return find_date(text) is None


def _repeats(upper: str, line: str) -> bool:
    """Does one line hold the other (the headline printed twice, or cut short once)?"""
    a, b = fold(upper), fold(line)
    return a in b or b in a
