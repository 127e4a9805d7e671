#!/usr/bin/env python3
"""Extraction quality on a bench folder, on both halves of a fixed split by site and on more than one
dump tool: run cleantext over every page, score with the bench's score.py.

    python scripts/eval.py [BENCH_DIR] [--tools html,w3m,lynx,...] [--peers] [--all]
                           [--dataset NAME ...] [--worst N] [--speed]

Inputs scored ("tools"): ``html`` (the page itself), ``w3m`` (the dumps the bench ships), and dumps
of the same HTML made here by ``lynx``, ``inscriptis`` and ``html2text`` (``evallib/dumps.py``;
cached under ``.eval/dumps/``); dumps by ``elinks``, ``links`` and ``htmltext`` (html-text) are
held out: never tuned on, printed in a table of their own. A tool that cannot run here (no lynx, no ``.eval-venv``) is
skipped with a note; ``--all`` makes a missing tool an error instead, and adds the peers.
``--peers`` scores trafilatura and readability-lxml on the HTML (from ``.eval-venv``) as a
reference row.

Every page belongs to the tuning or the checking half of a fixed split by site
(``evallib/split.py``). Printed: macro F1 per dataset and group (zh / en / en-all / other / all)
for each tool and half; the bench-to-check gap; title, date and author accuracy; headline
accuracy per dataset, tool and half (``page_headline``: the truth's title, else a proxy where the
truth has none); the keep-all baseline (the whole dump taken as the article) of each dump tool. Predictions land in
``.eval/<dataset>.<tool>.jsonl``. An evaluation, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from evallib.dumps import DUMP_TOOLS, HOLDOUT_TOOLS, PEERS, DumpMaker  # noqa: E402
from evallib.report import NAME_WIDTH, Rows, accuracy, headline_key, print_f1, print_gap, print_meta, selections  # noqa: E402
from evallib.split import HALVES, half_of, site_key  # noqa: E402

from cleantext.config import Config  # noqa: E402
from cleantext.document.title import split_site  # noqa: E402
from cleantext.model import Article, PageMeta, RawPage  # noqa: E402
from cleantext.pipeline import PageCleaner  # noqa: E402
from cleantext.stages import Admit, Decode, Segment  # noqa: E402

TOOLS = ("html", *DUMP_TOOLS, *HOLDOUT_TOOLS)
ALL_DUMPS = (*DUMP_TOOLS, *HOLDOUT_TOOLS)
EVAL_PYTHON = ROOT / ".eval-venv" / "bin" / "python"


def load_scorer(bench: Path) -> Any:
    spec = importlib.util.spec_from_file_location("bench_score", bench / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score.py in {bench}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pages_of(dataset: Path) -> dict[str, Path]:
    """Each page's HTML path by id (the truth file names the page)."""
    return {p.stem: p.with_suffix(".html") for p in sorted(dataset.glob("*.json"))}


def fold_name(name: object) -> str:
    """An author's name compared without case or spaces (``王建宏 张文攀`` = ``王建宏张文攀``)."""
    return "".join(str(name or "").split()).lower()


def authors_of(dataset: Path) -> dict[str, str]:
    """The true author of each page whose truth names one (score.py does not judge authors)."""
    truths = (json.loads(p.read_text(encoding="utf-8")) for p in sorted(dataset.glob("*.json")))
    return {t["id"]: fold_name(t["author"]) for t in truths if t.get("author")}


HEADLINE_SHARE = 0.5  # an <h1> at least this share of the <title> holding it is the headline, not a logo


