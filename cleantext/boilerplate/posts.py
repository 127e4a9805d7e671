"""Threads: a forum thread, a comment section, a question and its answers (HTML).

What "the content" is on such a page:

- **a thread** (forum thread, Q&A page): the posts. Each post's text is kept, in order; the lead
  post (the thread's opening post or the question, when the page renders it apart from the
  replies) counts as a post. Dropped (``post-chrome``): each post's user card (avatar, name,
  join date, post count, rank, reputation), its date line and floor number, its signature, its
  buttons (reply, quote, report, like, share, follow), vote counters, the header of a quote
  (``X wrote:``, ``引用 X 的发言：``, ``X 发表于 2024-4-16 21:48``; the quoted text stays, as the
  post shows it), and the note of its last edit over its text (``本帖最后由 X 于 … 编辑``). Pagination,
  related threads and menus around the list are left to the ladder and the region, as on any page.
- **an article with comments** (news, blog): the article. When the page holds an article of its
  own outside the list (``MIN_ARTICLE_UNITS`` of good text that is not a post), the list is its
  comment section, and every block of it leaves as ``comment``.

How a post list is found, by structure, never by words:

1. Sibling elements with the same label (tag and first class or id word, ``div.entry``) under one
   parent, ``MIN_POSTS`` or more, each holding prose (a sentence, or a Chinese line as long:
   replies often go without sentence marks) and more than one element of its own, are
   the candidate units (``Block.containers`` and ``Block.tag_path`` name them; no tree walk).
   Two such units (``MIN_PAIR``) are, when each prints a full card (``_pair_of_posts``).
2. Inside each unit, a block's *part* is the path of element labels from the unit down to it
   (``div.body>div.msg>p``). The *body* part is the one holding the most prose over all units;
   its parent element is the post's text. A part repeated in at least ``MIN_REPEAT_SHARE`` of
   the units that is short (under ``MAX_CHROME_UNITS`` a block on average) is chrome: it repeats
   because the template prints it for every post. The blocks outside the body's element are
   chrome too (the user card beside the text).
3. The units are posts only when such a repeated chrome part carries links or digits (a name
   linked to a profile, a date, a count, a row of buttons): a blog's sections repeat their
   headings but carry no card. Units whose text is cut short (teasers) or whose headings are
   links (a list of stories) are not posts.
4. The lead: blocks just above the list, after the headline, whose path ends with one of the
   units' parts (a question laid out like its answers: a vote cell, a text cell, a card); else
   the opening post framed apart from the replies but its text set by the element that sets
   theirs (the same label, with a class): a thread's opening post, not an article of its own.

What of a found list stays and what leaves is ``boilerplate.postchrome``'s. Dumps have no
elements: ``boilerplate.dumpposts`` finds their posts by the lines the template repeats.
``docs/threads.md`` says it all with examples.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from cleantext.boilerplate.articles import HEADER_REACH, header_at
from cleantext.boilerplate.context import Judged
from cleantext.model import HEADING_KINDS, Block, BlockClass
from cleantext.regexes import compiled
from cleantext.segment.html import BLOCK_TAGS
from cleantext.text import fold

MIN_POSTS = 3  # sibling units of one shape: two could be a pair of columns, three is a list
MIN_PAIR = 2  # units of a list that a full user card makes posts: a question and its one answer
MIN_PAIR_CARD = 3  # card lines with a link or digit (name, date, count, floor) in each of a pair
MAX_NAME_UNITS = 4  # units of a heading that is a user's name (two words, four CJK), not a headline
MIN_PROSE_UNITS = 8  # units of a block that makes its unit hold prose: a short sentence
MIN_REPEAT_SHARE = 0.5  # of the units a part appears in for it to be the template's
MAX_CHROME_UNITS = 20  # units a repeated part holds in a unit on average, at most, to be chrome
MIN_TEXT_SHARE = 0.1  # of the units' prose in a part for it to be part of the posts' text
MAX_CARD_BLOCKS = 1.5  # blocks a card part holds per unit, on average: a user card is one element
MAX_TEASER_SHARE = 0.5  # of the units cut short (an ellipsis) above which the list is of teasers
MAX_LINKED_SHARE = 0.5  # of a block's characters in links: more makes a heading a link to a page
MIN_ARTICLE_UNITS = 100  # units of good text outside the list and the lead: the page's own article
MIN_TOPIC_CHARS = 4  # characters of a topic that posts' subjects repeat: shorter proves nothing
LABEL_CACHE = 8192  # tag paths whose labels are remembered: a run's templates, many pages over
LEAD_REACH = 40  # blocks above the list searched for the lead post
DIGIT = compiled(r"\d")  # a date, a count, a floor number: what marks a card's line
GOOD, BAD, SHORT = BlockClass.GOOD, BlockClass.BAD, BlockClass.SHORT

Part = tuple[str, ...]  # element labels from a unit down to a block's innermost element


@dataclass
class Thread:
    """A post list found on a page: its units' blocks with their parts, and what the parts are."""

    units: list[list[tuple[int, Part]]]  # per unit, in order: (block index, part)
    body: Part  # the part holding the most prose
    root: Part  # the element holding the post's text: what the parts holding prose share
    chrome: set[Part] = field(default_factory=set)  # parts the template repeats, short
    lead: list[tuple[int, Part]] = field(default_factory=list)  # the lead post's blocks
    anchor: int | None = None  # the page's headline (``dom.headline``), above the list

    @property
    def first(self) -> int:
        return self.units[0][0][0]


