"""Threads in a text dump: a forum thread or a Q&A page as a dump tool wrote it (no elements).

What the content is, and what its chrome, is what ``boilerplate.posts`` says for HTML threads:
each post's text stays; the user card, the date line, the buttons, the signature leave
(``post-chrome``). A dump has no elements to compare, but the template still prints the same
lines for every post, and they repeat.

How the post list is found, by the lines' shapes, never by words: a line's *shape* is its text
with each run of digits made one mark. A block of shapes printed at fixed distances once a post,
one of them numbered, with prose after most of its occurrences, marks the posts. Inside the
list its template lines, the short lines repeated word for word, the card lines next to them and
the signatures are chrome (``dumpchrome``). ``docs/threads.md`` says it all with examples.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from cleantext.boilerplate.closings import answers_over, heading_over
from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.dumpchrome import MAX_DUMP_CHROME_UNITS, dump_chrome, introduces, signatures
from cleantext.boilerplate.dumpshapes import (
    DIGITS,
    MAX_TEMPLATE_REACH,
    counts,
    is_template,
    named_shapes,
    shape_of_line,
    stamped,
    template_block,
)
from cleantext.boilerplate.entries import list_item, teaser
from cleantext.boilerplate.posts import MIN_ARTICLE_UNITS, MIN_POSTS, MIN_PROSE_UNITS
from cleantext.model import Block, BlockClass, DropReason, KeepReason, Step

GOOD, BAD, SHORT = BlockClass.GOOD, BlockClass.BAD, BlockClass.SHORT

MIN_SPOKEN_SHARE = 0.75  # of a template line's occurrences with prose before the next one
# A thread of two posts (a question and its one answer) repeats its template once only: one shape
# occurring twice is anything (a heading over two columns, a menu above and below), so two posts
# need a fuller card: this many short shapes, each printed exactly twice at the same distance from
# the other ones in both posts (the name's rank, the join date, the count of posts, the date line,
# the floor number ``#1``), and prose after both.
MIN_PAIR_TEMPLATE = 3
# Lines a card may hold beyond another's (an avatar's line, a rank): prose that far past the last
# card's usual distance still follows it, and makes the template a header
CARD_SLACK = 2
MIN_PAIR_DIFFERING = 2  # shapes of a two-post template whose two lines differ: two writers' numbers
PAIR = 2  # occurrences of each shape of a two-post thread's template
NOT_TEMPLATE = frozenset((DropReason.NAV, DropReason.RELATED, DropReason.TAGS, DropReason.TEASER, KeepReason.CODE))
# ladder rules that drop a line as an entry of a list of other pages (a teaser, a headline), which a
# post's own list item or its line trailing off with an ellipsis also reads as
POST_OWN_ENTRIES = frozenset((list_item.__name__, teaser.__name__))
TO_DUMP_POST = Step("dump_posts", GOOD, KeepReason.POST)
TO_DUMP_CHROME = Step("dump_posts", BAD, DropReason.POST_CHROME)
TO_DUMP_COMMENTS = Step("dump_posts", BAD, DropReason.COMMENT)  # a comment list under an article


def _dump_prose(item: Judged) -> bool:
    """A paragraph as the ladder judged it, or a sentence: a dump's user card (``Joined: Mar 2019
    Messages: 412``) has marks and length but ends no sentence."""
    feats = item.feats
    if feats.truncated:
        return False
    return item.cls is GOOD or (feats.ends_sentence and feats.units >= MIN_PROSE_UNITS and item.cls is not BAD)


@dataclass
class DumpThread:
    """A dump's post list: [start, end) of its blocks, its prose and its chrome blocks."""

    start: int
    end: int
    prose: set[int]
    chrome: set[int]
    short: set[int] = field(default_factory=set)  # the posts' short lines (a reply of a few words)
    opening: int = -1  # the opening post's card line, above the list's first numbered post; -1: none


