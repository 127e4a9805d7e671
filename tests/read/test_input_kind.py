"""What an opened input holds, from its name and its first plain bytes."""

from __future__ import annotations

import pytest

from cleantext.config import Config
from cleantext.read.input_kind import JSONL, PAGE, WARC, base_suffix, format_hint, input_kind
from cleantext.read.streams import BUFFER_BYTES


@pytest.mark.parametrize(
    ("path", "head", "kind"),
    [
        ("crawl.warc.gz", b"", WARC),  # the name says it, whatever the bytes
        ("-", b"WARC/1.0\r\n", WARC),  # the bytes say it, whatever the name
        ("part.ndjson.zst", b"", JSONL),
        ("-", b'\xef\xbb\xbf {"html": "<p>x</p>"}\n{"html": "y"}\n', JSONL),
        ("-", b'{"title": "no page field"}\n', PAGE),
        ("page.txt", b'{"text": "a dump quoting JSON"}\n', PAGE),  # a page's own extension wins
        ("-", b"<html><body>x</body></html>", PAGE),
    ],
)
def test_input_kind(path: str, head: bytes, kind: str) -> None:
    assert input_kind(path, head, Config()) == kind


def test_a_first_record_longer_than_the_buffer_is_not_taken_for_jsonl() -> None:
    head = b'{"text": "' + b"x" * BUFFER_BYTES
    assert input_kind("-", head[:BUFFER_BYTES], Config()) == PAGE


def test_the_record_keys_come_from_the_config() -> None:
    head = b'{"body": "x"}\n'
    assert input_kind("-", head, Config()) == PAGE
    assert input_kind("-", head, Config(text_key="body")) == JSONL


def test_suffixes_and_format_hints() -> None:
    assert base_suffix("A/B.HTM.BZ2") == ".htm" and base_suffix("noext") == ""
    assert format_hint("x.xhtml.xz") == {"format": "html"} and format_hint("x.jsonl") == {}
