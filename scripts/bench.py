#!/usr/bin/env python3
"""Speed of cleantext on real pages: a benchmark that prints figures, not a test that asserts.

    python scripts/bench.py [--bench DIR] [--quick] [--only NAME[,NAME]] [--peers] [--profile]
                            [--json FILE]

The corpus is ``samples/`` plus the shared bench (``<id>.html`` original bytes, ``<id>.txt`` w3m
dumps; a page is Chinese when its ``<id>.json`` says ``"lang": "zh"``). Sections, by name:

- ``dumps`` (a), ``html`` (b), ``traditional`` (c): cleantext per core (one process): read →
  clean → JSON lines, on all pages and on the Chinese ones; (c) runs in turns with the same pages
  cleaned without conversion, its end-to-end comparison; ``markdown`` (b) likewise, the HTML
  pages with ``--markdown`` in turns with text output;
- ``floor`` (d): read + decode + ``json.dumps``, no cleaning; ``bs4`` (e): ``BeautifulSoup(text,
  "lxml")`` + ``decompose()`` alone; ``opencc`` (f): OpenCC's s2t alone on the extracted texts
  against cleantext's convert stage;
- ``peers`` (g): trafilatura and readability-lxml in ``.bench/peers`` (a separate venv, made by
  ``--peers``; skipped when absent);
- ``jobs`` (h): ``--jobs 2`` against ``--jobs 1`` through ``Pipeline.run`` on the HTML corpus
  repeated to several hundred pages (worker start-up amortised);
- ``scaling`` (i): 1x, 4x, 16x the dumps, each in a fresh process (time and peak RSS per size);
- ``large`` (j): a 5 MB dump and a 5 MB HTML page, each made of distinct real pages (Chinese first),
  against the same pages cleaned one by one;
- ``startup`` (k): ``cleantext run`` on one small page from the shell, and what the imports cost;
- ``ray`` (l): the Ray engine on 2 local CPUs (fewer on a smaller machine) beside the local engine,
  when Ray is installed; ``rayfirst`` (l): with a cluster already running (``ray start --head``),
  the wall seconds from ``cleantext run --engine ray --ray-address …`` starting to its first shard
  on disk, and what joining costs before any cleantext code runs (``import ray``, connecting, a
  bare actor's first reply);
- ``stages`` (m): the time of each stage (read+decode, segment, boilerplate, document+convert,
  write) on the dumps and on the HTML pages: where the time goes, without a profiler's overhead;
- ``curve`` (n): one hard-wrapped dump of 1, 4, 20 and 100 MB (``--quick``: no 100 MB) and one
  HTML page of 1, 4 and 20 MB, each in a fresh process: seconds, s/MB and peak RSS, the curve
  that shows cost and memory growing linearly;
- ``lang`` (o): the language tagger alone on the records written for the dumps and the HTML pages,
  as a share of cleaning those pages (which includes it);
- ``profile``: cProfile over the HTML corpus through ``PageCleaner`` (also ``--profile``).

Every measurement is the best of 3 runs (``--quick``: 1 run on a quarter of the corpus): noise
only adds time. One-core rows are CPU seconds of the measuring process (robust to other tenants'
load); ``jobs``, ``startup`` and ``ray`` are wall seconds. Progress goes to stderr, the table to
stdout; ``--json`` saves the figures.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import platform
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchlib import curve, inproc, procs  # noqa: E402
from benchlib.corpus import SCRATCH, Corpus, build_corpus, large_dump, large_html, page_folder  # noqa: E402
from benchlib.ratios import add_ratios  # noqa: E402
from benchlib.report import Report, print_profile, print_report, profile_call  # noqa: E402
from benchlib.timing import Figure, say  # noqa: E402

from cleantext.config import Config  # noqa: E402
from cleantext.pipeline import PageCleaner  # noqa: E402

FULL_REPS, QUICK_REPS = 3, 1  # runs per measurement; the best is kept
STARTUP_REPS, QUICK_STARTUP_REPS = 5, 2  # shell runs of `cleantext run` for start-up
JOBS_MIN_PAGES, QUICK_JOBS_MIN_PAGES = 600, 200  # pages for --jobs: enough to amortise worker start-up
SCALING_SIZES = (1, 4, 16)  # copies of the dump corpus
RAYFIRST_PAGES = 24  # HTML pages of the run timed to its first record (6 batches: more than the first)
CLOCK_LEGEND = "best s: CPU seconds of one process for (a)-(g), (i), (j), (m), (n); wall seconds for (h), (k), (l)"
STARTUP_DUMP = ROOT / "samples" / "dumps" / "000_547391f3b4e202b1.txt"
STARTUP_HTML = ROOT / "samples" / "html" / "news-gbk.html"


@dataclass
class Run:
    """One benchmark run: what is measured, how often, and what came out."""

    corpus: Corpus
    reps: int
    quick: bool
    peers: bool
    report: Report = field(default_factory=Report)
    facts: dict[str, Any] = field(default_factory=dict)


def sec_dumps(run: Run) -> None:
    run.report.add("a", "dumps", inproc.measure_clean("text dumps", run.corpus.txt, Config(), run.reps))
    run.report.add("a", "dumps-zh", inproc.measure_clean("text dumps, zh", run.corpus.zh_txt, Config(), run.reps))


def sec_html(run: Run) -> None:
    run.report.add("b", "html", inproc.measure_clean("HTML", run.corpus.html, Config(), run.reps))
    run.report.add("b", "html-zh", inproc.measure_clean("HTML, zh", run.corpus.zh_html, Config(), run.reps))


def sec_markdown(run: Run) -> None:
    """(b) again with ``--markdown``, in turns with text output on the same pages."""
    marked, plain = inproc.measure_clean_beside(
        ("HTML --markdown", "HTML, text output"), run.corpus.html, Config(text_format="markdown"), Config(), run.reps
    )
    run.report.add("b", "markdown", marked)
    run.report.add("b", "markdown-plain", plain)


def sec_traditional(run: Run) -> None:
    """(c), each beside the same pages without conversion, in turns (what the end-to-end ratios use)."""
    config = Config(to="traditional")
    for key, names, paths in (
        ("traditional", ("HTML --to traditional", "HTML, no conversion"), run.corpus.html),
        ("traditional-zh", ("HTML, zh --to traditional", "HTML, zh, no conversion"), run.corpus.zh_html),
    ):
        converted, plain = inproc.measure_clean_beside(names, paths, config, Config(), run.reps)
        run.report.add("c", key, converted)
        run.report.add("c", f"{key}-plain", plain)


def sec_floor(run: Run) -> None:
    run.report.add("d", "floor-html", inproc.measure_floor("floor: HTML", run.corpus.html, run.reps))
    run.report.add("d", "floor-txt", inproc.measure_floor("floor: text dumps", run.corpus.txt, run.reps))


def sec_bs4(run: Run) -> None:
    run.report.add("e", "bs4", inproc.measure_bs4("bs4 lxml parse only: HTML", run.corpus.html, run.reps))


def sec_opencc(run: Run) -> None:
    got = inproc.measure_conversion(run.corpus.html, run.reps)
    run.facts["conversion_added_s"] = got["added_s"]
    added = f"cleantext adds {got['added_s']:.3f} s over detection ({got['detect_only_s']:.3f} s)"
    raw: Figure = got["opencc"]
    raw.note = f"{raw.note}; {added}"
    run.report.add("f", "opencc", raw)


def sec_peers(run: Run) -> None:
    python = procs.peers_python(create=run.peers)
    if python is None:
        run.report.notes.append("(g) peers skipped: no .bench/peers venv (give --peers to make one)")
        return
    say("peers: trafilatura and readability-lxml in .bench/peers")
    for name, got in procs.measure_peers(python, run.corpus.html, run.reps).items():
        if "error" in got:
            run.report.notes.append(f"(g) {name} not measured: {got['error']}")
            continue
        note = f"v{got['version']}, {got['failed']} raised"
        run.report.add("g", name, Figure(f"{name} (peers venv)", got["pages"], got["bytes"], got["seconds"], note))


def sec_jobs(run: Run) -> None:
    least = QUICK_JOBS_MIN_PAGES if run.quick else JOBS_MIN_PAGES
    copies = -(-least // max(1, len(run.corpus.html)))
    one, two = procs.measure_jobs(run.corpus.html * copies, run.reps)
    run.report.add("h", "jobs1", one)
    run.report.add("h", "jobs2", two)
    run.report.notes.append(f"(h) {os.cpu_count()} CPUs; HTML corpus x{copies}; worker start-up inside the timing")


def sec_scaling(run: Run) -> None:
    for size, figure in zip(SCALING_SIZES, procs.measure_scaling(run.corpus.txt, SCALING_SIZES), strict=True):
        figure.note = f"RSS after set-up {figure.extra['rss_ready_mb']:.0f} MB"
        run.report.add("i", f"scale-{size}", figure)


def _zh_first(zh: list[str], every: list[str]) -> list[str]:
    return zh + [path for path in every if path not in set(zh)]


def sec_large(run: Run) -> None:
    for kind, paths, make in (
        ("dump", _zh_first(run.corpus.zh_txt, run.corpus.txt), large_dump),
        ("html", _zh_first(run.corpus.zh_html, run.corpus.html), large_html),
    ):
        large, taken = make(paths)
        small, big = inproc.measure_large(taken, large, run.reps)
        run.report.add("j", f"small-{kind}", small)
        run.report.add("j", f"large-{kind}", big)


def sec_startup(run: Run) -> None:
    reps = QUICK_STARTUP_REPS if run.quick else STARTUP_REPS
    # Bytecode as an installed package has it (pip compiles what it installs; an editable install
    # and PYTHONDONTWRITEBYTECODE leave sources to be compiled on every run otherwise).
    compileall.compile_dir(str(ROOT / "cleantext"), quiet=1)
    run.report.add("k", "startup-dump", procs.measure_startup(str(STARTUP_DUMP), reps))
    run.report.add("k", "startup-html", procs.measure_startup(str(STARTUP_HTML), reps))
    costs = procs.import_costs(str(STARTUP_DUMP))
    listed = ", ".join(f"{name} {cum * 1000:.0f} ms" for name, cum in costs)
    run.report.notes.append(f"(k) import cost (-X importtime, cumulative): {listed}")


def sec_ray(run: Run) -> None:
    if importlib.util.find_spec("ray") is None:
        run.report.notes.append("(l) ray skipped: Ray is not installed (the `ray` extra)")
        return
    folder = page_folder(run.corpus.html, "ray-pages")
    cpus = procs.RAY_CLEAN_CPUS
    run.report.add("l", "local2", procs.measure_local_engine(folder, cpus, run.reps))
    say(f"ray: bench_ray on {cpus} local CPUs in a fresh process")
    got = procs.run_child([str(Path(__file__)), "--child", "ray", "--folder", str(folder)])
    note = f"{cpus} actors on {cpus} CPUs; start-up {got['startup_seconds']:.1f} s excluded"
    run.report.add("l", "ray", Figure(f"ray engine, {cpus} CPUs", got["pages"], 0, got["seconds"], note))


def sec_rayfirst(run: Run) -> None:
    if importlib.util.find_spec("ray") is None:
        run.report.notes.append("(l) rayfirst skipped: Ray is not installed (the `ray` extra)")
        return
    folder = page_folder(run.corpus.html[:RAYFIRST_PAGES], "rayfirst-pages")
    cpus = procs.RAY_CLEAN_CPUS
    say(f"rayfirst: ray start --head ({cpus} CPUs), then cleantext run --engine ray joining it")
    with procs.ray_head(cpus) as address:
        times = [procs.ray_first_record(folder, address) for _ in range(run.reps)]
        phases = procs.run_child(
            [str(Path(__file__)), "--child", "rayphases", "--address", address], env=procs.ray_env()
        )
    first, end = min(times)
    load = os.getloadavg()[0]
    note = (
        f"first shard (2 records) after {first:.1f} s, exit {end:.1f} s (all: "
        f"{', '.join(f'{f:.1f}' for f, _ in times)}); before cleantext code: import ray {phases['import_s']:.1f} s "
        f"({phases['import_cpu_s']:.1f} CPU s), connect {phases['connect_s']:.2f} s, a bare actor's first reply "
        f"{phases['bare_actor_s']:.1f} s; load avg {load:.1f}"
    )
    pages = len(run.corpus.html[:RAYFIRST_PAGES])
    run.report.add("l", "rayfirst", Figure("ray: first record, cluster up", pages, 0, first, note))


def sec_stages(run: Run) -> None:
    for key, name, paths in (("dumps", "text dumps", run.corpus.txt), ("html", "HTML", run.corpus.html)):
        for fig in inproc.measure_stages(name, paths, run.reps):
            run.report.add("m", f"stage-{key}-{fig.name.rsplit(': ', 1)[1]}", fig)


def sec_curve(run: Run) -> None:
    dumps, pages = _zh_first(run.corpus.zh_txt, run.corpus.txt), _zh_first(run.corpus.zh_html, run.corpus.html)
    for figure in curve.measure_curve(dumps, pages, run.quick):
        kind = "html-" if figure.name.startswith("HTML") else ""
        run.report.add("n", f"curve-{kind}{figure.name.split()[-2]}mb", figure)


def sec_lang(run: Run) -> None:
    for key, name, paths in (("dumps", "text dumps", run.corpus.txt), ("html", "HTML", run.corpus.html)):
        whole, lang = inproc.measure_lang(name, paths, run.reps)
        run.report.add("o", f"lang-{key}-clean", whole)
        run.report.add("o", f"lang-{key}", lang)


def sec_profile(run: Run) -> None:
    cleaner = PageCleaner(Config())
    inproc.clean_paths(cleaner, run.corpus.html[:1])  # lazy imports out of the profile
    say("profile: cProfile over the HTML corpus through PageCleaner")
    run.report.profile = profile_call(lambda: inproc.clean_paths(cleaner, run.corpus.html))


SECTIONS: dict[str, Callable[[Run], None]] = {
    "dumps": sec_dumps,
    "html": sec_html,
    "markdown": sec_markdown,
    "traditional": sec_traditional,
    "floor": sec_floor,
    "bs4": sec_bs4,
    "opencc": sec_opencc,
    "peers": sec_peers,
    "jobs": sec_jobs,
    "scaling": sec_scaling,
    "large": sec_large,
    "startup": sec_startup,
    "ray": sec_ray,
    "rayfirst": sec_rayfirst,
    "stages": sec_stages,
    "curve": sec_curve,
    "lang": sec_lang,
    "profile": sec_profile,
}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench", help="bench folder")
    parser.add_argument("--quick", action="store_true", help="1 run per measurement, a quarter of the pages")
    parser.add_argument("--only", default="", help=f"comma-separated sections: {', '.join(SECTIONS)}")
    parser.add_argument("--peers", action="store_true", help="make .bench/peers (trafilatura) if needed")
    parser.add_argument("--profile", action="store_true", help="also profile the HTML corpus")
    parser.add_argument("--json", type=Path, help="save every figure to this JSON file")
    parser.add_argument("--child", choices=("scaling", "ray", "rayphases", "curve"), help=argparse.SUPPRESS)
    parser.add_argument("--address", help=argparse.SUPPRESS)
    parser.add_argument("--listing", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def chosen_sections(args: argparse.Namespace) -> list[str]:
    names = [n.strip() for n in args.only.split(",") if n.strip()] or [n for n in SECTIONS if n != "profile"]
    unknown = [n for n in names if n not in SECTIONS]
    if unknown:
        raise SystemExit(f"bench: unknown section(s) {', '.join(unknown)}; known: {', '.join(SECTIONS)}")
    if args.profile and "profile" not in names:
        names.append("profile")
    return names


def child_main(args: argparse.Namespace) -> None:
    if args.child == "scaling":
        print(json.dumps(procs.child_scaling(args.listing, args.repeat)))
    elif args.child == "curve":
        print(json.dumps(curve.child_curve(args.folder)))
    elif args.child == "rayphases":
        print(json.dumps(procs.child_ray_phases(args.address)))
    else:
        print(json.dumps(procs.child_ray(args.folder)))


def main(argv: list[str]) -> None:
    args = parse_args(argv)
    if args.child:
        child_main(args)
        return
    names = chosen_sections(args)
    corpus = build_corpus(args.bench, args.quick)
    SCRATCH.mkdir(exist_ok=True)  # the sections write there (--only markdown in a fresh tree did not)
    run = Run(corpus, QUICK_REPS if args.quick else FULL_REPS, args.quick, args.peers)
    for name in names:
        say(f"section {name}")
        try:
            SECTIONS[name](run)
        except Exception as exc:  # noqa: BLE001 - one broken section must not lose the others' figures
            run.report.notes.append(f"section {name} failed: {type(exc).__name__}: {exc}")
    add_ratios(run.report, run.facts)
    header = (
        f"cleantext bench: {len(corpus.html)} HTML pages ({len(corpus.zh_html)} zh), {len(corpus.txt)} "
        f"dumps ({len(corpus.zh_txt)} zh); best of {run.reps}; {os.cpu_count()} CPUs; "
        f"Python {platform.python_version()}{'; QUICK' if args.quick else ''}"
    )
    print_report(run.report, header + "\n" + CLOCK_LEGEND)
    if run.report.profile:
        print_profile(run.report.profile, f"{len(corpus.html)} HTML pages through PageCleaner")
    if args.json:
        args.json.write_text(json.dumps({"header": header, **run.report.as_dict()}, indent=1) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
