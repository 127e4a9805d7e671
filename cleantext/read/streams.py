"""Opening one input as a stream of plain bytes, whatever its compression.

Observations this module relies on:

- Compression is told by the first bytes, not the name: files called ``.gz`` are sometimes plain
  and plain-named files are sometimes compressed, so the magic numbers decide (gzip ``1f 8b``,
  bzip2 ``BZh``, xz ``fd 37 7a 58 5a 00``, zstd ``28 b5 2f fd``).
- Inputs may be pipes (stdin, FIFOs, ``<(zcat …)``), which cannot seek: the magic bytes are read
  once and put back in front of the stream (``_Joined``), never re-read by seeking.
- gzip, bzip2 and xz raise ``EOFError`` on a stream that ends early, but python-zstandard's
  ``stream_reader`` returns end-of-file without complaint, silently losing the tail. Zstandard is
  therefore read frame by frame with ``decompressobj`` (``_ZstdReader``), which knows whether the
  last frame was complete.
- Decompression can expand a few kilobytes into gigabytes. Every reader here is pulled in bounded
  reads, so a caller that stops after ``max_page_bytes`` never holds more than that (plus one
  bounded step) in memory.

Every failure while reading, whatever the library raised, leaves this module as one ``ReadError``
carrying a one-line message that says what happened and after how many bytes.
"""

from __future__ import annotations

import bz2
import errno
import gzip
import io
import lzma
import os
import stat
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

if TYPE_CHECKING:
    import zstandard

MAGIC_BYTES = 6  # bytes; the longest magic number we test (xz) is 6 bytes
BUFFER_BYTES = 1 << 20  # bytes; the buffer containers are read through, large enough to amortise calls
SOURCE_STEP = 64 * 1024  # bytes asked of a decompressor at a time: enough to amortise the call
ZSTD_INPUT_STEP = 1024  # bytes of compressed input per zstd step; zstd expands at most ~32000:1
#                         (a 4-byte RLE block gives 128 KiB), so one step yields ≤ 32 MiB even from a bomb

_MAGIC = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
)

_OS_MESSAGES = {
    errno.ENOENT: "missing: no such file or directory",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "is a directory",
    errno.ENOTDIR: "missing: a parent of this path is not a directory",
    errno.ELOOP: "symlink loop: too many levels of symbolic links",
    errno.ENAMETOOLONG: "path name too long",
}


class Readable(Protocol):
    """Anything with ``read(size)``: files, pipes, decompressors, our own raw streams."""

    def read(self, size: int = -1, /) -> bytes | None: ...


class ReadError(Exception):
    """Reading an input failed; ``str(error)`` is the one-line message for the user."""


def describe_os_error(exc: OSError) -> str:
    """A short, stable message for an error from the operating system.

    >>> describe_os_error(FileNotFoundError(errno.ENOENT, "No such file or directory"))
    'missing: no such file or directory'
    >>> describe_os_error(PermissionError(errno.EACCES, "Permission denied"))
    'permission denied'
    """
    if exc.errno in _OS_MESSAGES:
        return _OS_MESSAGES[exc.errno]
    return f"cannot read: {exc.strerror or exc}"


def sniff_compression(head: bytes) -> str | None:
    """The compression named by the first bytes of a stream, or None for plain bytes.

    >>> sniff_compression(gzip.compress(b"x")), sniff_compression(b"<html>")
    ('gzip', None)
    """
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    return None


@dataclass(frozen=True)
class Opened:
    """An input opened for reading: its plain bytes and what we know about them."""

    stream: io.BufferedReader[Any]  # decompressed bytes; reads raise ReadError, never anything else
    compression: str | None  # "gzip", "bzip2", "xz", "zstd" or None
    size: int | None  # bytes on disk for a plain regular file; None when unknown in advance


@contextmanager
def open_input(path: str, stdin: BinaryIO | None = None) -> Iterator[Opened]:
    """Open a path (or ``-`` for stdin) as plain bytes; OSError when it cannot be opened.

    >>> with open_input("-", io.BytesIO(gzip.compress(b"hello"))) as opened:
    ...     opened.compression, opened.stream.read()
    ('gzip', b'hello')
    """
    if path == "-":
        yield _open_stream(stdin if stdin is not None else sys.stdin.buffer, None)
        return
    with open(path, "rb", buffering=0) as raw:
        info = os.fstat(raw.fileno())
        yield _open_stream(raw, info.st_size if stat.S_ISREG(info.st_mode) else None)


def _open_stream(raw: BinaryIO, size: int | None) -> Opened:
    head = _read_head(raw)
    compression = sniff_compression(head)
    joined = _Joined(head, raw)
    plain = joined if compression is None else _decompressor(compression, io.BufferedReader(joined))
    stream = io.BufferedReader(_Guarded(plain, compression), BUFFER_BYTES)
    return Opened(stream, compression, size if compression is None else None)


