"""Issue 4.1: every input is counted once: read = written + dropped + failed, containers item by item."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tests.conftest import json_lines, run_cli
from tests.robustness.pages import PARAGRAPH, article_dump, article_html, jsonl, warc

CUT_LINES = 6  # records in the truncated .jsonl.gz; the cut lands in the middle of them


def _containers(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.html").write_text(article_html(1), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "items.jsonl").write_bytes(
        jsonl([{"id": "j1", "text": article_dump(2)}, "{not json", {"id": "j3", "html": article_html(3)}])
    )
    (folder / "crawl.warc").write_bytes(warc([
        ("http://example.com/a.html", "text/html; charset=GBK", article_html(4).encode("gbk")),
        ("http://example.com/a.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(256))),
    ]))
    records = jsonl([{"id": f"c{i}", "text": article_dump(10 + i)} for i in range(CUT_LINES)])
    packed = gzip.compress(records)
    (folder / "cut.jsonl.gz").write_bytes(packed[: len(packed) * 2 // 3])


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_every_container_item_is_written_dropped_or_failed_once(tmp_path: Path, jobs: str) -> None:
    folder, stats_file = tmp_path / "in", tmp_path / "stats.json"
    _containers(folder)
    proc = run_cli("run", str(folder), "--jobs", jobs, "--stats", str(stats_file))
    stats = json.loads(stats_file.read_text())
    records = json_lines(proc.stdout)
    errors = proc.stderr.decode().splitlines()
    by_input = sorted(str(r["input"]).removeprefix(str(folder) + "/") for r in records)
    cut_written = [name for name in by_input if name.startswith("cut.jsonl.gz#")]

    assert stats["read"] == stats["written"] + stats["dropped"] + stats["failed"]
    assert stats["written"] == len(records)
    assert 1 <= len(cut_written) < CUT_LINES  # the records before the break, then one failure
    assert by_input == sorted(["crawl.warc#1", "good.html", "items.jsonl#1", "items.jsonl#3", *cut_written])
    assert stats["dropped_by_reason"] == {"empty": 1, "unsupported-type": 1}  # empty.txt, the PNG record
    assert stats["dropped_by_filter"] == {"read": 2}
    assert stats["failed"] == 2  # the bad JSON line, the truncated stream
    assert stats["read"] == len(records) + 2 + 2  # written + dropped + failed, item by item
    assert [e for e in errors if "items.jsonl#2" in e] == [f"cleantext: {folder}/items.jsonl#2: line 2: not JSON (Expecting property name enclosed in double quotes at column 2)"]
    [cut_error] = [e for e in errors if "cut.jsonl.gz" in e]
    assert "truncated gzip stream" in cut_error and f"lines 1-{len(cut_written)}" in cut_error
    assert errors[-1] == (
        f"cleantext: {stats['read']} read, {stats['written']} written, 2 dropped (empty 1, unsupported-type 1), 2 failed"
    )
    assert proc.returncode == 1
    assert b"Traceback" not in proc.stderr


def test_summary_line_ends_every_run_even_an_empty_one(tmp_path: Path) -> None:
    proc = run_cli("run", "-", stdin=b"")
    assert proc.returncode == 0
    assert proc.stderr.decode().splitlines() == ["cleantext: 1 read, 0 written, 1 dropped (empty 1), 0 failed"]


def test_stats_counts_drops_per_filter_and_reason(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_text(article_html(1), encoding="utf-8")
    (folder / "b.html").write_text(article_html(1), encoding="utf-8")  # an exact duplicate of a.html
    (folder / "short.txt").write_text(PARAGRAPH, encoding="utf-8")
    (folder / "menu.html").write_text("<ul><li><a href='/'>首页</a></li></ul>", encoding="utf-8")
    stats_file = tmp_path / "stats.json"
    proc = run_cli("run", str(folder), "--jobs", "1", "--dedup", "exact", "--min-chars", "100", "--stats", str(stats_file))
    stats = json.loads(stats_file.read_text())
    assert proc.returncode == 0
    assert stats["dropped_by_reason"] == {"exact-duplicate": 1, "no-content": 1, "too-short": 1}
    assert sum(stats["dropped_by_filter"].values()) == stats["dropped"] == 3
    assert stats["written"] == 1 and stats["read"] == 4
