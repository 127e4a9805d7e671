"""``explain`` and ``detect`` take the decisions ``run`` takes (issue 20), through the real entry point.

The property: on every page of ``samples/`` and of the bench, the blocks ``explain`` marks KEEP,
normalised as the document stage does, are exactly the text of the record ``run`` writes, and a
page ``run`` writes no record for has no KEEP block (or no listing at all, when run dropped it
before it had blocks).
"""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import sys
import zlib
from collections import defaultdict
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from cleantext.boilerplate import classify
from cleantext.config import Config
from cleantext.document.normalize import normalize_text
from cleantext.explain import _line, _render, explain_input
from cleantext.model import Block, BlockClass, DropReason, KeepReason, Step, Verdict
from cleantext.runner import run_inputs
from tests.conftest import BENCH, ROOT, SAMPLES, SEED, json_lines, run_cli

RANDOM_BYTES = 5 * 1024 * 1024  # bytes of noise, as in the report
NUL_PAGE_BYTES = 97  # bytes: the small file with NUL bytes that run drops as binary


def _bench_sets() -> list[str]:
    if BENCH.is_dir():
        return sorted(p.name for p in BENCH.iterdir() if p.is_dir())
    if os.environ.get("CI"):
        pytest.fail(f"the bench is missing at {BENCH}: CI must check explain against run on it")
    return []


def _kept_by_explain(paths: list[Path]) -> dict[str, str]:
    """Each explained page's KEEP blocks, normalised as the record's text is."""
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()):
        explain_input([str(p) for p in paths], Config(), json_out=True)
    kept: dict[str, list[str]] = defaultdict(list)
    for line in out.getvalue().splitlines():
        row = json.loads(line)
        kept[row["input"]].extend([row["text"]] if row["keep"] else [])
    return {uri: normalize_text(texts, False) for uri, texts in kept.items()}


def _written_by_run(paths: list[Path], tmp_path: Path) -> dict[str, str]:
    out = tmp_path / "run.jsonl"
    run_inputs([str(p) for p in paths], Config(jobs=1), output=str(out), errors=io.StringIO())
    return {str(r["input"]): str(r["text"]) for r in json_lines(out.read_bytes())}


def _check_agreement(paths: list[Path], tmp_path: Path) -> None:
    assert paths
    explained, written = _kept_by_explain(paths), _written_by_run(paths, tmp_path)
    for uri in sorted(set(explained) | set(written)):
        assert (explained.get(uri) or None) == written.get(uri), uri


def test_explain_keeps_what_run_writes_on_every_sample(tmp_path: Path) -> None:
    _check_agreement(sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".html", ".txt")), tmp_path)