def _read_head(raw: BinaryIO) -> bytes:
    """The first MAGIC_BYTES bytes (fewer at end of input), however the pipe delivers them."""
    head = b""
    try:
        while len(head) < MAGIC_BYTES:
            chunk = raw.read(MAGIC_BYTES - len(head))
            if not chunk:
                break
            head += chunk
    except OSError as exc:
        raise ReadError(f"read error at the start: {describe_os_error(exc)}") from exc
    return head


def _decompressor(compression: str, source: BinaryIO) -> Readable:
    if compression == "gzip":
        return gzip.GzipFile(fileobj=source, mode="rb")
    if compression == "bzip2":
        return bz2.BZ2File(source, "rb")
    if compression == "xz":
        return lzma.LZMAFile(source, "rb")
    return _ZstdReader(source)


class _Joined(io.RawIOBase):
    """Bytes already read (the magic number) followed by the rest of the stream."""

    def __init__(self, head: bytes, rest: Readable) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        chunk = self._rest.read(len(buffer)) or b""
        buffer[: len(chunk)] = chunk
        return len(chunk)


class _Guarded(io.RawIOBase):
    """Plain bytes from a decompressor, counted; every failure becomes a ReadError.

    Each read fills the caller's buffer unless the input ends, so a peek at the start of the
    stream sees a whole buffer (container sniffing relies on that). When a read fails after
    some bytes came through, those bytes are returned first and the error is raised by the next
    read, so a container yields every record before the break.
    """

    def __init__(self, source: Readable, compression: str | None) -> None:
        # read1 returns what one decompression step gives, so a failure never takes earlier bytes with it
        self._read_some = getattr(source, "read1", source.read)
        self._compression = compression
        self._error: ReadError | None = None  # a failure held back until the bytes before it are read
        self.delivered = 0  # bytes of plain data handed out so far

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        view = memoryview(buffer)
        filled = 0
        while filled < len(view):
            try:
                chunk = self._read(min(len(view) - filled, SOURCE_STEP), self.delivered + filled)
            except ReadError as exc:
                if not filled:
                    raise
                self._error = exc
                break
            if not chunk:
                break
            view[filled : filled + len(chunk)] = chunk
            filled += len(chunk)
        self.delivered += filled
        return filled

    def _read(self, size: int, position: int) -> bytes:
        where = f"after {position} {'decompressed bytes' if self._compression else 'bytes'}"
        try:
            return self._read_some(size) or b""
        except EOFError as exc:
            raise ReadError(f"truncated {self._compression} stream {where}") from exc
        except (zlib.error, lzma.LZMAError, _CorruptZstd, gzip.BadGzipFile) as exc:
            raise ReadError(f"corrupt {self._compression} stream {where} ({exc})") from exc
        except OSError as exc:
            if self._compression and exc.errno is None:  # bz2 reports bad data as a bare OSError
                raise ReadError(f"corrupt {self._compression} stream {where} ({exc})") from exc
            raise ReadError(f"read error {where}: {describe_os_error(exc)}") from exc


class _CorruptZstd(Exception):
    """zstandard's ZstdError, under a name this module can catch without importing zstandard."""


class _ZstdReader(io.RawIOBase):
    """Zstandard frames decoded one after another; a stream that ends inside a frame is an EOFError."""

    def __init__(self, source: Readable) -> None:
        import zstandard  # here, not at the top: ~5 ms of every run's start-up, for zstd inputs only

        self._source = source
        self._zstd_error = zstandard.ZstdError
        self._context = zstandard.ZstdDecompressor()
        self._frame: zstandard.ZstdDecompressionObj | None = None  # None between frames
        self._leftover = b""  # compressed bytes after the end of the last frame
        self._output = b""
        self._offset = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while self._offset >= len(self._output):
            if not self._step():
                return 0
        count = min(len(buffer), len(self._output) - self._offset)
        buffer[:count] = self._output[self._offset : self._offset + count]
        self._offset += count
        return count

    def _step(self) -> bool:
        """Decode one bounded piece of input; False at a clean end of input."""
        data = self._leftover or self._source.read(ZSTD_INPUT_STEP)
        self._leftover = b""
        if not data:
            if self._frame is not None:
                raise EOFError("zstd stream ended inside a frame")
            return False
        if self._frame is None:
            self._frame = self._context.decompressobj()
        try:
            self._output = self._frame.decompress(data)
        except self._zstd_error as exc:
            raise _CorruptZstd(str(exc)) from exc
        self._offset = 0
        if self._frame.eof:
            self._leftover = self._frame.unused_data
            self._frame = None
        return True
