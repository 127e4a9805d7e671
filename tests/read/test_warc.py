"""WARC containers, written with warcio and read with fastwarc."""

from __future__ import annotations

import gzip
import io
import os
import threading
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleantext.config import Config
from cleantext.model import Failure, RawPage
from cleantext.read import iter_pages

HTML = "<html><head><title>新闻</title></head><body><p>正文。</p></body></html>"


def write_warc(path: Path, *, compress: bool = False, pages: int = 1) -> Path:
    """A small crawl: per page a request, an HTML response; then an image, a text, a dns record."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        for n in range(pages):
            url = f"http://example.com/{n}.html"
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(request)
            writer.write_record(response(writer, url, "text/html; charset=GBK", HTML.encode("gbk")))
        writer.write_record(
            response(writer, "http://example.com/a.png", "image/png", b"\x89PNG\r\n\x1a\n....")
        )
        writer.write_record(
            response(writer, "http://example.com/a.txt", "text/plain", b"plain", "404 Not Found")
        )
        dns = writer.create_warc_record(
            "dns:example.com",
            "response",
            payload=io.BytesIO(b"example.com. A 1.2.3.4"),
            warc_content_type="text/dns",
        )
        writer.write_record(dns)
    return path


def response(writer: WARCWriter, url: str, content_type: str, body: bytes, status: str = "200 OK") -> object:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)


def items(
    *paths: str | Path, config: Config | None = None, stdin: bytes | None = None
) -> list[RawPage | Failure]:
    source = io.BytesIO(stdin) if stdin is not None else None
    return list(iter_pages([str(p) for p in paths], config or Config(), source))


def test_response_records_become_pages_with_their_headers_as_hints(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc")
    page, image, text, dns = items(path)
    assert isinstance(page, RawPage)
    assert page.uri == f"{path}#1"
    assert page.data == HTML.encode("gbk")
    assert page.hints["url"] == "http://example.com/0.html"
    assert page.hints["charset"] == "GBK"  # as written: decode maps it to gb18030 itself
    assert page.hints["format"] == "html"
    assert page.hints["status"] == 200
    assert page.hints["id"].startswith("<urn:uuid:")
    assert page.hints["date"].endswith("Z")
    assert "skip" not in page.hints
    assert image == RawPage(f"{path}#2", b"", {**image.hints, "skip": "non-text content type image/png"})  # type: ignore[union-attr]
    assert isinstance(text, RawPage) and text.data == b"plain"
    assert text.hints["format"] == "text" and text.hints["status"] == 404
    assert (
        isinstance(dns, RawPage)
        and dns.data == b""
        and dns.hints["skip"] == "not an HTTP response (text/dns)"
    )


def test_gzipped_warc_gives_the_same_pages(tmp_path: Path) -> None:
    plain = items(write_warc(tmp_path / "a.warc", pages=3))
    packed = items(write_warc(tmp_path / "a.warc.gz", compress=True, pages=3))
    assert [(p.data, p.hints["url"]) for p in plain] == [(p.data, p.hints["url"]) for p in packed]  # type: ignore[union-attr]
    assert len(packed) == 6


def test_warc_is_sniffed_by_content_whatever_the_name_and_from_stdin(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", compress=True)
    renamed = tmp_path / "download.bin"
    renamed.write_bytes(path.read_bytes())
    assert [p.uri for p in items(renamed)] == [f"{renamed}#{n}" for n in (1, 2, 3, 4)]
    assert [p.uri for p in items("-", stdin=path.read_bytes())] == ["-#1", "-#2", "-#3", "-#4"]


def test_truncated_plain_warc_reports_the_cut_record(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc", pages=20)
    data = path.read_bytes()
    cut = data.index(b"http://example.com/10.html")  # inside the request record of page 10
    cut = data.index(b"<title>", data.index(b"WARC-Type: response", cut))  # inside its response's body
    path.write_bytes(data[:cut])
    got = items(path)
    assert all(isinstance(p, RawPage) for p in got[:10])
    assert got[10] == Failure(f"{path}#11", got[10].message)  # type: ignore[union-attr]
    assert got[10].message.startswith("truncated WARC record: ")  # type: ignore[union-attr]
    assert len(got) == 11


def test_truncated_gzipped_warc_yields_records_before_the_break(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", compress=True, pages=50)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    *pages, failure = items(path)
    assert len(pages) > 10 and all(isinstance(p, RawPage) and p.data for p in pages)
    assert isinstance(failure, Failure) and failure.uri == str(path)
    assert failure.message.startswith("truncated gzip stream after ")
    assert failure.message.endswith(f"response records 1-{len(pages)} were read, the rest is lost")


def test_record_over_the_limit_is_too_large_and_not_read(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc")
    page = items(path, config=Config(max_page_bytes=20))[0]
    assert isinstance(page, RawPage) and page.data == b""
    assert page.hints["too_large"] == len(HTML.encode("gbk"))


def test_a_warc_name_on_other_content_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"<html>not a warc</html>")
    assert items(path) == [Failure(str(path), "not a WARC file: it does not start with 'WARC/'; skipped")]
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    assert items(empty) == []


def test_malformed_record_after_good_ones(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc", pages=2)
    path.write_bytes(path.read_bytes() + b"junk" * 100)
    *pages, failure = items(path)
    assert len(pages) == 5
    assert isinstance(failure, Failure) and failure.message.startswith("malformed WARC (")
    assert failure.message.endswith("response records 1-5 were read, the rest is lost")


def write_encoded(path: Path, bodies: list[tuple[str, list[tuple[str, str]], bytes]]) -> Path:
    """Responses stored as a server sent them, with transfer and content codings still on."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for url, headers, body in bodies:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), *headers], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http, length=len(body)
            )
            writer.write_record(record)
    return path


