"""Per-block features, the same for HTML blocks and dump lines.

Length is measured in *units* so that thresholds hold across scripts: one CJK character is one
unit, one word of an alphabetic script is ``WORD_UNITS`` units (a Chinese sentence of 20
characters carries about as much as an English one of 10 words). Words are runs of letters,
never ``str.split()`` (Chinese has no spaces).

>>> f = features_of("这是一个句子，有标点。")
>>> f.units, f.punct, f.ends_sentence
(9, 2, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
WORD = re.compile(r"[^\W\d_\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+")
WORD_UNITS = 2  # units per alphabetic word: 10 English words weigh like 20 Chinese characters
# Sentence punctuation: full-width marks always; ASCII marks only before a space, a closing
# quote, the end, or next to CJK text (dumps often write "互联,合规") — so URLs, decimals and
# dates do not count.
_HAN = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af"
PUNCT = re.compile(
    rf"[，。！？；：、]|[,.!?;:](?=[\"'”’)\]]?(?:\s|$)|[{_HAN}“‘])|(?<=[{_HAN}”’])[,.!?;:]"
)
SENTENCE_END = re.compile(r"[。！？!?.…」』”\"’)）]\s*$")
TRUNCATED = re.compile(r"(?:\.\.\.|…|……|\.\.)\s*[\]】)）]?\s*$")
DATE_LIKE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}:\d{2}")


@dataclass(frozen=True)
class Features:
    """What the rules look at; computed once per block."""

    chars: int  # characters, spaces excluded
    cjk: int  # CJK characters (Han, kana, hangul)
    words: int  # alphabetic words outside CJK
    units: int  # cjk + WORD_UNITS * words
    punct: int  # sentence punctuation marks
    ends_sentence: bool
    truncated: bool  # ends with an ellipsis: a teaser cut short
    date_like: bool  # holds a date or a time of day

    @property
    def punct_density(self) -> float:
        """Punctuation marks per unit of text."""
        return self.punct / self.units if self.units else 0.0

    @property
    def is_cjk(self) -> bool:
        return self.cjk >= self.words


def features_of(text: str) -> Features:
    cjk = len(CJK.findall(text))
    words = len(WORD.findall(text))
    return Features(
        chars=len(text) - text.count(" "),
        cjk=cjk,
        words=words,
        units=cjk + WORD_UNITS * words,
        punct=len(PUNCT.findall(text)),
        ends_sentence=bool(SENTENCE_END.search(text)),
        truncated=bool(TRUNCATED.search(text)),
        date_like=bool(DATE_LIKE.search(text)),
    )
