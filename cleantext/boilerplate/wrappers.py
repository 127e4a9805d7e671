"""Class words that wrap a page's article: no boilerplate names on that page.

The ladder drops a block inside an element whose class or id names boilerplate (``widget``,
``sidebar``, ``header``: ``rules.container_hint``), unless the block is long prose. Most pages
use those words for what they name. Some wrap their article in them: a page builder sets every
piece of a post (a heading, a paragraph, a list) in a "widget" of its own, a theme calls the
column of the story a "header". There the article's long paragraphs survive the word, and its
headings, short paragraphs and lists do not: the post keeps a paragraph here and there.

So a page is judged by its own text: when the word that decides (the nearest class word with a
meaning, as ``container_hint`` reads them) holds ``WRAPPER_SHARE`` of the page's text on its own
merits, it names the page's content wrapper, and the blocks it dropped are judged again without
it (``rejudge_wrappers``). A sidebar's widgets hold a short text or two beside a longer story, and
stay dropped. Comment sections are left to ``rejudge_thread``: long prose does not survive there.

>>> from cleantext.boilerplate.features import features_of
>>> prose = ("Every spring I get the same question from friends: where do you even begin? The honest "
...          "answer is that you begin small, with a single bed and a few plants you like to eat.")
>>> blocks = [Block(0, prose, hint="widget"), Block(1, "Short lines", hint="widget")]
>>> judged = [Judged(s.cls, s.reason, features_of(b.text), (s,)) for b in blocks for s in [judge(b)]]
>>> str(judged[1].reason)
'related-list'
>>> rejudge_wrappers(blocks, judged)
>>> str(judged[1].reason), judged[1].chain[-1].name
('short', 'rejudge_wrappers')
"""

from __future__ import annotations

import dataclasses

from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.hints import hint_word
from cleantext.boilerplate.rules import CONTAINER_HINT, judge
from cleantext.model import Block, BlockClass, DropReason, Step

# Of the page's text on its own merits (the units of the blocks the ladder calls text), what the
# blocks under one boilerplate class word must hold for the word to wrap the article. Checking
# half: 0.5 to 0.7 score alike; 0.4 takes a sidebar beside a short story for the article's wrapper.
WRAPPER_SHARE = 0.6
REJUDGE = "rejudge_wrappers"
GOOD = BlockClass.GOOD


def rejudge_wrappers(blocks: list[Block], judged: list[Judged]) -> None:
    """Judge again, without the word, the blocks dropped for a boilerplate class word that wraps
    ``WRAPPER_SHARE`` of the page's text (in place); the step names the rule that answered."""
    total = 0
    held: dict[str, int] = {}
    for block, item in zip(blocks, judged, strict=True):
        if item.cls is GOOD:
            total += item.feats.units
            word = hint_word(block.hint) if block.hint else None
            if word is not None:
                held[word] = held.get(word, 0) + item.feats.units
    wrappers = {word for word, units in held.items() if units >= WRAPPER_SHARE * total > 0}
    if not wrappers:
        return
    for block, item in zip(blocks, judged, strict=True):
        if item.rule != CONTAINER_HINT or item.reason is DropReason.COMMENT or hint_word(block.hint) not in wrappers:
            continue
        bare = dataclasses.replace(block, hint=" ".join(w for w in block.hint.split() if w not in wrappers))
        again = judge(bare, item.feats)
        item.chain = (*item.chain, Step(REJUDGE, again.cls, again.reason, again.name))
        item.cls, item.reason = again.cls, again.reason
