"""The date, site and author of a page from the lines around its article (dumps, and HTML pages
whose head does not say): searched from ``META_BEFORE`` blocks above the article's first kept block
to ``META_AFTER`` below its last. The first dated line at or above the article's start wins, else
the first below it (comments and related links below carry later dates); with no date there, the
first line above that is a dateline and nothing more; with none at all and a crawl time known, a
relative dateline (``3小时前``) read against it. Each line is read by ``lines.read_line``.

Distance above the article is counted in lines of text (``window_start``): the labels of a share
bar (``分享到：``, ``用微信扫码二维码``) and the blank boxes where its icons were are not lines of the
page's header, and must not push the headline's date line out of reach.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleantext.document.dates import relative_date
from cleantext.document.lines import (
    MAX_META_UNITS,
    NO_META,
    LineMeta,
    lead_date,
    read_line,
    relative_line,
    split_byline,
)
from cleantext.document.names import closing_names, lead_credit, name_line, signature_line
from cleantext.document.title import looks_like_title
from cleantext.model import DropReason, KeepReason, Verdict
from cleantext.regexes import compiled
from cleantext.text import KANA, SENTENCE_END, fold

# A line kept alone over the headline is a menu's or a toolbar's (``past_stray``) only under a story
# this many times its length: a story's own paragraph is seldom followed by so much more.
STORY_OVER_STRAY = 2
META_BEFORE = 12  # blocks before the article searched for date/source/author lines
META_AFTER = 6  # blocks after the article searched for author/editor credits
# Lines of text between the headline (or the date line) and the article's first paragraph, at most,
# for the line right above that paragraph to be read as the writer's name: a subtitle, the headline
# repeated, the date line stand between (``标题 / ——副标题 / 胡平 / 正文``); further down, a name
# is a header's link or a user's
HEADER_LINES = 4
SPLIT_WORD_UNITS = 4  # units: a byline's word alone (``Written by``, ``作者：``); longer lines skip the test
JAPANESE = compiled(f"[{KANA}]")  # a kana: the text is Japanese


# Dropped blocks not counted as lines of distance above the article: empty ones, and the items
# and labels of share bars.
UNCOUNTED = frozenset((DropReason.EMPTY, DropReason.SHARE))


def window_start(verdicts: list[Verdict], first: int, lines: int) -> int:
    """The index ``lines`` lines of text above block ``first``, not counting empty blocks and
    share-bar labels (``UNCOUNTED``) as lines.

    >>> from cleantext.model import Block, DropReason, KeepReason, Verdict
    >>> v = [Verdict(Block(0, "标题"), False, DropReason.SHORT),
    ...      Verdict(Block(1, "□"), False, DropReason.EMPTY),
    ...      Verdict(Block(2, "分享到："), False, DropReason.SHARE),
    ...      Verdict(Block(3, "正文"), True, KeepReason.BODY)]
    >>> window_start(v, 3, 1)
    0
    """
    seen = 0
    i = first
    while i > 0 and seen < lines:
        i -= 1
        seen += counted(verdicts[i])
    return i


def counted(verdict: Verdict) -> bool:
    """Is the block a line of distance (see ``window_start``)?"""
    return verdict.keep or verdict.reason not in UNCOUNTED


@dataclass
class Found:
    date: str | None = None
    site: str | None = None
    author: str | None = None
    date_index: int = -1
    header_index: int = -1  # the page's dateline far above the article, when it dates the page (``_labelled_date``)

    def add(self, line: LineMeta) -> None:
        self.site = self.site or line.site
        self.author = self.author or line.author


def _first_date(dates: list[tuple[int, str]], first: int, datelines: set[int]) -> tuple[int, str] | None:
    """The article's date among the dated lines around it, in document order: the first at or
    above its start, else the first below it (comments and related links below the article
    carry later dates, and count only when nothing above is dated). Above it, a dateline (one of
    ``datelines``: a line that says nothing but its date, source and writer) comes before a date
    written among other words (a link to the previous story: ``上一篇：大桥合龙--2019年8月19日``)."""
    above = [d for d in dates if d[0] <= first]
    if above:
        return next((d for d in above if d[0] in datelines), above[0])
    return dates[0] if dates else None


def scan_lines(
    verdicts: list[Verdict], first: int, last: int, lang: str | None, crawled: str | None
) -> tuple[Found, set[int]]:
    found, consumed = Found(), set[int]()
    dates: list[tuple[int, str]] = []
    lo, hi = window_start(verdicts, first, META_BEFORE), min(len(verdicts), last + META_AFTER + 1)
    for i in range(lo, hi):
        block = verdicts[i].block
        units = int(verdicts[i].score)  # score holds the block's units
        line, named_at = _line_at(verdicts, i, lang, edge=not first < i < last, stop=hi)
        consumed.update(named_at)
        if block.in_list and not verdicts[i].keep and not line.consumed:
            continue  # a dropped list entry's date is a teaser's; a line of metadata only is the page's
        if line.date or line.site or line.author:
            if i > last and not line.consumed:
                continue
            found.add(line)
            if line.date:
                dates.append((i, line.date))
            if line.consumed and verdicts[i].reason is not KeepReason.SIGNATURE:
                consumed.add(i)  # (a notice's signed date stays the notice's last line, as signed)
        elif i <= first and units > MAX_META_UNITS and (lead := lead_date(block.text, lang)):
            dates.append((i, lead))
    start = _dateline_under_headline(verdicts, first, consumed, dates)
    _choose_date(verdicts, found, _first_date(dates, start, consumed), range(lo, min(hi, last + 1)), lang)
    if found.date is None and crawled:
        index = _relative(verdicts, range(lo, min(hi, last + 1)), first)
        if index is not None:
            found.date, found.date_index = relative_date(verdicts[index].block.text, crawled), index
            consumed.add(index)
    return found, consumed


def _dateline_under_headline(
    verdicts: list[Verdict], first: int, datelines: set[int], dates: list[tuple[int, str]]
) -> int:
    """Where the article starts for its date: at ``first``, its first kept block, unless that block
    is a headline kept as a line of the story (a short line kept for its neighbours, no sentence)
    with a dateline right under it (the next line of text); then at that dateline, which dates
    the article as one above it would."""
    if verdicts[first].reason is not KeepReason.CONTEXT or verdicts[first].block.text.rstrip().endswith(SENTENCE_END):
        return first
    under = next_line(verdicts, first + 1, len(verdicts))
    dated = {i for i, _ in dates}
    return under if under is not None and under in datelines and under in dated else first


def _line_at(
    verdicts: list[Verdict], i: int, lang: str | None, *, edge: bool, stop: int
) -> tuple[LineMeta, tuple[int, ...]]:
    """What line ``i`` says (``read_line``), and the later line it takes along: when it is a
    byline's word alone and the next line of text (before ``stop``) the name, the name's line
    (``lines.split_byline``; both leave the body)."""
    units = int(verdicts[i].score)  # score holds the block's units
    line = read_line(verdicts[i].block.text, lang, units, edge=edge)
    if line is not NO_META or units > SPLIT_WORD_UNITS:
        return line, ()
    after = next_line(verdicts, i + 1, stop)
    author = None if after is None else split_byline(verdicts[i].block.text, verdicts[after].block.text)
    if author is None or after is None:
        return line, ()
    return LineMeta(author=author, consumed=True), (after,)


def _choose_date(
    verdicts: list[Verdict], found: Found, chosen: tuple[int, str] | None, around: range, lang: str | None
) -> None:
    """The article's date: the one ``_first_date`` chose among the dated lines around it
    (``chosen``), else the page's dateline above them."""
    header_at, header = (
        _labelled_date(verdicts, around.start, lang) if chosen is None or found.author is None else (-1, None)
    )
    if chosen is not None:
        found.date_index, found.date = chosen
    elif header is not None:
        found.date = header.date
        found.add(header)  # its source is the article's too
        found.header_index = header_at
    if header is not None and found.author is None:
        found.author = header.author  # the page's header names the writer, far above the article