@lru_cache(maxsize=LABEL_CACHE)
def _labels(tag_path: str) -> Part:
    """The labels of a block's enclosing block-level elements, innermost last (aligned with
    ``block.containers`` from the end; shorter when the path was cut), read once a path: the
    blocks of a list share their paths, and the pages of a site their templates'."""
    return tuple(label for label in tag_path.split(">") if label.partition(".")[0] in BLOCK_TAGS)


def _prose(item: Judged) -> bool:
    """A block that makes its unit hold prose: a sentence, or a Chinese line of as many units
    (replies are often typed with spaces between clauses and no sentence mark)."""
    return item.cls is not BAD and (item.feats.punct > 0 or item.feats.is_cjk) and item.feats.units >= MIN_PROSE_UNITS


def _candidates(blocks: list[Block], judged: list[Judged]) -> dict[int, tuple[set[int], range]]:
    """Parents with ``MIN_PAIR`` or more children holding prose below a further element, each
    with its children and the range of block indices its prose blocks span."""
    children: dict[int, set[int]] = defaultdict(set)
    spans: dict[int, list[int]] = {}
    for block, item in zip(blocks, judged, strict=True):
        if not _prose(item):
            continue
        chain = block.containers
        for at in range(len(chain) - 2):  # the child must not be the block's own element
            children[chain[at]].add(chain[at + 1])
            span = spans.setdefault(chain[at], [block.index, block.index])
            span[1] = block.index
    return {
        parent: (kids, range(spans[parent][0], spans[parent][1] + 1))
        for parent, kids in children.items()
        if len(kids) >= MIN_PAIR
    }


def _reach(blocks: list[Block], parent: int, span: range) -> range:
    """The block indices under ``parent``: its prose blocks' ``span`` widened to the blocks next to
    it that ``parent`` holds too (an element's blocks stand together, in document order)."""
    start, stop = span.start, span.stop
    while start > 0 and parent in blocks[start - 1].containers:
        start -= 1
    while stop < len(blocks) and parent in blocks[stop].containers:
        stop += 1
    return range(start, stop)


def _units(
    blocks: list[Block], parent: int, kids: set[int], reach: range
) -> list[list[tuple[int, Part]]] | None:
    """The children of ``parent`` that share the most common label (``MIN_PAIR`` or more), each
    as its blocks with their parts; None when no label is shared so often or a path was cut."""
    by_kid: dict[int, list[tuple[int, Part]]] = defaultdict(list)
    label_of: dict[int, str] = {}
    for index in reach:
        block = blocks[index]
        chain = block.containers
        if parent not in chain:
            continue
        at = chain.index(parent)
        if at + 1 >= len(chain):
            continue
        kid = chain[at + 1]
        labels = _labels(block.tag_path)
        depth = len(chain) - at - 1  # elements from the kid down to the block's own
        if len(labels) < depth:
            return None  # the path was cut above the unit: its shape is unknown
        part = labels[len(labels) - depth :]
        label_of.setdefault(kid, part[0])
        by_kid[kid].append((block.index, part[1:]))
    counts: dict[str, int] = defaultdict(int)
    for kid in kids:
        if kid in label_of:
            counts[label_of[kid]] += 1
    if not counts:
        return None
    label, count = max(counts.items(), key=lambda pair: pair[1])
    if count < MIN_PAIR:
        return None
    units = [by_kid[kid] for kid in sorted(by_kid) if label_of[kid] == label]
    if count < MIN_POSTS and len(units) != count:
        return None  # a pair is two units holding prose, alone under their parent
    return units


