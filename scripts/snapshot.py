#!/usr/bin/env python3
"""Record identity: what ``cleantext run`` writes and drops for the whole bench and the samples.

    python scripts/snapshot.py OUT_DIR [--bench DIR]          # take a snapshot with the installed cleantext
    python scripts/snapshot.py --compare A B [--ignore lang]  # say where two snapshots differ

A snapshot runs the real command (``python -m cleantext run``) over every bench page, HTML and
dumps apart, each with and without ``--to traditional``, and over ``samples/``; it keeps the
records (sorted by input) and the run statistics (drops by reason, failures). It goes through the
command line, not through internal functions, so it stays valid while the code behind it changes:
a restructuring must leave every snapshot file identical, and a change of method shows up here
as the records it changed. An evaluation aid, not a test.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = {  # name: (input globs relative to the bench or the repo, extra options)
    "html": (["*/*.html"], []),
    "html-to-traditional": (["*/*.html"], ["--to", "traditional"]),
    "txt": (["*/*.txt"], []),
    "txt-to-traditional": (["*/*.txt"], ["--to", "traditional"]),
    "samples": (["samples/**/*.txt", "samples/**/*.html"], []),
}
STATS_KEYS = ("read", "written", "dropped", "failed", "dropped_by_reason")


def take(out: Path, bench: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, (globs, extra) in RUNS.items():
        base = ROOT if name == "samples" else bench
        inputs = [str(base / g) for g in globs]
        records, stats = out / f"{name}.raw.jsonl", out / f"{name}.stats.json"
        cmd = [sys.executable, "-m", "cleantext", "run", *inputs, "-q", "-o", str(records), "--stats", str(stats), *extra]
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{name}: exit {proc.returncode}\n{proc.stderr}")
        rows = [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines()]
        rows.sort(key=lambda r: (str(r.get("input")), str(r.get("id"))))
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
        records.unlink()
        summary = json.loads(stats.read_text(encoding="utf-8"))
        stats.write_text(json.dumps({k: summary.get(k) for k in STATS_KEYS}, indent=1, sort_keys=True) + "\n")
        print(f"{name}: {summary['read']} read, {summary['written']} written, {summary['dropped']} dropped")


def _rows(path: Path, ignore: set[str]) -> dict[str, dict[str, object]]:
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        rows[f"{row.get('input')}#{row.get('id')}"] = {k: v for k, v in row.items() if k not in ignore}
    return rows


def compare(a: Path, b: Path, ignore: set[str]) -> int:
    differ = 0
    for name in RUNS:
        ra, rb = _rows(a / f"{name}.jsonl", ignore), _rows(b / f"{name}.jsonl", ignore)
        changed = sorted(k for k in ra.keys() & rb.keys() if ra[k] != rb[k])
        only_a, only_b = sorted(ra.keys() - rb.keys()), sorted(rb.keys() - ra.keys())
        sa = json.loads((a / f"{name}.stats.json").read_text())
        sb = json.loads((b / f"{name}.stats.json").read_text())
        same_stats = sa == sb
        print(f"{name}: {len(ra)} vs {len(rb)} records; {len(changed)} changed, {len(only_a)} only in A, "
              f"{len(only_b)} only in B; stats {'identical' if same_stats else 'DIFFER'}")
        for key in (changed + only_a + only_b)[:5]:
            fields = sorted(k for k in set(ra.get(key, {})) | set(rb.get(key, {}))
                            if ra.get(key, {}).get(k) != rb.get(key, {}).get(k))
            print(f"    {key}: {', '.join(fields) or 'present in one only'}")
        if not same_stats:
            print(f"    A: {sa}\n    B: {sb}")
        differ += len(changed) + len(only_a) + len(only_b) + (not same_stats)
    print("identical" if not differ else f"{differ} differences")
    return 1 if differ else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", help="folder for a new snapshot")
    ap.add_argument("--bench", default=str(ROOT.parent / "shared" / "bench"))
    ap.add_argument("--compare", nargs=2, metavar=("A", "B"))
    ap.add_argument("--ignore", default="", help="comma-separated record keys to leave out of --compare")
    args = ap.parse_args()
    if args.compare:
        ignore = {k for k in args.ignore.split(",") if k}
        raise SystemExit(compare(Path(args.compare[0]), Path(args.compare[1]), ignore))
    if not args.out:
        ap.error("give OUT_DIR or --compare A B")
    take(Path(args.out), Path(args.bench))


if __name__ == "__main__":
    main()
