"""A thread's posts set apart: each post's text stays, its chrome leaves (``posts`` finds the list).

- Inside a post, the text is what stands in the element holding the post's text (the body part's
  parent, ``Thread.root``) and in no part the template repeats; the rest is the post's chrome (its
  user card beside the text, its buttons, its signature).
- Inside the text, two kinds of line are the forum's, not the poster's: a quote's header (a short
  line ending with a colon, or naming when, that shares an element below the text element with
  the quoted line after it: ``X wrote:``, ``X 发表于 2024-4-16 21:48``) and the note of the post's
  last edit over its text (``本帖最后由 X 于 … 编辑``). A line broken inside one paragraph
  (``see here:<br><a>…</a>``) introduces the poster's own words and stays.
- Over an article of its own (``posts.MIN_ARTICLE_UNITS`` of good text above the list, its lead
  aside), the list is the article's comments: they leave, unless comments are wanted. Unless a
  heading right above the list counts answers (``3 Answers``, ``5 个回答``: ``closings.answers_over``):
  then the text above is a question, however long, and the list its answers.
- On a thread's page, the text right under the headline that only the region steps dropped (a
  question set apart from its answers, outweighed by them and the comments between) is the lead:
  it stays when the structure found no lead laid out like the posts.
"""

from __future__ import annotations

from cleantext.boilerplate.closings import answers_over
from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.posts import LEAD_REACH, MIN_ARTICLE_UNITS, MIN_PROSE_UNITS, Part, Thread
from cleantext.model import Block, BlockClass, DropReason, KeepReason, Step
from cleantext.regexes import compiled
from cleantext.text import COLONS

SIGNATURE_WORD = "signature"  # a class or id word (``Block.hint``) of a post's signature
MAX_QUOTE_HEAD_UNITS = 16  # units of a quote's header (a name and "wrote"): longer is a sentence
STAMP = compiled(r"\d{1,4}[-/.年]\d{1,2}[-/.月]\d{1,2}|(?<!\d)\d{1,2}:\d{2}(?!\d)")  # a date or a time
GOOD, BAD = BlockClass.GOOD, BlockClass.BAD
TO_POST = Step("posts", GOOD, KeepReason.POST)
TO_CHROME = Step("posts", BAD, DropReason.POST_CHROME)
TO_COMMENT = Step("posts", BAD, DropReason.COMMENT)


def _in_body(part: Part, thread: Thread) -> bool:
    """Inside the element holding the post's text (the body part's parent), and not a part the
    template repeats."""
    root = thread.root
    return part[: len(root)] == root and part not in thread.chrome


def _quote_head(blocks: list[Block], i: int, part: Part, thread: Thread, last: int) -> bool:
    """A short line ending with a colon, or holding a date or a time, that shares an element below
    the post's text element with the line after it: the header of a quote (a name and "wrote", a
    name and when: ``X 发表于 2024-4-16 21:48``), not a sentence that introduces a list of the
    post's own (which shares only the text element with it)."""
    block = blocks[i]
    if i >= last or not (block.text.rstrip().endswith(COLONS) or STAMP.search(block.text)):
        return False
    if not _short_head(block):
        return False
    chain = block.containers
    shared = set(chain) & set(blocks[i + 1].containers)
    if not shared:
        return False
    if max(shared) == chain[-1] and part and part[-1].partition(".")[0] == "p":
        return False  # two lines of one paragraph (a break inside it): it introduces its own words
    # the post's text element, counted from the block's own element up
    root_at = len(chain) - 1 - len(part) + len(thread.root)
    return chain.index(max(shared)) > root_at


def _signature(block: Block) -> bool:
    """A block of an element the page names a signature (``class="signature"``,
    ``post-signature``): the line a user has printed under each of their posts, not the post."""
    return SIGNATURE_WORD in block.hint.split()


