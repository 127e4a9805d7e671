#!/usr/bin/env python3
"""Memory of a run over very many small files: is the list of inputs ever held whole?

    python scripts/manyfiles.py [--files 1000000] [--per-folder 1000] [--pages-every 1000] [--jobs 1]
                                [--folder DIR] [--keep]

Generates ``--files`` tiny files in a temporary folder (``--per-folder`` per sub-folder): empty
files, which the run reads and counts as dropped (empty) without cleaning, and every
``--pages-every``-th one a small real page that is cleaned and written; then runs
``cleantext run FOLDER -o OUT/`` (shards and manifest) in a fresh process and prints its wall time
and peak RSS (``ru_maxrss`` of the child), beside the same run over 1 % of the files, so that the
difference is what a million inputs cost. The folder is removed afterwards unless ``--keep``;
``--folder`` reuses one made before.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = (
    "<html><head><title>标题{n}</title></head><body><h1>标题{n}</h1>"
    + "<p>这是一段足够长的正文内容，它有逗号，也有句号。第二句话继续说明事情的经过，读起来像新闻。{n}</p>" * 5
    + "</body></html>"
)


def make_files(folder: Path, files: int, per_folder: int, pages_every: int) -> None:
    for number in range(files):
        sub = folder / f"f{number // per_folder:05d}"
        if number % per_folder == 0:
            sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"{number:07d}.html"
        with open(path, "w", encoding="utf-8") as stream:
            if number % pages_every == 0:
                stream.write(PAGE.format(n=number))


def run(folder: Path, out: Path, jobs: int) -> tuple[float, int, dict[str, object]]:
    """Wall seconds, the child's peak RSS in KiB, and the manifest's counts."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "cleantext", "run", str(folder), "-o", f"{out}/", "--force", "-q", "--jobs", str(jobs)],
        cwd=ROOT, check=True, stderr=subprocess.DEVNULL,
    )
    seconds = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    counts = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["counts"]
    return seconds, max(peak, before), counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1_000_000)
    parser.add_argument("--per-folder", type=int, default=1000)
    parser.add_argument("--pages-every", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--folder", type=Path, help="reuse files made before (by --keep)")
    parser.add_argument("--keep", action="store_true", help="keep the generated folder")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="cleantext-manyfiles-"))
    try:
        small, large = base / "small", args.folder or base / "large"
        started = time.monotonic()
        make_files(small, max(1, args.files // 100), args.per_folder, args.pages_every)
        if args.folder is None:
            make_files(large, args.files, args.per_folder, args.pages_every)
        print(f"made {args.files:,} files in {time.monotonic() - started:.0f} s under {base}")
        # the small run first: ru_maxrss of children is a maximum over all of them so far
        for name, folder in (("1 %", small), ("all", large)):
            seconds, peak_kib, counts = run(folder, base / f"out-{folder.name}", args.jobs)
            print(f"{name:>4}: {counts['read']:>9,} read in {seconds:7.1f} s, peak RSS {peak_kib / 1024:6.1f} MiB; {counts}")
    finally:
        if args.keep:
            print(f"kept {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    os.nice(5)
    main()
