"""What closes an article: the lines under a news story or a post after which the page goes on with
something else (``articles`` observation 4). Each finder returns where such a line stands in the
main region's span, or nothing; ``articles._signed_off`` decides with how much of the article
stands above it whether the article ends there.

A closing line counts once: an article sets its toolbar, its tag line or its share bar once under
it, where a thread or a listing repeats one under every entry (``_the_one``). A box of related
stories or a share bar set inside an article has the article go on below it: two paragraphs in a
row (``_in_a_row``).
"""

from __future__ import annotations

from collections.abc import Iterator

from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.hints import AUTHOR_BOX_HINT
from cleantext.boilerplate.markers import ANSWERS_HEADING, COMMENTS_HEADING
from cleantext.boilerplate.rules import MARKER
from cleantext.model import Block, DropReason, KeepReason
from cleantext.regexes import compiled
from cleantext.text import is_age, word_forms

PROSE = KeepReason.BODY  # the ladder's reason for prose: only prose makes an article (not header tables)
# Lines that are ages under a long article for what follows to be a list of comments (or a feed):
# one or two are a story's own byline, three are a list's stamps.
MIN_AGED_ENTRIES = 3
# units: a dump's line of related-stories vocabulary this short is the heading of a box of them
# (``Related Stories`` 4, ``You may also like`` 8, ``Das könnte Sie auch interessieren`` 10,
# ``相关新闻`` 4, ``你可能也喜欢的文章`` 9, ``この記事を見た人におすすめの記事`` 16: kana run long);
# longer ones are an entry of it or an inline teaser (``Related: Council votes to extend the tram
# line to the harbour next year`` 26)
MAX_RELATED_HEADING_UNITS = 16
RELATED = DropReason.RELATED
TAGS = DropReason.TAGS  # the ladder's reason for a line of categories and tags, which follows a post
SHARE = DropReason.SHARE  # the ladder's reason for a share bar's buttons (``Email``, ``Share``, 分享到)
MIN_SHARE_BUTTONS = 2  # share buttons in a run of chrome lines for it to be a share bar, not one word
TOOLBAR = "controls"  # the ladder's rule for a run of bracketed controls (【打印】【关闭】), which follows an article
HEADING_REACH = 2  # lines: a comment section's heading stands over its list's first card line, or is it
# COMMENTS_OPENING: each heading either opens the line (``match`` finds it) or is a count of
# comments (已有 5 条评论) anywhere in it, which says 评论 in either script.
COMMENT_COUNT_CHARS = compiled("[" + "".join(sorted(word_forms("评"))) + "]")


def _the_one(found: Iterator[int]) -> int:
    """The index ``found`` yields when it yields exactly one, else -1: an article sets a closing
    line (its toolbar, its tags) once under it; a thread or a listing repeats it under every entry,
    and there it ends nothing."""
    one = next(found, -1)
    return one if next(found, -1) < 0 else -1


def comments_heading(text: str) -> bool:
    """Is ``text`` the heading a comment section opens with (``4 comments``, ``发表评论``, ``已有 5 条评论``)?
    ``COMMENTS_HEADING.search(text)``: a match away from the line's start is a comment count,
    which holds ``COMMENT_COUNT_CHARS``; lines without them are settled by one ``match``."""
    if COMMENTS_HEADING.match(text):
        return True
    return COMMENT_COUNT_CHARS.search(text) is not None and COMMENTS_HEADING.search(text) is not None


def heading_over(blocks: list[Block], start: int) -> int:
    """The index of a comment section's heading (``comments_heading``) at line ``start`` (a list's
    first card line) or up to ``HEADING_REACH`` lines above it, nearest first; -1 if none."""
    lo = max(0, start - HEADING_REACH)
    return next((i for i in range(start, lo - 1, -1) if comments_heading(blocks[i].text)), -1)


def answers_over(blocks: list[Block], start: int, reach: int = HEADING_REACH) -> bool:
    """Does a heading counting answers (``markers.ANSWERS_HEADING``: ``3 Answers``, ``5 个回答``)
    open a list at line ``start`` (a dump's list may start with it) or stand within ``reach`` lines
    above it? Then the text above the list is a question, however long, and the list its answers."""
    return any(ANSWERS_HEADING.match(block.text.strip()) for block in blocks[max(0, start - reach) : start + 1])


def closing_taxonomy(judged: list[Judged], span: tuple[int, int]) -> int:
    """The index of the one line of categories and tags (``Filed Under: … Tagged With: …``, the
    ladder's ``marker`` for ``tags``) in a dump's span, or -1 (``_the_one``)."""
    lo, hi = span
    tags = (i for i in range(lo, hi) if judged[i].dump and judged[i].reason is TAGS and judged[i].rule == MARKER)
    return _the_one(tags)


def _first_paragraph(judged: list[Judged], span: tuple[int, int]) -> int:
    """The index of the span's first paragraph of prose, or the span's end when it holds none: what
    closes an article stands below it."""
    lo, hi = span
    return next((i for i in range(lo, hi) if judged[i].reason is PROSE), hi)


