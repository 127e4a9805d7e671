"""Issue 4.6: each problem is one clear line (which input, what was wrong, what was done); --strict stops."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import json_lines, run_cli
from tests.robustness.pages import article_html


def test_replaced_bytes_warn_by_name_and_count_and_the_record_is_written(tmp_path: Path) -> None:
    page = article_html(1, paragraphs=60).encode()
    bad = tmp_path / "bad.html"
    bad.write_bytes(page.replace("，".encode(), b"\xff", 4))  # four stray bytes in a UTF-8 page
    good = tmp_path / "good.html"
    good.write_text(article_html(2), encoding="utf-8")
    proc = run_cli("run", str(bad), str(good), "--jobs", "1")
    assert proc.returncode == 0
    assert [r["input"] for r in json_lines(proc.stdout)] == [str(bad), str(good)]
    assert proc.stderr.decode().splitlines() == [
        f"cleantext: {bad}: warning: 4 undecodable character(s) replaced with U+FFFD (read as utf-8, by utf-8); "
        "record written",
        "cleantext: 2 read, 2 written, 0 dropped (none), 0 failed, 1 written with warnings",
    ]


def test_strict_stops_at_the_first_failure_with_exit_1(tmp_path: Path) -> None:
    first, last = tmp_path / "a.html", tmp_path / "c.html"
    first.write_text(article_html(1), encoding="utf-8")
    last.write_text(article_html(3), encoding="utf-8")
    missing = tmp_path / "b.html"
    args = [str(first), str(missing), str(last), "--jobs", "1"]
    lenient = run_cli("run", *args)
    strict = run_cli("run", *args, "--strict")
    assert lenient.returncode == 1 and len(json_lines(lenient.stdout)) == 2  # the run goes on
    assert strict.returncode == 1
    assert [r["input"] for r in json_lines(strict.stdout)] == [str(first)]  # stopped before c.html
    assert strict.stderr.decode().splitlines() == [
        f"cleantext: {missing}: missing: no such file or directory",
        "cleantext: 2 read, 1 written, 0 dropped (none), 1 failed",
    ]


def test_strict_with_workers_stops_too(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):
        (folder / f"p{i:02d}.html").write_text(article_html(i), encoding="utf-8")
    (folder / "p05.html.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 6)  # a gzip header, then nothing
    proc = run_cli("run", str(folder), "--jobs", "2", "--strict")
    lines = proc.stderr.decode().splitlines()
    assert proc.returncode == 1
    assert len(lines) == 2 and lines[0].startswith(f"cleantext: {folder / 'p05.html.gz'}: ")
    assert len(json_lines(proc.stdout)) == 6  # p00..p05.html, in order, then the stop
    assert lines[1] == "cleantext: 7 read, 6 written, 0 dropped (none), 1 failed"
