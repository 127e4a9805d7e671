"""The JSON-lines writer with real files: atomic replace, compression, stdout, broken pipes."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
import zstandard

from cleantext.model import Article
from cleantext.write import JsonlWriter


def make_article(number: int = 1, **fields: object) -> Article:
    text = f"第{number}篇正文。\n第二段。"
    base = Article(f"id{number}", text, "标题", None, "中国新闻网", None, None, "zh", 0.99, None, "Hans", "raw.txt", "utf-8")
    return replace(base, **fields)  # type: ignore[arg-type]


def lines(data: bytes) -> list[dict[str, object]]:
    assert data.endswith(b"\n") and b"\r" not in data
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def test_file_gets_one_utf8_json_line_per_article(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    with JsonlWriter(str(target)) as writer:
        writer.write(make_article(1))
        writer.write(make_article(2))
    data = target.read_bytes()
    assert "中国新闻网".encode() in data  # ensure_ascii=False
    assert [r["id"] for r in lines(data)] == ["id1", "id2"]
    assert writer.count == 2
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left


def test_nothing_under_the_final_name_until_closed(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    with JsonlWriter(str(target)) as writer:
        writer.write(make_article())
        assert not target.exists()
        assert len(list(tmp_path.iterdir())) == 1
    assert target.exists()


def test_exception_leaves_the_old_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), JsonlWriter(str(target)) as writer:
        writer.write(make_article())
        raise RuntimeError("boom")
    assert target.read_text() == "old\n"
    assert list(tmp_path.iterdir()) == [target]


def test_existing_target_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    target.chmod(0o640)
    with JsonlWriter(target) as writer:
        writer.write(make_article())
    assert target.stat().st_mode & 0o777 == 0o640


def test_new_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        with JsonlWriter(str(tmp_path / "new.jsonl")) as writer:
            writer.write(make_article())
    finally:
        os.umask(old)
    assert (tmp_path / "new.jsonl").stat().st_mode & 0o777 == 0o640


DECOMPRESS: dict[str, Callable[[bytes], bytes]] = {
    ".gz": gzip.decompress,
    ".bz2": bz2.decompress,
    ".xz": lzma.decompress,
    ".zst": lambda data: zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)).read(),
}


@pytest.mark.parametrize("suffix", sorted(DECOMPRESS))
def test_compression_by_extension(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"out.jsonl{suffix}"
    with JsonlWriter(str(target)) as writer:
        for number in range(50):
            writer.write(make_article(number))
    assert [r["id"] for r in lines(DECOMPRESS[suffix](target.read_bytes()))] == [f"id{n}" for n in range(50)]


def test_gzip_output_is_byte_for_byte_deterministic(tmp_path: Path) -> None:
    outputs = []
    for name in ("a.jsonl.gz", "b.jsonl.GZ"):
        with JsonlWriter(str(tmp_path / name)) as writer:
            writer.write(make_article())
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0][:10] == outputs[1][:10]  # header: no timestamp
    assert gzip.decompress(outputs[0]) == gzip.decompress(outputs[1])


def test_stdout_by_none_or_dash(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    for path in (None, "-"):
        with JsonlWriter(path, schema="datatrove", fields=("id", "text", "title")) as writer:
            writer.write(make_article())
    out = capsysbinary.readouterr().out
    assert lines(out) == [{"text": "第1篇正文。\n第二段。", "id": "id1", "metadata": {"title": "标题"}}] * 2


def test_lone_surrogate_is_escaped_not_fatal(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    with JsonlWriter(str(target)) as writer:
        writer.write(make_article(text="坏\udcff字"))
    assert lines(target.read_bytes())[0]["text"] == "坏\udcff字"


class _ClosedPipe(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_broken_pipe_propagates(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BufferedWriter(_ClosedPipe(), buffer_size=16))
    monkeypatch.setattr(sys, "stdout", fake)
    with pytest.raises(BrokenPipeError), JsonlWriter(None) as writer:
        for number in range(10):
            writer.write(make_article(number))


def test_real_closed_pipe_raises_broken_pipe() -> None:
    code = (
        "import sys\n"
        "from cleantext.model import Article\n"
        "from cleantext.write import JsonlWriter\n"
        "art = Article('i', '正文' * 500, None, None, None, None, None, None, None, None, None, 'x', None)\n"
        "try:\n"
        "    with JsonlWriter(None) as w:\n"
        "        for _ in range(10000):\n"
        "            w.write(art)\n"
        "except BrokenPipeError:\n"
        "    sys.stderr.write('broken pipe seen\\n')\n"
        "    sys.stderr.flush()\n"
        "    import os; os.dup2(os.open(os.devnull, os.O_WRONLY), 1)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert json.loads(first)["id"] == "i"
    assert "broken pipe seen" in err, err
