"""The container prior: which element of an HTML page holds the article.

Observations this relies on:

- An article's paragraphs share one container element (a ``div`` or ``td``), and that element
  holds little else: menus, teaser lists, comment forms and footers sit in sibling containers.
  So the container is the element whose blocks, weighed like the region step weighs them (good
  text positive, boilerplate negative), sum highest: a tree version of the main-content region.
  A parent wins over its child only when what the child leaves out is worth more than it costs
  (an article split by an advert), so the chosen element is as tight as the article allows.
- The ladder judges blocks one at a time and misjudges two kinds of article text: prose written
  without sentence marks (blog posts that break lines with spaces) looks like a menu, and short
  lines (forum replies, one-line paragraphs) are undecided. Inside the chosen container both lean
  to text; outside it, long text that looks like prose is a teaser, a recommended article or a
  sidebar, and leaves as ``outside-main``.
- The headline (the block the page's ``<title>`` repeats) usually sits just above the article,
  in its container: containers holding it weigh a little more.
- A short article on a page full of teasers, a popup's copy of the story or sidebar prose can
  weigh less than the rest of the page together: then the body is the heaviest element, and the
  article's element is the deepest one at the headline that holds half the body's weight.
- Blog posts put their sections in sibling elements (a heading, short paragraphs, a list each),
  and the comments or a long list beside them can make one section outweigh their parent. So
  the article grows from its element to the siblings on each side that read as more of it (a
  paragraph, few links), past headings and plain lists (no links) between them, parent by
  parent, until something costly (comments, a teaser list, a share bar) closes that side: what
  lies beyond it (an author box, a related post's summary) is not taken back.
  Plain list items between the article's text are its points, not menus; a short one that heads
  text in its own item (a tip's bold label over its paragraph) is that item's heading. So are the
  plain items under a paragraph that ends with a colon, even after the article's last paragraph:
  the paragraph announced them.
- A heading right above a paragraph in the article's element heads a section of it, even where
  what precedes the heading (a picture's credit, an advert) is dropped.
- A data table between the article's text in its element is part of it (``tables.inner_tables``).
- A post may open on a section heading (``一、背景``, often with its permalink ``#``) right under
  the byline: smoothing would drop it with the byline and the menus above, so the unlinked
  headings just above the first paragraph, below the headline and in the article's element, lean
  to text.
- When the headline sits in the article's element, so does what follows the body: a share bar,
  then a box of related stories whose summaries read as prose. Past the body, the element's
  children are taken only as far as they gain more than they cost; a box of teasers (text beside
  linked headlines) only costs.
- The same kind of text beside the article (an author box, a gallery's captions, teaser
  summaries with few links) can lift the article's parent above it. When an element below the
  chosen one, on the headline's chain, holds most of its text, that element is the article's.

Block weights come from the ladder's classes, so this costs one pass over the blocks and their
recorded container numbers (``Block.containers``), never a walk of the tree.

>>> from cleantext.boilerplate.context import Judged
>>> from cleantext.boilerplate.features import features_of
>>> prose = "正文的一段，内容足够长，有逗号，也有句号。这是第二句，读起来像文章。" * 3
>>> blocks = [Block(0, "首页 国内 国际 财经 科技 体育 娱乐 汽车 房产", containers=(0, 1)),
...           Block(1, prose, containers=(0, 2)), Block(2, prose, containers=(0, 2))]
>>> judged = [Judged(BAD, DropReason.NAV, features_of(blocks[0].text)),
...           Judged(GOOD, KeepReason.BODY, features_of(prose)), Judged(GOOD, KeepReason.BODY, features_of(prose))]
>>> main_container(blocks, judged, None)
2
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter

from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.rules import MIN_GOOD_UNITS, MIN_SHORT_UNITS, marker
from cleantext.boilerplate.tables import inner_tables
from cleantext.model import HEADING_KINDS, Block, BlockClass, DropReason, KeepReason, PageMeta, Step
from cleantext.text import COLONS, fold

# Weights, in units of text (see ``features``), of blocks toward their containers' sums.
LIST_GOOD_WEIGHT = 0.3  # good text in list items: teaser summaries must not outweigh an article
SHORT_TEXT_WEIGHT = 0.5  # short punctuated lines: forum replies count, at half a paragraph's weight
BARE_PROSE_WEIGHT = 0.5  # long text without sentence marks: a blog's line-broken prose or a menu
MIN_BAD_PENALTY = 3  # units: even a one-word menu entry costs something to include
HEADLINE_BONUS = 40  # units, about two sentences: the headline sits at the top of its article
MIN_HEADLINE_CHARS = 4  # characters: shorter title matches (a site name) prove nothing
# The prior acts only when the container is clearly an article's: enough text, and most of the
# page's text. Below that (a portal page, a table of contents) it would guess.
MIN_CONTAINER_UNITS = 100  # units of weight: two or three paragraphs
MIN_TEXT_SHARE = 0.5  # of the page's text weight inside the container
MAX_BARE_LINK_SHARE = 0.2  # links in a long unpunctuated block above which it is a menu anyway
GOOD, BAD, SHORT = BlockClass.GOOD, BlockClass.BAD, BlockClass.SHORT
IN_MAIN = KeepReason.IN_MAIN
# The changes this step makes, built once and shared by the verdicts
TO_TEXT = Step("container_prior", GOOD, IN_MAIN)
TO_OUTSIDE = Step("container_prior", BAD, DropReason.OUTSIDE)
HEADLINE_REACH = 6  # blocks: a date, a byline, a share bar may sit between headline and body
NAV = DropReason.NAV
BY_SUM_THEN_NUMBER = itemgetter(1, 0)  # of a (number, sum) pair: the deeper container wins a tie
# Of the body's weight, when the body is the heaviest element, what an element around the headline
# must hold to be taken instead (``_tighten``). Checking half: 0.4 to 0.7 score alike, 0.3 loses
# 0.005 on English pages (too little is taken); the lowest of the plateau takes the shortest articles.
TIGHT_SHARE = 0.4
# Link characters in a sibling element, as a share of its text, above which it is not a section
# of the article (``_extend``): teasers link their headline and a "read more".
MAX_SECTION_LINK_SHARE = 0.2
# Of the text of the heaviest child element of the article's element, what an earlier child must
# hold to be the body that ``_tail`` measures from: a short story's body is followed by teaser
# summaries that together hold more text than it does.
BODY_SHARE = 0.5
LIST_ITEM = "list_item"  # the ladder's rule for short list entries
# Of the chosen element's text weight (its positive block weights), what an element below it on
# the headline's chain must hold to be taken instead (``_core``): an author box, a gallery's captions
# or teaser summaries beside the article lift its parent above it. Checking half: 0.5 to 0.7 score
# alike; 0.85 loses a page whose article shares its element with a long related-links block.
CORE_SHARE = 0.6
# Items a plain list under a paragraph ending with a colon holds for the paragraph to announce it
# (``_announced``): one item after a colon is a line of the page, two make the list it promised.
MIN_ANNOUNCED_ITEMS = 2


def _is_bare_prose(block: Block, item: Judged) -> bool:
    """Long text without sentence marks or links that the ladder called a menu for that alone."""
    f = item.feats
    return (
        item.cls is BAD
        and item.reason is NAV
        and f.units >= MIN_GOOD_UNITS
        and f.punct == 0
        and block.link_chars <= MAX_BARE_LINK_SHARE * len(block.text)
        and marker(block, f) is None
    )


def _weight(block: Block, item: Judged) -> float:
    units = item.feats.units
    if item.cls is GOOD:
        return units * (LIST_GOOD_WEIGHT if item.in_list else 1.0)
    if item.cls is SHORT:
        return SHORT_TEXT_WEIGHT * units if item.feats.punct else -1.0
    if item.reason is NAV and _is_bare_prose(block, item):  # most boilerplate is settled by its reason
        return BARE_PROSE_WEIGHT * units
    return -float(max(units, MIN_BAD_PENALTY))


def headline(blocks: list[Block], meta: PageMeta | None) -> int | None:
    """Index of the longest heading (``h1``..``h6``) that the page's title repeats, or None. Only
    headings count: breadcrumbs and teaser lists repeat the title too."""
    titles = [fold(t) for t in (meta.title, meta.og_title) if t] if meta else []
    best, best_len = None, MIN_HEADLINE_CHARS - 1
    for block in blocks:
        if block.kind not in HEADING_KINDS:
            continue
        text = fold(block.text)
        if len(text) > best_len and any(text in title for title in titles):
            best, best_len = block.index, len(text)
    return best


def _headline_containers(blocks: list[Block], anchor: int | None) -> set[int]:
    """Containers that hold the headline or start just below it (a header beside the body)."""
    if anchor is None:
        return set()
    return {number for block in blocks[anchor : anchor + 1 + HEADLINE_REACH] for number in block.containers}


def _weights(blocks: list[Block], judged: list[Judged]) -> list[float]:
    """Each block's weight, computed once: the steps below read them several times."""
    return [_weight(block, item) for block, item in zip(blocks, judged, strict=True)]


