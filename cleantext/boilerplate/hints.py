"""Class and id words of HTML elements: what the names a page gives its containers say.

A page names its boxes (``<div class="sidebar">``, ``id="comments"``); the words of those names
say what a box holds as well as its text does, before any text is read. ``segment.html`` gives
each block the words of its enclosing elements, nearest first (``Block.hint``); the nearest word
with a meaning decides (``hint_word``): a word of boilerplate names the reason its blocks leave
for (``rules.container_hint``), a word of content (``article``, ``post``) stops the search. The
writer's box under a post has its own words (``AUTHOR_BOX_HINT``). Data, like ``markers``: the
algorithm that reads them is in the rules.
"""

from __future__ import annotations

from cleantext.model import DropReason
from cleantext.regexes import compiled
from cleantext.segment.html import HINT_WORDS

# Words in class/id attributes (HTML), nearest ancestor first, that mark boilerplate containers.
NEGATIVE_HINTS = {
    "nav": DropReason.NAV,
    "navbar": DropReason.NAV,
    "menu": DropReason.NAV,
    "breadcrumb": DropReason.NAV,
    "breadcrumbs": DropReason.NAV,
    "crumb": DropReason.NAV,
    "pagination": DropReason.NAV,
    "pager": DropReason.NAV,
    "header": DropReason.NAV,
    "topbar": DropReason.NAV,
    "masthead": DropReason.NAV,
    "toolbar": DropReason.NAV,
    "footer": DropReason.FOOTER,
    "foot": DropReason.FOOTER,
    "copyright": DropReason.FOOTER,
    "bottom": DropReason.FOOTER,
    "sidebar": DropReason.RELATED,
    "aside": DropReason.RELATED,
    "related": DropReason.RELATED,
    "recommend": DropReason.RELATED,
    "hot": DropReason.RELATED,
    "rank": DropReason.RELATED,
    "ranking": DropReason.RELATED,
    "popular": DropReason.RELATED,
    "trending": DropReason.RELATED,
    "widget": DropReason.RELATED,
    "share": DropReason.SHARE,
    "social": DropReason.SHARE,
    "sharing": DropReason.SHARE,
    "comment": DropReason.COMMENT,
    "comments": DropReason.COMMENT,
    "reply": DropReason.COMMENT,
    "tags": DropReason.TAGS,
    "tag": DropReason.TAGS,
    "keywords": DropReason.TAGS,
    "ad": DropReason.RELATED,
    "ads": DropReason.RELATED,
    "advert": DropReason.RELATED,
    "banner": DropReason.RELATED,
    "promo": DropReason.RELATED,
    "sponsor": DropReason.RELATED,
    "login": DropReason.NAV,
    "signup": DropReason.NAV,
    "newsletter": DropReason.RELATED,
    "subscribe": DropReason.RELATED,
    "cookie": DropReason.FOOTER,
}
# Class/id words of the box that introduces the writer under a post (``author-box``, ``bio``,
# ``about-author``, ``authorInfo``): its prose reads as the article's, so the words tell it
# (``articles`` ends the article there). A lone ``author`` is not one: it names a byline as often.
AUTHOR_BOX_HINT = compiled(
    r"\b(?:bio|biography|author(?:box|bio|info|profile)|author (?:box|bio|info|about|description|details|profile|card)"
    r"|about (?:the )?author)\b"
)
# An anchor's id spelled from a heading's first words: two of them are no accident
ANCHOR_WORDS = 2
ANCHOR_CHARS = 80  # of the text looked at for them
POSITIVE_HINTS = frozenset(
    "article content post entry text body story main detail details news contents artibody "
    "articlebody postbody maintext zoom blog".split()
)


def hint_word(hint: str, text: str = "") -> str | None:
    """The class word that decides a block's containers (``rules.container_hint``): the nearest
    with a meaning, or None when that one names content (``article``, ``post``) or none has one.
    A word followed by the block's own first words (``text``) is part of an anchor's id spelled
    from a heading (``id="nav_nur_die_folie"`` on ``Nur die Folie bleibt zurück``): it names no role."""
    words = hint.split()
    for k, word in enumerate(words):
        if word in POSITIVE_HINTS:
            return None
        if word in NEGATIVE_HINTS and not (text and _spells(words[k + 1 : k + 1 + ANCHOR_WORDS], text)):
            return word
    return None


def _spells(words: list[str], text: str) -> bool:
    """Are ``words`` the text's first ``ANCHOR_WORDS`` words, split as a class or id is
    (``segment.html.HINT_WORDS``)?"""
    own = HINT_WORDS.findall(text.lower(), 0, ANCHOR_CHARS)[:ANCHOR_WORDS]
    return len(own) == ANCHOR_WORDS and words == own