def _common(parts: Iterable[Part]) -> Part:
    """The longest path every part starts with, short of a part's own element."""
    common: Part | None = None
    for whole in parts:
        part = whole[:-1]
        if common is None:
            common = part
            continue
        n = 0
        while n < min(len(common), len(part)) and common[n] == part[n]:
            n += 1
        common = common[:n]
    return common or ()


def _opens_article(blocks: list[Block], judged: list[Judged], unit: list[tuple[int, Part]]) -> bool:
    """Does the unit open with an article's header: a headline (no link, no digit: not a user's
    name or counts) with a dateline under it? Then the list is of articles (a blog's archive)."""
    first = unit[0][0]
    for i, _ in unit[:HEADER_REACH]:
        j = header_at(blocks, judged, i, first)
        if j is not None and not blocks[j].link_chars and not any(c.isdigit() for c in blocks[j].text[:40]):
            return True
    return False


def _headline(block: Block, item: Judged) -> bool:
    """A heading longer than a user's name or rank, which a card may set as headings of its own."""
    return block.kind in HEADING_KINDS and item.feats.units > MAX_NAME_UNITS


def _stories(blocks: list[Block], judged: list[Judged], units: list[list[tuple[int, Part]]]) -> bool:
    """Do the units carry linked headlines of their own: a list of stories? A post's linked subject
    (its permalink) repeats the topic, the same words in every post (``Re: …``, ``回复：…``)."""
    heads = [
        fold(blocks[i].text)
        for unit in units
        for i, _ in unit
        if _headline(blocks[i], judged[i]) and blocks[i].link_chars > MAX_LINKED_SHARE * len(blocks[i].text)
    ]
    if not heads:
        return False
    topic = min(heads, key=len)
    return len(topic) < MIN_TOPIC_CHARS or not all(head.endswith(topic) for head in heads)


def _marked(block: Block) -> bool:
    """A line a card prints: a link (a name, a button) or a digit (a date, a count, a floor)."""
    return bool(block.link_chars) or DIGIT.search(block.text) is not None


def _pair_of_posts(
    blocks: list[Block], judged: list[Judged], units: list[list[tuple[int, Part]]], chrome: set[Part], body: Part
) -> bool:
    """Two units are posts (a question and its one answer) only when each holds prose in the
    body part and prints a full card in the parts both repeat: ``MIN_PAIR_CARD`` lines with a
    link or a digit, a linked name and a digit (a date, a count) among them. Two columns side by
    side share a frame, not a name, a join date, a post count and a floor number."""
    for unit in units:
        card = [blocks[i] for i, part in unit if part in chrome and _marked(blocks[i])]
        if len(card) < MIN_PAIR_CARD or not any(block.link_chars for block in card):
            return False
        if not any(any(c.isdigit() for c in block.text) for block in card):
            return False
        if not any(part == body and _prose(judged[i]) for i, part in unit):
            return False
    return True


