"""Context smoothing and the main-content region.

Two observations drive this stage:

1. A block too short to judge alone takes after its neighbours: a subheading or a one-line
   paragraph between two article paragraphs is article; the same line between two menu entries is
   menu. Each short block looks at the nearest decided block on each side. In a dump, a long run
   of short lines is a list of headlines or links even between two paragraphs, unless its lines
   are sentences; lines of program code are left to their neighbours.
2. Some pages have little or no text that is article on its own merits (a table of contents, a
   thread of one-line posts, a poem); there the undecided blocks are the text (``fallback``),
   but for the labels and buttons around them (``Replies``, ``2 years ago``), in a dump as in
   HTML: short, no sentence, no heading.
3. An article is one contiguous stretch of the page. Giving each good block a positive weight
   (its length) and each bad block a negative one, the stretch with the largest sum is the main
   content; good-looking blocks outside it (a long comment, a teaser with punctuation) are
   dropped as ``outside-main``. A dump's long run of short lines that smoothing took for a link
   list (a menu, a grid of headlines, a footer's links) weighs what boilerplate weighs, its
   length: a sidebar of related stories under the article must not be cheap to cross. Not so for
   a run of CJK lines (a blog sets a paragraph as one clause a line, without marks) or for a
   paragraph the dumper wrapped and did not join (its lines go on in lower case): those are text
   smoothing could not tell, and cost what any undecided line costs. Prose in another script than
   the page's own (its menus and labels) counts less: a Chinese article among English teaser
   summaries is still the article. So does a dump's long line of Han that is sparsely marked and
   ends no sentence (headlines run together, keyword spam): by its share of sentence marks it is
   not prose, whatever its length. Of two stretches of nearly the same weight, the earlier is the
   article: comments, teasers and legal notices follow articles far more often than they precede
   them.

Every change is recorded as a step of the block's chain (``Judged.set``, then ``Verdict.chain``),
named after the function that made it, so ``cleantext explain`` shows what context changed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from cleantext.boilerplate.entries import list_item
from cleantext.boilerplate.features import Features, sparse
from cleantext.boilerplate.rules import MARKER
from cleantext.model import HEADING_KINDS, Block, BlockClass, BlockReason, DropReason, KeepReason, Step

MIN_NEAR_GOOD_UNITS = 8  # units: a short block this long with punctuation may join an article
# A shorter CJK line joins it when it ends a sentence and holds this many marks (全！封！闭！, 快跑！！)
MIN_SHORT_SENTENCE_MARKS = 2
MIN_SHORT_SENTENCE_UNITS = 2
# A CJK line this long that ends with a mark (a comma, a full stop) is a line of verse or a clause
# set on a line of its own (五言 and 七言 verse: 5 or 7 characters and a mark); a menu entry, a
# button or a headline ends with no comma.
MIN_VERSE_UNITS = 4
BAD_WEIGHT = 1.0  # weight of a bad block's units against good units in the region sum
MIN_BAD_PENALTY = 3  # units: even a tiny menu entry costs something to cross
MAX_SHORT_RUN = 6  # lines: subheadings, a short list, a few one-line paragraphs; in a dump, longer
# runs of short lines between two paragraphs are link lists unless each line is a sentence (HTML
# keeps its teaser lists apart by markup, and short runs there are more often verse or Q&A)
# Of a long run's lines, the share that are CJK sentences for the run to be prose (a poem, a
# translation, notes), not a list. CJK only: English bulleted lists are often short sentences.
MIN_PROSE_RUN_SHARE = 0.5
# Of a long run's lines, the share that go on with the next line (it ends no sentence, the next one
# opens in lower case) for the run to be a paragraph wrapped and left unjoined, not a link list.
MIN_WRAPPED_RUN_SHARE = 1 / 3
# Lines in a row that are no sentences (a subheading, a picture's caption) across which a long
# run's sentences still go on from the article beside it (``_linked_sentences``).
MAX_LINK_MISSES = 1
SHORT_PENALTY = 1  # units: undecided blocks cost little, so a subheading does not split an article
# Good text inside a list counts this much of its length toward the region: a teaser list (a
# linked headline and a summary per item) holds more prose than many short articles, and its
# summaries must not outweigh the article; an article's own lists sit between its paragraphs and
# stay inside the region anyway.
LIST_GOOD_WEIGHT = 0.3
NEARLY_AS_HEAVY = 0.9  # of the heaviest stretch's weight, for an earlier stretch to be taken instead
FOREIGN_GOOD_WEIGHT = 0.3  # good text in another script (CJK or not) than the page's menus and labels
# A long dump line of Han too sparsely marked to be prose (``features.sparse``: headlines run
# together, a block of keywords) counts this much of its length toward the region, so it cannot
# pull the region away from the article or past the chrome between them.
SPARSE_GOOD_WEIGHT = 0.3


GOOD, BAD, SHORT = BlockClass.GOOD, BlockClass.BAD, BlockClass.SHORT
LIST_ENTRY = list_item.__name__  # the ladder's rule for list items (``entries``)
# The steps of this module, each named after its function, built once and shared by the verdicts
# (smoothing changes every undecided block: a record each would be built on the hot path).
SMOOTH = "smooth"
SMOOTHED_GOOD = Step(SMOOTH, GOOD, KeepReason.CONTEXT)
_smoothed_bad: dict[BlockReason, Step] = {}  # a short block dropped by smoothing keeps its reason: one step per reason
LINK_RUN = "link_run"
_link_run_bad: dict[BlockReason, Step] = {}  # as ``_smoothed_bad``, for ``link_run``
FALLBACK = Step("fallback", GOOD, KeepReason.FALLBACK)
OUTSIDE_REGION = Step("main_region", BAD, DropReason.OUTSIDE)
OUTSIDE_ARTICLE = Step("first_article", BAD, DropReason.OUTSIDE)


@dataclass(slots=True)
class Judged:
    """A block's class as the ladder and then context left it (one per block of every page: with
    slots it is built, and its fields read, faster). ``cls`` and ``reason`` always hold enum
    members, so the steps compare them by identity (``is GOOD``), the cheapest test there is."""

    cls: BlockClass
    reason: BlockReason
    feats: Features
    chain: tuple[Step, ...] = ()  # the ladder's answer naming its rule, then each step that changed it
    in_list: bool = False
    dump: bool = False  # a line of a text dump (not an HTML element)

    @property
    def rule(self) -> str:
        """The name of the ladder rule that decided (before any later step), as ``Verdict.rule``."""
        return self.chain[0].name if self.chain else ""

    def set(self, step: Step) -> None:
        """A step sets the block's class and reason; the chain keeps it."""
        self.chain = (*self.chain, step)
        self.cls, self.reason = step.cls, step.reason


