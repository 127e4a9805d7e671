"""Issue 4.3: bounded cost per page: --page-timeout and --max-page-bytes drop a page, named, counted.

The 200 MB single-line inputs are written as a repeated chunk (a fraction of a second) and must be
handled without reading them into memory: the peak RSS of the run is read from ``wait4``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cleantext.config import MAX_PAGE_BYTES
from tests.conftest import ROOT, json_lines, run_cli
from tests.robustness.pages import article_html

HUGE_BYTES = 200 * 1024 * 1024  # bytes: a single line far over the default 64 MiB page limit
CHUNK_BYTES = 1024 * 1024  # bytes written at a time while generating it
BIG_PAGE_PARAGRAPHS = 3000  # paragraphs (~450 KB): takes far longer than 1 ms to clean
RUN_RSS_BYTES = 64 * 1024 * 1024  # bytes: a run's own peak RSS (interpreter, lxml, OpenCC: ~45 MB measured)
# A 200 MB input may cost at most one page's limit on top of that: the JSONL reader must hold up to
# max_page_bytes of a line before it knows the line is too long, and so must the search for the
# documents of an HTML file; a text dump is judged by its size.
RSS_BUDGET_BYTES = RUN_RSS_BYTES + MAX_PAGE_BYTES + 16 * 1024 * 1024


def _huge_line(path: Path, prefix: bytes = b"", suffix: bytes = b"") -> Path:
    chunk = b"<p>" + "很长的一行没有换行。".encode() * (CHUNK_BYTES // 30) + b"</p>"
    with path.open("wb") as fh:
        fh.write(prefix)
        for _ in range(HUGE_BYTES // len(chunk)):
            fh.write(chunk)
        fh.write(suffix)
    return path


# Runs the CLI and records its peak RSS (VmHWM, which starts afresh at exec, unlike ru_maxrss,
# which would count the forking pytest process) in the file named by the first argument.
MEASURED = """
import atexit, runpy, sys
hwm_file = sys.argv.pop(1)
def record():
    status = open("/proc/self/status").read()
    open(hwm_file, "w").write(status.split("VmHWM:")[1].split()[0])
atexit.register(record)
sys.argv[0] = "cleantext"
runpy.run_module("cleantext", run_name="__main__")
"""


def _run_measured(tmp_path: Path, *args: str) -> tuple[int, bytes, bytes, int]:
    """The CLI's exit code, stdout, stderr and peak RSS in bytes."""
    hwm = tmp_path / "hwm"
    proc = subprocess.run(
        [sys.executable, "-c", MEASURED, str(hwm), *args], cwd=ROOT, capture_output=True, timeout=120, check=False
    )
    return proc.returncode, proc.stdout, proc.stderr, int(hwm.read_text()) * 1024


def test_max_page_bytes_drops_the_page_by_name(tmp_path: Path) -> None:
    big, small = tmp_path / "big.html", tmp_path / "small.html"
    big.write_text(article_html(1, paragraphs=100), encoding="utf-8")
    small.write_text(article_html(2, paragraphs=2), encoding="utf-8")
    stats = tmp_path / "stats.json"
    proc = run_cli("run", str(big), str(small), "--max-page-bytes", "2000", "--stats", str(stats))
    size = big.stat().st_size
    assert proc.stderr.decode().splitlines() == [
        f"cleantext: {big}: too-large ({size} bytes > 2000); skipped",
        "cleantext: 2 read, 1 written, 1 dropped (too-large 1), 0 failed",
    ]
    assert json.loads(stats.read_text())["dropped_by_reason"] == {"too-large": 1}
    assert len(json_lines(proc.stdout)) == 1 and proc.returncode == 0


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_page_timeout_drops_slow_pages_also_on_workers(tmp_path: Path, jobs: str) -> None:
    pages = []
    for i in range(3):
        pages.append(tmp_path / f"big{i}.html")
        pages[-1].write_text(article_html(i, paragraphs=BIG_PAGE_PARAGRAPHS), encoding="utf-8")
    proc = run_cli("run", *map(str, pages), "--jobs", jobs, "--page-timeout", "0.001")
    lines = proc.stderr.decode().splitlines()
    assert lines == [f"cleantext: {p}: timeout (over 0.001 s); skipped" for p in pages] + [
        "cleantext: 3 read, 0 written, 3 dropped (timeout 3), 0 failed"
    ]
    assert proc.stdout == b"" and proc.returncode == 0


def test_a_200_mb_single_line_file_is_dropped_in_bounded_memory(tmp_path: Path) -> None:
    # An HTML file may hold several documents (issue 20), so it is searched for their boundaries:
    # read once, never more than one page's limit of it held, and dropped whole when it has none.
    path = _huge_line(tmp_path / "huge.html")
    code, out, err, peak = _run_measured(tmp_path, "run", str(path))
    size = path.stat().st_size
    assert err.decode().splitlines()[0] == f"cleantext: {path}: too-large ({size} bytes > {MAX_PAGE_BYTES}); skipped"
    assert code == 0 and out == b""
    assert peak < RSS_BUDGET_BYTES


def test_a_200_mb_text_dump_is_dropped_without_reading_it(tmp_path: Path) -> None:
    path = _huge_line(tmp_path / "huge.txt")  # a text dump is never split: judged by its size
    code, out, err, peak = _run_measured(tmp_path, "run", str(path))
    size = path.stat().st_size
    assert err.decode().splitlines()[0] == f"cleantext: {path}: too-large ({size} bytes > {MAX_PAGE_BYTES}); skipped"
    assert code == 0 and out == b""
    assert peak < RUN_RSS_BYTES  # never read


def test_a_200_mb_jsonl_line_is_skipped_in_bounded_steps(tmp_path: Path) -> None:
    path = _huge_line(tmp_path / "huge.jsonl", b'{"html": "', b'"}\n' + json.dumps({"html": article_html(1)}).encode() + b"\n")
    code, out, err, peak = _run_measured(tmp_path, "run", str(path), "--jobs", "1")
    lines = err.decode().splitlines()
    assert lines[0].startswith(f"cleantext: {path}#1: too-large (") and lines[0].endswith(f" > {MAX_PAGE_BYTES}); skipped")
    assert [r["input"] for r in json_lines(out)] == [f"{path}#2"]  # the next line is read
    assert code == 0
    assert peak < RSS_BUDGET_BYTES
