"""How far the article reaches beyond its element, and where it ends inside it.

- Blog posts put their sections in sibling elements (a heading, short paragraphs, a list each),
  and the comments or a long list beside them can make one section outweigh their parent. So
  the article grows from its element to the siblings on each side that read as more of it (a
  paragraph, few links), past headings and plain lists (no links) between them, parent by
  parent, until something costly (comments, a teaser list, a share bar) closes that side: what
  lies beyond it (an author box, a related post's summary) is not taken back.
- A box beside the article (an author's card, a widget of the sidebar) opens on a title the ladder
  drops by itself (its element's class names the box, or its words name a list: ``About me``,
  ``Related posts``); a section of the article opens on a heading it leaves undecided. A sibling
  element holding such a heading is no section, however much prose it holds.
- Between a post's sections sit things that cost (an advert, a table of contents, a button to a
  newsletter) but do not end it, as a share bar or the comments do. Past such a thing, a sibling
  element that opens on a section heading (an undecided ``h2``..``h6`` without a link, or under
  one in an element of its own, as page builders set them) and reads as a section is more of the
  article, when it adds more than what lies between costs. A sibling without a heading there (an
  author's note, a promotion) is not taken. So with such a thing at the edge of the article's own
  element (a picture's linked credit closing its first section), and after an element that holds
  the headline (``anchor``) and the body: that is the whole story, and prose after it (a box about
  the site, an author's note) is more of it only as a section.
- When the headline sits in the article's element, so does what follows the body: a share bar,
  then a box of related stories whose summaries read as prose. Past the body, the element's
  children are taken only as far as they gain more than they cost; a box of teasers (text beside
  linked headlines, or summaries closed by a linked "Read more" each) only costs, there as beside
  the element.

Weights are the container prior's (``dom``): good text positive, boilerplate negative.
"""

from __future__ import annotations

from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.leaning import plain_item
from cleantext.boilerplate.rules import MARKER
from cleantext.model import HEADING_KINDS, Block, BlockClass, DropReason

GOOD, BAD, SHORT = BlockClass.GOOD, BlockClass.BAD, BlockClass.SHORT
# Link characters in a sibling element, as a share of its text, above which it is not a section
# of the article (``extend``): teasers link their headline and a "read more".
MAX_SECTION_LINK_SHARE = 0.2
# Of the text of the heaviest child element of the article's element, what an earlier child must
# hold to be the body that ``_tail`` measures from: a short story's body is followed by teaser
# summaries that together hold more text than it does.
BODY_SHARE = 0.5
# The headings that open a section of a post (``_opens_section``); an ``h1`` is the headline.
SECTION_KINDS = HEADING_KINDS - {"h1"}
# What ends an article on its side when it lies between two of its siblings: the share bar under
# it and the comments. An advert, a table of contents or a button between sections does not.
ENDS_ARTICLE = frozenset((DropReason.SHARE, DropReason.COMMENT))
# Linked "Read more" lines in one element that make it a box of teasers (``_read_more_teasers``):
# one closes a story's summary as often as a teaser's; two are a list of them.
MIN_READ_MORE = 2
RELATED = DropReason.RELATED


def extend(
    blocks: list[Block], judged: list[Judged], weights: list[float], number: int, anchor: int | None = None
) -> tuple[int, int]:
    """First and last index of the article: the container's blocks, then, parent by parent, the
    sibling elements on each side that hold more of it (a blog post's sections in elements of their
    own, with headings and lists between them). A side stops for good at the first parent where
    something costly (comments, a teaser list) lies beyond what it took; past something costly
    that does not end an article (``_crossable``), and after an element holding the headline
    (``anchor``, an index) and the body, only sections are taken (``_reach``)."""
    inside = [b.index for b in blocks if number in b.containers]
    first, last = inside[0], inside[-1]
    chain = blocks[first].containers
    # A side is open while nothing closes the article there: a container whose edge holds a share
    # bar or a comment form has its article's end inside it.
    values = [_article_weight(blocks[i], judged[i], weights[i]) for i in range(first, last + 1)]
    text = [i for i, value in enumerate(values) if value > 0]
    if not text:
        return first, last
    end = _tail(blocks, judged, weights, number, first, last)
    open_before, crossed_before = _edge(judged, values, range(first, first + text[0]), first)
    open_after, crossed_after = _edge(judged, values, range(first + text[-1] + 1, last + 1), first)
    open_after = open_after and end == last
    crossed_after = crossed_after or (anchor is not None and first <= anchor <= last)  # the whole story
    last = end
    for parent in reversed(chain[: chain.index(number)]):
        if not (open_before or open_after):
            break
        lo, hi = first, last
        while lo > 0 and parent in blocks[lo - 1].containers:
            lo -= 1
        while hi + 1 < len(blocks) and parent in blocks[hi + 1].containers:
            hi += 1
        if open_before:
            runs = _groups(blocks, first - 1, lo - 1, -1, parent)
            taken, open_before = _reach(blocks, judged, weights, runs, crossed_before)
            if taken:
                first, crossed_before = runs[taken - 1][1], False
        if open_after:
            runs = _groups(blocks, last + 1, hi + 1, 1, parent)
            taken, open_after = _reach(blocks, judged, weights, runs, crossed_after)
            if taken:
                last, crossed_after = runs[taken - 1][1], False
    return first, last