def main_container(blocks: list[Block], judged: list[Judged], anchor: int | None) -> int | None:
    """Number of the container with the largest weight (the deeper one on ties), or None when no
    container weighs enough. Containers at the headline weigh ``HEADLINE_BONUS`` more."""
    return _heaviest(blocks, _weights(blocks, judged), anchor)


def _heaviest(blocks: list[Block], weights: list[float], anchor: int | None) -> int | None:
    return _best(_sums(blocks, weights, anchor))


def _sums(blocks: list[Block], weights: list[float], anchor: int | None) -> dict[int, float]:
    """Each container's weight: its blocks' weights, plus ``HEADLINE_BONUS`` at the headline."""
    # About nine containers a block: the sums are the stage's longest loop on HTML pages, so
    # it reads and writes a plain dict, and the largest is found without a Python key function.
    # Each sum adds its blocks' weights in block order, as a running total does.
    sums: dict[int, float] = {}
    get = sums.get
    for block, weight in zip(blocks, weights, strict=True):
        for number in block.containers:
            sums[number] = get(number, 0.0) + weight
    for number in _headline_containers(blocks, anchor):
        sums[number] += HEADLINE_BONUS
    return sums


def _best(sums: dict[int, float]) -> int | None:
    """The heaviest container (the deeper one on ties), or None when none weighs enough."""
    if not sums:
        return None
    best, best_sum = max(sums.items(), key=BY_SUM_THEN_NUMBER)
    return best if best_sum >= MIN_CONTAINER_UNITS else None


