"""read.records: the flat lines a run wrote are its Articles again; anything else, one Failure a line."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from cleantext.config import Config
from cleantext.model import Article, Failure
from cleantext.pipeline import Pipeline
from cleantext.read import iter_pages
from cleantext.read.records import iter_records
from cleantext.write import JsonlWriter
from tests.conftest import SAMPLES


def test_written_articles_read_back_equal(tmp_path: Path) -> None:
    articles = [o for o in Pipeline().run(iter_pages([str(SAMPLES / "html")], Config())) if isinstance(o, Article)]
    with_meta = Article(id="m1", text="正文", title=None, date=None, site=None, author=None, url=None, lang="zh", lang_score=0.9,
                        langs=None, script="Hans", input="x.jsonl#1", encoding=None, meta={"k": [1]})
    out = tmp_path / "raw.jsonl.gz"
    with JsonlWriter(out) as writer:
        for article in [*articles, with_meta]:
            writer.write(article)
    assert list(iter_records([str(out)])) == [*articles, with_meta]


def test_bad_lines_are_failures_naming_the_line_and_reading_goes_on() -> None:
    good = {"id": "a", "text": "t", **dict.fromkeys(("title", "date", "site", "author", "url", "lang", "script")),
            "input": "p", "encoding": None}
    lines = [json.dumps(good), "", "[1]", "{oops", json.dumps({**good, "text": 3}), json.dumps(good)]
    items = list(iter_records(["-"], io.BytesIO(gzip.compress("\n".join(lines).encode()))))
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Failure", "Failure", "Article"]
    messages = [i.message for i in items if isinstance(i, Failure)]
    assert messages == ["line 3: not a JSON object", "line 4: not JSON",
                        "line 5: not a flat cleantext record (text is not a string); "
                        "write it with --schema flat and no --fields"]
    assert [i.uri for i in items if isinstance(i, Failure)] == ["-#3", "-#4", "-#5"]


def test_missing_inputs_are_failures() -> None:
    (failure,) = iter_records(["/no/such/raw.jsonl"])
    assert isinstance(failure, Failure) and failure.uri == "/no/such/raw.jsonl"


def test_the_reader_expects_the_keys_the_flat_writer_writes() -> None:
    from cleantext.read.records import RECORD_KEYS
    from cleantext.write.schemas import FLAT_KEYS

    assert RECORD_KEYS == FLAT_KEYS
