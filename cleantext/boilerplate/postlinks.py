"""A blog's links to the previous and the next post, as a dump writes them: ``« Older post's
title`` and ``Newer post's title »`` (a blog's default format puts the guillemet before the older
post's link and after the newer one's). A headline in the guillemet's place stands between two
posts, not in one: a rule of the ladder (``rules.LADDER``), before ``prose``. A quotation in
guillemets opens and closes them (``« Oui », dit-il``), and a sentence is no link.

>>> from cleantext.model import Block
>>> from cleantext.boilerplate.features import features_of
>>> line = "« What the Council Decided About the River Path"
>>> post_link(Block(0, line, source="text"), features_of(line))
(<BlockClass.BAD: 'bad'>, <DropReason.NAV: 'nav'>)
"""

from __future__ import annotations

from cleantext.boilerplate.features import Features
from cleantext.model import Answer, Block, BlockClass, DropReason

MAX_LINK_UNITS = 40  # a post's title (twenty words); a longer line is a paragraph


def post_link(block: Block, f: Features) -> Answer:
    """``« title`` or ``title »`` on a dump line of its own, short and ending no sentence."""
    if block.source != "text" or f.units > MAX_LINK_UNITS or f.ends_sentence:
        return None
    text = block.text.strip()
    older = text.startswith("« ") and "»" not in text
    newer = text.endswith(" »") and "«" not in text
    return (BlockClass.BAD, DropReason.NAV) if (older or newer) and len(text) > 4 else None