def _tighten(blocks: list[Block], sums: dict[int, float], anchor: int) -> int | None:
    """When the whole body is the heaviest element (teasers, a popup's copy of the article or a
    sidebar's prose add more text than the menus cost), the deepest element around the headline
    that holds ``TIGHT_SHARE`` of the body's weight; None if there is none. Without this a short
    article is kept with everything positive on its page, or (before) the prior stood back.
    Siblings of the chosen element that hold the article's other parts come back in ``_extend``."""
    floor = max(TIGHT_SHARE * sums[0], MIN_CONTAINER_UNITS)
    chain = blocks[anchor].containers  # the body opens it (on a page nested deeper than the chain, an ancestor)
    return next((number for number in reversed(chain) if number and sums[number] >= floor), None)


def _text_weights(blocks: list[Block], weights: list[float], numbers: Iterable[int]) -> tuple[dict[int, float], float]:
    """The text weight (the positive block weights) inside each of the containers ``numbers``,
    and the page's in all."""
    inside = dict.fromkeys(numbers, 0.0)
    total = 0.0
    for block, weight in zip(blocks, weights, strict=True):
        if weight > 0:
            total += weight
            for c in block.containers:
                if c in inside:
                    inside[c] += weight
    return inside, total


def _text_share(blocks: list[Block], weights: list[float], number: int) -> float:
    """Share of the page's text weight (the positive block weights) inside the container."""
    inside, total = _text_weights(blocks, weights, (number,))
    return inside[number] / total if total else 1.0


