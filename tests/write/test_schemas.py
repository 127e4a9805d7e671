"""Record shapes: flat key order, field selection, datatrove and dolma nesting."""

from __future__ import annotations

from dataclasses import replace

from cleantext.model import Article
from cleantext.write import FLAT_KEYS, to_record


def make_article(**fields: object) -> Article:
    date = "2025-07-03T09:55:12"
    base = Article("a1b2", "第一段\n第二段", "标题", date, "中国新闻网", None, None, "zh", 0.99, None, "Hans", "raw.txt", "utf-8")
    return replace(base, **fields)  # type: ignore[arg-type]


def test_flat_has_every_key_in_design_order() -> None:
    record = to_record(make_article())
    design_order = "id text title date site author url lang lang_score langs script input encoding text_format".split()
    assert list(record) == list(FLAT_KEYS) == design_order
    assert record["author"] is None and record["site"] == "中国新闻网"


def test_meta_only_when_present() -> None:
    assert "meta" not in to_record(make_article())
    record = to_record(make_article(meta={"source_id": 7}))
    assert list(record)[-1] == "meta" and record["meta"] == {"source_id": 7}


def test_fields_select_in_the_given_order() -> None:
    assert list(to_record(make_article(), fields=("url", "text", "id"))) == ["url", "text", "id"]
    assert to_record(make_article(), fields=("meta",)) == {"meta": None}


def test_datatrove_nests_everything_but_text_and_id() -> None:
    record = to_record(make_article(meta={"k": 1}), "datatrove")
    assert list(record) == ["text", "id", "metadata"]
    assert record["metadata"]["title"] == "标题" and record["metadata"]["meta"] == {"k": 1}
    assert "text" not in record["metadata"] and "id" not in record["metadata"]


def test_dolma_shape_is_deterministic() -> None:
    record = to_record(make_article(), "dolma", source_name="news-zh")
    assert list(record) == ["id", "text", "source", "created", "metadata"]
    assert (record["source"], record["created"]) == ("news-zh", "2025-07-03T09:55:12")
    assert record == to_record(make_article(), "dolma", source_name="news-zh")


def test_dolma_timestamps_only_when_known() -> None:
    record = to_record(make_article(date=None), "dolma", added="2026-01-01T00:00:00Z")
    assert record["added"] == "2026-01-01T00:00:00Z" and "created" not in record
    assert record["source"] == "cleantext"


def test_nested_schemas_honour_fields() -> None:
    record = to_record(make_article(), "datatrove", fields=("id", "text", "url"))
    assert record == {"text": "第一段\n第二段", "id": "a1b2", "metadata": {"url": None}}
