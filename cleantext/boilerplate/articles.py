"""One article per record: a main region that holds two articles is cut at the second's header.

Observations:

1. Some pages carry more than one article in a row: a blog's archive page with several posts, a
   news site that loads the next article under the first, an aggregator that appends a
   "recommended" story in full. The main-content region then spans all of them, because what
   separates two articles (a headline, a byline, a date) is short and costs little to cross.
2. Where one article ends and the next starts, the page shows the next one's *header*: a
   headline (a short line ending with no full stop and no colon: a label ends so, ``引用 X 的发言：``)
   followed, within a few blocks, by a *dateline* (a line that is a date and time and little
   else: ``2023-06-01 00:48``, ``发布于 2020-12-30``, or a feed item's source and age:
   ``信报财经新闻·8 小时前``).
   Inside an article, dates are written in sentences, and subheadings have no dateline under them.
   Text dumps of table layouts put both on one line, the date set off by a wide gap
   (``澳坛真的累了          2005-06-13 15:00:14``).
3. The article a page is about is the one whose headline the page's title repeats; when no
   title decides, it is the first one (the page was addressed by it; what follows was appended).

4. A news article ends with its editor's sign-off (``责任编辑：…``) or the site's reprint notice
   (``未经授权请勿转载``), a blog post or a news page with its links to the previous and next ones
   (``上一篇：…``), its toolbar (``【打印】【关闭】``, a run of bracketed controls set once under
   it), the writer's biography (``About the author``, or the one element whose class names the
   writer's box: ``author-bio``), the comment section or, in a dump, the
   post's line of categories and tags (``Filed Under: … Tagged With: …``, set once under a post;
   a listing repeats one under every entry), its share bar (``Email``, ``Share``, 分享到: set once
   under it, with no paragraphs in a row below, where an embedded video's bar has the article go
   on) or the heading of a box of related stories
   (``Related Stories``, ``相关新闻``; a box set inside an article has more of it below, or its
   paragraphs in a row right under the box's entries), or the first of a list of entries stamped
   with their ages (``Hace 28 minutos``, ``3 hours ago``: comments, a feed): once a whole article
   stands above one of them, what follows is comments, teasers or the next story.

A header counts only between two stretches of article prose (enough before it, some after it),
so an article's own header above its first paragraph never cuts anything.
"""

from __future__ import annotations

import re

from cleantext.boilerplate.closings import (
    PROSE,
    author_box,
    closing_related,
    closing_share_bar,
    closing_taxonomy,
    closing_toolbar,
    comments_heading,
    first_aged,
)
from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.features import sparse
from cleantext.boilerplate.markers import COMMENT_FORM, REPRINT_NOTICE
from cleantext.boilerplate.rules import CONTAINER_HINT
from cleantext.model import Block, BlockClass, DropReason, PageMeta
from cleantext.regexes import compiled
from cleantext.text import CLAUSE_STOPS, COLONS, fold, word_forms

# The line news articles end with: the responsible editor, the reviewer (Traditional forms too),
# the label set off by a colon or by a bar (``编辑|王小明``, as ``markers.CREDIT`` reads it).
SIGN_OFF = compiled(r"^\W{0,2}(?:责任编辑|責任編輯|责编|責編|编辑|編輯|审核|審核|校对|校對)\s*[:：|｜]")
# The links to the previous and next article, which follow an article's end.
PREV_NEXT = compiled(
    r"^\W{0,2}(?:上一篇|下一篇|上一條|下一條|上一条|下一条|previous (?:article|post)|next (?:article|post))", re.I
)
# The heading of the writer's biography, which follows an article's end.
ABOUT_AUTHOR = compiled(
    r"^\W{0,2}(?:about the (?:author|writer|editor)|关于作者|關於作者|作者简介|作者簡介|editör hakkında|yazar hakkında"
    r"|à propos de l'auteur|über den autor|sobre el autor|sobre o autor|o autorze|об авторе)\W*$",
    re.I,
)
DATE = compiled(
    r"(?<!\d)(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}\s*[-/]\s*\d{1,2})"  # y-m-d, m-d
    r"(?:\s*\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?)?(?!\d)"  # time
    # or a feed item's source and relative time: 信报财经新闻·8 小时前, News • 3 days ago (a bare
    # "11 天前" is as often a forum post's time, and a thread's posts are one text)
    r"|(?<=\w)\s*[·•|]\s*\d{1,2}\s*"
    r"(?:(?:分钟|分鐘|小时|小時|天|周|週|个月|個月)前|(?:minutes?|hours?|days?|weeks?) ago)\s*$"
)
DIGIT = compiled(r"\d")  # every form of DATE holds one: a line without is settled by one scan
# Every form of DATE also holds one of these (a date's separator, or the mark before a feed's
# relative time): of the lines with a digit (counts, prices, times), half hold none of them.
DATE_MARK = compiled(r"[-/.年·•|]")
FULL_DATE = compiled(r"\d{4}|[:：]")  # a year or a time: what makes a lone cell a date
GAP = compiled(r"\s{3,}")  # the column gap a dump puts between a table's cells
BRACKETED = compiled(r"\[[^\]]*\]")  # image and button placeholders in dumps ("[arrow-up]")
MAX_DATELINE_RESIDUE = 6  # characters besides the date and punctuation ("发布于", "posted ")
MIN_HEADLINE_UNITS = 6  # units: shorter lines are buttons and user names ("资料搬运工" above a reply), not headlines
MAX_HEADLINE_UNITS = 60  # units: longer lines are paragraphs
HEADER_REACH = 5  # blocks from a headline to its dateline (author, follow button, source between)
MIN_BEFORE_UNITS = 100  # units of good text the region holds before a header: a whole article
# units of prose above a comment section's heading for it to end an article: a forum's opening
# post is often shorter, and there the replies are the text
MIN_COMMENTED_UNITS = 300
MIN_AFTER_UNITS = 30  # units of good text after a header: the next article has a body
COMMENT = DropReason.COMMENT
CLOSING_QUOTES = "」』”\"’'"  # a quoted sentence's full stop stands inside them
# Characters every match of the end-of-article patterns from ``markers`` holds (a test checks them
# against the vocabulary): most lines under an article hold none, and skip the search.
# REPRINT: each notice says 未经 (授权…) or 转载, in either script.
REPRINT_CHARS = compiled("[未" + "".join(sorted(word_forms("转"))) + "]")


