"""What a dump's post list prints for every post (``dumpposts`` finds the list): its chrome.

As ``postchrome`` is to ``posts`` for HTML threads: the list found, each line of it is the post's
text or the template's. Chrome is every template line (a shape printed once a post), the short
lines repeated word for word in other posts, the card lines next to a template line (a name and a
rank between the counts and the date), and a signature: the line that ends two posts or more word
for word, however long.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from itertools import pairwise

from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.dumpshapes import shape_of_line
from cleantext.boilerplate.posts import MAX_CHROME_UNITS, MIN_POSTS
from cleantext.model import Block
from cleantext.text import COLONS

CLAUSE_MARKS = tuple("，,。；;！!？?")  # marks a card line never holds (its labels end with colons)
MAX_DUMP_CHROME_UNITS = MAX_CHROME_UNITS  # units of a template line: a name, a date, counts, buttons
MIN_SIGNED = 2  # posts a line ends word for word to be a signature (a quote stands at a post's start)
SIGNATURE_OPENING = 24  # characters (whitespace out) the copies of a signature are grouped by


def introduces(block: Block) -> bool:
    """A line ending with a colon: where a post's text starts, a quote's header (``X wrote:``), which
    the card walk takes as it always did."""
    return block.text.rstrip().endswith(COLONS)


def _card_line(block: Block, item: Judged) -> bool:
    """A line of a user card: short, no sentence and no clause in it (a name, a rank, ``Joined:
    Mar 2019``, a quote's header ending with a colon)."""
    return (
        item.feats.units <= MAX_DUMP_CHROME_UNITS
        and not item.feats.ends_sentence
        and not any(mark in block.text for mark in CLAUSE_MARKS)
    )


def dump_chrome(
    blocks: list[Block],
    judged: list[Judged],
    span: tuple[int, int],
    said: tuple[set[int], set[int]],
    template_at: tuple[list[int], int],
    shape_of: list[str | None],
) -> set[int]:
    """Template lines (their shape printed ``repeats`` times: once a post; ``shape_of``, the
    thread's shapes, a writer's name made a slot in them); short lines repeated
    word for word in other posts (a signature: in three, or in two when it ends no sentence; a
    quoted sentence may come twice; a post printed twice, its hidden copy for a quote button, is
    one post, but a line printed twice in a row is two); and the card lines next to a template
    line (the name and rank between the counts and the date), up to the posts' text (``said``:
    their prose, and that with the lines where the posts' text stands); ``template_at``: the
    template lines the posts are read from, and how often a shape is printed to be one."""
    start, end = span
    prose, text = said
    at, repeats = template_at
    shapes: dict[str, int] = defaultdict(int)
    posts: dict[str, set[int]] = defaultdict(set)  # the posts a short line is printed in
    short = [i for i in range(start, end) if judged[i].feats.units <= MAX_DUMP_CHROME_UNITS]
    shape = [shape_of[i] or shape_of_line(blocks[i].text) for i in short]
    above = [""] * len(blocks)  # each line's neighbour above, blank lines skipped
    for i in range(1, len(blocks)):
        above[i] = blocks[i - 1].text or above[i - 1]
    for i, own in zip(short, shape, strict=True):
        shapes[own] += 1
        line = blocks[i].text
        # a line printed twice in a row is a layout's double (a widget's heading over its label),
        # its two copies counted as two posts'
        posts[line].add(-i if line and line == above[i] else bisect_right(at, i))
    template = {i for i, own in zip(short, shape, strict=True) if shapes[own] >= repeats and i not in prose}
    chrome = set(template)
    for i in short:
        count = len(posts[blocks[i].text])
        if count >= MIN_POSTS or (count > 1 and not judged[i].feats.ends_sentence):
            chrome.add(i)
    for i in template:
        for step in (-1, 1):
            j = i + step
            while start <= j < end and (j not in text or introduces(blocks[j])) and j not in prose and (
                j in template or _card_line(blocks[j], judged[j])
            ):
                chrome.add(j)
                j += step
    return chrome


def signatures(blocks: list[Block], prose: set[int], at: list[int], span: tuple[int, int]) -> set[int]:
    """The lines of prose that end ``MIN_SIGNED`` posts or more word for word: a signature its
    writer has printed under each of their posts, however long (two sentences of a motto). A
    post's end is its last prose line before the next template line (``at``), or before the list's
    end; a quoted sentence stands at the start of the post that quotes it, and stays. A dump tool
    may glue the next card's first line to one copy (``… it is ready. hazel``): the copies are
    compared on the shortest one's text, whitespace taken out."""
    start, end = span
    ordered = sorted(prose)
    ends: dict[str, list[tuple[str, int]]] = defaultdict(list)  # by the opening: the copies' texts
    for a, b in pairwise((start, *at, end)):
        k = bisect_left(ordered, b) - 1
        if k >= 0 and ordered[k] >= a:
            text = "".join(blocks[ordered[k]].text.split())
            ends[text[:SIGNATURE_OPENING]].append((text, ordered[k]))
    signed: set[int] = set()
    for copies in ends.values():
        if len(copies) >= MIN_SIGNED:
            shortest = min((text for text, _ in copies), key=len)
            same = [i for text, i in copies if text.startswith(shortest)]
            if len(same) >= MIN_SIGNED:
                signed.update(same)
    return signed