def _edge(judged: list[Judged], values: list[float], edge: range, first: int) -> tuple[bool, bool]:
    """Whether the article may go on past the blocks ``edge`` at its element's edge (nothing there
    ends it: ``_crossable``), and whether something there costs (an advert, a picture's linked
    credit), so that only a sibling that opens a section is taken beyond."""
    costly = [i for i in edge if values[i - first] < 0]
    return _crossable(judged, (edge.start, edge.stop - 1)) if costly else True, bool(costly)


def _reach(
    blocks: list[Block], judged: list[Judged], weights: list[float], runs: list[tuple[int, int]], crossed: bool
) -> tuple[int, bool]:
    """How many of the sibling runs (walking away from the article) to take: the count with the
    largest gain, the fewest on ties; past the first run that costs (an author box or a related
    post after a teaser list is not more of the article) only a run that opens a section of its
    own, and none past a share bar or comments (``_crossable``); and whether that side stays open
    (nothing that costs lies beyond them inside the parent, so the next parent up may extend
    further)."""
    gain, best, taken = 0.0, 0.0, 0
    values = [_group_value(blocks, judged, weights, run) for run in runs]
    upward = len(runs) > 1 and runs[1][0] < runs[0][0]  # walking up the page: a run's heading comes after it
    # ``crossed``: something costly lies between the article and the run (at first, at its edge)
    for count, (run, value) in enumerate(zip(runs, values, strict=True), 1):
        if value < 0:
            if not _crossable(judged, run):
                break
            crossed = True
        gain += value
        if gain <= best:
            continue
        if not crossed:
            best, taken = gain, count
        elif value > 0:
            # a section: the run opens on its heading, or the heading sits in the element above it
            # (the next run walking up, the one before walking down)
            above = count if upward else count - 2
            headed = 0 <= above < len(runs) and _only_headings(blocks, judged, runs[above])
            if _opens_section(blocks, judged, run):
                best, taken = gain, count
            elif headed:  # walking up, the heading's element is taken with its text
                best, taken = gain, count + 1 if upward else count
    return taken, all(value >= 0 for value in values[taken:])


def _only_headings(blocks: list[Block], judged: list[Judged], run: tuple[int, int]) -> bool:
    """Is the sibling element a section heading alone (``_opens_section``), set apart from the
    section's text in an element of its own (page builders wrap each piece of a post so)?"""
    return all(_opens_section(blocks, judged, (i, i)) for i in range(min(run), max(run) + 1))


def _crossable(judged: list[Judged], run: tuple[int, int]) -> bool:
    """Can the article go on past this costly sibling (an advert, a table of contents, a button)?
    Not past a share bar or comments (``ENDS_ARTICLE``): what follows those is the page's."""
    return not any(judged[i].reason in ENDS_ARTICLE for i in range(min(run), max(run) + 1))


def _opens_section(blocks: list[Block], judged: list[Judged], run: tuple[int, int]) -> bool:
    """Does the sibling open on a section heading: an ``h2``..``h6`` the ladder left undecided,
    without a link? A box's title is dropped by the ladder, a teaser's headline is a link."""
    block = blocks[min(run)]
    return block.kind in SECTION_KINDS and judged[block.index].cls is SHORT and not block.link_chars


def _groups(blocks: list[Block], start: int, stop: int, step: int, parent: int) -> list[tuple[int, int]]:
    """The runs of blocks from ``start`` toward ``stop`` (exclusive, by ``step``) that sit in one
    child element of ``parent`` (or are its own blocks, one by one), as (first, last) in walk order."""
    runs: list[tuple[int, int]] = []
    key: object = None
    for i in range(start, stop, step):
        chain = blocks[i].containers
        at = chain.index(parent)
        child = chain[at + 1] if at + 1 < len(chain) else -1 - i
        if runs and child == key:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
            key = child
    return runs