def _short_runs(judged: list[Judged]) -> Iterator[tuple[int, int]]:
    """[start, end) of each run of consecutive short blocks."""
    i = 0
    while i < len(judged):
        if judged[i].cls is not SHORT:
            i += 1
            continue
        j = i
        while j < len(judged) and judged[j].cls is SHORT:
            j += 1
        yield i, j
        i = j


def _near_good(item: Judged) -> bool:
    """A short block long enough and punctuated to join the article beside it, a short
    exclamation or sentence set as a paragraph of its own (``全！封！闭！``): Chinese marks every
    clause of it, where a button or a menu entry carries no mark at all; or a line of Chinese verse
    (``明月照亮浊酒案。``, ``深夜看书须尽欢，``), a clause ending with its mark."""
    feats = item.feats
    if feats.punct == 0:
        return False
    return feats.units >= MIN_NEAR_GOOD_UNITS or (
        feats.is_cjk and (feats.ends_sentence or feats.ends_clause) and (
            feats.units >= MIN_VERSE_UNITS
            or (feats.punct >= MIN_SHORT_SENTENCE_MARKS and feats.units >= MIN_SHORT_SENTENCE_UNITS
                and feats.ends_sentence)
        )
    )


def _sentence(item: Judged) -> bool:
    """A near-good block that ends with a sentence mark, or a CJK one that ends a clause (a line
    of verse: the sentence goes on on the next line)."""
    feats = item.feats
    return _near_good(item) and (feats.ends_sentence or (feats.ends_clause and feats.is_cjk))


def _linked_sentences(run: list[Judged], prev: BlockClass, nxt: BlockClass) -> set[int]:
    """Offsets in a long dump run of the sentences that go on from the article text beside it:
    from the run's end next to a good block inward, as long as no more than ``MAX_LINK_MISSES``
    lines in a row are no sentences. A headline list next to the article holds a question or two
    (``Will the vote be delayed?``) deep inside it; they are the list's, not the article's."""
    linked: set[int] = set()
    for side, order in ((prev, range(len(run))), (nxt, range(len(run) - 1, -1, -1))):
        if side is not GOOD:
            continue
        misses = 0
        for k in order:
            if _sentence(run[k]):
                linked.add(k)
                misses = 0
            else:
                misses += 1
                if misses > MAX_LINK_MISSES:
                    break
    return linked