def is_dateline(text: str) -> bool:
    """A line that is a date (and time) and little else.

    >>> is_dateline("2023-06-01 00:48"), is_dateline("发布于 2020-12-30 19:24:15")
    (True, True)
    >>> is_dateline("2023年6月1日，国务院发布了新的规定。")
    False
    """
    return _dateline_date(text) is not None


def _may_hold_date(text: str) -> bool:
    """Can ``DATE`` match in ``text`` (or in a part of it)? Two scans for single characters
    settle most lines without the pattern's search."""
    return DIGIT.search(text) is not None and DATE_MARK.search(text) is not None


def _dateline_date(text: str) -> re.Match[str] | None:
    """The date of a line that is a date and little else (``is_dateline``), or None."""
    match = DATE.search(text) if _may_hold_date(text) else None
    if match is None:
        return None
    rest = text[: match.start()] + text[match.end() :]
    return match if sum(1 for c in rest if c.isalnum()) <= MAX_DATELINE_RESIDUE else None


def _is_headline(text: str, item: Judged) -> bool:
    units = item.feats.units
    return (
        item.reason is not PROSE
        and MIN_HEADLINE_UNITS <= units <= MAX_HEADLINE_UNITS
        # a sentence ends so, inside its closing quote too (…地方。」); a label over what follows (引用 X 的发言：)
        and not text.rstrip().rstrip(CLOSING_QUOTES).endswith(CLAUSE_STOPS + COLONS)
    )


def is_dated_headline(text: str) -> bool:
    """A headline and its dateline on one line, the date a column of its own after a wide gap.

    >>> is_dated_headline("澳坛真的累了          2005-06-13 15:00:14     [arrow-up]")
    True
    >>> is_dated_headline("2005年6月13日，澳坛真的累了。")
    False
    """
    if not _may_hold_date(text):  # the cells hold the line's characters only: no date among them
        return False
    cells = [cell for cell in GAP.split(BRACKETED.sub(" ", text).strip()) if cell]
    if len(cells) < 2 or is_dateline(cells[0]):
        return False
    date = _dateline_date(cells[-1])
    if date is None or not FULL_DATE.search(date.group()):  # "3-6 years" is a range, not a date
        return False
    head = cells[0]
    units = sum(1 for c in head if c.isalnum())
    return MIN_HEADLINE_UNITS <= units <= MAX_HEADLINE_UNITS and not head.endswith(CLAUSE_STOPS)


def header_at(blocks: list[Block], judged: list[Judged], i: int, lo: int) -> int | None:
    """If block ``i`` is a dateline under a headline, the headline's index (not before ``lo``): of
    the headline-like lines up to ``HEADER_REACH`` above it (short of the text above), the
    longest, for a writer's name beside a follow button (``贵圈X关注``) reads as a short headline too."""
    if judged[i].reason is PROSE or not _may_hold_date(blocks[i].text):
        return None  # neither a dateline nor a dated headline (``is_dated_headline``)
    if not is_dateline(blocks[i].text):
        return i if is_dated_headline(blocks[i].text) else None
    best, best_units = None, 0
    for j in range(i - 1, max(lo, i - HEADER_REACH) - 1, -1):
        if judged[j].reason is PROSE:
            break
        units = judged[j].feats.units
        if _is_headline(blocks[j].text, judged[j]) and units > best_units:
            best, best_units = j, units
    return best


