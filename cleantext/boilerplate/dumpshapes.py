"""A text dump's lines by their *shape*: the text with each run of digits, and a month's or a
weekday's name next to one, made one mark. A thread's template prints lines of the same shape for
every post (``Posted 12 Apr 2024, 08:14``, ``#3``); ``boilerplate.dumpposts`` finds the post list by
them. Here: the shape, which shapes the template prints together, and which carry a number that
changes from post to post (a date) or counts the posts (a floor number)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import pairwise

from cleantext.model import Block
from cleantext.regexes import compiled
from cleantext.text import AGE, MONTH_NAME

# The template prints the same lines for every post: a date line, a row of buttons, a count of
# posts, a signature. A line's *shape* is its text with every run of digits made one mark:
# ``Posted 12 Apr 2024, 08:14`` and ``Posted 3 May 2024, 19:02`` share it.
DIGITS = compiled(r"\d+")
# A date's month written as a word changes from post to post as its digits do (``Mar 29, 2024``,
# ``12 May 2024``): next to a number, it is one mark too.
# So is the day of the week a date line names before it (``Tue Mar 12, 2024``, ``Sunday, 3 May``)
# or after it (``2024年3月12日 星期二``). (Not a 12-hour time's am or pm: a thread whose quote
# headers then share their shapes with its date lines loses its posts.)
WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rsday|urday|r|rs)?\.?,?"
DATE_WORDS = compiled(
    r"(?i)\b(?:" + MONTH_NAME + r")(?=\s*\d)|(?<=\d\s)(?:" + MONTH_NAME + r")(?![a-z])"
    r"|\b" + WEEKDAY + r"(?=\s+(?:\d|(?:" + MONTH_NAME + r")\s*\d))"
    r"|(?<=\d[日号])\s?(?:星期|周)[一二三四五六日天]"
)
MAX_CARD_SPREAD = 1  # lines one card may hold beyond another's between two template lines (a rank)
MAX_TEMPLATE_REACH = 6  # lines between two lines the template prints together (a button row, a card)


def shape_of_line(text: str) -> str:
    """The line with each run of digits, a month's or a weekday's name next to one, and an age
    (``20 hours ago``, ``3小时前``: ``text.AGE``; its unit changes from post to post) made one mark.

    >>> shape_of_line("Joined: Sun Jan 08, 2017 3:02 pm") == shape_of_line("Joined: Thu Sep 22, 2022 6:11 pm")
    True
    >>> shape_of_line("发表于 2024年3月12日 星期二") == shape_of_line("发表于 2024年4月2日 星期日")
    True
    >>> shape_of_line("Ann 1 day ago · Votes: 12") == shape_of_line("Ann 20 hours ago · Votes: 2")
    True
    """
    text = " ".join(text.split())
    if DIGITS.search(text) is None:
        return text
    marked, ages = AGE.subn(" # ", text)  # (a match takes the marks and spaces around it: the words stay apart)
    if ages:
        text = " ".join(marked.split())
    return DIGITS.sub("#", DATE_WORDS.sub("#", text))


def template_block(places: dict[str, list[int]], shape: str, at: list[int]) -> list[str]:
    """The shapes the template prints with ``shape`` at a fixed distance in every post (the counts
    under a name, the date line a button row is followed by), ``shape`` first. The distance is to
    the nearest occurrence after (or before) each of ``shape``'s, the last (first) one excepted:
    the list's edge may lack it."""
    found = [shape]
    for other, where in places.items():
        if other == shape or abs(len(where) - len(at)) > 1:
            continue
        after = {next((w for w in where if w > a), -1) - a for a in at[:-1]}
        before = {a - max((w for w in where if w < a), default=a + 1) for a in at[1:]}
        if steady(after) or steady(before):
            found.append(other)
    return found


def steady(gaps: set[int]) -> bool:
    """Distances from one template line to another, one a post, that say the template printed
    them together: within ``MAX_TEMPLATE_REACH`` lines, and the same in every post but for a line
    some cards hold and others lack (``MAX_CARD_SPREAD``: a rank under the name)."""
    return bool(gaps) and 0 < min(gaps) and max(gaps) <= min(min(gaps) + MAX_CARD_SPREAD, MAX_TEMPLATE_REACH)


def stamped(shape: str, at: list[int], blocks: list[Block]) -> bool:
    """Is the line stamped with a number that changes from post to post (a date, a count)? Of the
    template's lines, it is the one every post prints once; a row of buttons may be missing under
    one post or repeated under another."""
    return "#" in shape and len({blocks[i].text for i in at}) > 1


