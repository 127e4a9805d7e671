"""Single pages through iter_pages: compression by magic, truncation, limits, stdin and FIFOs."""

from __future__ import annotations

import bz2
import errno
import gzip
import io
import lzma
import os
import threading
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import zstandard

from cleantext.config import Config
from cleantext.model import Failure, RawPage
from cleantext.read import iter_pages
from cleantext.read.streams import describe_os_error, sniff_compression

PAGE = "<html><head><title>标题</title></head><body><p>正文内容。</p></body></html>".encode()

COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    "gzip": gzip.compress,
    "bzip2": bz2.compress,
    "xz": lzma.compress,
    "zstd": lambda data: zstandard.ZstdCompressor().compress(data),
}
SUFFIXES = {"gzip": ".gz", "bzip2": ".bz2", "xz": ".xz", "zstd": ".zst"}


def items(
    *inputs: str | Path, config: Config | None = None, stdin: bytes | None = None
) -> list[RawPage | Failure]:
    source = io.BytesIO(stdin) if stdin is not None else None
    return list(iter_pages([str(item) for item in inputs], config or Config(), source))


def test_plain_page_with_format_hint_from_extension(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(PAGE)
    (tmp_path / "b.txt").write_bytes(b"text")
    (tmp_path / "c.bin").write_bytes(b"blob")
    assert items(tmp_path) == [
        RawPage(str(tmp_path / "a.html"), PAGE, {"format": "html"}),
        RawPage(str(tmp_path / "b.txt"), b"text", {"format": "text"}),
        RawPage(str(tmp_path / "c.bin"), b"blob", {}),
    ]


@pytest.mark.parametrize("kind", sorted(COMPRESSORS))
def test_each_compression_is_read(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"page.html{SUFFIXES[kind]}"
    path.write_bytes(COMPRESSORS[kind](PAGE))
    assert items(path) == [RawPage(str(path), PAGE, {"format": "html"})]


@pytest.mark.parametrize("kind", sorted(COMPRESSORS))
def test_compression_is_told_by_magic_not_by_name(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "page.html"  # no compression suffix at all
    path.write_bytes(COMPRESSORS[kind](PAGE))
    assert items(path) == [RawPage(str(path), PAGE, {"format": "html"})]
    assert sniff_compression(path.read_bytes()[:6]) == kind


def test_a_gz_name_on_plain_bytes_is_read_as_plain(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(PAGE)
    assert items(path) == [RawPage(str(path), PAGE, {"format": "html"})]


def test_multi_member_and_multi_frame_streams_are_read_whole(tmp_path: Path) -> None:
    gz = tmp_path / "a.txt.gz"
    gz.write_bytes(gzip.compress(b"one ") + gzip.compress(b"two"))
    zst = tmp_path / "b.txt.zst"
    zst.write_bytes(COMPRESSORS["zstd"](b"one ") + COMPRESSORS["zstd"](b"two"))
    assert [page.data for page in items(gz, zst)] == [b"one two", b"one two"]  # type: ignore[union-attr]


@pytest.mark.parametrize("kind", sorted(COMPRESSORS))
def test_truncated_compressed_page_is_a_failure_and_the_run_goes_on(tmp_path: Path, kind: str) -> None:
    body = os.urandom(200_000)  # incompressible, so the cut falls inside the data
    cut = tmp_path / f"cut.html{SUFFIXES[kind]}"
    whole = COMPRESSORS[kind](body)
    cut.write_bytes(whole[: len(whole) // 2])
    good = tmp_path / "good.html"
    good.write_bytes(PAGE)
    failure, page = items(cut, good)
    assert isinstance(failure, Failure) and failure.uri == str(cut)
    assert failure.message.startswith(f"truncated {kind} stream after ")
    assert failure.message.endswith("decompressed bytes; skipped")
    assert page == RawPage(str(good), PAGE, {"format": "html"})


def test_corrupt_gzip_is_a_failure(tmp_path: Path) -> None:
    data = bytearray(gzip.compress(PAGE * 50))
    data[20:40] = b"\xff" * 20
    path = tmp_path / "bad.html.gz"
    path.write_bytes(bytes(data))
    (failure,) = items(path)
    assert isinstance(failure, Failure) and failure.message.startswith(
        "corrupt gzip stream after 0 decompressed bytes"
    )


def test_corrupt_zstd_is_a_failure(tmp_path: Path) -> None:
    data = bytearray(COMPRESSORS["zstd"](" ".join(map(str, range(3000))).encode()))
    data[12:40] = b"\xff" * 28
    path = tmp_path / "bad.html.zst"
    path.write_bytes(bytes(data))
    (failure,) = items(path)
    assert isinstance(failure, Failure) and failure.message.startswith(
        "corrupt zstd stream after 0 decompressed bytes (zstd decompressor error: "
    )


def test_zstd_cut_inside_the_frame_header_is_truncated(tmp_path: Path) -> None:
    path = tmp_path / "x.txt.zst"
    path.write_bytes(COMPRESSORS["zstd"](PAGE)[:5])
    (failure,) = items(path)
    assert isinstance(failure, Failure) and failure.message.startswith("truncated zstd stream after 0 ")


def test_stdin_is_read_for_dash_and_for_no_inputs() -> None:
    assert items(stdin=PAGE) == [RawPage("-", PAGE, {})]
    assert items("-", stdin=gzip.compress(PAGE)) == [RawPage("-", PAGE, {})]


def test_empty_input_is_an_empty_page(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    assert items(path) == [RawPage(str(path), b"", {"format": "html"})]


def test_plain_file_over_the_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    with path.open("wb") as fh:  # sparse: 200 MB on paper, nothing on disk
        fh.truncate(200 * 1024 * 1024)
    tracemalloc.start()
    try:
        (page,) = items(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert page == RawPage(str(path), b"", {"format": "html", "too_large": 200 * 1024 * 1024})
    assert peak < 5 * 1024 * 1024


def test_compressed_bomb_stops_just_past_the_limit(tmp_path: Path) -> None:
    limit = 1024 * 1024
    for kind in ("gzip", "zstd"):
        path = tmp_path / f"bomb.txt{SUFFIXES[kind]}"
        path.write_bytes(COMPRESSORS[kind](b"\0" * (64 * limit)))
        (page,) = items(path, config=Config(max_page_bytes=limit))
        assert page == RawPage(str(path), b"", {"format": "text", "too_large": limit + 1})


def test_stdin_over_the_limit_is_too_large() -> None:
    assert items(stdin=b"x" * 101, config=Config(max_page_bytes=100)) == [
        RawPage("-", b"", {"too_large": 101})
    ]
    assert items(stdin=b"x" * 100, config=Config(max_page_bytes=100)) == [RawPage("-", b"x" * 100, {})]


def test_unreadable_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "secret.html"
    path.write_bytes(PAGE)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with rights that ignore permissions (root)")
        assert items(path) == [Failure(str(path), "permission denied")]
    finally:
        path.chmod(0o644)


def test_os_errors_have_short_messages() -> None:
    assert describe_os_error(PermissionError(errno.EACCES, "Permission denied")) == "permission denied"
    assert describe_os_error(IsADirectoryError(errno.EISDIR, "Is a directory")) == "is a directory"
    assert describe_os_error(OSError(errno.EIO, "Input/output error")) == "cannot read: Input/output error"


@pytest.fixture()
def fifo(tmp_path: Path) -> Iterator[Callable[[bytes], Path]]:
    """A FIFO whose writer (a thread) sends some bytes, then closes its end."""
    threads: list[threading.Thread] = []

    def make(data: bytes) -> Path:
        path = tmp_path / f"fifo{len(threads)}"
        os.mkfifo(path)

        def write() -> None:
            with open(path, "wb") as end:  # blocks until the reader opens the other end
                end.write(data)

        threads.append(threading.Thread(target=write, daemon=True))
        threads[-1].start()
        return path

    yield make
    for thread in threads:
        thread.join(timeout=5)
        assert not thread.is_alive()


def test_fifo_that_closes_early_yields_what_it_sent(fifo: Callable[[bytes], Path]) -> None:
    path = fifo(b"<p>a few")
    assert items(path) == [RawPage(str(path), b"<p>a few", {})]


def test_fifo_that_closes_inside_a_gzip_stream_is_a_failure(fifo: Callable[[bytes], Path]) -> None:
    path = fifo(gzip.compress(os.urandom(10_000))[:3000])
    (failure,) = items(path)
    assert isinstance(failure, Failure) and failure.message.startswith("truncated gzip stream")


def test_fifo_that_sends_nothing_is_an_empty_page(fifo: Callable[[bytes], Path]) -> None:
    path = fifo(b"")
    assert items(path) == [RawPage(str(path), b"", {})]