def container_prior(blocks: list[Block], judged: list[Judged], meta: PageMeta | None) -> int | None:
    """Lean the blocks toward the main container (in place): bare prose and short punctuated lines
    inside it become text (``in-main``), good text outside it leaves (``outside-main``). Returns
    the container's number, or None when the page has no clear one (a dump has no containers)."""
    if not any(block.containers for block in blocks):
        return None
    anchor = headline(blocks, meta)
    weights = _weights(blocks, judged)
    number = _choose(blocks, weights, anchor)
    if number is None:
        return None
    first, last = _extend(blocks, judged, weights, number)
    lo, hi = _text_span(blocks[first : last + 1], weights[first : last + 1])
    points = {i for i in range(lo, hi + 1) if _plain_item(blocks[i], judged[i])}
    listed = _listed_points(blocks, points, weights) | _announced(blocks, judged, weights, first, last)
    listed |= _section_heads(blocks, judged, weights, first, hi)
    listed |= _opening_heads(blocks, judged, anchor, first, last)
    for block, item in zip(blocks, judged, strict=True):
        i = block.index
        if not first <= i <= last:
            if item.cls is GOOD:
                item.set(TO_OUTSIDE)
        elif _is_bare_prose(block, item) or i in listed or (lo <= i <= hi and _leans_text(item, i, points, listed)):
            item.set(TO_TEXT)
    inner_tables(blocks, judged, lo, hi)
    return number


def _linked(block: Block) -> bool:
    return 2 * block.link_chars >= len(block.text)


def _opening_heads(blocks: list[Block], judged: list[Judged], anchor: int | None, first: int, last: int) -> set[int]:
    """The section headings (not links, undecided) right above the article's first paragraph,
    below the headline, in the article's element: the post opens on a section (``一、背景``).
    Smoothing would drop them with the byline and the menus above them."""
    if anchor is None:
        return set()
    start = max(first, anchor + 1)
    top = next((i for i in range(start, last + 1) if judged[i].cls is GOOD), start)
    heads: set[int] = set()
    i = top - 1
    # a link on a heading is its permalink (``#``, ``¶``), not the heading's text: a linked title leads elsewhere
    while i >= start and blocks[i].kind in HEADING_KINDS and judged[i].cls is SHORT and not _linked(blocks[i]):
        heads.add(i)
        i -= 1
    return heads


def _choose(blocks: list[Block], weights: list[float], anchor: int | None) -> int | None:
    """The article's container, or None when the page has no clear one."""
    sums = _sums(blocks, weights, anchor)
    number = _best(sums)
    if number is None:
        return None
    if anchor is not None:
        if number == 0:
            number = _tighten(blocks, sums, anchor)
        if number is None or number not in _headline_containers(blocks, anchor):
            return None  # the page names its article elsewhere: a cookie notice or a sidebar won
        return _core(blocks, weights, number, anchor)
    if number == 0 or _text_share(blocks, weights, number) < MIN_TEXT_SHARE:
        return None  # no headline, and most text elsewhere: a portal or a list page
    return number


def _core(blocks: list[Block], weights: list[float], number: int, anchor: int) -> int:
    """The deepest element on the headline's chain below ``number`` that holds ``CORE_SHARE`` of
    its text weight (and ``MIN_CONTAINER_UNITS``), else ``number``. The heaviest element is the one
    whose text outweighs its boilerplate most, so an author box, a gallery or teaser summaries
    with few links beside the article make a parent win; the article's own element holds most of
    the text all the same. Sections of the article left outside come back in ``_extend``."""
    chain = blocks[anchor].containers
    below = chain[chain.index(number) + 1 :] if number in chain else ()
    if not below:
        return number
    text, _ = _text_weights(blocks, weights, (number, *below))
    floor = max(CORE_SHARE * text[number], MIN_CONTAINER_UNITS)
    return next((c for c in reversed(below) if text[c] >= floor), number)


