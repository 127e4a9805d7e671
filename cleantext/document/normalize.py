"""Unicode and whitespace normalisation of the article text, small pure fixes in a fixed order.

1. NFC (composed characters; never NFKC by default: full-width punctuation is part of Chinese
   text and a model should learn it as written).
2. Control characters, zero-width characters, BOMs and soft hyphens out; replacement characters
   left in place (they record undecodable bytes honestly). The zero-width non-joiner and joiner
   stay between two letters of a script that writes them (Persian ``می‌خواهم``, Urdu, the Indic
   scripts, emoji sequences): there they are spelling, and taking one out joins two words or
   changes a letter's form. Beside a space, an ASCII or a CJK character they are stray, and leave.
3. All other spaces (NBSP, ideographic space, tabs) become one ASCII space, runs collapse, and
   each paragraph is stripped. Paragraphs are joined with ``\\n``.
4. Optional width folding (``--width-fold``): full-width ASCII forms → ASCII.

The result is idempotent: ``normalize(normalize(x)) == normalize(x)``.

>>> normalize_paragraph("\\u3000\\u3000正文\\u200b内容  第二句。\\x07")
'正文内容 第二句。'
"""

from __future__ import annotations

import unicodedata

from cleantext.regexes import compiled

INVISIBLE = compiled(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b\u2060\ufeff\ufff9-\ufffb]")
# Characters beside which a joiner (ZWNJ U+200C, ZWJ U+200D) is stray: spaces, ASCII, CJK and
# full-width forms, another joiner, and the paragraph's edges.
_NOT_JOINED = r"\x00-\x7f\s\u200c\u200d\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
STRAY_JOINER = compiled(rf"(?<![^{_NOT_JOINED}])[\u200c\u200d]|[\u200c\u200d](?![^{_NOT_JOINED}])")
# The spaces step 3 collapses: all of them are whitespace to ``str.split()`` and nothing else is.
SPACES = compiled(r"[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
WIDE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}


def normalize_paragraph(text: str, width_fold: bool = False) -> str:
    text = unicodedata.normalize("NFC", text)
    text = INVISIBLE.sub("", text)
    if "\u200c" in text or "\u200d" in text:
        text = STRAY_JOINER.sub("", text)
    if width_fold:
        text = text.translate(WIDE)
    return " ".join(text.split())  # str.split() splits at exactly SPACES (a test checks); faster than SPACES.sub


def normalize_text(paragraphs: list[str], width_fold: bool = False) -> str:
    """Normalise each paragraph and join the non-empty ones with newlines."""
    out = (normalize_paragraph(p, width_fold) for p in paragraphs)
    return "\n".join(p for p in out if p)
