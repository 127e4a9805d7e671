"""Blocks judged again by what stands around them on the page, before context smoothing.

Paragraphs that trail off: the ladder leaves a long, punctuated line ending in an ellipsis
undecided (``entries.teaser``), for a story may open or end with one (``……``). A page that holds
several such lines is a feed of teasers, each a summary cut short at the same length: the shape
repeats. There they are teasers whatever stands around them.

A dump writes an article's numbered section heads (``1. 施工时间``) as it writes a numbered list:
a number, a space, a few words. The ladder takes every short numbered line for a list entry (a
teaser headline, a menu item), which is what most of them are. What tells a section head apart is
the shape of its neighbourhood: a list's entries follow one another, a section head stands alone
with a paragraph of the article under it. Such a line is left undecided, and smoothing lets the
article around it decide, as it does for unnumbered subheads.

A list an article line announces (``Here is how you embed it:``, a line of the article ending with
a colon, then the list) is the article's own list, its steps or its points, however short each
item: a menu or a teaser list follows a heading, not a sentence that promises it. The ladder takes
short dump list lines for menu entries and smoothing cannot win them back, since their neighbours
are entries as well; once the announcing line is kept as the article's, its list is kept with it
(after the region steps: a list is no reason to move the region, a consent box's lists included).
So is a shorter line ending with a colon right between two kept blocks of the article
(``代码如下：`` between a paragraph and a listing): in a long run of a listing's lines smoothing
keeps sentences and code only, and the line that introduces the listing is neither.

>>> from cleantext.model import Block
>>> from cleantext.boilerplate import classify
>>> para = "施工期间，公交线路将临时调整，沿线共有十二条公交线路受到影响，交警将在现场设置指示标志。"
>>> blocks = [Block(0, para, source="text"), Block(1, "施工时间", kind="li", in_list=True, bullet=True,
...           source="text", item=1, ordered=True), Block(2, para.replace("公交", "地铁"), source="text")]
>>> [(v.keep, v.rule) for v in classify(blocks)]
[(True, 'prose'), (True, 'list_item'), (True, 'prose')]
"""

from __future__ import annotations

from cleantext.boilerplate.context import MIN_NEAR_GOOD_UNITS, SMOOTH, Judged
from cleantext.model import Block, BlockClass, DropReason, KeepReason, Step
from cleantext.text import COLONS

GOOD, BAD, SHORT = BlockClass.GOOD, BlockClass.BAD, BlockClass.SHORT
SUBHEAD = Step("subheads", SHORT, DropReason.SHORT)
TEASERS = Step("teasers", BAD, DropReason.TEASER)
LEAD_IN = Step("announced_lists", GOOD, KeepReason.CONTEXT)
INTRODUCES = Step("lead_ins", GOOD, KeepReason.CONTEXT)
# units of a line ending with a colon right above kept text for it to introduce that text
# (``代码如下：``, ``Run it so:``); a shorter one is a label (``注：``, ``Via:``)
MIN_INTRO_UNITS = 4
# The ladder's rules of the entries an announced list keeps: short entries (``list_item``, or
# lines left to smoothing); the pictures between entries (a step's screenshot) are passed over.
LIST_RULES = frozenset(("list_item", "short"))
BETWEEN_RULES = frozenset(("placeholder", "empty"))
# units (six words) of a line that announces a list: a sentence, not a label (``Now on Example.com:``
# above a site's headlines, ``See also:``)
MIN_LEAD_IN_UNITS = 12
# units an announced numbered list's points hold on average: two words (a list of buttons is never numbered)
MIN_NUMBERED_UNITS = 4
# Lines ending in an ellipsis a page may hold and still be one article with a paragraph or two
# that trail off; more are a feed of summaries cut short.
MAX_TRAILING_LINES = 2
MIN_TRAILING_UNITS = 8  # units: shorter truncated lines ("阅读全文...", "more...") are buttons, not summaries