def _text_span(blocks: list[Block], weights: list[float]) -> tuple[int, int]:
    """First and last index of the region's blocks of positive weight: short lines lean to text
    between them only, not among the menus at the region's edges."""
    inside = [b.index for b, weight in zip(blocks, weights, strict=True) if weight > 0]
    return (inside[0], inside[-1]) if inside else (0, -1)


def _leans_text(item: Judged, index: int, points: set[int], listed: set[int]) -> bool:
    """A short punctuated line, or an item of a plain list (no links: a list of points, not of
    pages) between the region's text; an item too short to say much alone (``Zucchini``) only in
    a list with text on both sides (a player's speed menu or a lone label is not)."""
    if item.feats.units >= MIN_SHORT_UNITS:
        return index in points or (item.cls is SHORT and item.feats.punct > 0)
    return index in listed


def _listed_points(blocks: list[Block], points: set[int], weights: list[float]) -> set[int]:
    """The plain list items in runs of two or more with text (a block of positive weight) or a
    heading just before and just after the run (an ingredient list between its heading and the
    steps; a player's menu sits among buttons), and the items that head text in their own
    element (a list of tips, each a bold label over its paragraph, in one ``li``)."""

    def bounds(i: int) -> bool:
        return 0 <= i < len(blocks) and (weights[i] > 0 or blocks[i].kind in HEADING_KINDS)

    listed = {i for i in points if i + 1 < len(blocks) and weights[i + 1] > 0 and _same_element(blocks, i)}
    for start in sorted(points):
        if start - 1 in points:
            continue
        end = start
        while end + 1 in points:
            end += 1
        if end > start and bounds(start - 1) and bounds(end + 1):
            listed.update(range(start, end + 1))
    return listed


def _announced(blocks: list[Block], judged: list[Judged], weights: list[float], first: int, last: int) -> set[int]:
    """The plain list items (``_plain_item``) of a run of ``MIN_ANNOUNCED_ITEMS`` or more right under
    a paragraph of the article that ends with a colon (``So kam es zustande:``): the list it
    announces, wherever it stands in the article, its last text included."""
    out: set[int] = set()
    for i in range(first, last):
        if weights[i] <= 0 or not blocks[i].text.rstrip().endswith(COLONS):
            continue
        end = i + 1
        while end <= last and _plain_item(blocks[end], judged[end]):
            end += 1
        if end - i - 1 >= MIN_ANNOUNCED_ITEMS:
            out.update(range(i + 1, end))
    return out


def _section_heads(blocks: list[Block], judged: list[Judged], weights: list[float], first: int, hi: int) -> set[int]:
    """The headings (``h1``..``h6``, no links) in the article's element, up to its last text, that
    stand right above a paragraph of it: a section's heading, whatever precedes it (a picture's
    credit, an advert, the byline the ladder drops). Smoothing keeps a heading only between text."""
    out: set[int] = set()
    for i in range(first, hi):
        block, item = blocks[i], judged[i]
        if block.kind in HEADING_KINDS and item.cls is SHORT and not block.link_chars and item.feats.units:
            if weights[i + 1] > 0 and judged[i + 1].cls is GOOD:
                out.add(i)
    return out


def _same_element(blocks: list[Block], i: int) -> bool:
    """Do blocks ``i`` and ``i + 1`` sit in the same innermost element (a label and its text)?"""
    chain, after = blocks[i].containers, blocks[i + 1].containers
    return bool(chain) and bool(after) and chain[-1] == after[-1]


def _plain_item(block: Block, item: Judged) -> bool:
    """A list item the ladder left as a list entry for its shortness alone, with no link and no
    ellipsis: a point of the article (a step, an ingredient, a tool), not a link to a page."""
    return (
        block.in_list
        and not block.link_chars
        and not item.feats.truncated
        and item.chain[-1].name == LIST_ITEM
        and item.feats.units > 0
    )