def _in_a_row(blocks: list[Block], judged: list[Judged], i: int) -> bool:
    """Are blocks ``i`` and ``i + 1`` two paragraphs in a row? A teaser printed twice over is one
    paragraph: its picture's caption and its headline, the one holding the other whole (``X の画像``
    over ``X``, ``X`` over ``X 2024年5月24日``; whitespace aside). ``i + 1`` must be a block."""
    if judged[i].reason is not PROSE or judged[i + 1].reason is not PROSE:
        return False
    shorter, longer = sorted(("".join(blocks[i].text.split()), "".join(blocks[i + 1].text.split())), key=len)
    return shorter not in longer


def closing_toolbar(judged: list[Judged], span: tuple[int, int]) -> int:
    """The index of the one toolbar (``lineshapes.controls``: 【打印】【关闭】) below the span's first
    paragraph, or -1 (``_the_one``)."""
    hi = span[1]
    first = _first_paragraph(judged, span)
    return _the_one(i for i in range(first + 1, hi) if judged[i].reason is not PROSE and judged[i].rule == TOOLBAR)


def closing_share_bar(blocks: list[Block], judged: list[Judged], span: tuple[int, int]) -> int:
    """The index of the first button of a dump's one share bar below the span's first paragraph (a
    run of lines between prose holding ``MIN_SHARE_BUTTONS`` of the ladder's share buttons), when
    no two paragraphs stand in a row below it; else -1. A bar set once under the article is
    followed by the writer's box, an appeal, teasers or comments; one over it, one under every
    entry of a listing (``_the_one``) or an embedded video's with the article going on under it
    ends nothing."""
    hi = span[1]
    first = _first_paragraph(judged, span)
    bars = []
    buttons: list[int] = []  # the share buttons since the last paragraph
    for i in range(first + 1, hi):
        item = judged[i]
        if item.reason is PROSE:
            buttons = []
        elif item.dump and item.reason is SHARE and item.rule == MARKER:
            buttons.append(i)
            if len(buttons) == MIN_SHARE_BUTTONS:
                bars.append(buttons[0])
    bar = _the_one(iter(bars))
    if bar < 0 or any(_in_a_row(blocks, judged, i) for i in range(bar, hi - 1)):
        return -1
    return bar


def author_box(blocks: list[Block], judged: list[Judged], span: tuple[int, int]) -> frozenset[int]:
    """The indexes of the span's blocks after its first paragraph inside an element whose class or
    id names the writer's box (``hints.AUTHOR_BOX_HINT``: ``author-bio``, ``about-author``), when
    they are one run of blocks: an article introduces its writer once, a thread or a listing
    every poster (each post's user card). None when the first paragraph sits in such an element
    too (a page whose whole text is in one: a profile page)."""
    hi = span[1]
    first = _first_paragraph(judged, span)
    if first == hi or AUTHOR_BOX_HINT.search(blocks[first].hint):
        return frozenset()
    boxed = [i for i in range(first + 1, hi) if blocks[i].hint and AUTHOR_BOX_HINT.search(blocks[i].hint)]
    return frozenset(boxed) if boxed and boxed[-1] - boxed[0] == len(boxed) - 1 else frozenset()


def _related_heading(item: Judged) -> bool:
    """A dump's heading of a box of related stories: the ladder's vocabulary line for them, short
    (``MAX_RELATED_HEADING_UNITS``), no list entry and no sentence."""
    feats = item.feats
    return (
        item.dump
        and item.reason is RELATED
        and item.rule == MARKER
        and not item.in_list
        and feats.units <= MAX_RELATED_HEADING_UNITS
        and not feats.ends_sentence
    )


def closing_related(blocks: list[Block], judged: list[Judged], span: tuple[int, int]) -> dict[int, bool]:
    """The span's related-stories headings (``_related_heading``) under which the article does not
    go on: the first paragraph below the heading is not followed by more kept text. A box of
    related stories set inside an article has the article's next paragraphs under its entries;
    under the article's end, a teaser's summary stands alone between chrome. Each heading maps to
    whether no two paragraphs stand in a row anywhere below it in the span: then all below is
    teasers and sidebar boxes, however long (a sidebar's summaries and blurbs, each between its
    links and dates). A teaser printed twice over (its picture's caption, then its headline) is one
    paragraph, not two in a row. (One pass from the bottom: headings in a row share the paragraph
    below them.)"""
    lo, hi = span
    closing: dict[int, bool] = {}
    goes_on = False  # of the first paragraph below the block looked at: is more prose under it?
    paired = False  # two paragraphs in a row somewhere below the block looked at
    for i in range(hi - 1, lo - 1, -1):
        item = judged[i]
        if item.reason is PROSE:
            goes_on = i + 1 < hi and _in_a_row(blocks, judged, i)
            paired = paired or goes_on
        elif not goes_on and _related_heading(item):
            closing[i] = not paired
    return closing


def first_aged(blocks: list[Block], span: tuple[int, int]) -> int:
    """The index of the first of the span's lines that are ages (``AGE``), when there are
    ``MIN_AGED_ENTRIES`` or more: the first entry of a list of comments; else -1."""
    aged = (i for i in range(*span) if is_age(blocks[i].text))
    found = [i for _, i in zip(range(MIN_AGED_ENTRIES), aged, strict=False)]
    return found[0] if len(found) == MIN_AGED_ENTRIES else -1