def head_headline(meta: PageMeta) -> str | None:
    """The page's headline where its head agrees with itself, else None (not judged): the ``<h1>``
    when ``og:title`` or ``<title>`` holds it and it is at least ``HEADLINE_SHARE`` of that (an
    ``<h1>`` holding the site's logo is a small part of the title), else ``og:title`` when it and a
    ``<title>`` that differs from it are the same once their site names are cut (``split_site``).
    A proxy for the truth's title on datasets whose truth has none."""
    h1 = headline_key(meta.h1)
    for other in (meta.og_title, meta.title):
        key = headline_key(other)
        if h1 and key and h1 in key and len(h1) >= HEADLINE_SHARE * len(key):
            return (meta.h1 or "").strip()
    if meta.og_title and meta.title and headline_key(meta.og_title) != headline_key(meta.title):
        cut = split_site(meta.og_title)[0]
        if headline_key(cut) == headline_key(split_site(meta.title)[0]):
            return cut
    return None


def page_headlines(dataset: Path) -> dict[str, tuple[str, str]]:
    """Each page's headline and where it comes from: ``gold`` (the truth's title) or ``head`` (the
    HTML head's agreement, ``head_headline``); pages with neither are left out."""
    reader = PageCleaner(Config(page_timeout=0), [Admit(Config().max_page_bytes), Decode(), Segment()])
    found = {}
    for truth in sorted(dataset.glob("*.json")):
        gold = json.loads(truth.read_text(encoding="utf-8")).get("title")
        if gold:
            found[truth.stem] = (str(gold), "gold")
            continue
        html = truth.with_suffix(".html")
        if not html.exists():
            continue
        page = reader.trace(RawPage(html.name, html.read_bytes()))[1]
        headline = head_headline(page.meta) if page is not None and page.meta is not None else None
        if headline:
            found[truth.stem] = (headline, "head")
    return found


def halves_of(dataset: Path) -> dict[str, str]:
    halves = {}
    for truth in sorted(dataset.glob("*.json")):
        url = json.loads(truth.read_text(encoding="utf-8")).get("url")
        html = truth.with_suffix(".html")
        halves[truth.stem] = half_of(site_key(truth.stem, url, html.read_bytes() if html.exists() else None))
    return halves


def clean_all(inputs: dict[str, Path], cleaner: PageCleaner, ext: str) -> tuple[dict[str, Any], float]:
    """cleantext's prediction for every input that exists (a missing dump is scored as empty)."""
    preds: dict[str, dict[str, Any]] = {}
    seconds = 0.0
    for page_id, path in inputs.items():
        if not path.exists():
            continue
        start = time.perf_counter()
        outcome = cleaner(RawPage(f"{page_id}.{ext}", path.read_bytes()))
        seconds += time.perf_counter() - start
        if isinstance(outcome, Article):
            preds[page_id] = {
                "id": page_id, "text": outcome.text, "title": outcome.title, "date": outcome.date, "author": outcome.author
            }
        else:
            preds[page_id] = {"id": page_id, "text": "", "title": None, "date": None, "author": None}
    return preds, seconds


def keep_all(inputs: dict[str, Path]) -> dict[str, Any]:
    """The whole dump as the prediction: the floor a dump's cleaner must beat."""
    return {
        i: {"id": i, "text": p.read_text(encoding="utf-8", errors="replace")} for i, p in inputs.items() if p.exists()
    }


def peer_preds(inputs: dict[str, Path]) -> dict[str, Any]:
    preds = {}
    for page_id, path in inputs.items():
        if path.exists():
            preds[page_id] = dict(json.loads(path.read_text(encoding="utf-8")), id=page_id)
    return preds