def _context_class(item: Judged, prev: BlockClass, nxt: BlockClass, run: int, prose_run: bool) -> BlockClass:
    if item.dump and run > MAX_SHORT_RUN and item.reason is not KeepReason.CODE:
        # A long run of short blocks is a list of headlines or links unless its lines are
        # sentences: next to article text (``_linked_sentences``), or most of the run (a poem,
        # a translation, notes).
        return GOOD if _sentence(item) and (prose_run or GOOD in (prev, nxt)) else BAD
    if (prev is GOOD and nxt is GOOD) or (_near_good(item) and GOOD in (prev, nxt)):
        return GOOD
    return BAD


def smooth(judged: list[Judged], texts: Sequence[str] = ()) -> None:
    """Decide short blocks from the decided blocks on each side of their run (in place); the
    page's edges count as boilerplate. ``texts``, the blocks' texts, tell a paragraph wrapped and
    left unjoined from a link list (``link_run``)."""
    for start, end in list(_short_runs(judged)):
        prev = judged[start - 1].cls if start > 0 else BAD
        nxt = judged[end].cls if end < len(judged) else BAD
        run = judged[start:end]
        # Whether the run is prose matters to long runs only (``_context_class``): most runs are
        # a line or two, and skip the count.
        prose_run = links = False
        if len(run) > MAX_SHORT_RUN:
            sentences = sum(_sentence(x) and x.feats.is_cjk for x in run)
            prose_run = sentences >= MIN_PROSE_RUN_SHARE * len(run)
            links = not prose_run and not _wrapped_run(run, texts[start:end])
        # a long dump run's sentences are the article's only as far as they go on from it
        linked = _linked_sentences(run, prev, nxt) if len(run) > MAX_SHORT_RUN and run[0].dump else None
        for k, item in enumerate(run):
            cls = _context_class(item, prev, nxt, len(run), prose_run)
            if linked is not None and cls is GOOD and not prose_run and k not in linked:
                cls = BAD if item.dump and item.reason is not KeepReason.CODE else cls
            if cls is GOOD:  # inline ``set``: smoothing changes most undecided blocks of a page
                item.chain, item.cls, item.reason = (*item.chain, SMOOTHED_GOOD), GOOD, KeepReason.CONTEXT
            elif links and item.dump and not item.feats.is_cjk and item.reason is not KeepReason.CODE:
                link_run(item)
            else:
                step = _smoothed_bad.get(item.reason) or _smoothed_bad.setdefault(
                    item.reason, Step(SMOOTH, BAD, item.reason)
                )
                item.chain, item.cls = (*item.chain, step), BAD


def _wrapped_run(run: list[Judged], texts: Sequence[str]) -> bool:
    """Do enough of the run's lines go on with the next one (no sentence ends, the next opens in
    lower case): a paragraph the dumper wrapped at a narrow width and left in lines?"""
    if not texts:
        return False
    going_on = sum(
        not item.feats.ends_sentence and after[:1].islower() for item, after in zip(run, texts[1:], strict=False)
    )
    return going_on >= MIN_WRAPPED_RUN_SHARE * len(run)


def link_run(item: Judged) -> None:
    """A short dump line of a long run that is neither prose nor a wrapped paragraph, dropped by
    smoothing as an entry of a link list (in place): the region counts its whole length against
    it (``_weights``), as any boilerplate."""
    step = _link_run_bad.get(item.reason) or _link_run_bad.setdefault(item.reason, Step(LINK_RUN, BAD, item.reason))
    item.chain, item.cls = (*item.chain, step), BAD


# units of good text under which a page is thin (a thread of one-line replies, a poem): its
# undecided blocks are its text. About two short paragraphs, as for threads in ``classify``.
THIN_PAGE_UNITS = 100
# units: an undecided line shorter than this that ends no sentence is a label or a button
# (``Replies``, ``Voices``, ``Edit``, ``2 years ago``), not a line of a thin page's text (a table
# of contents' entries and a thread's one-line posts are longer, or punctuated). A heading that
# short is text all the same: a thin page's title or a section's head.
MIN_FALLBACK_UNITS = 6


