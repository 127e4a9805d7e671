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

from typing import NamedTuple

from cleantext.regexes import compiled

_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"  # Han, kana, hangul
NOT_CJK_RUN = compiled(rf"[^{_CJK}]+")  # the CJK characters are what remains when these are removed
WORD = compiled(rf"[^\W\d_{_CJK}]+")
WORD_UNITS = 2  # units per alphabetic word: 10 English words weigh like 20 Chinese characters
# Sentence punctuation: full-width marks always; ASCII marks only before a space, a closing
# quote, the end, or next to CJK text (dumps often write "互联,合规") — so URLs, decimals and
# dates do not count. Scripts with marks of their own count them always: Arabic and Urdu (، ؛ ؟ ۔),
# Devanagari and Bengali dandas (। ॥), Ethiopic (። ፣), Armenian (։), Myanmar (၊ ။).
_OWN_MARKS = "\u060c\u061b\u061f\u06d4\u0964\u0965\u1362\u1363\u0589\u104a\u104b"
_HAN = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af"
# Two patterns, each opening with a character class, which the engine scans for fastest; every
# match is one mark, and the two never share a mark, so the counts add up.
FULL_PUNCT = compiled(rf"[，。！？；：、{_OWN_MARKS}]")
ASCII_PUNCT = compiled(rf"[,.!?;:](?:(?=[\"'”’)\]]?(?:\s|$)|[{_HAN}“‘])|(?<=[{_HAN}”’].))")
# What WORD matches in ASCII text is a run of ASCII letters. They are counted on bytes: each letter
# becomes "a" and every other byte " ", so a word starts at each " a", and at an "a" opening the
# text (a third of the time of finding the runs, which builds a string for each word).
_LETTERS_TO_A = bytes(ord("a") if chr(b).isalpha() else ord(" ") for b in range(128)) + b" " * 128
SENTENCE_END = tuple(f"。！？!?.…」』”\"’)）{_OWN_MARKS}")  # the last character of a sentence, spaces aside
TRUNCATED = compiled(r"(?:\.\.\.|…|……|\.\.)\s*[\]】)）]?\s*$")
# Program code quoted in an article (shell, config, source lines): no sentence marks, yet not a
# menu. A line ends with a continuation or a brace, starts with an option, an assignment, a
# prompt or a comment, or holds a shell operator, a variable or a call. The end is one character
# before trailing spaces; the start and the operators are patterns, each tried only where a plain
# string test shows it could match (most lines are settled by those tests alone).
CODE_END = tuple("\\;{}(")  # continuation, statement end, open brace or call: the last character
# option, assignment, shebang, comment, prompt, tag
CODE_START = compiled(r"\s*(?:--?[a-zA-Z][\w-]*|[\w.\[\]]+\s*[:+-]?=|#!|//|/\*|[$#>] |<\w+)")
CODE_START_OPENINGS = tuple("-#/$><")  # what CODE_START's forms open with, but for an assignment's "="
# shell operators, variables, calls ("()" after a word character, written "()" first)
CODE_OPS = compiled(r"&&|\|\||\$\{?\w|\(\)(?<=\w\(\))")


def ends_sentence(text: str) -> bool:
    """Does the text end with a sentence mark, a closing quote or bracket (spaces aside)?

    >>> ends_sentence("他说：“好。” "), ends_sentence("Home | News")
    (True, False)
    """
    return text.rstrip()[-1:] in SENTENCE_END


def looks_like_code(text: str) -> bool:
    """Does the line look like program code (see ``CODE_END``, ``CODE_START``, ``CODE_OPS``)?
    (``strip`` removes what ``\\s`` matches, so ``lstrip`` finds where ``CODE_START`` opens.)

    >>> looks_like_code("./configure --prefix=/usr \\\\"), looks_like_code("Home | News")
    (True, False)
    """
    if text.rstrip()[-1:] in CODE_END:
        return True
    if ("=" in text or text.lstrip()[:1] in CODE_START_OPENINGS) and CODE_START.match(text):
        return True
    maybe_ops = "$" in text or "()" in text or "&&" in text or "||" in text
    return maybe_ops and CODE_OPS.search(text) is not None


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

    @property
    def punct_density(self) -> float:
        """Punctuation marks per unit of text."""
        return self.punct / self.units if self.units else 0.0

    @property
    def is_cjk(self) -> bool:
        return self.cjk >= self.words


TAIL_CHARS = 12  # characters at the end where a sentence mark or an ellipsis is looked for


def features_of(text: str) -> Features:
    """The block's features, in one pass of each pattern (ASCII text skips the CJK count and the
    Unicode word classes; the end-of-text patterns look at the tail only)."""
    if text.isascii():
        marked = text.encode("ascii").translate(_LETTERS_TO_A)
        cjk, words = 0, marked.count(b" a") + marked.startswith(b"a")
        punct = len(ASCII_PUNCT.findall(text))
    else:
        cjk, words = len(NOT_CJK_RUN.sub("", text)), len(WORD.findall(text))
        punct = len(FULL_PUNCT.findall(text)) + len(ASCII_PUNCT.findall(text))
    tail = text[-TAIL_CHARS:]
    return Features(
        chars=len(text) - text.count(" "),
        cjk=cjk,
        words=words,
        units=cjk + WORD_UNITS * words,
        punct=punct,
        ends_sentence=ends_sentence(tail),
        truncated=("." in tail or "…" in tail) and TRUNCATED.search(tail) is not None,
        code_like=not cjk and looks_like_code(text),
    )
