"""Entries of lists and teasers: rules of the ladder (``rules.LADDER``) for the lines pages repeat
in lists of other pages: a menu's or a related list's entries, a list of posts stamped with their
times, summaries cut off with an ellipsis. Each answers with a class and a reason, or passes.

A list item that says something of its own is left to its neighbours instead: in HTML a long one,
or one with no link that ends as a clause does (a step, an item of a list of materials); in a
dump one that ends with a full stop.

>>> from cleantext.model import Block
>>> from cleantext.boilerplate.features import features_of
>>> list_item(Block(0, "首页", in_list=True), features_of("首页"))
(<BlockClass.BAD: 'bad'>, <DropReason.RELATED: 'related-list'>)
"""

from __future__ import annotations

import re

from cleantext.boilerplate.features import MIN_GOOD_UNITS, MIN_SHORT_UNITS, TRUNCATED, Features, features_of
from cleantext.model import Answer, Block, BlockClass, DropReason
from cleantext.regexes import compiled
from cleantext.text import COLONS

MAX_LIST_TEASER_UNITS = 80  # units: list items shorter than this are menu or teaser entries
MIN_LIST_POINT_UNITS = 24  # units: a list item this long may be a point of the article (12 words)
# The marks that end a statement (Latin, CJK, full-width, Devanagari, Urdu): a dump's list item
# ending with one is a point of the article, as a sentence; a headline or a menu entry never ends
# with one (a headline may ask or exclaim: ``?`` and ``!`` are not here).
FULL_STOPS = tuple(".。．।۔")
# A sentence's or a clause's last mark: an HTML list item with no link ending with one is a point
# of the article (a question or an exclamation too: there, the headlines of other pages are links)
CLAUSE_ENDS = (*FULL_STOPS, "；", ";", "！", "!", "？", "?")
MIN_LIST_PROSE_PUNCT = 2  # punctuation marks that make a list item a sentence, not a link
# A text naming a document file: an attachment of the page (a notice's forms, a report)
ATTACHMENT = compiled(r"\.(?:docx?|xlsx?|pptx?|pdf|wps|ofd|zip|rar|7z|csv|txt)\s*[)）]?\s*$", re.I)
# A date and time as lists stamp their entries: 08-11 16:06, 2005-04-03 17:19, 4月3日 17:19.
DATE_TIME = compiled(
    r"(?<!\d)(?:\d{4}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}(?:\s*日\s*|\s+)\d{1,2}:\d{2}(?::\d{2})?(?!\d)"
)
NON_WORD = compiled(r"\W+")
MIN_ENTRY_CHARS = 4  # letters before the stamp: the entry's title
MAX_STAMP_TAIL = 12  # letters and digits after the stamp: a size, a count, "PM"
# A truncated line this long with this many sentence marks inside it is a paragraph that happens to
# end in an ellipsis (a trailing-off sentence, a story's opening); a teaser's summary is shorter, or
# stands in a list, and its neighbours decide which it is.
MIN_TRAILING_PARAGRAPH_UNITS = MIN_GOOD_UNITS
MIN_TRAILING_PARAGRAPH_PUNCT = 2

BAD, SHORT = BlockClass.BAD, BlockClass.SHORT


def list_item(block: Block, f: Features) -> Answer:
    """Short list items without sentences: menu entries, teaser headlines, truncated summaries.
    In HTML, an item long enough to be an article's own point is left to its neighbours instead
    (a dump's bullet lines are teaser headlines far more often than points of an argument); in a
    dump, an item that ends with a full stop is left to them too: a headline or a menu entry ends
    with none, an article's points are sentences (``_full_stop``); so is one naming a document file
    (``2. 申报材料清单.pdf``): a notice's attachments, which no menu lists."""
    if not block.in_list:
        return None
    if f.truncated or (f.units < MAX_LIST_TEASER_UNITS and f.punct < MIN_LIST_PROSE_PUNCT):
        if not f.truncated and (
            (f.units >= MIN_LIST_POINT_UNITS or _unlinked_clause(block))
            if block.source == "html"
            else _full_stop(block.text, f) or ATTACHMENT.search(block.text) is not None
        ):
            return SHORT, DropReason.RELATED
        return BAD, DropReason.RELATED
    return None


def _unlinked_clause(block: Block) -> bool:
    """An HTML list item with no link that ends as a clause or a sentence does (``CLAUSE_ENDS``:
    ``本人原居民身份证；``, ``Preheat the oven.``): a point of the article, a step, an item of a
    list of materials. A menu's or a related list's entries are links, and end with no stop."""
    return not block.link_chars and block.text.rstrip()[-1:] in CLAUSE_ENDS


def _full_stop(text: str, f: Features) -> bool:
    """A dump's list item that is a statement: long enough to say something (``MIN_SHORT_UNITS``)
    and ending with a full stop (``Pizza outsold every other dish last year.``)."""
    return f.units >= MIN_SHORT_UNITS and text.rstrip()[-1:] in FULL_STOPS


def dated_entry(block: Block, f: Features) -> Answer:
    """A short Chinese line that ends with a date and time: an entry of a list of posts or
    stories (``旅行中，谁忽悠了你？【版主】08-11 16:06 298字``); article sentences carry dates,
    not stamps at their end."""
    if not f.is_cjk or f.units >= MAX_LIST_TEASER_UNITS:
        return None
    stamp = DATE_TIME.search(block.text)
    if stamp is None:
        return None
    before, after = block.text[: stamp.start()].rstrip(), block.text[stamp.end() :]
    if before.endswith(COLONS):
        return None  # a labelled dateline (发布时间：…): the page's own metadata
    if sum(c.isalnum() for c in before) >= MIN_ENTRY_CHARS and len(NON_WORD.sub("", after)) <= MAX_STAMP_TAIL:
        return BAD, DropReason.RELATED
    return None


def teaser(block: Block, f: Features) -> Answer:
    """Lines cut off with an ellipsis: summaries of other articles. A long, punctuated line that
    trails off (a paragraph ending in ``……``) is left to its neighbours: beside article text it is
    article text, among other teasers a teaser."""
    if f.truncated and f.units < MAX_LIST_TEASER_UNITS:
        # (a line opening a Markdown link or image is its text, not a paragraph: ``![alt…](``)
        if f.units >= MIN_TRAILING_PARAGRAPH_UNITS and not block.in_list and block.text[:1] not in "[!":
            # the marks before the ellipsis: a dump's "..." after a Han character counts as two
            body = features_of(TRUNCATED.sub("", block.text))
            if body.punct >= MIN_TRAILING_PARAGRAPH_PUNCT:
                return SHORT, DropReason.TEASER
        return BAD, DropReason.TEASER
    return None