@pytest.mark.parametrize("dataset", _bench_sets() or [pytest.param("", marks=pytest.mark.skip("no bench at ../shared/bench"))])
def test_explain_keeps_what_run_writes_on_every_bench_page(dataset: str, tmp_path: Path) -> None:
    _check_agreement(sorted((BENCH / dataset).glob("*.htm*")) + sorted((BENCH / dataset).glob("*.txt")), tmp_path)


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = (16).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    pixels = zlib.compress(b"".join(b"\x00" + bytes(range(48)) for _ in range(16)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


@pytest.fixture
def not_text(tmp_path: Path) -> dict[str, Path]:
    files = {"executable": tmp_path / "program", "png": tmp_path / "image.png", "random": tmp_path / "noise.txt",
             "nul": tmp_path / "nul.html"}
    shutil.copy(sys.executable, files["executable"])  # a real executable (the copy follows a symlink)
    files["png"].write_bytes(_png())
    files["random"].write_bytes(random.Random(20).randbytes(RANDOM_BYTES))
    files["nul"].write_bytes((b"<p>" + b"text\x00" * NUL_PAGE_BYTES)[:NUL_PAGE_BYTES])
    return files


def test_detect_reports_binary_inputs_as_not_text(not_text: dict[str, Path]) -> None:
    proc = run_cli("detect", *map(str, not_text.values()))
    assert proc.returncode == 0
    assert proc.stdout.decode().splitlines() == [f"{path}\tbinary (not-text)\t-\t-\t-" for path in not_text.values()]
    rows = json_lines(run_cli("detect", "--json", str(not_text["png"])).stdout)
    assert rows[0]["encoding"] == "binary" and rows[0]["method"] == "not-text"


def test_explain_on_binary_inputs_is_one_line_and_exit_1_as_run_drops_them(not_text: dict[str, Path]) -> None:
    for path in not_text.values():
        proc = run_cli("explain", str(path))
        assert proc.returncode == 1 and proc.stdout == b"", path
        [line] = proc.stderr.decode().splitlines()  # one line, however large the input
        assert line.startswith(f"cleantext: {path}: dropped as binary (") and line.endswith("; no blocks to explain")
        run = run_cli("run", str(path))
        assert run.stdout == b"" and b"dropped (binary 1)" in run.stderr


def test_explain_on_several_inputs_explains_each_page(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "seed.txt")
    for sample in sorted(SAMPLES.glob("html/*.html")):
        shutil.copy(sample, tmp_path / sample.name)
    proc = run_cli("explain", str(tmp_path), str(SEED))
    assert proc.returncode == 0
    headers = [line.split(":")[0] for line in proc.stdout.decode().splitlines() if line.startswith("# /")]
    names = [*(str(tmp_path / n) for n in ("library-en.html", "market-big5.html", "news-gbk.html", "seed.txt")), str(SEED)]
    assert headers == [f"# {name}" for name in names]


def test_explain_goes_on_after_a_page_without_blocks_and_exits_1(tmp_path: Path, not_text: dict[str, Path]) -> None:
    proc = run_cli("explain", str(not_text["png"]), str(SEED))
    assert proc.returncode == 1
    assert any("KEEP" in line for line in proc.stdout.decode().splitlines())
    assert len(proc.stderr.decode().splitlines()) == 1


def test_explain_of_a_stream_of_documents_explains_each() -> None:
    stream = b"".join(p.read_bytes() for p in sorted(SAMPLES.glob("html/*.html")))
    proc = run_cli("explain", "-", stdin=stream)
    headers = [line.split(":")[0] for line in proc.stdout.decode().splitlines() if line.startswith("# -")]
    assert headers == ["# -#1", "# -#2", "# -#3"] and proc.returncode == 0


# -- Rendering: the rule that decided on each line, the whole chain in JSON ---------------------------

PARA = "国务院近日召开的做强国内大循环工作推进会提出，结合现阶段我国发展实际，要加快构建新发展格局。"
SMOOTHED = Verdict(
    Block(3, "小标题"), True, KeepReason.CONTEXT, 3.0,
    (Step("short", BlockClass.SHORT, DropReason.SHORT), Step("smooth", BlockClass.GOOD, KeepReason.CONTEXT)),
)


def test_a_line_names_the_rule_and_the_steps_after_it() -> None:
    line = _line(SMOOTHED, color=False)
    assert line.split()[:5] == ["3", "KEEP", "3", "context", "[short"]
    assert "[short > smooth]" in line and line.endswith("小标题")
    plain = _line(Verdict(Block(0, "首页"), False, DropReason.NAV, 1.0, (Step("marker", BlockClass.BAD, DropReason.NAV),)), False)
    assert "nav [marker]" in plain


def test_color_marks_the_line_without_changing_its_words() -> None:
    colored = _line(SMOOTHED, color=True)
    assert "\x1b[" in colored and "[short > smooth]" in colored and "小标题" in colored


def test_json_gives_the_whole_chain_the_ladders_answer_first() -> None:
    blocks = [Block(0, PARA, source="text"), Block(1, "[image] [登录]", source="text"), Block(2, PARA, source="text")]
    out = io.StringIO()
    _render(classify(blocks), None, {"input": "page.txt"}, out, json_out=True, color=False)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows[0]["rule"] == "prose" and rows[0]["chain"] == [{"step": "prose", "class": "good", "reason": "body"}]
    assert [link["step"] for link in rows[1]["chain"]] == [rows[1]["rule"], "smooth", "drop_placeholders"]
    assert rows[1]["chain"][-1] == {"step": "drop_placeholders", "class": "bad", "reason": "empty"}
    assert rows[1]["reason"] == "empty" and rows[1]["keep"] is False


def test_a_step_that_asked_the_ladder_again_names_the_rule_in_json() -> None:
    asked = Step("rejudge_thread", BlockClass.GOOD, KeepReason.BODY, "prose")
    verdict = Verdict(Block(0, PARA), True, KeepReason.BODY, 40.0, (Step("container_hint", BlockClass.BAD, DropReason.COMMENT), asked))
    out = io.StringIO()
    _render([verdict], None, {"input": "page.txt"}, out, json_out=True, color=False)
    assert json.loads(out.getvalue())["chain"][1] == {"step": "rejudge_thread", "class": "good", "reason": "body", "rule": "prose"}


def test_explain_shows_the_comments_kept_with_the_comments_flag() -> None:
    page = ROOT / "tests" / "boilerplate" / "posts" / "news-comments-en.html"
    plain = run_cli("explain", "--no-color", str(page)).stdout.decode()
    wanted = run_cli("explain", "--no-color", "--comments", str(page)).stdout.decode()
    line = next(x for x in wanted.splitlines() if "About time." in x)
    assert "KEEP" in line and "post" in line
    assert "KEEP" not in next(x for x in plain.splitlines() if "About time." in x)