def _group_value(blocks: list[Block], judged: list[Judged], weights: list[float], run: tuple[int, int]) -> float:
    """What a sibling element adds to the article: its article weight when it reads as a section
    (a paragraph of text, few links, no heading the ladder dropped, no "Read more" under each of
    its paragraphs), else only its cost (teasers, a bio box of links, comments, a sidebar's widget
    under its title)."""
    lo, hi = min(run), max(run)
    total, chars, links, paragraph, box = 0.0, 0, 0, False, False
    for i in range(lo, hi + 1):
        block, item = blocks[i], judged[i]
        total += _article_weight(block, item, weights[i])
        chars += len(block.text)
        links += block.link_chars
        paragraph = paragraph or (item.cls is GOOD and not block.in_list)
        box = box or (block.kind in HEADING_KINDS and item.cls is BAD)
    if paragraph and not box and links <= MAX_SECTION_LINK_SHARE * chars and not _read_more_teasers(
        blocks, judged, lo, hi
    ):
        return total
    return min(total, 0.0)


def _article_weight(block: Block, item: Judged, weight: float) -> float:
    """A block's weight as part of an article's section: headings and plain list items cost
    nothing there (they sit between a blog post's paragraphs), the rest weighs as in the sums."""
    if weight > 0:
        return weight
    if (block.kind in HEADING_KINDS and item.cls is SHORT and not block.link_chars) or plain_item(block, item):
        return 0.0
    return weight


def _tail(blocks: list[Block], judged: list[Judged], weights: list[float], number: int, first: int, last: int) -> int:
    """The last index of the container's article: of its child elements (``first`` to ``last``)
    after the body (the first that holds ``BODY_SHARE`` of the most text any of them holds), the
    leading run with the largest gain (the most on ties: a list of plain points costs nothing).
    A related-stories box, a teaser list or an author box after a share bar sits in the article's
    element beside the body when the headline does too; what follows the body past something
    costly that the text after it does not outweigh is not the article. An advert or a link box
    inside the article costs less than the paragraphs after it, and stays."""
    try:
        runs = _groups(blocks, first, last + 1, 1, number)
    except ValueError:  # a block between them lies outside the element: not one stretch of the page
        return last
    texts = [sum(w for w in weights[lo : hi + 1] if w > 0) for lo, hi in runs]
    floor = BODY_SHARE * max(texts)
    body = next(k for k, text in enumerate(texts) if text >= floor)
    if not any(judged[i].cls is GOOD for i in range(runs[body][1] + 1, last + 1)):
        return last  # the body ends the element (most pages): nothing to weigh
    gain, best, taken = 0.0, 0.0, 0
    for count, run in enumerate(runs[body + 1 :], 1):
        value = _tail_value(blocks, judged, weights, run)
        gain += value
        if gain >= best:
            best, taken = gain, count
    end = runs[body + taken][1]
    if not any(judged[i].cls is GOOD for i in range(end + 1, last + 1)):
        return last  # no paragraph lies past the cut (short lines lean to text only between text)
    return end


def _tail_value(blocks: list[Block], judged: list[Judged], weights: list[float], run: tuple[int, int]) -> float:
    """What a child element after the article's body adds to it: its article weight; for a box of
    teasers only its cost. Teasers are text beside linked headlines: links make up more than
    ``MAX_SECTION_LINK_SHARE`` of the element's text and some of its blocks that cost are links;
    or, where the headlines are not links, summaries closed by a "Read more" each
    (``_read_more_teasers``). A paragraph with many links, or a list of them, is not that: it has
    no linked block that costs."""
    lo, hi = run
    values = [_article_weight(blocks[i], judged[i], weights[i]) for i in range(lo, hi + 1)]
    chars = sum(len(blocks[i].text) for i in range(lo, hi + 1))
    links = sum(blocks[i].link_chars for i in range(lo, hi + 1))
    linked = links > MAX_SECTION_LINK_SHARE * chars and any(
        value < 0 and blocks[i].link_chars for i, value in enumerate(values, lo)
    )
    if linked or _read_more_teasers(blocks, judged, lo, hi):
        return sum(value for value in values if value < 0)
    return sum(values)


def _read_more_teasers(blocks: list[Block], judged: list[Judged], lo: int, hi: int) -> bool:
    """Do blocks ``lo`` to ``hi`` hold teasers whose headlines are not links: a summary closed by
    a linked "Read more" each (the ladder's related-list marker), ``MIN_READ_MORE`` of them?"""
    found = 0
    for i in range(lo, hi + 1):
        item = judged[i]
        if item.reason is RELATED and blocks[i].link_chars and item.rule == MARKER:
            found += 1
    return found >= MIN_READ_MORE