def _article_units(item: Judged) -> int:
    """The units of a block of an article's prose: a dump's sparsely marked line (headlines run
    together, ``features.sparse``) is none, so it is no article above a header, nor one that a
    sign-off or a previous/next link under it closes."""
    return item.feats.units if item.reason is PROSE and not (item.dump and sparse(item.feats)) else 0


def headers(blocks: list[Block], judged: list[Judged], span: tuple[int, int]) -> list[int]:
    """Indices of the headlines inside ``span`` that start a further article."""
    lo, hi = span
    good = [_article_units(item) if item.cls is BlockClass.GOOD else 0 for item in judged[lo:hi]]
    after = sum(good)  # good units from the current block to the region's end
    starts: list[int] = []
    before = 0
    for i in range(lo, hi):
        after -= good[i - lo]
        if good[i - lo]:
            before += good[i - lo]
            continue
        if before < MIN_BEFORE_UNITS or after < MIN_AFTER_UNITS:
            continue
        j = header_at(blocks, judged, i, lo)
        if j is not None:
            starts.append(j)
            before = 0
    return starts


def _comment_box(item: Judged) -> bool:
    """A block of an element whose class or id names a comment section (the ladder's
    ``container_hint`` for comments): the comments' heading, form or first post."""
    return item.reason is COMMENT and item.rule == CONTAINER_HINT


def _signed_off(blocks: list[Block], judged: list[Judged], span: tuple[int, int]) -> tuple[int, int]:
    """``span`` up to where the whole article above ends: the editor's sign-off line (责任编辑：…)
    or the reprint notice (kept in the span, and dropped as boilerplate), the previous/next links,
    a comment form's heading or prompt (``Leave a Reply``, ``You must be logged in to reply``:
    ``markers.COMMENT_FORM``),
    the article's toolbar (【打印】【关闭】, once under it), the writer's biography (its heading, or
    the element its class names a writer's box: ``author_box``) or, under a long
    article, the comment section's heading (or, in HTML, the first block of an element named as
    the comments: ``_comment_box``) or a dump's one line of tags or its one share bar
    (``closing_share_bar``) with most of the span's prose above it; or a dump's heading of
    related stories (``closings._related_heading``) with most of the span's prose above it and no
    paragraphs in a row below it (``closing_related``); or, under a long article, the lines
    above the first of a list of ages (``first_aged``: a comment's name and time): what comes
    after them is comments, teasers or the next story."""
    lo, hi = span
    prose = 0
    toolbar = closing_toolbar(judged, span)
    # under the article: most of the span's prose above them
    taxonomy = closing_taxonomy(judged, span)
    share_bar = closing_share_bar(blocks, judged, span)
    total = sum(_article_units(item) for item in judged[lo:hi])
    boxed = author_box(blocks, judged, span)
    aged = first_aged(blocks, span)  # under a long article: the first comment's time
    related = closing_related(blocks, judged, span)
    for i in range(lo, hi):
        if prose >= MIN_BEFORE_UNITS and i in boxed:
            return lo, i
        if judged[i].reason is PROSE:
            prose += _article_units(judged[i])
        elif prose >= MIN_BEFORE_UNITS:
            text = blocks[i].text
            if SIGN_OFF.match(text) or (REPRINT_CHARS.search(text) and REPRINT_NOTICE.search(text)):
                return lo, i + 1
            if i == toolbar or PREV_NEXT.match(text) or ABOUT_AUTHOR.match(text) or COMMENT_FORM.match(text):
                return lo, i
            if prose >= MIN_COMMENTED_UNITS and (
                comments_heading(text)
                or (i in (taxonomy, share_bar) and 2 * prose >= total)
                or _comment_box(judged[i])
            ):
                return lo, i
            if prose >= MIN_COMMENTED_UNITS and i == aged:  # the list opens with the lines above the age
                return lo, next((j for j in range(i, lo, -1) if judged[j - 1].reason is PROSE), i)
            if i in related and (2 * prose >= total or (related[i] and prose >= MIN_COMMENTED_UNITS)):
                return lo, i
    return span


def first_article(
    blocks: list[Block], judged: list[Judged], span: tuple[int, int], meta: PageMeta | None
) -> tuple[int, int]:
    """The part of ``span`` that is one article: the one whose headline the page title repeats,
    else the first."""
    lo, hi = _signed_off(blocks, judged, span)
    starts = headers(blocks, judged, (lo, hi))
    if not starts:
        return lo, hi
    ends = [*starts, hi]
    titles = [fold(t) for t in (meta.title, meta.og_title, meta.h1) if t] if meta else []
    for start, end in zip(starts, ends[1:], strict=True):
        head = fold(blocks[start].text)
        if any(head in title or title in head for title in titles):
            return start, end
    return lo, starts[0]