def _relative(verdicts: list[Verdict], around: range, first: int) -> int | None:
    """The line of a page with no date that dates it relatively (``3小时前``), to be read against
    the crawl time: chosen as an absolute one is."""
    lines = [i for i in around if relative_line(verdicts[i].block.text, int(verdicts[i].score))]
    chosen = _first_date([(i, "") for i in lines], first, set())
    return None if chosen is None else chosen[0]


def _labelled_date(verdicts: list[Verdict], end: int, lang: str | None) -> tuple[int, LineMeta | None]:
    """The first line before ``end`` that is a dateline and nothing more (``时间：2004年10月21日
    14:18 作者：郭励弘``), with its index: the header of a page whose article starts far below it;
    (-1, None) when there is none."""
    for i, verdict in enumerate(verdicts[:end]):
        if verdict.block.in_list:
            continue
        line = read_line(verdict.block.text, lang, int(verdict.score))
        if line.date and line.consumed:
            return i, line
    return -1, None


def placed_author(
    verdicts: list[Verdict], headline: int | None, dateline: int | None, first: int, last: int
) -> str | None:
    """The writer a page names by position only (``names``): a line of names alone in the
    article's header (``_header_names``), under its headline or its date line; else the reporters
    its first paragraph's dateline credits; else names in brackets closing the article's last kept
    block, or alone on the next line of text. A Japanese article (kana in its first block) has
    none: its words written in kanji alone (a tag, ``牛料理``) read as Chinese names."""
    if JAPANESE.search(verdicts[first].block.text):
        return None
    for top, under in ((headline, True), (dateline, False)):
        if top is not None and (names := _header_names(verdicts, top, last, under=under)) is not None:
            return names
    if (lead := lead_credit(verdicts[first].block.text)) is not None:
        return lead
    closing = closing_names(verdicts[last].block.text)
    if closing is None:
        after = next_line(verdicts, last + 1, len(verdicts))
        closing = None if after is None else signature_line(verdicts[after].block.text)
    return closing