def fallback(judged: list[Judged], blocks: Sequence[Block] = ()) -> None:
    """A thin page (less good text than ``THIN_PAGE_UNITS``: a table of contents, a thread of
    one-line posts, a recipe's lists): its undecided blocks (``_undecided``) are its text, but
    for its labels and buttons (``MIN_FALLBACK_UNITS``) other than its HTML headings (of
    ``blocks``), and the region step still cuts away what menus surround them."""
    if sum(item.feats.units for item in judged if item.cls is GOOD) >= THIN_PAGE_UNITS:
        return
    # an HTML heading; a dump's (a Markdown ``#`` line) is as often a widget's title
    headings = {block.index for block in blocks if block.kind in HEADING_KINDS and block.source != "text"}
    for i, item in enumerate(judged):
        if _undecided(item) and item.feats.units and (i in headings or not _label(item)):
            item.set(FALLBACK)


def _undecided(item: Judged) -> bool:
    """A block the ladder left to its neighbours: a short line, or a list item that may be a point
    of the article (``entries.list_item``: a step that ends with a stop). Not a line the vocabulary
    named (``rules.marker``) though a later look passed over the name (a thread's comment prompt
    judged again as text, ``rejudge_thread``): the name is still the page's chrome."""
    if item.reason is DropReason.SHORT:
        return item.rule != MARKER
    return bool(item.chain) and item.chain[0].cls is SHORT and item.chain[0].name == LIST_ENTRY


def _label(item: Judged) -> bool:
    """A short line that ends no sentence (``MIN_FALLBACK_UNITS``): a label or a button."""
    feats = item.feats
    return feats.units < MIN_FALLBACK_UNITS and not feats.ends_sentence and not _near_good(item)


def _weights(judged: list[Judged], page_cjk: bool) -> list[float]:
    """Each block's weight in the region sum (one loop, as it runs over every block of every page)."""
    weights = []
    for item in judged:
        feats = item.feats
        if item.cls is GOOD:
            weight = float(feats.units) * (LIST_GOOD_WEIGHT if item.in_list else 1.0)
            if weight > 0 and feats.is_cjk != page_cjk:
                weight *= FOREIGN_GOOD_WEIGHT
            elif item.dump and item.reason is KeepReason.BODY and sparse(feats):
                weight *= SPARSE_GOOD_WEIGHT
        # undecided by the ladder, boilerplate by its neighbours: between smoothing and this step only
        # ``fallback`` runs, and it makes text, so smoothing is the last step of such a block (a
        # link list's entry, ``link_run``, weighs as boilerplate)
        elif item.chain and item.chain[-1].name == SMOOTH:
            weight = -float(SHORT_PENALTY)
        else:
            weight = -BAD_WEIGHT * max(feats.units, MIN_BAD_PENALTY)
        weights.append(weight)
    return weights


def _page_is_cjk(judged: list[Judged]) -> bool:
    """Is the page's own language (its menus, labels and headings: the text that is not prose) CJK?"""
    cjk = other = 0
    for item in judged:
        if item.cls is not GOOD:
            cjk += item.feats.cjk
            other += item.feats.units - item.feats.cjk
    return cjk > other


def _heaviest(weights: list[float]) -> list[tuple[float, tuple[int, int]]]:
    """The stretch with the largest sum (Kadane) of each prefix ``weights[:end]`` where that
    stretch changes, as (sum, [start, end)), in order: the last one is the whole list's, and the
    last one ending by ``end`` is the prefix's (the pass over the prefix is the same pass)."""
    best, found = 0.0, [(0.0, (0, 0))]
    total, start = 0.0, 0
    for i, weight in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += weight
        if total > best:
            best = total
            found.append((best, (start, i + 1)))
    return found


def main_region(judged: list[Judged]) -> tuple[int, int]:
    """[start, end) of the stretch with the largest weight sum; (0, 0) when none is positive. A
    stretch above it that weighs nearly as much is taken instead: what follows an article
    (comments, teasers, a long legal notice) can outweigh it by a little, what precedes it rarely."""
    found = _heaviest(_weights(judged, _page_is_cjk(judged)))
    best, span = found[-1]
    earlier, earlier_span = next(x for x in reversed(found) if x[1][1] <= span[0])
    return earlier_span if earlier >= NEARLY_AS_HEAVY * best > 0 else span


def confine(judged: list[Judged], region: tuple[int, int], article: tuple[int, int]) -> None:
    """Drop good blocks outside the article (in place): outside the main region (``main_region``
    names the step), or inside it but outside its one article (``first_article`` names it)."""
    lo, hi = article
    for i, item in enumerate(judged):
        if item.cls is GOOD and not lo <= i < hi:
            item.set(OUTSIDE_ARTICLE if region[0] <= i < region[1] else OUTSIDE_REGION)