class Eval:
    """One run over the chosen datasets: scored rows per tool, keep-all rows per dump tool."""

    def __init__(self, bench: Path, datasets: list[Path], worst: int, comments: bool = False) -> None:
        self.scorer = load_scorer(bench)
        self.cleaner = PageCleaner(Config(page_timeout=0, comments=comments))
        self.maker = DumpMaker(ROOT / ".eval", EVAL_PYTHON)
        self.datasets = datasets
        self.worst = worst
        self.halves = {d.name: halves_of(d) for d in datasets}
        self.authors = {d.name: authors_of(d) for d in datasets}
        self.headlines = {d.name: page_headlines(d) for d in datasets}
        self.scored: dict[str, Rows] = {}
        self.baseline: dict[str, Rows] = {}
        self.speed: list[str] = []

    def score(self, dataset: Path, preds: dict[str, Any], tool: str) -> Rows:
        out = ROOT / ".eval" / f"{dataset.name}.{tool}.jsonl"
        out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds.values()), encoding="utf-8")
        rows = self.scorer.score(str(dataset), preds)["pages"]
        halves, authors = self.halves[dataset.name], self.authors[dataset.name]
        headlines = self.headlines[dataset.name]
        for row in rows:
            pred = preds.get(row["id"], {})
            if row["id"] in authors and "author" in pred:  # judged like title and date in score.py
                row["author_ok"] = fold_name(pred["author"]) == authors[row["id"]]
            if row["id"] in headlines and "title" in pred:
                headline, source = headlines[row["id"]]
                row["headline_ok"] = headline_key(pred["title"]) == headline_key(headline)
                row["headline_from"] = source
        return [dict(r, dataset=dataset.name, half=halves[r["id"]]) for r in rows]

    def run_tool(self, tool: str) -> None:
        self.scored[tool], pages_n, seconds = [], 0, 0.0
        if tool in ALL_DUMPS:
            self.baseline[tool] = []
        for dataset in self.datasets:
            pages = pages_of(dataset)
            if tool in PEERS:
                preds = peer_preds({i: self.maker.peer_path(tool, p) for i, p in pages.items()})
                self.scored[tool] += self.score(dataset, preds, tool)
                continue
            inputs = pages if tool == "html" else {i: self.maker.dump_path(tool, p) for i, p in pages.items()}
            preds, spent = clean_all(inputs, self.cleaner, "html" if tool == "html" else "txt")
            pages_n, seconds = pages_n + len(preds), seconds + spent
            rows = self.score(dataset, preds, tool)
            self.scored[tool] += rows
            self.print_worst(rows, tool)
            if tool in ALL_DUMPS:
                self.baseline[tool] += self.score(dataset, keep_all(inputs), f"{tool}-keepall")
        if seconds:
            self.speed.append(f"{tool}: {pages_n} pages in {seconds:.1f} s, {pages_n / seconds:.1f} pages/s")

    def print_worst(self, rows: Rows, tool: str) -> None:
        for row in sorted(rows, key=lambda r: r["f1"])[: self.worst]:
            scores = f"P {row['p']:.3f} R {row['r']:.3f} F1 {row['f1']:.3f}"
            print(f"  [{tool}] {row['dataset']}/{row['id'][:40]:40s} {row['lang']:3s} {row['half']:5s} {scores}")


def print_headlines(scored: dict[str, Rows], datasets: list[str]) -> None:
    """Headline accuracy per dataset and tool, tuning and checking half: the truth's title where
    it has one, else the page head's own agreement (``head_headline``, a proxy: on such pages the
    ``html`` column scores cleantext against the head it reads, and the dump columns say how often
    a dump, which has no head, finds the same headline)."""
    tools = list(scored)
    print("\nheadline accuracy, tune / check half: the title against the truth's title, or where the truth has none")
    print("against the HTML head's headline (<h1> confirmed by og:title/<title>; a proxy); judged pages tune/check")
    print(f"{'dataset / group':{NAME_WIDTH}s} {'judged':>9s}  " + "  ".join(f"{t:>11s}" for t in tools))
    for name, belongs in selections(datasets):
        first = [r for r in scored[tools[0]] if belongs(r) and "headline_ok" in r] if tools else []
        if not first:
            continue
        counts = "/".join(str(sum(1 for r in first if r["half"] == h)) for h in HALVES)
        cells = []
        for tool in tools:
            rows = [r for r in scored[tool] if belongs(r)]
            cells.append(" ".join(f"{_share(accuracy([r for r in rows if r['half'] == h], 'headline_ok')):>5s}" for h in HALVES))
        print(f"{name:{NAME_WIDTH}s} {counts:>9s}  " + "  ".join(f"{c:>11s}" for c in cells))


