r"""Page-level quality filters: drop a whole article that is short, not CJK, repetitive, or listy.

Each filter is off unless its setting is non-zero, and each drop names its reason (stage
``quality``) with the measured value in its detail, so a run's summary says what was lost and why.

Observations this relies on:

- Length is counted in characters, not words: a Chinese character carries about what an English
  word does, and Chinese has no words without a segmenter (``str.split()`` sees one "word").
- The CJK ratio is CJK characters (Han, kana, Hangul) over all letters; digits, punctuation and
  spaces count for neither, so a Chinese article full of figures is not penalised.
- Repetition follows Gopher (Rae et al. 2021, appendix A): spam and template pages repeat lines and
  phrases. The measure is the larger of the share of characters in lines repeating an earlier
  line and the share of characters covered by an n-gram occurring twice or more — character
  10-grams for CJK text (about five words), word 5-grams otherwise. Only the first
  ``MAX_REPETITION_CHARS`` are measured: repetition shows early or is not what the filter is for.
- Pages made of menus, lists and tables have short lines; an article's paragraphs are long.

>>> from cleantext.model import Article
>>> menu = Article("a1", "首页\n新闻\n体育\n首页", *[None] * 9, "menu.txt", "utf-8")
>>> MinChars(5)(menu) is menu
True
>>> MinAvgLine(8)(menu).detail
'average line 2.0 chars < 8'
>>> MinCjkRatio(0.5)(menu) is menu
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence

from cleantext.config import Config
from cleantext.convert.lang import lang_filters
from cleantext.convert.script import block_counts, is_cjk_text, profile
from cleantext.model import Article, Drop, DropReason
from cleantext.regexes import compiled

PageFilter = Callable[[Article], Article | Drop]

STAGE = "quality"
CJK_NGRAM_CHARS = 10  # characters: about five Chinese words, long enough that a repeat is a copy
WORD_NGRAM_WORDS = 5  # words: Gopher's shortest "duplicate n-gram" length
MAX_REPETITION_CHARS = 100_000  # characters measured (~30 ms); longer pages are judged on their start

_SPACE = compiled(r"\s+")
_WORD = compiled(r"\w+")


class MinChars:
    """Drop articles with fewer than ``min_chars`` characters of text."""

    def __init__(self, min_chars: int) -> None:
        self.min_chars = min_chars

    def __call__(self, article: Article) -> Article | Drop:
        n = len(article.text)
        if n >= self.min_chars:
            return article
        return Drop(article.input, DropReason.TOO_SHORT, f"{n} chars < {self.min_chars}", STAGE)


class MinCjkRatio:
    """Drop articles whose CJK characters are less than ``min_ratio`` of their letters."""

    def __init__(self, min_ratio: float) -> None:
        self.min_ratio = min_ratio

    def __call__(self, article: Article) -> Article | Drop:
        han, kana, hangul, letters = block_counts(article.text)  # exact: the whole text
        ratio = (han + kana + hangul) / letters if letters else 0.0
        if ratio >= self.min_ratio:
            return article
        detail = f"cjk ratio {ratio:.3f} < {self.min_ratio:g}"
        return Drop(article.input, DropReason.LOW_CJK_RATIO, detail, STAGE)


class MaxRepetition:
    """Drop articles whose repetition (see ``repetition``) exceeds ``max_share``."""

    def __init__(self, max_share: float) -> None:
        self.max_share = max_share

    def __call__(self, article: Article) -> Article | Drop:
        share = repetition(article.text)
        if share <= self.max_share:
            return article
        return Drop(article.input, DropReason.REPETITION, f"repetition {share:.3f} > {self.max_share:g}", STAGE)


class MinAvgLine:
    """Drop articles whose non-empty lines average fewer than ``min_avg`` characters."""

    def __init__(self, min_avg: float) -> None:
        self.min_avg = min_avg

    def __call__(self, article: Article) -> Article | Drop:
        lines = [line for line in article.text.split("\n") if line.strip()]
        avg = sum(map(len, lines)) / len(lines) if lines else 0.0
        if avg >= self.min_avg:
            return article
        detail = f"average line {avg:.1f} chars < {self.min_avg:g}"
        return Drop(article.input, DropReason.LINE_LENGTH, detail, STAGE)


def page_filters(config: Config) -> list[PageFilter]:
    """The configured quality filters, cheapest first, then the language tagger and its filters."""
    filters: list[PageFilter] = []
    if config.min_chars > 0:
        filters.append(MinChars(config.min_chars))
    if config.min_avg_line > 0:
        filters.append(MinAvgLine(config.min_avg_line))
    if config.min_cjk_ratio > 0:
        filters.append(MinCjkRatio(config.min_cjk_ratio))
    if config.max_repetition > 0:
        filters.append(MaxRepetition(config.max_repetition))
    filters += lang_filters(config)
    return filters


def repetition(text: str) -> float:
    r"""The larger of the duplicated-line and duplicated-n-gram character shares, 0 to 1.

    >>> repetition("今天天气很好，我们一起去公园散步吧。")
    0.0
    >>> repetition("点击订阅我们的频道\n" * 4)
    1.0
    """
    text = text[:MAX_REPETITION_CHARS]
    return max(duplicate_line_share(text), duplicate_ngram_share(text))


def duplicate_line_share(text: str) -> float:
    r"""Share of the characters of non-empty lines that sit in a line repeating an earlier one.

    >>> duplicate_line_share("点击订阅\n正文两个字\n点击订阅")
    0.3076923076923077
    """
    seen: set[str] = set()
    total = repeated = 0
    for raw in text.split("\n"):
        line = raw.strip()
        total += len(line)
        if line in seen:
            repeated += len(line)
        seen.add(line)
    return repeated / total if total else 0.0


def duplicate_ngram_share(text: str) -> float:
    """Share of characters covered by an n-gram seen twice or more (CJK: characters; else words)."""
    if is_cjk_text(profile(text)):
        chars = _SPACE.sub("", text)
        n = CJK_NGRAM_CHARS
        grams: list[Hashable] = [chars[i : i + n] for i in range(len(chars) - n + 1)]
        return _covered_share(grams, n, [1] * len(chars))
    words = _WORD.findall(text.lower())
    n = WORD_NGRAM_WORDS
    grams = [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]
    return _covered_share(grams, n, [len(w) for w in words])


def _covered_share(grams: list[Hashable], n: int, sizes: Sequence[int]) -> float:
    """Share of ``sizes`` (per unit) covered by grams occurring more than once; gram i spans n units."""
    total = sum(sizes)
    if not grams or not total:
        return 0.0
    counts = Counter(grams)
    covered = bytearray(len(sizes))
    for i, gram in enumerate(grams):
        if counts[gram] > 1:
            covered[i : i + n] = b"\x01" * n
    return sum(size for size, hit in zip(sizes, covered, strict=True) if hit) / total
