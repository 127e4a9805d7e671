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
- The article reaches beyond its element to sibling elements that hold more of it (a blog's
  sections) and ends, inside it, where a related box or teasers follow the body (``extent``).
  Inside it, short lines, plain list items and section headings lean to text (``leaning``), and
  a data table between its text is part of it (``tables.inner_tables``).
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
from cleantext.boilerplate.extent import extend
from cleantext.boilerplate.features import MIN_GOOD_UNITS
from cleantext.boilerplate.leaning import leaning
from cleantext.boilerplate.rules import marker
from cleantext.boilerplate.tables import inner_tables
from cleantext.model import HEADING_KINDS, Block, BlockClass, DropReason, KeepReason, PageMeta, Step
from cleantext.text import fold

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
# Of the chosen element's text weight (its positive block weights), what an element below it on
# the headline's chain must hold to be taken instead (``_core``): an author box, a gallery's captions
# or teaser summaries beside the article lift its parent above it. Checking half: 0.5 to 0.7 score
# alike; 0.85 loses a page whose article shares its element with a long related-links block.
CORE_SHARE = 0.6


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


def block_weights(blocks: list[Block], judged: list[Judged]) -> list[float]:
    """Each block's weight, computed once: the steps below read them several times."""
    return [_weight(block, item) for block, item in zip(blocks, judged, strict=True)]


def main_container(blocks: list[Block], judged: list[Judged], anchor: int | None) -> int | None:
    """Number of the container with the largest weight (the deeper one on ties), or None when no
    container weighs enough. Containers at the headline weigh ``HEADLINE_BONUS`` more."""
    return _heaviest(blocks, block_weights(blocks, judged), anchor)


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
    Siblings of the chosen element that hold the article's other parts come back in ``extend``."""
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
    weights = block_weights(blocks, judged)
    number = _choose(blocks, weights, anchor)
    if number is None:
        return None
    first, last = extend(blocks, judged, weights, number, anchor)
    leans, (lo, hi) = leaning(blocks, judged, weights, anchor, first, last)
    for block, item in zip(blocks, judged, strict=True):
        i = block.index
        if not first <= i <= last:
            if item.cls is GOOD:
                item.set(TO_OUTSIDE)
        elif i in leans or _is_bare_prose(block, item):
            item.set(TO_TEXT)
    inner_tables(blocks, judged, lo, hi)
    return number


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
    the text all the same. Sections of the article left outside come back in ``extend``."""
    chain = blocks[anchor].containers
    below = chain[chain.index(number) + 1 :] if number in chain else ()
    if not below:
        return number
    text, _ = _text_weights(blocks, weights, (number, *below))
    floor = max(CORE_SHARE * text[number], MIN_CONTAINER_UNITS)
    return next((c for c in reversed(below) if text[c] >= floor), number)