def dump_thread(blocks: list[Block], judged: list[Judged]) -> DumpThread | None:
    """A dump's post list, or None.

    The template lines are the short lines whose shape occurs ``MIN_POSTS`` times or more, each
    occurrence with prose between it and the next (a teaser list's dates have cut-short summaries
    between them, which do not count). The list runs from the first template line of the shape
    that occurs most often, so spaced, to the prose after its last one. Inside it, chrome is every
    template line, every short line repeated word for word (a signature), and every short line
    without sentence marks in a run of non-prose lines that holds a template line (a user card:
    the name and rank between the counts and the date)."""
    shape_of: list[str | None] = [None] * len(blocks)  # short blocks only
    for block, item in zip(blocks, judged, strict=True):
        # not the template's: menus and teaser lists (they repeat their entries), program code, and
        # a dump's placeholders (``[image]``) and link addresses, which stand for pictures and links;
        # a line of digits and marks only is one when it is more than a bare number (a date line)
        text = block.text
        if (
            (0 < item.feats.units or (DIGITS.search(text) and not text.strip().isdigit()))
            and item.feats.units <= MAX_DUMP_CHROME_UNITS
            and item.reason not in NOT_TEMPLATE
            and not item.feats.code_like
            and not text.startswith("[")
            and "://" not in text
        ):
            shape_of[block.index] = shape_of_line(text)
    places = _places(shape_of)
    named = named_shapes(places, MIN_POSTS)
    if named:  # a header naming each post's writer: one shape with the name a slot
        for i, key in named.items():
            shape_of[i] = key
        places = _places(shape_of)
    shapes = {shape for shape, at in places.items() if len(at) >= MIN_POSTS}
    if not shapes and all(len(at) != PAIR for at in places.values()):
        return None
    # (a line holding a link's address is a dump tool's markup of a picture or a link, not said)
    # (nor is a line repeated word for word, an advert's or a form's: a post is written once)
    copies: dict[str, int] = defaultdict(int)
    for block in blocks:
        copies[block.text] += 1
    said = [
        _dump_prose(item) and shape_of[i] not in shapes and "://" not in block.text and copies[block.text] < MIN_POSTS
        for i, (block, item) in enumerate(zip(blocks, judged, strict=True))
    ]
    for i in _floor_replies(places, blocks, judged, shape_of, shapes):
        said[i] = copies[blocks[i].text] < MIN_POSTS
    best = _anchor(places, said, blocks)
    repeats = MIN_POSTS
    if not best:
        pair = _pair_template(places, said, blocks)
        if not pair:
            return None
        best, shapes, repeats = places[pair[0]], set(pair), PAIR
    start, end, lead, trail = _list_span(shape_of, shapes, said, best)
    prose = {i for i in range(start, end) if said[i]}
    zone = _text_zone(best, lead, trail, start, end)
    chrome = dump_chrome(blocks, judged, (start, end), (prose, prose | zone), (best, repeats), shape_of)
    chrome |= signatures(blocks, prose, best, (start, end))
    inner = _inner(judged, best, start, end)
    short = {i for i in zone - chrome - prose if i in inner and _short_reply(blocks[i], judged[i])}
    return DumpThread(start, end, prose, chrome, short, _opening(places, blocks, best, shape_of))


def _places(shape_of: list[str | None]) -> dict[str, list[int]]:
    """Where each shape stands, its lines in page order and the shapes in the order of their first
    lines, as ``_anchor`` reads them."""
    places: dict[str, list[int]] = defaultdict(list)
    for i, shape in enumerate(shape_of):
        if shape is not None:
            places[shape].append(i)
    return places


def _opening(places: dict[str, list[int]], blocks: list[Block], at: list[int], shape_of: list[str | None]) -> int:
    """The card line of a thread's opening post, when the replies are numbered and it is not
    (``#1`` under each reply's date line, none under the first post's): a stamped line the
    template prints with the anchor in every post, once more above the first of them; -1 if none."""
    anchor = shape_of[at[0]]
    if anchor is None or not counts(anchor, at, blocks):
        return -1
    for other in template_block(places, anchor, at)[1:]:
        where = places[other]
        if len(where) == len(at) + 1 and where[0] < at[0] and where[1] > at[0] - MAX_TEMPLATE_REACH:
            return where[0] if stamped(other, where, blocks) else -1
    return -1