def _article_weight(block: Block, item: Judged, weight: float) -> float:
    """A block's weight as part of an article's section: headings and plain list items cost
    nothing there (they sit between a blog post's paragraphs), the rest weighs as in the sums."""
    if weight > 0:
        return weight
    if (block.kind in HEADING_KINDS and item.cls is SHORT and not block.link_chars) or _plain_item(block, item):
        return 0.0
    return weight


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
    (a paragraph of text, few links), else only its cost (teasers, a bio box of links, comments)."""
    lo, hi = min(run), max(run)
    total, chars, links, paragraph = 0.0, 0, 0, False
    for i in range(lo, hi + 1):
        block, item = blocks[i], judged[i]
        total += _article_weight(block, item, weights[i])
        chars += len(block.text)
        links += block.link_chars
        paragraph = paragraph or (item.cls is GOOD and not block.in_list)
    if paragraph and links <= MAX_SECTION_LINK_SHARE * chars:
        return total
    return min(total, 0.0)


def _reach(
    blocks: list[Block], judged: list[Judged], weights: list[float], runs: list[tuple[int, int]]
) -> tuple[int, bool]:
    """How many of the sibling runs (walking away from the article) to take: the count with the
    largest gain before the first run that costs (an author box or a related post after a share bar
    or a teaser list is not more of the article), the fewest on ties; and whether that side stays
    open (nothing that costs lies beyond them inside the parent, so the next parent up may extend
    further)."""
    gain, best, taken = 0.0, 0.0, 0
    values = [_group_value(blocks, judged, weights, run) for run in runs]
    for count, value in enumerate(values, 1):
        if value < 0:  # something costly (a teaser list, a share bar) ends the article on this side
            break
        gain += value
        if gain > best:
            best, taken = gain, count
    return taken, all(value >= 0 for value in values[taken:])


def _extend(blocks: list[Block], judged: list[Judged], weights: list[float], number: int) -> tuple[int, int]:
    """First and last index of the article: the container's blocks, then, parent by parent, the
    sibling elements on each side that hold more of it (a blog post's sections in elements of their
    own, with headings and lists between them). A side stops for good at the first parent where
    something costly (comments, a teaser list) lies beyond what it took."""
    inside = [b.index for b in blocks if number in b.containers]
    first, last = inside[0], inside[-1]
    chain = blocks[first].containers
    # A side is open while nothing costly closes the article there: a container whose edge holds
    # a share bar, a related list or a comment form has its article's end inside it.
    values = [_article_weight(blocks[i], judged[i], weights[i]) for i in range(first, last + 1)]
    text = [i for i, value in enumerate(values) if value > 0]
    if not text:
        return first, last
    end = _tail(blocks, judged, weights, number, first, last)
    open_before = all(value >= 0 for value in values[: text[0]])
    open_after = end == last and all(value >= 0 for value in values[text[-1] + 1 :])
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
            taken, open_before = _reach(blocks, judged, weights, runs)
            if taken:
                first = runs[taken - 1][1]
        if open_after:
            runs = _groups(blocks, last + 1, hi + 1, 1, parent)
            taken, open_after = _reach(blocks, judged, weights, runs)
            if taken:
                last = runs[taken - 1][1]
    return first, last


def _tail_value(blocks: list[Block], judged: list[Judged], weights: list[float], run: tuple[int, int]) -> float:
    """What a child element after the article's body adds to it: its article weight; for a box of
    teasers only its cost. Teasers are text beside linked headlines: links make up more than
    ``MAX_SECTION_LINK_SHARE`` of the element's text and some of its blocks that cost are links.
    A paragraph with many links, or a list of them, is not that: it has no linked block that costs."""
    lo, hi = run
    values = [_article_weight(blocks[i], judged[i], weights[i]) for i in range(lo, hi + 1)]
    chars = sum(len(blocks[i].text) for i in range(lo, hi + 1))
    links = sum(blocks[i].link_chars for i in range(lo, hi + 1))
    if links > MAX_SECTION_LINK_SHARE * chars and any(
        value < 0 and blocks[i].link_chars for i, value in enumerate(values, lo)
    ):
        return sum(value for value in values if value < 0)
    return sum(values)


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