def teasers(judged: list[Judged]) -> None:
    """On a page with more than ``MAX_TRAILING_LINES`` truncated lines, the long ones the ladder
    left undecided are teasers too (in place)."""
    undecided = [item for item in judged if item.cls is SHORT and item.reason is DropReason.TEASER]
    if not undecided:
        return
    trailing = sum(1 for item in judged if item.feats.truncated and item.feats.units >= MIN_TRAILING_UNITS)
    if trailing > MAX_TRAILING_LINES:
        for item in undecided:
            item.set(TEASERS)


def _lone_entry(blocks: list[Block], judged: list[Judged], i: int) -> bool:
    """Is list line ``i`` a list of one between article text: no entry of its list before it
    (the line above is article text or no list's), a paragraph of the article under it?"""
    if i + 1 >= len(blocks) or i == 0:
        return False
    after, under = blocks[i + 1], judged[i + 1]
    if after.in_list or under.cls is not GOOD:
        return False
    above = judged[i - 1]
    return above.cls is GOOD or not blocks[i - 1].in_list


def subheads(blocks: list[Block], judged: list[Judged]) -> None:
    """Dump lines the ladder took for list entries that stand alone above a paragraph are left to
    smoothing (in place) when numbered (section heads of the article) or sentences (an
    interview's question set as a list of one, ``* Wie sieht dein Alltag aus?``): the article's,
    not a list of other pages."""
    for i, (block, item) in enumerate(zip(blocks, judged, strict=True)):
        if (
            (block.ordered or item.feats.ends_sentence)
            and item.dump
            and item.cls is BAD
            and item.reason is DropReason.RELATED
            and item.rule == "list_item"
            and _lone_entry(blocks, judged, i)
        ):
            item.set(SUBHEAD)


def _announces(block: Block, item: Judged) -> bool:
    """A kept dump line of the article, long enough to be a sentence, ending with a colon."""
    return (
        item.dump
        and item.cls is GOOD
        and not block.in_list
        and item.feats.units >= MIN_LEAD_IN_UNITS
        and block.text.rstrip().endswith(COLONS)
    )


def announced_lists(blocks: list[Block], judged: list[Judged]) -> None:
    """After the article is found: the dump list under a kept line of it that announces it (``_announces``) is kept,
    entry by entry, to the list's end (in place), when its entries say something: a list of
    buttons or site names (``Tweet This``, ``Digg``) is no article's, whatever line stands above
    it; a numbered list's short points are (``MIN_NUMBERED_UNITS``). Pictures between entries
    stay as they are."""
    i = 0
    while i < len(blocks):
        if not _announces(blocks[i], judged[i]):
            i += 1
            continue
        entries = []
        numbered = True
        i += 1
        while i < len(blocks):
            if blocks[i].in_list:
                entries.append(judged[i])
                numbered = numbered and blocks[i].ordered
            elif judged[i].rule not in BETWEEN_RULES:
                break
            i += 1
        # a numbered list's points are the writer's however short (``1. Habe Zeit für Träume``): no
        # bar of buttons or site names is numbered
        least = MIN_NUMBERED_UNITS if numbered else MIN_NEAR_GOOD_UNITS
        if entries and sum(item.feats.units for item in entries) >= least * len(entries):
            for item in entries:
                if item.cls is not GOOD and item.rule in LIST_RULES:
                    item.set(LEAD_IN)


def lead_ins(blocks: list[Block], judged: list[Judged]) -> None:
    """After the article is found: a dump line ending with a colon that smoothing dropped, right
    between two kept blocks (a paragraph above, a line of a listing or a paragraph below),
    introduces what it stands over (``代码如下：``, ``Run the following:``), and is kept (in place).
    A label with a colon under the article (``Reply:``) has no kept block on both sides."""
    for i, (block, item) in enumerate(zip(blocks, judged, strict=True)):
        if (
            0 < i
            and item.cls is BAD
            and judged[i - 1].cls is GOOD
            and item.dump
            and not block.in_list
            and item.chain
            and item.chain[-1].name == SMOOTH
            and item.feats.units >= MIN_INTRO_UNITS
            and block.text.rstrip().endswith(COLONS)
            and i + 1 < len(judged)
            and judged[i + 1].cls is GOOD
        ):
            item.set(INTRODUCES)