def _thread(blocks: list[Block], judged: list[Judged], units: list[list[tuple[int, Part]]]) -> Thread | None:
    """The units read as posts (see the module's note), or None."""
    if _stories(blocks, judged, units):
        return None
    prose: dict[Part, int] = defaultdict(int)
    present: dict[Part, int] = defaultdict(int)
    size: dict[Part, list[int]] = defaultdict(list)
    marked: dict[Part, int] = defaultdict(int)  # units with links or digits in the part
    teasers = 0
    for unit in units:
        seen: dict[Part, bool] = {}
        for i, part in unit:
            block, item = blocks[i], judged[i]
            if _prose(item):
                prose[part] += item.feats.units
            size[part].append(item.feats.units)
            mark = _marked(block)
            seen[part] = seen.get(part, False) or mark
        teasers += any(judged[i].feats.truncated for i, _ in unit)
        for part, mark in seen.items():
            present[part] += 1
            marked[part] += mark
    if not prose or teasers > MAX_TEASER_SHARE * len(units):
        return None
    body = max(prose, key=lambda part: prose[part])
    total = sum(prose.values())
    need = max(MIN_REPEAT_SHARE * len(units), MIN_PAIR)  # a part one post of a pair holds is its own
    chrome = {
        part
        for part in present
        if part  # text set straight in the unit is its own, not a card's
        and part != body
        and present[part] >= need
        and sum(size[part]) <= MAX_CHROME_UNITS * present[part]
    }
    root = _common(part for part in prose if prose[part] >= MIN_TEXT_SHARE * total and part not in chrome)
    # a card: printed once a post (a name, a date, a count, a row of buttons), marked by links or digits
    carded = any(marked[part] >= need and len(size[part]) <= MAX_CARD_BLOCKS * present[part] for part in chrome)
    if not carded or (len(units) < MIN_POSTS and not _pair_of_posts(blocks, judged, units, chrome, body)):
        return None  # nothing the template prints per post with a name, a date or a button
    titled = sum(
        any(_headline(blocks[i], judged[i]) and part[: len(root)] != root for i, part in unit) for unit in units
    )
    if titled >= need:
        return None  # a heading above each unit's text: articles or recipes, not posts
    if sum(_opens_article(blocks, judged, unit) for unit in units) >= need:
        return None
    return Thread(units, body, root, chrome)


def _lead(
    blocks: list[Block], thread: Thread, parts: set[Part], start: int
) -> list[tuple[int, Part]]:
    """Blocks above the list (from ``start``) laid out like its posts: each block's path ends
    with one of the units' parts; the lead exists when its body part and a chrome part both occur."""
    found: list[tuple[int, Part]] = []
    for block in blocks[max(start, thread.first - LEAD_REACH) : thread.first]:
        labels = _labels(block.tag_path)
        match = next((part for part in parts if part and labels[-len(part) :] == part), None)
        if match is not None:
            found.append((block.index, match))
    kinds = {part for _, part in found}
    return found if thread.body in kinds and kinds & thread.chrome else []


def _text_lead(
    blocks: list[Block], judged: list[Judged], thread: Thread, start: int
) -> list[tuple[int, Part]]:
    """The opening post set apart from the replies' template (its own card and frame), but its
    text rendered by the element that renders theirs: the run of blocks above the list whose own
    element carries the label of the posts' text element, holding the most prose (a sentence at
    least). Only a label with a class counts: a bare tag (``p``) is every page's; on an article
    page the story's text element is the story's own, not the comments'."""
    label = thread.body[-1] if thread.body else ""
    if "." not in label:
        return []
    runs: list[list[int]] = []
    for block in blocks[max(start, thread.first - LEAD_REACH) : thread.first]:
        labels = _labels(block.tag_path)
        if not labels or labels[-1] != label:
            continue
        if runs and runs[-1][-1] == block.index - 1:
            runs[-1].append(block.index)
        else:
            runs.append([block.index])

    def said(run: list[int]) -> int:
        return sum(judged[i].feats.units for i in run if _prose(judged[i]))

    best = max(runs, key=said, default=[])
    return [(i, thread.body) for i in best] if best and said(best) >= MIN_PROSE_UNITS else []


def find_thread(blocks: list[Block], judged: list[Judged], anchor: int | None = None) -> Thread | None:
    """The page's post list (the one holding the most prose), or None. ``anchor`` is the
    headline's index: the lead is searched below it."""
    if not any(block.containers for block in blocks):
        return None
    best: Thread | None = None
    best_prose = 0
    for parent, (kids, span) in _candidates(blocks, judged).items():
        units = _units(blocks, parent, kids, _reach(blocks, parent, span))
        if units is None:
            continue
        thread = _thread(blocks, judged, units)
        if thread is None:
            continue
        amount = sum(judged[i].feats.units for unit in units for i, part in unit if part == thread.body)
        if amount > best_prose:
            best, best_prose = thread, amount
    if best is not None:
        parts = {part for unit in best.units for _, part in unit}
        start = 0 if anchor is None else anchor + 1
        best.anchor = anchor
        best.lead = _lead(blocks, best, parts, start) or _text_lead(blocks, judged, best, start)
    return best