def _floor_replies(
    places: dict[str, list[int]],
    blocks: list[Block],
    judged: list[Judged],
    shape_of: list[str | None],
    shapes: set[str],
) -> list[int]:
    """The lines right under a floor number (``#1``, ``2楼``, ``Reply 3``: one number on a short line
    that grows by one from post to post, ``MIN_POSTS`` times or more): what a post says there is
    a reply however short, without a mark (``Nitip sendal``). A bare number is not one (a
    ranking's place); nor is a line of the template, a dump's picture or a line the ladder dropped."""
    floors = [i for shape, at in places.items() if len(at) >= MIN_POSTS and counts(shape, at, blocks) for i in at]
    return [
        i + 1
        for i in floors
        if i + 1 < len(blocks)
        and judged[i + 1].cls is not BAD
        and judged[i + 1].feats.units > 0
        and shape_of[i + 1] not in shapes
        and not blocks[i + 1].text.startswith("[")
    ]


def _anchor(places: dict[str, list[int]], said: list[bool], blocks: list[Block]) -> list[int]:
    """Where the template line the list is read from stands: of the shapes printed ``MIN_POSTS``
    times or more, each with prose after ``MIN_SPOKEN_SHARE`` of them, in a template block
    (``is_template``), a stamped one (``stamped``: a date line anchors a post better than a
    button) before a plain one, then the most frequent, then the first in page order; [] if none."""
    best: list[int] = []
    best_key = (False, 0)
    for shape, at in places.items():  # in page order: of two shapes as frequent, the first one's
        if len(at) < MIN_POSTS:
            continue
        key = (stamped(shape, at, blocks), len(at))
        if key <= best_key:
            continue
        ends = [*at[1:], len(blocks)]
        spoken = sum(any(said[a + 1 : b]) for a, b in zip(at, ends, strict=True))
        if spoken >= max(MIN_POSTS, MIN_SPOKEN_SHARE * len(at)) and is_template(
            template_block(places, shape, at), places, blocks
        ):
            best, best_key = at, key
    return best


def _short_reply(block: Block, item: Judged) -> bool:
    """A line the ladder left undecided, with words in it, that introduces nothing (``dumpchrome.introduces``);
    or one it dropped as an entry of a list of other pages that, where the posts' text stands, is
    the post's own: a sentence of a list the writer made (``1. I can't find the option.``), or a
    line trailing off (``I'll write it in German…``)."""
    if introduces(block):
        return False
    if item.cls is SHORT:
        return item.feats.units > 0
    feats = item.feats
    return item.rule in POST_OWN_ENTRIES and feats.units >= MIN_PROSE_UNITS and (feats.truncated or feats.ends_sentence)


def _inner(judged: list[Judged], at: list[int], start: int, end: int) -> range:
    """The lines whose short ones may be posts: between the first and the last template line, and
    beyond them up to the first line the ladder calls boilerplate (the list's edges are a guess,
    and a guess too far takes in a form's or a dialog's short lines)."""
    lo = next((i + 1 for i in range(at[0] - 1, start - 1, -1) if judged[i].cls is BAD), start)
    hi = next((i for i in range(at[-1] + 1, end) if judged[i].cls is BAD), end)
    return range(lo, hi)


def _text_zone(at: list[int], lead: int, trail: int, start: int, end: int) -> set[int]:
    """The lines where every post's text stands: ``lead`` lines or more after a template line and
    ``trail`` lines or more before the next one (the list's edges stand for the missing ones).
    The card stands outside it in every post, as the template prints it; a line inside it is said
    by the writer, however short (``Thanks!``, a few words without a mark)."""
    bounds = [start - lead, *at, end - 1 + trail]
    return {i for a, b in pairwise(bounds) for i in range(max(start, a + lead), min(end, b - trail + 1))}


def _pair_template(places: dict[str, list[int]], said: list[bool], blocks: list[Block]) -> list[str]:
    """The template of a thread of two posts: ``MIN_PAIR_TEMPLATE`` shapes or more, one of them
    numbered, each printed exactly twice at the same distances from the first of them (within
    ``MAX_TEMPLATE_REACH`` lines) in both posts, ``MIN_PAIR_DIFFERING`` of them with other numbers
    in the second card than in the first, and with a line said after the card of each post
    (before the second card, and after it); the first such shape in page order opens the list.
    Empty when there is none."""
    twice = sorted((at, shape) for shape, at in places.items() if len(at) == PAIR)
    for n, (at, shape) in enumerate(twice):
        block = [shape]
        for other_at, other in twice[n + 1 :]:  # in page order: the card's next lines, up to its reach
            gap = other_at[0] - at[0]
            if gap > MAX_TEMPLATE_REACH:
                break
            if gap > 0 and other_at[1] - at[1] == gap:
                block.append(other)
        if len(block) < MIN_PAIR_TEMPLATE or not is_template(block, places, blocks):
            continue
        # two writers' cards: their numbers differ (join dates, counts); a bar printed above and
        # below one article repeats its own word for word
        if sum(blocks[a].text != blocks[b].text for a, b in (places[other] for other in block)) < MIN_PAIR_DIFFERING:
            continue
        first, second = at
        card_end = max(places[other][0] for other in block) - first  # the card's last line, after its first
        if any(said[first + card_end + 1 : second]) and any(said[second + card_end + 1 :]):
            return block
    return []


