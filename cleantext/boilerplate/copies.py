"""Copies: a kept block whose text the page already kept is a copy, and leaves (``repeated``).

Pages carry their article twice (a print version, a hidden mobile copy, a dump tool's second
rendering of a box): the first copy stays. A copy may join the paragraphs in other places; every
sentence of it kept before makes it one all the same.
"""

from __future__ import annotations

from cleantext.boilerplate.context import Judged
from cleantext.model import BlockClass, DropReason, Step
from cleantext.regexes import compiled

REPEATED = Step("repeated", BlockClass.BAD, DropReason.REPEATED)
# Units a kept block must have for a second copy to be dropped: a paragraph is copied only with
# the article; short lines ("Reply", a signature, a quoted one-liner) repeat legitimately.
MIN_REPEAT_UNITS = 60
MIN_COPIED_SENTENCES = 2  # one sentence kept twice may be said twice (a refrain); two are a copy
COPY_OPENING = 12  # characters a copy opens with as the kept block it copies did (whitespace out)
# where a sentence ends: at a CJK mark (taken out), or at the space after a Latin one that ends a
# lowercase word (``Mr T.R. Sharma`` and ``Dr. Li`` go on)
SENTENCE_BREAK = compiled(r"[。！？]|(?<=[a-z]{2}[.!?])\s+")
WORD_CHAR = compiled(r"[^\W_]")  # a sentence holds one: a converter's stray ``_`` after the last is none


def repeated(judged: list[Judged], texts: list[str]) -> None:
    """A kept block whose text was already kept earlier on the page is a copy (pages that carry
    the article twice: a print version, a hidden mobile copy); the first one stays (in place).
    Texts are compared with their whitespace taken out. A copy may join the paragraphs in other
    places (a dump of the second copy runs two of them together): a block that opens as a kept
    block did (``COPY_OPENING`` characters) and whose ``MIN_COPIED_SENTENCES`` sentences or more
    were each kept before is one too. The kept blocks are split into sentences only once such a
    block comes: most pages have none."""
    seen: set[str] = set()
    openings: set[str] = set()
    kept: list[str] = []  # the kept blocks, as written
    said: set[str] = set()  # the sentences of ``kept[:split]``
    split = 0
    for item, raw in zip(judged, texts, strict=True):
        if item.cls is not BlockClass.GOOD:
            continue
        text = "".join(raw.split())
        if item.feats.units >= MIN_REPEAT_UNITS:
            copied = text in seen
            if not copied and text[:COPY_OPENING] in openings:
                sentences = _sentences(raw)
                for earlier in kept[split:]:
                    said.update(_sentences(earlier))
                split = len(kept)
                copied = len(sentences) >= MIN_COPIED_SENTENCES and said.issuperset(sentences)
            if copied:
                item.set(REPEATED)
                continue
        seen.add(text)
        openings.add(text[:COPY_OPENING])
        kept.append(raw)


def _sentences(raw: str) -> list[str]:
    """The sentences of a block's text (``SENTENCE_BREAK``), their whitespace taken out."""
    return ["".join(part.split()) for part in SENTENCE_BREAK.split(raw) if WORD_CHAR.search(part)]