def _header_names(verdicts: list[Verdict], top: int, last: int, *, under: bool) -> str | None:
    """A line of names alone right under ``top`` (the headline: ``under``), or right above the
    article's first paragraph of prose when at most ``HEADER_LINES`` lines of text stand between
    ``top`` and that paragraph. Other lines of a header are its buttons and links (``关注``, ``关闭``, a
    share bar's ``易信``: a surname's character and one more), and so is a list's entry; so is the
    line right under a date line."""
    lines: list[Verdict] = []
    story_near = False  # at most HEADER_LINES lines between the top and the first paragraph
    for verdict in verdicts[top + 1 : last + 1]:
        if not (counted(verdict) and verdict.block.text.strip()):
            continue
        if verdict.keep and verdict.reason == KeepReason.BODY:
            story_near = True
            break
        lines.append(verdict)
        if len(lines) > HEADER_LINES:
            break
    candidates = lines[:1] if under else []
    if story_near and lines:
        candidates.append(lines[-1])
    for line in dict.fromkeys(candidates):  # the line under the top and the line above the story, if another
        if not line.block.in_list and (names := name_line(line.block.text)) is not None:
            return names
    return None


def next_line(verdicts: list[Verdict], start: int, stop: int) -> int | None:
    """The index of the first line of text from ``start`` up to ``stop`` (a line of distance,
    ``counted``, holding more than spaces), if any."""
    return next((i for i in range(start, stop) if counted(verdicts[i]) and verdicts[i].block.text.strip()), None)


def past_stray(verdicts: list[Verdict], first: int) -> int | None:
    """The article's second run of kept blocks when its first kept block ``first`` stands alone
    (the next line of text dropped) over ``STORY_OVER_STRAY`` times its text, and is no sentence
    (a paragraph ends in a stop; not a bar that repeats the headline under it: ``_repeats_below``)
    nor metadata (a dateline stands under the headline); else None. ``headline.dump_headline``
    looks for the headline over that second run too."""
    text = verdicts[first].block.text
    if read_line(text, None, int(verdicts[first].score)).consumed:
        return None  # a dateline, under the headline
    nxt = next_line(verdicts, first + 1, len(verdicts))
    if nxt is None or verdicts[nxt].keep:
        return None
    second = next((j for j in range(nxt + 1, len(verdicts)) if verdicts[j].keep), None)
    if second is None:
        return None
    if text.rstrip().endswith(SENTENCE_END) and not _repeats_below(verdicts, first, second):
        return None  # a paragraph of prose, the story's own lead
    story = sum(v.score for v in verdicts[second:] if v.keep)  # units, as the ladder counted them
    return second if story >= STORY_OVER_STRAY * verdicts[first].score else None


def _repeats_below(verdicts: list[Verdict], first: int, second: int) -> bool:
    """Does the kept block ``first`` end with a title-like line that stands again below it, up to
    the next kept block ``second`` (the headline, kept as a line of the story's own)? A sticky bar
    repeats the headline after its label (``正在阅读：<headline>``, ``Now reading: <headline>``); the
    story's lead repeats no line."""
    return any(repeats_line(verdicts, first, j) for j in range(first + 1, second + 1))


def repeats_line(verdicts: list[Verdict], first: int, j: int) -> bool:
    """Does the block ``first`` end with line ``j``, a title-like line (a sticky bar's headline)?"""
    text, line = fold(verdicts[first].block.text), verdicts[j].block.text
    folded = fold(line)
    return bool(folded) and text.endswith(folded) and len(folded) < len(text) and looks_like_title(line)
