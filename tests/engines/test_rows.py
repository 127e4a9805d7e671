"""Outcome rows without Ray: the worker and driver halves, put together, are the local pipeline."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cleantext.config import Config
from cleantext.engines.listing import InputFile, placed_files
from cleantext.engines.rows import OutcomeRows, Tally, failure_row, file_pages, order_of
from cleantext.model import Article, Failure, RawPage
from cleantext.pipeline import Pipeline
from cleantext.read import expand_inputs, iter_pages, iter_placed
from cleantext.write import to_record


def _listed(inputs: list[str]) -> tuple[list[tuple[int, InputFile]], list[tuple[int, Failure]]]:
    """The engine's listing, files and failures apart, each with its ordinal."""
    placed = list(placed_files(inputs))
    files = [(n, e) for n, e in placed if isinstance(e, InputFile)]
    return files, [(n, e) for n, e in placed if isinstance(e, Failure)]


def _key(item: RawPage | Failure) -> tuple[str, object, object]:
    if isinstance(item, Failure):
        return (item.uri, "failure", item.message)
    return (item.uri, item.data, item.hints)


def test_file_pages_reads_bytes_as_read_reads_the_path(corpus: list[str]) -> None:
    files, _ = _listed(corpus)
    assert len(files) > 10
    for _, f in files:
        data = Path(f.location).read_bytes()
        expected = [_key(item) for item in iter_pages([f.uri], Config())]
        assert [_key(item) for item in file_pages(f.uri, data, Config())] == expected, f.uri


def test_listing_follows_the_local_order_and_names(corpus: list[str]) -> None:
    files, failures = _listed([*corpus, "/no/such/input.html"])
    local = list(expand_inputs(corpus))
    assert [f.uri for _, f in files] == local
    assert [f.uri for _, f in failures] == ["/no/such/input.html"]


def test_placed_files_number_the_files_as_the_local_engine_places_them(corpus: list[str]) -> None:
    inputs = ["/no/such/input.html", *corpus, "/no/such/folder/"]
    placed = [(number, entry.uri) for number, entry in placed_files(inputs)]
    local = sorted({(place.input, place.name) for place, _ in iter_placed(inputs, Config())})
    assert placed == local
    assert placed[0] == (0, "/no/such/input.html") and placed[-1][1] == "/no/such/folder/"


def _cluster_like(inputs: list[str], config: Config) -> tuple[list[str], Tally]:
    """What the ray engine does, minus Ray: rows per file, shuffled, sorted by order, tallied."""
    files, failures = _listed(inputs)
    worker = OutcomeRows(config)
    rows = [row for n, f in files for row in worker.rows_of_file(n, f.uri, Path(f.location).read_bytes())]
    rows += [failure_row(order_of(n, 0), failure) for n, failure in failures]
    tally = Tally(config, io.StringIO())
    for row in sorted(reversed(rows), key=lambda row: row["order"]):
        tally.add(row)
    removed = set(tally.removed)
    lines = [row["line"].decode("utf-8").rstrip("\n") for row in rows
             if row["kind"] == "article" and row["order"] not in removed]
    return lines, tally


@pytest.mark.parametrize("dedup", ["off", "exact", "near"])
def test_rows_and_tally_give_the_local_records_and_stats(corpus: list[str], dedup: str) -> None:
    config = Config(dedup=dedup)
    pipeline = Pipeline(config)
    local = [
        json.dumps(to_record(o), ensure_ascii=False)
        for o in pipeline.run(iter_pages(corpus, config))
        if isinstance(o, Article)
    ]
    lines, tally = _cluster_like(corpus, config)
    assert sorted(lines) == sorted(local)
    assert tally.stats.as_dict() == pipeline.stats.as_dict()
    stats = tally.stats
    assert stats.read == stats.written + stats.dropped_total + stats.failed
    assert stats.failed >= 2  # the broken JSONL line and the truncated .gz
    if dedup != "off":
        assert stats.dropped["exact-duplicate"] >= 2


def test_tally_reports_each_failure_on_one_line_naming_the_input() -> None:
    errors = io.StringIO()
    tally = Tally(Config(), errors)
    tally.add({"order": order_of(0, 0), "kind": "failure", "uri": "a.jsonl#3", "message": "line 3: not JSON"})
    tally.add(failure_row(order_of(1, 0), Failure("missing.html", "missing: no such file or directory")))
    assert errors.getvalue().splitlines() == [
        "cleantext: a.jsonl#3: line 3: not JSON",
        "cleantext: missing.html: missing: no such file or directory",
    ]
    assert tally.stats.failed == tally.stats.read == 2


def test_a_reader_that_breaks_costs_one_failure_row_not_the_job(monkeypatch: pytest.MonkeyPatch) -> None:
    import cleantext.engines.rows as rows

    def broken(uri: str, data: bytes, config: Config):  # type: ignore[no-untyped-def]
        yield RawPage(f"{uri}#1", b"<p>first</p>")
        raise RuntimeError("reader bug")

    monkeypatch.setattr(rows, "file_pages", broken)
    out = list(OutcomeRows(Config()).rows_of_file(3, "x.warc", b""))
    assert [(r["order"], r["kind"]) for r in out][-1] == (order_of(3, 1), "failure")
    assert "reader bug" in out[-1]["message"] and out[-1]["uri"] == "x.warc"


def test_rows_carry_custom_reasons_and_limit_drops_as_the_local_run_reports_them() -> None:
    from cleantext.model import Drop, DropReason

    worker = OutcomeRows(Config())
    custom = worker.row(order_of(0, 0), Drop("a.html", DropReason.of("mine"), "why", "custom"))
    large = worker.row(order_of(0, 1), Drop("b.html", DropReason.TOO_LARGE, "99 bytes > 10", "read"))
    errors = io.StringIO()
    tally = Tally(Config(), errors)
    for row in (custom, large):
        tally.add(row)
    assert tally.stats.as_dict()["dropped_by_reason"] == {"mine": 1, "too-large": 1}
    assert errors.getvalue() == "cleantext: b.html: too-large (99 bytes > 10); skipped\n"