def test_transfer_and_content_codings_are_undone(tmp_path: Path) -> None:
    chunked = b"5\r\n<p>ab\r\n6\r\ncd</p>\r\n0\r\n\r\n"
    path = write_encoded(
        tmp_path / "raw.warc",
        [
            ("http://a/chunked", [("Transfer-Encoding", "chunked")], chunked),
            ("http://a/gzip", [("Content-Encoding", "gzip")], gzip.compress(b"<p>zipped</p>")),
            ("http://a/liar", [("Content-Encoding", "gzip")], b"<p>plain after all</p>"),
            ("http://a/brotli", [("Content-Encoding", "br")], b"\x1b\x03\x00"),
            ("http://a/bad-chunks", [("Transfer-Encoding", "chunked")], b"<p>not chunked</p>"),
            ("http://a/after", [], b"<p>still read</p>"),
        ],
    )
    chunks, zipped, liar, brotli, bad, after = items(path)
    assert isinstance(chunks, RawPage) and chunks.data == b"<p>abcd</p>"
    assert isinstance(zipped, RawPage) and zipped.data == b"<p>zipped</p>"
    assert isinstance(liar, RawPage) and liar.data == b"<p>plain after all</p>"
    assert isinstance(brotli, RawPage) and brotli.hints["skip"] == "unsupported content encoding br"
    assert isinstance(bad, Failure) and bad.message.startswith("bad HTTP body (")
    assert isinstance(after, RawPage) and after.data == b"<p>still read</p>"


def test_content_encoding_bomb_stops_at_the_limit(tmp_path: Path) -> None:
    bomb = gzip.compress(b"\0" * (16 * 1024 * 1024))
    path = write_encoded(tmp_path / "bomb.warc", [("http://a/bomb", [("Content-Encoding", "gzip")], bomb)])
    (page,) = items(path, config=Config(max_page_bytes=1024 * 1024))
    assert page == RawPage(f"{path}#1", b"", {**page.hints, "too_large": 1024 * 1024 + 1})  # type: ignore[union-attr]


def test_warc_through_a_pipe(tmp_path: Path) -> None:
    """fastwarc asks its stream for tell(); a pipe cannot answer, and fastwarc 2 panics if asked."""
    data = write_warc(tmp_path / "crawl.warc.gz", compress=True, pages=3).read_bytes()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as end:
            end.write(data)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    got = items(fifo)
    writer.join(timeout=5)
    assert [p.uri for p in got] == [f"{fifo}#{n}" for n in range(1, 7)]
    assert all(isinstance(p, RawPage) for p in got)
