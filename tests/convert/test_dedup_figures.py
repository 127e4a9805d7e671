"""The figures quoted in ``dedup.py``: false positives on distinct documents, recall on near copies.

Documents are random sentences over a shared Zipf-weighted vocabulary (CJK "words" of one to
three characters, or Latin pseudo-words), ~2 KB each, so distinct documents still share many
shingles — a harder case than unrelated articles.
"""

from __future__ import annotations

import random
import time

import pytest

from cleantext.convert import NearDedup
from cleantext.model import Article, Drop

DOC_BYTES = 2048
EDIT_SHARE = 0.05  # of characters


def vocabulary(rng: random.Random, cjk: bool, size: int = 3000) -> list[str]:
    if cjk:
        chars = [chr(0x4E00 + i) for i in range(2000)]
        return ["".join(rng.choices(chars, k=rng.choice((1, 2, 2, 2, 3)))) for _ in range(size)]
    return ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(2, 9))) for _ in range(size)]


def document(rng: random.Random, words: list[str], cjk: bool) -> str:
    weights = [1 / (rank + 1) for rank in range(len(words))]
    parts: list[str] = []
    size = 0
    while size < DOC_BYTES:
        picked = rng.choices(words, weights=weights, k=rng.randint(8, 20))
        sentence = "".join(picked) + "。" if cjk else " ".join(picked).capitalize() + ". "
        parts.append(sentence)
        size += len(sentence.encode("utf-8"))
    return "".join(parts)


def edit_scattered(rng: random.Random, text: str, pool: str) -> str:
    chars = list(text)
    for i in rng.sample(range(len(chars)), int(len(chars) * EDIT_SHARE)):
        chars[i] = rng.choice(pool)
    return "".join(chars)


def edit_span(rng: random.Random, text: str, pool: str) -> str:
    n = int(len(text) * EDIT_SHARE)
    start = rng.randrange(len(text) - n)
    return text[:start] + "".join(rng.choices(pool, k=n)) + text[start + n :]


def article(number: int, text: str) -> Article:
    return Article(f"d{number}", text, None, None, None, None, None, None, None, None, None, f"gen#{number}", "utf-8")


def measure(cjk: bool, threshold: float, docs: int = 2000, copies: int = 300) -> dict[str, float]:
    rng = random.Random(7)
    words = vocabulary(rng, cjk)
    texts = [document(rng, words, cjk) for _ in range(docs)]
    pool = "".join(words[:500]) if cjk else "abcdefghijklmnopqrstuvwxyz "
    dedup = NearDedup(threshold)
    start = time.perf_counter()
    false_pos = sum(isinstance(dedup(article(i, t)), Drop) for i, t in enumerate(texts))
    figures = {"docs_per_s": docs / (time.perf_counter() - start), "fpr": false_pos / docs}
    for name, edit in (("recall_span", edit_span), ("recall_scattered", edit_scattered)):
        found = sum(isinstance(dedup(article(-1, edit(rng, t, pool))), Drop) for t in texts[:copies])
        figures[name] = found / copies
    return figures


@pytest.mark.slow
@pytest.mark.parametrize("cjk", [True, False], ids=["cjk", "english"])
def test_no_false_positives_and_span_edits_found(cjk: bool) -> None:
    figures = measure(cjk, 0.8)
    print(figures)
    assert figures["fpr"] == 0
    assert figures["recall_span"] >= 0.9


@pytest.mark.slow
def test_lower_threshold_catches_scattered_cjk_edits() -> None:
    figures = measure(True, 0.6, docs=1000, copies=200)
    assert figures["fpr"] == 0
    assert figures["recall_scattered"] >= 0.5
