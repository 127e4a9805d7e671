"""A consent banner's other paragraphs.

The ladder knows a paragraph of a cookie or consent banner by two words together (``rules.consent``:
the cookie word and a word of consent, data processing or partners), since a banner is long prose
and no length or shape tells it from an article's. A banner of a dozen paragraphs names cookies in
one or two of them; the others speak of consent, personal data and partners only, and were kept as
prose. ``consent_box`` takes them too: from each paragraph the ladder named, it walks up and down
the page through the blocks that hold a word of consent (``markers.CONSENT_WORDS``), across at most
``MAX_GAP_UNITS`` of other text between two of them (a heading, a short list of purposes). It stops
where that much text without such a word stands: the article, if one borders the banner, keeps its
paragraphs.

>>> from cleantext.boilerplate import classify
>>> from cleantext.model import Block
>>> texts = ["The ferry adds two crossings a day from June, the harbour board said on Monday.",
...          "We and our partners process personal data to show you relevant adverts.",
...          "You may withdraw your consent at any time in the settings.",
...          "We use cookies; by clicking accept you consent to their use."]
>>> [v.keep for v in classify([Block(i, t, source="text") for i, t in enumerate(texts)])]
[True, False, False, False]
"""

from __future__ import annotations

from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.rules import CONSENT, CONSENT_RULE
from cleantext.model import Block, BlockClass, DropReason, Step

MAX_GAP_UNITS = 100  # units of text without a consent word between two of a banner's paragraphs
CONSENT_BOX = Step("consent_box", BlockClass.BAD, DropReason.FOOTER)


def consent_box(blocks: list[Block], judged: list[Judged]) -> None:
    """Drop (in place) the paragraphs around each consent paragraph the ladder found that speak
    of consent, data or partners, and the short text between them (see the module's note)."""
    footer = DropReason.FOOTER  # the reason rules.consent gives: an identity test first, cheap
    seeds = [i for i, item in enumerate(judged) if item.reason is footer and item.rule == CONSENT_RULE]
    for seed in seeds:
        for step in (-1, 1):
            gap: list[int] = []
            gap_units = 0
            i = seed + step
            while 0 <= i < len(judged) and gap_units <= MAX_GAP_UNITS:
                if CONSENT.search(blocks[i].text):
                    for j in (*gap, i):
                        if judged[j].cls is not BlockClass.BAD:
                            judged[j].set(CONSENT_BOX)
                    gap, gap_units = [], 0
                else:
                    gap.append(i)
                    gap_units += judged[i].feats.units
                i += step
