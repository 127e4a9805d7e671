"""JSONL containers: fields to hints, bad lines, compression, truncation, streaming."""

from __future__ import annotations

import gzip
import io
import json
import lzma
import tracemalloc
from pathlib import Path
from typing import Any

import zstandard

from cleantext.config import Config
from cleantext.model import Failure, RawPage
from cleantext.read import iter_pages


def jsonl(*records: Any) -> bytes:
    return b"".join(
        (r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode()) + b"\n" for r in records
    )


def items(
    path: str | Path, config: Config | None = None, stdin: bytes | None = None
) -> list[RawPage | Failure]:
    source = io.BytesIO(stdin) if stdin is not None else None
    return list(iter_pages([str(path)], config or Config(), source))


def test_fields_become_data_and_hints(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    path.write_bytes(
        jsonl(
            {"id": "a1", "url": "http://x/1", "html": "<p>正文</p>", "lang": "zh", "crawl": {"n": 1}},
            {"id": 2, "text": "纯文本", "source": "dump"},
        )
    )
    first, second = items(path)
    assert first == RawPage(
        f"{path}#1",
        "<p>正文</p>".encode(),
        {
            "format": "html",
            "text": "<p>正文</p>",
            "id": "a1",
            "url": "http://x/1",
            "meta": {"lang": "zh", "crawl": {"n": 1}},
        },
    )
    assert second == RawPage(
        f"{path}#2",
        "纯文本".encode(),
        {"format": "text", "text": "纯文本", "id": "2", "meta": {"source": "dump"}},
    )


def test_html_wins_over_text_and_neither_goes_to_meta(tmp_path: Path) -> None:
    path = tmp_path / "both.jsonl"
    path.write_bytes(jsonl({"html": "<p>h</p>", "text": "t"}))
    assert items(path) == [RawPage(f"{path}#1", b"<p>h</p>", {"format": "html", "text": "<p>h</p>"})]


def test_keys_come_from_the_config(tmp_path: Path) -> None:
    path = tmp_path / "custom.ndjson"
    path.write_bytes(jsonl({"content": "body", "doc_id": "d", "link": "http://y", "text": "ignored?"}))
    config = Config(text_key="content", html_key="raw", id_key="doc_id", url_key="link", keep_meta=False)
    assert items(path, config) == [
        RawPage(f"{path}#1", b"body", {"format": "text", "text": "body", "id": "d", "url": "http://y"})
    ]


def test_bad_lines_are_failures_and_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        jsonl(
            {"text": "one"},
            b"",
            b"{not json",
            b"[1, 2]",
            {"title": "no body"},
            {"text": None},
            b"\xff\xfe{}",
            {"text": "last"},
        )
    )
    got = items(path)
    assert [item.uri for item in got] == [f"{path}#{n}" for n in (1, 3, 4, 5, 6, 7, 8)]
    assert [item.message for item in got if isinstance(item, Failure)] == [
        "line 3: not JSON (Expecting property name enclosed in double quotes at column 2)",
        "line 4: not a JSON object",
        "line 5: no 'html' or 'text' string field",
        "line 6: no 'html' or 'text' string field",
        "line 7: not JSON (invalid UTF-8)",
    ]
    assert isinstance(got[-1], RawPage) and got[-1].data == b"last"


def test_last_line_without_newline_and_crlf_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "win.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "a"}\r\n{"text": "b"}')
    assert [item.data for item in items(path)] == [b"a", b"b"]  # type: ignore[union-attr]


def test_lone_surrogates_are_replaced_so_the_text_encodes(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_bytes(b'{"text": "a\\ud800b \\ud83d\\ude00"}\n')
    (page,) = items(path)
    assert isinstance(page, RawPage)
    assert page.hints["text"] == "a\ufffdb \U0001f600"
    assert page.data == page.hints["text"].encode()


def test_compressed_containers(tmp_path: Path) -> None:
    data = jsonl({"text": "a"}, {"text": "b"})
    (tmp_path / "x.jsonl.gz").write_bytes(gzip.compress(data))
    (tmp_path / "y.jsonl.xz").write_bytes(lzma.compress(data))
    (tmp_path / "z.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(data))
    got = list(iter_pages([str(tmp_path)], Config()))
    assert [item.uri for item in got] == [
        str(tmp_path / f"{n}.jsonl.{ext}#{i}")
        for n, ext in (("x", "gz"), ("y", "xz"), ("z", "zst"))
        for i in (1, 2)
    ]


def test_truncated_container_yields_the_lines_before_the_break(tmp_path: Path) -> None:
    records = [{"text": f"record {n} " + "x" * 200} for n in range(2000)]
    whole = zstandard.ZstdCompressor().compress(jsonl(*records))
    path = tmp_path / "cut.jsonl.zst"
    path.write_bytes(whole[: len(whole) // 2])
    got = items(path)
    *pages, failure = got
    assert pages and all(isinstance(p, RawPage) for p in pages)
    assert [p.uri for p in pages] == [f"{path}#{n}" for n in range(1, len(pages) + 1)]
    assert isinstance(failure, Failure) and failure.uri == str(path)
    assert failure.message.startswith("truncated zstd stream after ")
    assert failure.message.endswith(f"; lines 1-{len(pages)} were read, the rest is lost")


def test_line_over_the_limit_is_skipped_in_pieces(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    long_line = json.dumps({"text": "y" * 5000}).encode()
    path.write_bytes(jsonl({"text": "a"}, long_line, {"text": "b"}))
    got = items(path, Config(max_page_bytes=1000))
    assert got == [
        RawPage(f"{path}#1", b"a", {"format": "text", "text": "a"}),
        RawPage(f"{path}#2", b"", {"too_large": len(long_line) + 1}),
        RawPage(f"{path}#3", b"b", {"format": "text", "text": "b"}),
    ]


def test_stdin_jsonl_is_sniffed_by_its_first_line() -> None:
    data = jsonl({"html": "<p>x</p>"}, {"text": "y"})
    assert [item.uri for item in items("-", stdin=data)] == ["-#1", "-#2"]
    assert [item.uri for item in items("-", stdin=gzip.compress(data))] == ["-#1", "-#2"]


def test_json_without_the_fields_or_with_a_page_name_is_one_page(tmp_path: Path) -> None:
    assert items("-", stdin=b'{"title": "x"}\n') == [RawPage("-", b'{"title": "x"}\n', {})]
    page = tmp_path / "odd.txt"
    page.write_bytes(b'{"text": "x"}\n')
    assert items(page) == [RawPage(str(page), b'{"text": "x"}\n', {"format": "text"})]


def test_a_big_container_streams_in_flat_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl.gz"
    line = json.dumps({"text": "段落内容" * 250, "id": "x"}, ensure_ascii=False).encode() + b"\n"
    with gzip.open(path, "wb", compresslevel=1) as fh:
        for _ in range(6_000):  # ~18 MB of JSON lines
            fh.write(line)
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_pages([str(path)], Config()))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 6_000
    assert peak < 8 * 1024 * 1024  # two 1 MiB buffers and one record, never the file
