"""Headlines run together on one long line of a dump, in a script that capitalises its words.

A teaser grid or a list of related stories, dumped without line breaks between its cells, comes
out as one long line: ``12 Handmade Food Gifts 12 Thoughtful Gifts For the Holidays How to Seed a
Pomegranate …``. Long and with a mark or two (a colon, an exclamation), it passes for prose. What
gives it away is that nearly every longer word opens with a capital, as headlines set in title
case do, and that almost no comma or full stop separates anything: a paragraph capitalises its
sentences' first words and its names only, and a paragraph that lists names (a photo's caption, a
list of guests) separates them with commas. A rule of the ladder (``rules.LADDER``), before
``prose``; dump lines only (HTML keeps its cells apart by markup).

>>> from cleantext.model import Block
>>> from cleantext.boilerplate.features import features_of
>>> line = " ".join(["Ten Easy Dinners For Busy Weeknights", "Why Bakers Love This Simple Bread"] * 3)
>>> title_run(Block(0, line, source="text"), features_of(line))
(<BlockClass.BAD: 'bad'>, <DropReason.RELATED: 'related-list'>)
"""

from __future__ import annotations

from cleantext.boilerplate.features import Features
from cleantext.model import Answer, Block, BlockClass, DropReason
from cleantext.regexes import compiled

# Words of four letters or more (short function words are lower case in title case too).
LONG_WORD = compiled(r"[^\W\d_][\w'’-]{3,}")
# A comma, full stop or semicolon that ends a clause (not one inside a number or a domain).
SEPARATOR = compiled(r"[.,;](?:\s|$)")
MIN_WORDS = 20  # longer words on the line: a few headlines' worth; a single headline is shorter
MIN_UNITS = 40  # (features.WORD_UNITS per word) checked first, before any word is read
MIN_TITLE_SHARE = 0.7  # of the longer words, those in title case (a capital, then not all capitals)
WORDS_PER_SEPARATOR = 15  # a line with a separator for every fewer words separates sentences or names


def title_run(block: Block, f: Features) -> Answer:
    """A long dump line whose longer words are nearly all in title case and which holds almost
    no comma or full stop: headlines run together (``BAD``, ``RELATED``)."""
    if block.source != "text" or f.units < MIN_UNITS or f.is_cjk:
        return None
    text = block.text
    # a lower bound of the separators, counted in C: most long lines are prose, and stop here
    if (text.count(", ") + text.count(". ") + text.count("; ")) * WORDS_PER_SEPARATOR > f.words:
        return None
    words = LONG_WORD.findall(text)
    if len(words) < MIN_WORDS:
        return None
    titled = sum(1 for w in words if w[0].isupper() and not w.isupper())
    if titled < MIN_TITLE_SHARE * len(words):
        return None
    if len(SEPARATOR.findall(text)) * WORDS_PER_SEPARATOR > len(words):
        return None
    return BlockClass.BAD, DropReason.RELATED
