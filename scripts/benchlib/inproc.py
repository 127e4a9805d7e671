"""Sections measured in this process, on one core: cleantext, the floor, bs4, OpenCC, a large page.

Each cleantext measurement is the real per-page path of ``cleantext run`` without the CLI:
``iter_pages`` (read) → ``PageCleaner`` (decode … convert) → ``JsonlWriter`` (write), the cleaner
built once before timing (its cost is a per-process start-up, reported by the start-up section).
Times are this process's CPU seconds (see ``timing``).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchlib.corpus import SCRATCH, total_bytes
from benchlib.timing import CPU, Figure, best_of, best_of_each, peak_rss_mb
from cleantext.config import Config
from cleantext.decode import decode
from cleantext.model import Article, Failure, RawPage
from cleantext.pipeline import PageCleaner
from cleantext.read import iter_pages
from cleantext.write import JsonlWriter

OUT = SCRATCH / "out.jsonl"
CONVERSION_REPS_FACTOR = 3  # the conversion runs take ~0.1 s each, and their ratio compares a 10 %
#                             margin: more repetitions than elsewhere keep noise out of it


def clean_paths(cleaner: PageCleaner, paths: list[str], out: Path = OUT) -> int:
    """read → clean → write for ``paths``; the number of articles written."""
    with JsonlWriter(out) as writer:
        for page in iter_pages(paths, cleaner.config):
            outcome = cleaner(page)
            if isinstance(outcome, Article):
                writer.write(outcome)
        return writer.count


def cold_cleaners(config: Config, reps: int) -> Iterator[PageCleaner]:
    """A new cleaner for each of ``reps`` timed runs, built before the timing: each run's first
    pages find no block judged yet (a cleaner remembers the blocks it judged, which would make a
    repeated timing cheaper than a real run), and a cleaner's construction is a per-process
    start-up, which the start-up section reports."""
    return iter([PageCleaner(config) for _ in range(max(1, reps))])


def measure_clean(name: str, paths: list[str], config: Config, reps: int) -> Figure:
    """cleantext on ``paths`` with ``config``, best of ``reps`` cold runs (``cold_cleaners``)."""
    clean_paths(PageCleaner(config), paths[:1])  # warm-up: lazy imports out of the timing
    cleaners = cold_cleaners(config, reps)
    written: list[int] = []
    seconds = best_of(reps, lambda: written.append(clean_paths(next(cleaners), paths)), CPU)
    return Figure(name, len(paths), total_bytes(paths), seconds, f"{written[-1]} written", _rss())


def measure_clean_beside(
    names: tuple[str, str], paths: list[str], config: Config, baseline: Config, reps: int
) -> tuple[Figure, Figure]:
    """``measure_clean`` of ``config`` and of ``baseline`` in turns within each repetition, so that
    their difference is not a drift of the machine between two sections (which, on 20 s runs,
    can be twenty times a conversion's cost)."""
    cleaners = {"config": cold_cleaners(config, reps), "baseline": cold_cleaners(baseline, reps)}
    written: dict[str, int] = {}

    def run(which: str) -> None:
        written[which] = clean_paths(next(cleaners[which]), paths)

    for settings in (config, baseline):
        clean_paths(PageCleaner(settings), paths[:1])  # warm-up: lazy imports out of the timing
    best = best_of_each(reps, {which: functools.partial(run, which) for which in cleaners}, CPU)
    nbytes = total_bytes(paths)
    return (
        Figure(names[0], len(paths), nbytes, best["config"], f"{written['config']} written", _rss()),
        Figure(names[1], len(paths), nbytes, best["baseline"], f"{written['baseline']} written, in turns with the above"),
    )


STAGES = ("read+decode", "segment", "boilerplate", "document+convert", "write")


def stage_seconds(paths: list[str], config: Config) -> dict[str, float]:
    """One pass over ``paths`` stage by stage, as ``stages.default_stages`` orders them (its binary
    sniffing and quality filters aside), with each stage's CPU seconds."""
    from cleantext.boilerplate import Classifier
    from cleantext.convert import Converter
    from cleantext.document import build_article
    from cleantext.segment import segment

    converter = Converter.from_config(config)
    classify = Classifier()  # one per pass, as one per run: each pass starts with no block judged
    spent = dict.fromkeys(STAGES, 0.0)
    with JsonlWriter(OUT) as writer:
        start = CPU()
        for page in iter_pages(paths, config):
            if isinstance(page, Failure):
                continue
            decoded = decode(page, forced=config.encoding)
            decoded_at = CPU()
            blocks, meta, _ = segment(decoded, config.format)
            segmented_at = CPU()
            verdicts = classify(blocks, meta)
            classified_at = CPU()
            outcome = build_article(decoded, verdicts, meta, config)
            if isinstance(outcome, Article):
                outcome = converter.convert(outcome)
            built_at = CPU()
            if isinstance(outcome, Article):
                writer.write(outcome)
            end = CPU()
            for stage, seconds in zip(
                STAGES,
                (decoded_at - start, segmented_at - decoded_at, classified_at - segmented_at,
                 built_at - classified_at, end - built_at),
                strict=True,
            ):
                spent[stage] += seconds
            start = end
    return spent


def measure_stages(name: str, paths: list[str], reps: int) -> list[Figure]:
    """Where cleantext's time goes on ``paths``: each stage of the fastest of ``reps`` passes."""
    stage_seconds(paths[:1], Config())  # lazy imports out of the timing
    passes = []
    for _ in range(max(1, reps)):
        passes.append(stage_seconds(paths, Config()))
    best = min(passes, key=lambda spent: sum(spent.values()))
    total = sum(best.values())
    nbytes = total_bytes(paths)
    return [
        Figure(f"{name}: {stage}", len(paths), nbytes, seconds, f"{seconds / total:.0%} of the time")
        for stage, seconds in best.items()
    ]


def floor_paths(paths: list[str], out: Path = OUT) -> None:
    """The floor: read + decode + one JSON line per page, no cleaning at all."""
    config = Config()
    with open(out, "wb") as sink:
        for page in iter_pages(paths, config):
            if isinstance(page, Failure):
                continue
            text = decode(page).text
            sink.write((json.dumps({"id": page.uri, "text": text}, ensure_ascii=False) + "\n").encode())


def measure_floor(name: str, paths: list[str], reps: int) -> Figure:
    floor_paths(paths)
    seconds = best_of(reps, lambda: floor_paths(paths), CPU)
    return Figure(name, len(paths), total_bytes(paths), seconds, "read+decode+json.dumps", _rss())


def decoded_texts(paths: list[str]) -> list[str]:
    return [decode(RawPage(p, Path(p).read_bytes())).text for p in paths]


def measure_bs4(name: str, paths: list[str], reps: int) -> Figure:
    """beautifulsoup4 alone: ``BeautifulSoup(text, "lxml")`` then ``decompose()`` on decoded text."""
    from bs4 import BeautifulSoup

    texts = decoded_texts(paths)

    def parse_all() -> None:
        for text in texts:
            BeautifulSoup(text, "lxml").decompose()

    seconds = best_of(reps, parse_all, CPU)
    return Figure(name, len(paths), total_bytes(paths), seconds, "parse+decompose only", _rss())


def articles_of(paths: list[str], config: Config) -> list[Article]:
    cleaner = PageCleaner(config)
    outcomes = (cleaner(page) for page in iter_pages(paths, config))
    return [outcome for outcome in outcomes if isinstance(outcome, Article)]


class _Recording:
    """OpenCC noting every string it converts, so that OpenCC alone converts exactly the same ones."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.seen: list[str] = []

    def convert(self, text: str) -> str:
        self.seen.append(text)
        return str(self.inner.convert(text))


def converted_strings(articles: list[Article]) -> tuple[list[str], int]:
    """The strings cleantext's s2t convert stage hands to OpenCC for ``articles``, call by call,
    and the number of records they come from."""
    from cleantext.convert import Converter

    s2t = Converter("s2t")
    recorder = _Recording(s2t._opencc)  # the bench looks inside: the converter does not expose OpenCC
    s2t._opencc = recorder
    records = 0
    for article in articles:
        before = len(recorder.seen)
        s2t.convert(article)
        records += len(recorder.seen) > before
    return recorder.seen, records


def measure_conversion(paths: list[str], reps: int) -> dict[str, Any]:
    """OpenCC s2t alone on the strings cleantext converts, against cleantext's convert stage.

    cleantext's added time is its convert stage with ``s2t`` minus the same stage without a
    conversion (script detection runs in both), on the same articles. OpenCC alone converts the
    very strings the stage converts, one call each (Simplified records' text, title, site, author,
    and any other record holding Han characters).
    """
    import opencc

    from cleantext.convert import Converter

    articles = articles_of(paths, Config())
    strings, converted = converted_strings(articles)
    raw = opencc.OpenCC("s2t.json")
    plain, s2t = Converter(None), Converter("s2t")
    runs = {
        "raw": lambda: [raw.convert(s) for s in strings],
        "none": lambda: [plain.convert(a) for a in articles],
        "s2t": lambda: [s2t.convert(a) for a in articles],
    }
    best = best_of_each(reps * CONVERSION_REPS_FACTOR, runs, CPU)
    raw_s, none_s, s2t_s = best["raw"], best["none"], best["s2t"]
    chars = sum(len(s) for s in strings)
    nbytes = sum(len(s.encode()) for s in strings)
    return {
        "articles": len(articles),
        "converted_records": converted,
        "chars": chars,
        "opencc": Figure("OpenCC s2t alone (extracted texts)", converted, nbytes, raw_s, f"{len(strings)} calls, {chars} chars"),
        "detect_only_s": none_s,
        "added_s": s2t_s - none_s,
    }


def measure_large(paths: list[str], large: Path, reps: int) -> tuple[Figure, Figure]:
    """``paths`` cleaned one by one (best of ``reps``) against ``large``, the page made of them,
    cleaned once; each starts with no block judged yet."""
    config = Config()
    clean_paths(PageCleaner(config), paths[:1])  # warm-up: lazy imports out of the timing
    cleaners = cold_cleaners(config, reps)
    small_s = best_of(reps, lambda: clean_paths(next(cleaners), paths), CPU)
    outcome: list[str] = []
    cleaner = PageCleaner(config)

    def once() -> None:
        page = next(p for p in iter_pages([str(large)], cleaner.config) if isinstance(p, RawPage))
        outcome.append(type(cleaner(page)).__name__)

    large_s = best_of(1, once, CPU)
    small = Figure(f"its {len(paths)} pages one by one", len(paths), total_bytes(paths), small_s)
    big = Figure(f"large page {large.name}", 1, total_bytes([str(large)]), large_s, outcome[-1], _rss())
    return small, big


def _rss() -> dict[str, Any]:
    return {"peak_rss_mb": round(peak_rss_mb(), 1)}


def measure_lang(name: str, paths: list[str], reps: int) -> tuple[Figure, Figure]:
    """The language tagger alone on the records cleantext writes for ``paths``, beside the whole
    clean of those pages (which includes it): what share of a run language identification costs."""
    from cleantext.convert.lang import LanguageTagger

    SCRATCH.mkdir(exist_ok=True)  # this section may run alone (--only lang)
    whole = measure_clean(name, paths, Config(), reps)
    texts = [article.text for article in articles_of(paths, Config())]
    tagger = LanguageTagger()
    tagger.identify("warm up: the model loads once per process")
    seconds = best_of(reps, lambda: [tagger.identify(text) for text in texts], CPU)
    share = f"{seconds / whole.seconds:.1%} of the clean ({whole.seconds:.2f} s) on {len(texts)} records"
    return whole, Figure(f"{name}: language id alone", len(paths), total_bytes(paths), seconds, share)
