"""Golden samples: every input under samples/ beside its ``.expected.jsonl`` gives exactly those records.

The expected files are labelled data, checked by hand when written; they are never regenerated
to make a test pass. A known failure is listed in KNOWN_FAILURES with the reason.
"""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
from pathlib import Path

import pytest

from cleantext.config import Config
from cleantext.runner import run_inputs
from tests.conftest import ROOT, SAMPLES, SEED, json_lines, run_cli

KNOWN_FAILURES: dict[str, str] = {}

CASES = sorted(p for p in SAMPLES.rglob("*.expected.jsonl"))


def _input_of(expected: Path) -> Path:
    stem = expected.name.removesuffix(".expected.jsonl")
    return expected.with_name(stem)


def _run(path: str, tmp_path: Path, config: Config | None = None) -> list[dict[str, object]]:
    out = tmp_path / "out.jsonl"
    errors = tmp_path / "err.txt"
    with errors.open("w") as err:
        run_inputs([path], config or Config(jobs=1), output=str(out), errors=err)
    return json_lines(out.read_bytes())


@pytest.mark.parametrize("expected", CASES, ids=lambda p: str(p.relative_to(SAMPLES)))
def test_sample_gives_expected_records(expected: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rel = str(_input_of(expected).relative_to(ROOT))
    if rel in KNOWN_FAILURES:
        pytest.xfail(KNOWN_FAILURES[rel])
    monkeypatch.chdir(ROOT)
    want = [json.loads(line) for line in expected.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert _run(rel, tmp_path) == want


def _seed_record() -> dict[str, object]:
    path = SEED.with_name(SEED.name + ".expected.jsonl")
    return json.loads(path.read_text(encoding="utf-8").splitlines()[0])


def _same_but_input(record: dict[str, object], want: dict[str, object]) -> None:
    strip = ("input", "encoding")
    assert {k: v for k, v in record.items() if k not in strip} == {k: v for k, v in want.items() if k not in strip}


def test_seed_record_is_the_article() -> None:
    """The seed's expected record says what the issue says, independently of the tool."""
    rec = _seed_record()
    assert rec["title"] == "在沪直销企业和电商平台企业签署备忘录 打造规范、活力的上海电商生态"
    assert rec["date"] == "2025-07-03T09:55:12"
    assert rec["site"] == "中国新闻网"
    paragraphs = str(rec["text"]).split("\n")
    assert len(paragraphs) == 6
    assert paragraphs[0].startswith("以“共建互联") and paragraphs[-1].endswith("实现经营业务的焕新发展。")
    for junk in ("标签", "上一篇", "下一篇", "最新", "阿水", "供图"):
        assert junk not in rec["text"]


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("gb18030", lambda text: text.encode("gb18030")),
        ("utf-16", lambda text: text.encode("utf-16")),  # with BOM
        ("gzip", lambda text: gzip.compress(text.encode("utf-8"))),
        ("bz2", lambda text: bz2.compress(text.encode("utf-8"))),
        ("xz", lambda text: lzma.compress(text.encode("utf-8"))),
    ],
)
def test_seed_in_other_encodings_and_containers(name: str, encode: object, tmp_path: Path) -> None:
    page = tmp_path / f"seed.{name}"
    page.write_bytes(encode(SEED.read_text(encoding="utf-8")))  # type: ignore[operator]
    records = _run(str(page), tmp_path)
    assert len(records) == 1
    _same_but_input(records[0], _seed_record())


def test_seed_through_stdin() -> None:
    proc = run_cli("run", "-", stdin=SEED.read_bytes())
    assert proc.returncode == 0, proc.stderr
    [record] = json_lines(proc.stdout)
    assert record["input"] == "-"
    _same_but_input(record, _seed_record())


def test_seed_round_trip_through_traditional(tmp_path: Path) -> None:
    """Converted to Traditional with OpenCC, the page comes back to the same text with --to simplified."""
    import opencc

    traditional = opencc.OpenCC("s2t.json").convert(SEED.read_text(encoding="utf-8"))
    page = tmp_path / "seed-hant.txt"
    page.write_text(traditional, encoding="utf-8")
    [hant] = _run(str(page), tmp_path)
    assert hant["script"] == "Hant"
    [back] = _run(str(page), tmp_path, Config(jobs=1, to="simplified"))
    want = _seed_record()
    assert back["script"] == "Hans"
    assert back["text"] == want["text"]
    assert back["title"] == want["title"]
    assert back["site"] == want["site"]