def _share(value: tuple[float, int] | None) -> str:
    return "    -" if value is None else f"{value[0]:.3f}"


def choose_tools(args: argparse.Namespace, maker: DumpMaker, pages: list[Path]) -> list[str]:
    """The tools that can run, their missing outputs made; a note for each one skipped."""
    wanted = [t for t in args.tools.split(",") if t]
    if args.peers or args.all:
        wanted += [p for p in PEERS if p not in wanted]
    chosen = []
    for tool in wanted:
        if tool not in (*TOOLS, *PEERS):
            raise SystemExit(f"unknown tool {tool!r}: choose among {', '.join((*TOOLS, *PEERS))}")
        why_not = None if tool == "html" else maker.available(tool)
        if why_not:
            if args.all:
                raise SystemExit(f"eval --all: {tool} cannot run: {why_not}")
            print(f"skipped {tool}: {why_not}", file=sys.stderr)
            continue
        if tool not in ("html", "w3m"):
            start = time.perf_counter()
            made, failed = maker.make(tool, pages)
            if made or failed:
                spent = time.perf_counter() - start
                print(f"{tool}: made {made} outputs, {failed} failed ({spent:.0f} s)", file=sys.stderr)
        chosen.append(tool)
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bench", nargs="?", default=str(ROOT.parent / "shared" / "bench"))
    ap.add_argument("--tools", default=",".join(TOOLS), help="comma-separated inputs to score (default: all)")
    ap.add_argument("--peers", action="store_true", help="also score trafilatura and readability-lxml on HTML")
    ap.add_argument("--all", action="store_true", help="every tool and the peers; a tool that cannot run is an error")
    ap.add_argument("--dataset", action="append", help="only these dataset folders")
    ap.add_argument("--worst", type=int, default=0, help="list the N lowest-F1 pages per dataset and tool")
    ap.add_argument("--speed", action="store_true", help="print cleantext's pages/s per tool")
    ap.add_argument("--comments", action="store_true", help="clean with --comments (keep the comments under articles)")
    args = ap.parse_args()
    bench = Path(args.bench)
    datasets = [d for d in sorted(bench.iterdir()) if d.is_dir() and any(d.glob("*.json"))]
    if args.dataset:
        datasets = [d for d in datasets if d.name in args.dataset]
    (ROOT / ".eval").mkdir(exist_ok=True)
    run = Eval(bench, datasets, args.worst, args.comments)
    pages = [p for d in datasets for p in pages_of(d).values()]
    tools = choose_tools(args, run.maker, pages)
    for tool in tools:
        run.run_tool(tool)
    names = [d.name for d in datasets]
    tuned = [t for t in tools if t not in PEERS and t not in HOLDOUT_TOOLS]
    held = [t for t in tools if t in HOLDOUT_TOOLS]
    if tuned:
        print_f1("cleantext", {t: run.scored[t] for t in tuned}, names)
    if held:
        print_f1("cleantext on dumps of tools held out (never tuned on)", {t: run.scored[t] for t in held}, names)
    if tuned:
        print_gap({t: run.scored[t] for t in tuned})
    print_meta({t: run.scored[t] for t in tools}, names)
    print_headlines({t: run.scored[t] for t in tools if t not in PEERS}, names)
    if run.baseline:
        print_f1("keep-all baseline (the whole dump as the article)", run.baseline, names)
    peers = {t: run.scored[t] for t in tools if t in PEERS}
    if peers:
        print_f1("peers on HTML (reference)", {"cleantext": run.scored.get("html", []), **peers}, names)
    if args.speed:
        print("\n" + "\n".join(run.speed))


if __name__ == "__main__":
    main()
