"""Issue 4.2: bad input never crashes a run: a correct record, a counted drop, or one line naming the input.

Each input goes through the real reader and pipeline (``run_inputs`` on a real file); the CLI test
at the end runs them all in one folder through ``python -m cleantext`` for the exit codes.
"""

from __future__ import annotations

import io
import os
import threading
import time
import zlib
from pathlib import Path

import pytest

from cleantext.config import Config
from cleantext.runner import RunResult, run_inputs
from tests.conftest import json_lines, run_cli
from tests.robustness.pages import PARAGRAPH, RUSSIAN, article_html, noise, truncated

HTML_BYTES = article_html(1).encode("utf-8")
LONG_PAGE = 60  # paragraphs (~9 KB): decode accepts one bad sequence per 1000 bytes as UTF-8 with replacements
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 99 /Filter /FlateDecode >>\nstream\n" + zlib.compress(
    b"BT /F1 12 Tf 72 712 Td (Hello) Tj ET" * 50
) + b"\nendstream\nendobj\n"
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00" + bytes(range(256)) * 4


def _with_nuls(data: bytes) -> bytes:
    return data.replace("，".encode(), b"\x00", 5)


def _with_surrogate(data: bytes) -> bytes:
    return data.replace("，".encode(), b"\xed\xa0\x80", 1)  # a UTF-16 surrogate encoded as UTF-8


# name → (bytes, expected outcome: "written", "failed" or the drop reason)
CASES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty"),
    "image.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary"),
    "paper.pdf": (PDF, "binary"),
    "program": (ELF, "binary"),
    "cp1251.html": (article_html(2, RUSSIAN, title="Новости").encode("cp1251"), "written"),
    "lying-utf8.html": (article_html(3, head='<meta charset="utf-8">').encode("gbk"), "written"),
    "lying-gb2312.html": (article_html(4, head='<meta charset="gb2312">').encode("utf-8"), "written"),
    "nul.html": (_with_nuls(article_html(5).encode()), "written"),
    "surrogate.html": (_with_surrogate(article_html(6, paragraphs=LONG_PAGE).encode()), "written"),
    "cut.html.gz": (truncated(HTML_BYTES, "gz"), "failed"),
    "cut.html.xz": (truncated(HTML_BYTES, "xz"), "failed"),
    "cut.html.zst": (truncated(HTML_BYTES, "zst"), "failed"),
}


def _run(*paths: Path, config: Config | None = None) -> tuple[list[dict[str, object]], list[str], RunResult]:
    out, errors = paths[0].parent / "out.jsonl", io.StringIO()
    result = run_inputs([str(p) for p in paths], config or Config(jobs=1), output=str(out), errors=errors)
    lines = errors.getvalue().splitlines()
    assert lines[-1].startswith("cleantext: ") and " read, " in lines[-1]  # the summary, always last
    return json_lines(out.read_bytes()), lines[:-1], result


def _outcome(records: list[dict[str, object]], result: RunResult) -> str:
    if records:
        return "written"
    if result.stats.failed:
        return "failed"
    [reason] = result.stats.dropped
    return reason


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gives_a_record_a_drop_or_one_line(tmp_path: Path, name: str) -> None:
    data, expected = CASES[name]
    path = tmp_path / name
    path.write_bytes(data)
    records, errors, result = _run(path)
    assert _outcome(records, result) == expected
    assert result.stats.read == 1
    if expected == "failed":
        assert len(errors) == 1 and errors[0].startswith(f"cleantext: {path}: truncated ")
        assert result.exit_code == 1
    else:
        assert all(str(path) in line for line in errors)
        assert result.exit_code == 0