def _article_units(judged: list[Judged], thread: Thread) -> int:
    """Good units above the list, outside its lead: the page's own article, which comments follow."""
    lead = {i for i, _ in thread.lead}
    return sum(item.feats.units for i, item in enumerate(judged[: thread.first]) if item.cls is GOOD and i not in lead)


def _status_line(block: Block, opens: bool, last: bool) -> bool:
    """The line that opens a post's text above more of it, short and holding a date or a time:
    the forum's note of when the post was last edited (``本帖最后由 X 于 2024-4-16 21:20 编辑``,
    ``Last edited by X on 16 Apr 2024, 21:20``), not the poster's words."""
    return opens and not last and bool(STAMP.search(block.text)) and _short_head(block)


def _short_head(block: Block) -> bool:
    """A line as short as a header of a quote or a post: a name, a verb, a date."""
    return sum(c.isalnum() for c in block.text) <= 2 * MAX_QUOTE_HEAD_UNITS


def _to_post(blocks: list[Block], judged: list[Judged], thread: Thread, members: list[tuple[int, Part]]) -> None:
    """One post's blocks: its text stays, its chrome leaves."""
    last = members[-1][0]
    opens = True  # the next block of the post's text is its first
    for i, part in members:
        item = judged[i]
        text = _in_body(part, thread) and item.feats.units > 0 and not _signature(blocks[i])
        if text:
            chrome = _quote_head(blocks, i, part, thread, last) or _status_line(blocks[i], opens, i == last)
            text, opens = not chrome, False
        if text:
            if item.cls is not GOOD:
                item.set(TO_POST)
        elif item.cls is not BAD or item.reason is not DropReason.POST_CHROME:
            item.set(TO_CHROME)


def apply_thread(blocks: list[Block], judged: list[Judged], thread: Thread, comments: bool = False) -> bool:
    """Set the blocks of the list (and its lead) to post text or chrome (in place); on a page with
    an article of its own above the list, the list is its comments and leaves, unless they are
    wanted (``comments``: then their text stays under the article, their chrome leaves), or a
    heading over it counts answers (``closings.answers_over``). True when the page is a thread; then text under
    the headline that only the region dropped is its lead, if the structure found none
    (``_region_lead``). A post the region steps left outside the article leaves as a comment too:
    that names why."""
    if _article_units(judged, thread) >= MIN_ARTICLE_UNITS and not answers_over(blocks, thread.first, LEAD_REACH):
        _comments(blocks, judged, thread, comments)
        return False
    for members in (thread.lead, *thread.units):
        if members:
            _to_post(blocks, judged, thread, members)
    if not thread.lead:
        for i in _region_lead(judged, thread):
            judged[i].set(TO_POST)
    return True


def _comments(blocks: list[Block], judged: list[Judged], thread: Thread, wanted: bool) -> None:
    """The list as an article's comments: their text stays when ``wanted`` (their chrome leaves),
    else every block of them leaves as ``comment``."""
    if wanted:
        for members in thread.units:
            _to_post(blocks, judged, thread, members)
        return
    for unit in thread.units:
        for i, _ in unit:
            if judged[i].cls is not BAD or judged[i].reason is DropReason.OUTSIDE:
                judged[i].set(TO_COMMENT)


def _region_lead(judged: list[Judged], thread: Thread) -> list[int]:
    """The blocks right under the headline, above the list, that the ladder kept and only the
    region steps dropped (``outside-main``): the run of such blocks, past short lines (a status, a
    vote count: under ``MIN_PROSE_UNITS``), up to the first longer block anything else dropped.
    Blocks only smoothing or the page's prior made text stay dropped."""
    if thread.anchor is None:
        return []
    found = []
    for i in range(thread.anchor + 1, thread.first):
        item = judged[i]
        if item.reason is DropReason.OUTSIDE:
            if item.chain and item.chain[0].cls is GOOD:
                found.append(i)
        elif item.feats.units >= MIN_PROSE_UNITS:
            break
    return found