def is_template(block: list[str], places: dict[str, list[int]], blocks: list[Block]) -> bool:
    """Two lines or more printed together for every post, one of them stamped with a number that
    changes from post to post (a date, a count): one repeated line alone is as often a gallery's
    captions or a feed's dates, a block without a number a form repeated under every advert, and
    a line with the same number every time a headline printed twice (``The $199 phone``)."""
    if len(block) < 2:
        return False
    return any(stamped(shape, places[shape], blocks) for shape in block)


def counts(shape: str, at: list[int], blocks: list[Block]) -> bool:
    """Is the shape a floor number: one run of digits and a word or a mark beside it, one more on
    each line than on the one before?"""
    first = DIGITS.findall(blocks[at[0]].text)
    if shape == "#" or len(first) != 1:
        return False  # most shapes leave here, before the other lines are read
    numbers = [first, *(DIGITS.findall(blocks[i].text) for i in at[1:])]
    return all(int(b[0]) == int(a[0]) + 1 for a, b in pairwise(numbers))


NAME_SLOT = "*"  # the word a writer's name takes in a line's shape (``named_shapes``)
MIN_NAMED_WORDS = 3  # words of a shape with a name in it: the name, a date's mark and one more at least
MAX_SLOT_WORDS = 2  # words a slot may take: a writer's name, and a rank or a title some writers have
# words a named shape keeps beside its slot: a date and a time, or a label and a date (one number
# alone beside a varying phrase is a list of quotes: ``Trades below 1.9600``, ``Drops below 1.3150``)
MIN_FIXED_WORDS = 2
# A CJK word a name may be glued into, and the label glued after it that the lines share (回答于, 发表于,
# 提问于): two characters or three
CJK_WORD = compiled(r"[\u3400-\u9fff]{3,}")
MIN_GLUED_LABEL, MAX_GLUED_LABEL = 2, 3


def named_shapes(places: dict[str, list[int]], repeats: int) -> dict[int, str]:
    """The lines that differ from one another in one place only, besides their numbers: a post's
    header that names its writer (``Post by treefeller » Mon Jan 08, 2024 7:40 pm``,
    ``reader_one 4 May 2024 10:02``, ``链条匠 骑行十年 回答于 2024-04-18`` beside ``周末骑士 回答于
    2024-04-19``: a name and, for some writers, a rank). Each such line (its own shape printed
    fewer than ``repeats`` times) gets its shape with that place (a word or ``MAX_SLOT_WORDS``
    words) made a slot, when ``repeats`` lines or more share it with two different fillings or more
    (two writers); the slot whose shape most lines share. A line without a number (a date) keeps
    its own: a list of names is not a template."""
    slots: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for shape, at in places.items():
        if len(at) < repeats and "#" in shape:
            for key, filling in _slots(shape.split()):
                slots[key].extend((i, filling) for i in at)
    best: dict[int, tuple[int, str]] = {}
    for key, found in slots.items():
        if len(found) >= repeats and len({word for _, word in found}) > 1:
            for i, _ in found:
                if len(found) > best.get(i, (0, ""))[0]:
                    best[i] = (len(found), key)
    return {i: key for i, (_, key) in best.items()}


def _slots(words: list[str]) -> Iterator[tuple[str, str]]:
    """Each shape the words can take with one place made a slot, and what fills it there: a word
    or ``MAX_SLOT_WORDS`` words (``MIN_NAMED_WORDS`` in all, ``MIN_FIXED_WORDS`` of them beside the
    slot), or the head of a CJK word whose last characters are a label the lines share (a name glued
    to its label, as w3m sets CJK spans: ``链条匠骑行十年回答于``)."""
    if len(words) < MIN_FIXED_WORDS:
        return
    for k, word in enumerate(words):
        if CJK_WORD.fullmatch(word):
            for label in range(MIN_GLUED_LABEL, min(MAX_GLUED_LABEL, len(word) - 1) + 1):
                yield " ".join([*words[:k], NAME_SLOT + word[-label:], *words[k + 1 :]]), word[:-label]
    if len(words) < MIN_NAMED_WORDS:
        return
    for k in range(len(words)):
        for width in range(1, MAX_SLOT_WORDS + 1):  # a name, or a name and its rank (``链条匠 骑行十年``)
            slot = words[k : k + width]
            if len(slot) < width or any("#" in word for word in slot) or len(words) - width < MIN_FIXED_WORDS:
                break
            yield " ".join([*words[:k], NAME_SLOT, *words[k + width :]]), " ".join(slot)