def test_texts_in_odd_encodings_come_out_right(tmp_path: Path) -> None:
    for name in ("cp1251.html", "lying-utf8.html", "lying-gb2312.html", "nul.html"):
        (tmp_path / name).write_bytes(CASES[name][0])
    records, errors, _ = _run(*(tmp_path / n for n in ("cp1251.html", "lying-utf8.html", "lying-gb2312.html", "nul.html")))
    cp1251, lying_utf8, lying_gb2312, nul = records
    assert RUSSIAN in str(cp1251["text"]) and cp1251["encoding"] == "cp1251"
    assert PARAGRAPH in str(lying_utf8["text"]) and lying_utf8["encoding"] == "gb18030"
    assert PARAGRAPH in str(lying_gb2312["text"]) and lying_gb2312["encoding"] == "utf-8"
    assert "\x00" not in str(nul["text"]) and PARAGRAPH in str(nul["text"])
    assert errors == []


def test_replaced_bytes_are_written_with_a_one_line_warning(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.html"
    path.write_bytes(CASES["surrogate.html"][0])
    [record], errors, result = _run(path)
    assert record["encoding"] == "utf-8" and "\ufffd" in str(record["text"]) and PARAGRAPH in str(record["text"])
    assert errors == [
        f"cleantext: {path}: warning: 3 undecodable character(s) replaced with U+FFFD (read as utf-8, by utf-8); "
        "record written"
    ]
    assert result.stats.warned == 1 and result.exit_code == 0


def test_nul_bytes_leave_no_replacement_character(tmp_path: Path) -> None:
    path = tmp_path / "nul.html"
    path.write_bytes(CASES["nul.html"][0])
    [record], _, _ = _run(path)
    assert "\ufffd" not in str(record["text"])


def test_mixed_utf8_and_gbk_page_keeps_one_half_readable(tmp_path: Path) -> None:
    page = article_html(7)
    middle = len(page) // 2
    path = tmp_path / "mixed.html"
    path.write_bytes(page[:middle].encode("utf-8") + page[middle:].encode("gbk"))
    records, _, result = _run(path)
    assert result.stats.failed == 0
    assert records and PARAGRAPH in str(records[0]["text"])


def test_small_utf8_page_with_one_bad_sequence_stays_utf8(tmp_path: Path) -> None:
    path = tmp_path / "small.html"
    path.write_bytes(_with_surrogate(article_html(8).encode()))
    records, _, _ = _run(path)
    assert records and records[0]["encoding"] == "utf-8"


def test_mixed_utf8_and_gbk_page_never_fails(tmp_path: Path) -> None:
    page = article_html(7)
    middle = len(page) // 2
    path = tmp_path / "mixed.html"
    path.write_bytes(page[:middle].encode("utf-8") + page[middle:].encode("gbk"))
    _, errors, result = _run(path)
    assert result.stats.failed == 0 and result.stats.read == 1
    [warning] = errors  # the GBK half is replaced, and said so, naming the input
    assert "mixed.html" in warning and "replaced" in warning


def test_random_high_bytes_are_dropped_as_binary_not_written_as_mojibake(tmp_path: Path) -> None:
    paths = []
    for seed in range(4):  # chardet names iso8859-5 or koi8-u for these, at confidence 0.03-0.05
        paths.append(tmp_path / f"noise{seed}.txt")
        paths[-1].write_bytes(noise(4000, seed=seed))
    records, _, result = _run(*paths)
    assert records == [] and result.stats.failed == 0 and result.stats.dropped == {"binary": 4}


def test_random_bytes_never_fail(tmp_path: Path) -> None:
    paths = []
    for seed in range(6):
        paths.append(tmp_path / f"noise{seed}.txt")
        paths[-1].write_bytes(noise(4000, seed, low=0 if seed % 2 else 0x80))
    _, errors, result = _run(*paths)
    assert result.stats.read == 6 and result.stats.failed == 0 and errors == []


def test_deep_nesting_gives_a_record(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_bytes(b"<div>" * 5_000 + f"<p>{PARAGRAPH}</p>".encode())
    [record], errors, _ = _run(path)
    assert record["text"] == PARAGRAPH and errors == []


def test_a_million_nested_tags_end_as_one_line_not_a_crash_or_hang(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_bytes(b"<div>" * 10**6 + f"<p>{PARAGRAPH}</p>".encode())
    start = time.monotonic()
    proc = run_cli("run", str(path), "--page-timeout", "1", timeout=60)
    assert time.monotonic() - start < 30
    assert b"Traceback" not in proc.stderr and b"RecursionError" not in proc.stderr
    lines = proc.stderr.decode().splitlines()
    if proc.stdout:  # cleaned within the limit
        assert json_lines(proc.stdout)[0]["text"] == PARAGRAPH
    else:
        assert lines[0] == f"cleantext: {path}: timeout (over 1 s); skipped"
    assert proc.returncode == 0


def test_unreadable_missing_and_looping_paths_are_one_line_each(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "page.html").write_bytes(HTML_BYTES)
    (folder / "sub" / "back").symlink_to(folder)  # a loop through the folder itself
    (folder / "self").symlink_to(folder / "self")  # a link to itself: ELOOP
    missing = tmp_path / "missing.html"
    records, errors, result = _run(folder, missing)
    assert [r["input"] for r in records] == [str(folder / "sub" / "page.html")]  # read once, loop ended
    assert errors == [
        f"cleantext: {folder / 'self'}: symlink loop: too many levels of symbolic links",
        f"cleantext: {missing}: missing: no such file or directory",
    ]
    assert result.exit_code == 1


def test_unreadable_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "secret.html"
    path.write_bytes(HTML_BYTES)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop reading")
        good = tmp_path / "good.html"
        good.write_bytes(HTML_BYTES)
        records, errors, result = _run(path, good)
        assert errors == [f"cleantext: {path}: permission denied"]
        assert len(records) == 1 and result.exit_code == 1
    finally:
        path.chmod(0o644)


def _feed_fifo(path: Path, data: bytes) -> threading.Thread:
    """A writer that sends ``data`` into the FIFO and closes it (early, for a cut stream)."""
    def feed() -> None:
        fd = os.open(path, os.O_WRONLY)  # blocks until the run opens the FIFO
        try:
            os.write(fd, data)
        finally:
            os.close(fd)

    thread = threading.Thread(target=feed, daemon=True)
    thread.start()
    return thread


def test_fifos_that_close_early(tmp_path: Path) -> None:
    cut_gz, half_page, listed = tmp_path / "cut.html.gz", tmp_path / "half.html", tmp_path / "folder"
    listed.mkdir()
    for fifo in (cut_gz, half_page, listed / "pipe.html"):
        os.mkfifo(fifo)
    feeders = [_feed_fifo(cut_gz, truncated(HTML_BYTES, "gz")), _feed_fifo(half_page, HTML_BYTES[: len(HTML_BYTES) // 2])]
    records, errors, result = _run(cut_gz, half_page, listed)
    for feeder in feeders:
        feeder.join(timeout=10)
    assert [r["input"] for r in records] == [str(half_page)]  # what came through a plain pipe is a page
    assert errors[0].startswith(f"cleantext: {cut_gz}: truncated gzip stream after ")
    assert errors[1].startswith(f"cleantext: {half_page}: warning: 1 undecodable character(s)")  # cut mid-character
    assert errors[2] == f"cleantext: {listed / 'pipe.html'}: not a regular file (fifo); skipped"  # never opened: no hang
    assert len(errors) == 3 and result.exit_code == 1


def test_cli_over_a_folder_of_bad_inputs_exit_codes(tmp_path: Path) -> None:
    bad, fine = tmp_path / "bad", tmp_path / "fine"
    bad.mkdir()
    fine.mkdir()
    for name, (data, expected) in CASES.items():
        (bad / name).write_bytes(data)
        if expected != "failed":
            (fine / name).write_bytes(data)
    proc = run_cli("run", str(bad), "--jobs", "2")
    failed = sorted(line for line in proc.stderr.decode().splitlines() if ": truncated " in line)
    assert [line.split(": ")[1] for line in failed] == [str(bad / n) for n in ("cut.html.gz", "cut.html.xz", "cut.html.zst")]
    assert b"Traceback" not in proc.stderr
    assert proc.returncode == 1
    ok = run_cli("run", str(fine), "--jobs", "1")
    assert ok.returncode == 0 and len(json_lines(ok.stdout)) == 5
    assert run_cli("run", str(fine), "--page-timeout", "soon").returncode == 2
