"""Per-block features, the same for HTML blocks and dump lines.

Length is measured in *units* (``text.units_of``) so that thresholds hold across scripts: one CJK
character is one unit, one word of an alphabetic script is ``WORD_UNITS`` units (a Chinese
sentence of 20 characters carries about as much as an English one of 10 words). Words are runs
of letters, never ``str.split()`` (Chinese has no spaces).

>>> f = features_of("这是一个句子，有标点。")
>>> f.units, f.punct, f.ends_sentence
(9, 2, True)
"""

from __future__ import annotations

import re
from typing import NamedTuple

from cleantext.regexes import compiled
from cleantext.text import (
    CJK_BLOCKS,
    KHMER,
    OWN_MARKS,
    SENTENCE_END,
    SOUTHEAST_ASIAN,
    THAI_LAO,
    WORD_UNITS,
    letter_counts,
    looks_like_code,
)

# Sentence punctuation: full-width marks always; ASCII marks only before a space, a closing
# quote, the end, or next to CJK text (dumps often write "互联,合规") — so URLs, decimals and
# dates do not count. Scripts with marks of their own count them always (``text.OWN_MARKS``).
# Two patterns, each opening with a character class, which the engine scans for fastest; every
# match is one mark, and the two never share a mark, so the counts add up.
FULL_PUNCT = compiled(rf"[，。！？；：、{OWN_MARKS}]")
ASCII_PUNCT = compiled(rf"[,.!?;:](?:(?=[\"'”’)\]]?(?:\s|$)|[{CJK_BLOCKS}“‘])|(?<=[{CJK_BLOCKS}”’].))")
MIN_GOOD_UNITS = 30  # units: a block this long with punctuation is prose
MIN_SHORT_UNITS = 8  # units: under this a block says too little to stand alone
# An ellipsis at the end, or before the link on to the rest (``… More``, ``...Read more »``, ``…全文``)
TRUNCATED = compiled(
    r"(?:\.\.\.|…|……|\.\.)\s*(?:(?:read\s+)?more|continue reading|read on|更多|全文|阅读全文)?\s*[\]】)）»›]?\s*$",
    re.IGNORECASE,
)
# The marks a clause ends with inside a sentence: a line ending so goes on on the next line (a line
# of verse, a wrapped clause); a menu entry or a headline never ends with one.
CLAUSE_END = tuple("，,；;")
# Thai, Lao and Khmer put a space where other scripts put a comma or a full stop (words run on
# without one): a space between two letters of these scripts is their sentence mark.
SPACE_MARK = compiled(f"(?<=[{THAI_LAO}{KHMER}]) (?=[{THAI_LAO}{KHMER}])")


class Features(NamedTuple):
    """What the rules look at; computed once per block (an immutable record, built for every block:
    a NamedTuple is built several times faster than a frozen dataclass)."""

    chars: int  # characters, spaces excluded
    cjk: int  # CJK characters (Han, kana, hangul)
    words: int  # alphabetic words outside CJK
    units: int  # cjk + WORD_UNITS * words
    punct: int  # sentence punctuation marks
    ends_sentence: bool
    truncated: bool  # ends with an ellipsis: a teaser cut short
    code_like: bool = False  # looks like a line of program code and holds no CJK text
    ends_clause: bool = False  # ends with a comma or a semicolon: a clause that goes on

    @property
    def punct_density(self) -> float:
        """Punctuation marks per unit of text."""
        return self.punct / self.units if self.units else 0.0

    @property
    def is_cjk(self) -> bool:
        return self.cjk >= self.words


TAIL_CHARS = 24  # characters at the end where a sentence mark or an ellipsis (and a "Read more") is looked for


# A sentence's end and the next one's start: a full stop, a question or an exclamation mark, a
# space, a capital letter. Program code writes a few (a comment, a message); a paragraph that
# names a call (``RTD()``) or ends with a parenthesis writes them again and again.
SENTENCE_BREAK = compiled(r"[.!?][)\"'’”]?\s+[A-Z]")
# A string in a line of code (``print('你好')``): text in quotes, which a program prints, not says
QUOTED = compiled(r"'[^'\n]*'|\"[^\"\n]*\"")
MIN_PROSE_BREAKS = 2  # sentence breaks that make a line that looks like code a paragraph


def _sentences(text: str) -> bool:
    """Does the text run on through ``MIN_PROSE_BREAKS`` sentences and more: a paragraph, not code?"""
    return len(SENTENCE_BREAK.findall(text)) >= MIN_PROSE_BREAKS


def _quoted_cjk(text: str) -> bool:
    """Is all the CJK text of the line inside quotes (a program's string: ``print('你好')``)?"""
    if "'" not in text and '"' not in text:
        return False
    return letter_counts(QUOTED.sub("", text))[0] == 0


def features_of(text: str) -> Features:
    """The block's features, in one pass of each pattern (ASCII text skips the CJK count, the
    Unicode word classes and the full-width marks; the end-of-text patterns look at the tail only)."""
    cjk, words = letter_counts(text)
    punct = len(ASCII_PUNCT.findall(text))
    if not text.isascii():
        punct += len(FULL_PUNCT.findall(text))
        if words and SOUTHEAST_ASIAN.search(text) is not None:  # (CJK text has few words or none)
            punct += len(SPACE_MARK.findall(text))
    tail = text[-TAIL_CHARS:]
    last = tail.rstrip()[-1:]
    return Features(
        chars=len(text) - text.count(" "),
        cjk=cjk,
        words=words,
        units=cjk + WORD_UNITS * words,
        punct=punct,
        ends_sentence=last in SENTENCE_END,
        truncated=(".." in tail or "…" in tail) and TRUNCATED.search(tail) is not None,
        code_like=(not cjk or _quoted_cjk(text)) and looks_like_code(text) and not _sentences(text),
        ends_clause=last in CLAUSE_END,
    )


# A long line of Han with fewer than a mark every 33 characters and no sentence end: headlines run
# together, a block of keywords. Chinese prose marks a clause every 10-20 characters and ends its
# paragraphs.
SPARSE_PUNCT_DENSITY = 0.03
MIN_SPARSE_UNITS = 60  # units: shorter lines say too little for their marks to count (a one-line reply)


def sparse(f: Features) -> bool:
    """A long line of Han too sparsely marked to be prose, ending no sentence.

    >>> sparse(features_of("新闻" * 40 + "：标题")), sparse(features_of("这是一句话，" * 12 + "完。"))
    (True, False)
    """
    return f.units >= MIN_SPARSE_UNITS and f.is_cjk and f.punct_density < SPARSE_PUNCT_DENSITY and not f.ends_sentence
