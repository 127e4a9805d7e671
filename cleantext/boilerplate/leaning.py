"""Which undecided lines inside the article's element lean to text.

The ladder judges blocks one at a time, and smoothing keeps a short line only between text. Inside
the article's element (``dom.container_prior``) some short lines are the article's all the same:

- Plain list items (no links, no ellipsis, left as list entries for their shortness alone) between
  the article's text are its points, not menus: a run of two or more with text or a heading on
  both sides (an ingredient list between its heading and the steps; a player's speed menu sits
  among buttons). A short one that heads text in its own item (a tip's bold label over its
  paragraph) is that item's heading. So are the plain items under a paragraph that ends with a
  colon, even after the article's last paragraph: the paragraph announced them.
- A heading right above a paragraph in the article's element heads a section of it, even where
  what precedes the heading (a picture's credit, an advert) is dropped.
- A post may open on a section heading (``一、背景``, often with its permalink ``#``) right under
  the byline: smoothing would drop it with the byline and the menus above, so the unlinked
  headings just above the first paragraph, below the headline and in the article's element, lean
  to text.
- Short punctuated lines between the article's first and last text are its one-line paragraphs
  or a thread's short replies. So are lines too short for that which end a sentence with a full
  stop, a question or an exclamation mark and hold no link (``Does it pay?``, ``Just a thought.``):
  menu entries and labels do not end so.
"""

from __future__ import annotations

from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.features import MIN_SHORT_UNITS
from cleantext.model import HEADING_KINDS, Block, BlockClass
from cleantext.text import COLONS

GOOD, SHORT = BlockClass.GOOD, BlockClass.SHORT
LIST_ITEM = "list_item"  # the ladder's rule for short list entries
# Items a plain list under a paragraph ending with a colon holds for the paragraph to announce it
# (``_announced``): one item after a colon is a line of the page, two make the list it promised.
MIN_ANNOUNCED_ITEMS = 2
# The marks a one-line paragraph ends with (``Just a thought.``, ``Where?``); not a closing
# bracket or quote, which end a button's label (``Quote (Reply)``) as often.
SENTENCE_MARKS = tuple(".!?。！？")


def leaning(
    blocks: list[Block], judged: list[Judged], weights: list[float], anchor: int | None, first: int, last: int
) -> tuple[set[int], tuple[int, int]]:
    """The indexes of the article's blocks (``first`` to ``last``) that lean to text, and the span
    of its text (first and last block of positive weight) in which short lines do."""
    lo, hi = _text_span(blocks[first : last + 1], weights[first : last + 1])
    points = {i for i in range(lo, hi + 1) if plain_item(blocks[i], judged[i])}
    listed = _listed_points(blocks, points, weights) | _announced(blocks, judged, weights, first, last)
    listed |= _section_heads(blocks, judged, weights, first, hi)
    listed |= _opening_heads(blocks, judged, anchor, first, last)
    leans = listed | {i for i in range(lo, hi + 1) if _leans_text(judged[i], i, points, listed)}
    leans |= {i for i in range(lo, hi + 1) if _short_sentence(blocks[i], judged[i])}
    return leans, (lo, hi)


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


def _short_sentence(block: Block, item: Judged) -> bool:
    """A line too short to judge alone that ends a sentence (``Just a thought.``, ``Where?``), with
    no link, among the article's text: a one-line paragraph, not a menu entry (menus and labels
    do not end with a full stop or a question mark)."""
    f = item.feats
    return (
        item.cls is SHORT
        and 0 < f.units < MIN_SHORT_UNITS
        and not f.truncated
        and not block.link_chars
        and block.text.rstrip().endswith(SENTENCE_MARKS)
    )


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
    """The plain list items (``plain_item``) of a run of ``MIN_ANNOUNCED_ITEMS`` or more right under
    a paragraph of the article that ends with a colon (``So kam es zustande:``): the list it
    announces, wherever it stands in the article, its last text included."""
    out: set[int] = set()
    for i in range(first, last):
        if weights[i] <= 0 or not blocks[i].text.rstrip().endswith(COLONS):
            continue
        end = i + 1
        while end <= last and plain_item(blocks[end], judged[end]):
            end += 1
        if end - i - 1 >= MIN_ANNOUNCED_ITEMS:
            out.update(range(i + 1, end))
    return out


def _section_heads(blocks: list[Block], judged: list[Judged], weights: list[float], first: int, hi: int) -> set[int]:
    """The headings (``h1``..``h6``, not links: a link inside, a permalink ``#`` or an edit control
    ``[edit]``, is no heading's text) in the article's element, up to its last text, that stand
    right above a paragraph of it: a section's heading, whatever precedes it (a picture's credit,
    an advert, the byline the ladder drops). Smoothing keeps a heading only between text."""
    out: set[int] = set()
    for i in range(first, hi):
        block, item = blocks[i], judged[i]
        if block.kind in HEADING_KINDS and item.cls is SHORT and not _linked(block) and item.feats.units:
            if weights[i + 1] > 0 and judged[i + 1].cls is GOOD:
                out.add(i)
    return out


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


def _linked(block: Block) -> bool:
    return 2 * block.link_chars >= len(block.text)


def _same_element(blocks: list[Block], i: int) -> bool:
    """Do blocks ``i`` and ``i + 1`` sit in the same innermost element (a label and its text)?"""
    chain, after = blocks[i].containers, blocks[i + 1].containers
    return bool(chain) and bool(after) and chain[-1] == after[-1]


def plain_item(block: Block, item: Judged) -> bool:
    """A list item the ladder left as a list entry for its shortness alone, with no link and no
    ellipsis: a point of the article (a step, an ingredient, a tool), not a link to a page."""
    return (
        block.in_list
        and not block.link_chars
        and not item.feats.truncated
        and LIST_ITEM in (item.chain[-1].name, item.chain[-1].rule)  # the ladder's answer, or asked again
        and item.feats.units > 0
    )
