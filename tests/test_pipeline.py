"""The pipeline end to end: accounting, order, determinism, --jobs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from cleantext.config import Config
from cleantext.model import Article, Drop, Failure, RawPage
from cleantext.pipeline import Pipeline, clean
from cleantext.runner import run_inputs
from tests.conftest import SAMPLES, SEED, json_lines

PARAGRAPH = "这是一段足够长的正文内容，它有逗号，也有句号。第二句话继续说明事情的经过，读起来像新闻。"


def _html(i: int) -> str:
    return f"<html><body><h1>标题{i}</h1><p>{PARAGRAPH}{i}</p><p>{PARAGRAPH}</p></body></html>"


def _mixed_folder(root: Path) -> None:
    (root / "good.html").write_text(_html(1), encoding="utf-8")
    (root / "seed.txt").write_bytes(SEED.read_bytes())
    (root / "empty.txt").write_bytes(b"")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (root / "menu.html").write_text("<ul><li><a href='/'>首页</a></li><li><a>新闻</a></li></ul>", encoding="utf-8")
    (root / "truncated.html.gz").write_bytes(gzip.compress(_html(2).encode())[:-12])
    items = [json.dumps({"id": "j1", "text": PARAGRAPH}), "not json", json.dumps({"id": "j3", "html": _html(3)})]
    (root / "items.jsonl").write_text("\n".join(items) + "\n", encoding="utf-8")


def test_accounting_adds_up_on_a_mixed_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _mixed_folder(folder)
    out, stats_file, err = tmp_path / "out.jsonl", tmp_path / "stats.json", tmp_path / "err.txt"
    with err.open("w") as errors:
        result = run_inputs([str(folder), str(tmp_path / "missing.txt")], Config(jobs=1), output=str(out),
                            stats_path=str(stats_file), errors=errors)
    stats = json.loads(stats_file.read_text())
    assert stats["read"] == stats["written"] + stats["dropped"] + stats["failed"]
    assert stats["written"] == len(json_lines(out.read_bytes())) == 4  # good, seed, j1, j3
    assert stats["failed"] == 3  # truncated gzip, bad JSON line, missing path
    assert stats["dropped_by_reason"] == {"binary": 1, "empty": 1, "no-content": 1}
    assert result.exit_code == 1
    messages = err.read_text().splitlines()
    assert sum("missing.txt" in m for m in messages) == 1
    assert sum("truncated.html.gz" in m for m in messages) == 1
    assert messages[-1].startswith("cleantext: 10 read, 4 written")


def test_jobs_output_is_identical_to_one_job(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(30):
        (folder / f"p{i:02d}.html").write_text(_html(i), encoding="utf-8")
    outputs = []
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}.jsonl"
        with (tmp_path / "err.txt").open("w") as errors:
            run_inputs([str(folder)], Config(jobs=jobs), output=str(out), errors=errors)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert len(json_lines(outputs[0])) == 30


def test_outcomes_come_in_input_order_and_failures_pass_through() -> None:
    pages = [RawPage(f"p{i}", _html(i).encode()) for i in range(5)]
    stream = [pages[0], Failure("bad", "unreadable"), *pages[1:]]
    outcomes = list(Pipeline(Config()).run(stream))
    assert [getattr(o, "input", getattr(o, "uri", None)) for o in outcomes] == ["p0", "bad", "p1", "p2", "p3", "p4"]


def test_clean_api_returns_article_or_none() -> None:
    article = clean(_html(7))
    assert isinstance(article, Article)
    assert article.title == "标题7"
    assert clean("<ul><li><a>首页</a></li></ul>") is None


def test_same_page_same_id_and_record() -> None:
    first = Pipeline().clean(RawPage("a.html", _html(1).encode()))
    second = Pipeline().clean(RawPage("b/other.html", _html(1).encode("utf-16")))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == second.id
    assert first.text == second.text


def test_oversized_page_is_dropped_as_too_large() -> None:
    drop = Pipeline(Config(max_page_bytes=10)).clean(RawPage("big.html", b"x" * 100))
    assert isinstance(drop, Drop) and drop.reason.value == "too-large"


def test_ctrl_c_between_count_and_write_keeps_the_summary_true(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline counts a record before the runner writes it: an interruption in between must
    not report a record the output does not hold, and the accounting must still add up."""
    from cleantext.write import JsonlWriter

    for i in range(4):
        (tmp_path / f"p{i}.html").write_text(_html(i), encoding="utf-8")
    real_write = JsonlWriter.write

    def write_then_interrupt(self: JsonlWriter, article: Article) -> None:
        if self.count == 2:
            raise KeyboardInterrupt  # as if Ctrl-C landed just before the third line
        real_write(self, article)

    monkeypatch.setattr(JsonlWriter, "write", write_then_interrupt)
    out = tmp_path / "out.jsonl"
    with open(tmp_path / "errors.txt", "w", encoding="utf-8") as errors:
        result = run_inputs([str(tmp_path)], Config(jobs=1), output=str(out), errors=errors)
    stats = result.stats
    assert result.interrupted
    assert stats.written == len(json_lines(out.read_bytes())) == 2
    assert stats.read == stats.written + stats.dropped_total + stats.failed


def test_explain_keeps_and_drops_what_run_does(tmp_path: Path) -> None:
    """explain runs the same sequence: its record is run's record, for pages run drops early too."""
    from cleantext.explain import explain_page
    from cleantext.read import iter_pages

    _mixed_folder(tmp_path)
    inputs = [str(tmp_path), str(SAMPLES)]
    config = Config()
    pages = [p for p in iter_pages(inputs, config) if isinstance(p, RawPage)]
    outcomes = [Pipeline(config).clean(p) for p in pages]
    assert sum(isinstance(o, Article) for o in outcomes) > 30 and sum(isinstance(o, Drop) for o in outcomes) >= 3
    for page, outcome in zip(pages, outcomes, strict=True):
        article, verdicts, info = explain_page(page, config)
        assert article == (outcome if isinstance(outcome, Article) else None), page.uri
        if isinstance(outcome, Article):
            assert any(v.keep for v in verdicts)
        elif isinstance(outcome, Drop) and outcome.stage in ("read", "decode"):
            assert verdicts == [] and info["dropped"] == outcome


def test_pipeline_and_parallel_do_not_import_each_other() -> None:
    import ast

    import cleantext.parallel
    import cleantext.pipeline

    def imported(module: object) -> set[str]:
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))  # type: ignore[attr-defined]
        names = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        return names | {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}

    assert "cleantext.pipeline" not in imported(cleantext.parallel)
    assert "cleantext.parallel" in imported(cleantext.pipeline)  # the pipeline uses the pool, not the reverse


def test_ledger_runs_corpus_wide_stages_then_counts() -> None:
    from cleantext.pipeline import Ledger, Notice
    from cleantext.stages import Dedup

    article = Article("a1", PARAGRAPH, *[None] * 9, "a.html", "utf-8")
    ledger = Ledger([Dedup()])
    assert ledger.settle(article, Notice("a.html", "replaced")) is article
    again = ledger.settle(article)
    assert isinstance(again, Drop) and again.duplicate_of == "a1"
    assert ledger.settle(Failure("b", "bad")) == Failure("b", "bad")
    assert ledger.stats.as_dict()["dropped_by_reason"] == {"exact-duplicate": 1}
    assert (ledger.stats.read, ledger.stats.written, ledger.stats.failed, ledger.stats.warned) == (3, 1, 1, 1)