def _list_span(
    shape_of: list[str | None], shapes: set[str], said: list[bool], at: list[int]
) -> tuple[int, int, int, int]:
    """[start, end) of the post list whose template lines stand at ``at``, and ``lead`` and
    ``trail``. Each post's prose starts
    ``lead`` lines after a template line and ends ``trail`` lines before the next one. The template
    is a post's header when prose follows its last occurrence as closely as in the other posts
    (give or take ``CARD_SLACK`` lines; the last post runs on, to its last prose within the
    longest post's length), else a footer
    (the first post stands before its first occurrence, from its first prose within that length)."""
    pairs = [(a, b) for a, b in pairwise(at) if any(said[a + 1 : b])]
    lead = min(next(i for i in range(a + 1, b) if said[i]) - a for a, b in pairs)
    trail = min(b - max(i for i in range(a + 1, b) if said[i]) for a, b in pairs)
    longest = max(b - a for a, b in pairwise(at))
    if not any(said[at[-1] + 1 : at[-1] + lead + CARD_SLACK + 1]):  # a footer: the last post ends with it
        first = next((i for i in range(max(0, at[0] - longest), at[0]) if said[i]), at[0])
        reach = range(at[-1], min(len(said), at[-1] + MAX_TEMPLATE_REACH + 1))
        return max(0, first - lead + 1), 1 + max(i for i in reach if shape_of[i] in shapes), lead, trail
    reach = range(at[-1], min(len(said), at[-1] + longest))
    return max(0, at[0] - trail + 1), 1 + max(i for i in reach if said[i] or shape_of[i] in shapes), lead, trail


def apply_dump_thread(blocks: list[Block], judged: list[Judged], found: DumpThread, comments: bool = False) -> bool:
    """Set a dump's post list to post text and chrome (in place), as ``posts.apply_thread`` does for
    HTML, when no article of its own stands above it, or a heading counting answers stands over
    it (``closings.answers_over``); True then. A dump's comments under an
    article leave when a comment section's heading opens the list (``_drop_comments``), and are
    otherwise left to the other steps: without elements, a list's edges are a guess, and a wrong
    one would drop the article. When comments are wanted (``comments``), the list under an
    article is set so too from its first card line on, so that no line above it (the article's
    end) is taken for chrome; False: the page is no thread."""
    top = found.opening if found.opening >= 0 else found.start  # an opening post is the thread's
    article = sum(item.feats.units for item in judged[:top] if item.cls is GOOD) >= MIN_ARTICLE_UNITS
    if article and not answers_over(blocks, found.start):  # a question's answers are a thread's posts
        if comments:
            _set_posts(judged, found, min(found.chrome, default=found.start))
        else:
            _drop_comments(blocks, judged, found)
        return False
    _set_posts(judged, found, found.start)
    return True


def _drop_comments(blocks: list[Block], judged: list[Judged], found: DumpThread) -> None:
    """Under an article, a post list that a comment section's heading opens (``closings.heading_over``)
    is its comments: the kept lines from the heading on leave (in place). The heading is the edge
    a list's shapes alone only guess at; with none there the list is left to the other steps."""
    heading = heading_over(blocks, found.start)
    for item in judged[heading:] if heading >= 0 else ():
        if item.cls is GOOD:
            item.set(TO_DUMP_COMMENTS)


def _set_posts(judged: list[Judged], found: DumpThread, start: int) -> None:
    """The list's lines from ``start`` on to post text or chrome (in place)."""
    for i in range(start, found.end):
        item = judged[i]
        if i in found.chrome:
            item.set(TO_DUMP_CHROME)
        elif (i in found.prose or i in found.short) and item.cls is not GOOD:
            item.set(TO_DUMP_POST)
