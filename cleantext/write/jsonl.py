r"""Articles → JSON lines, on stdout or in a file written atomically, compressed by its extension.

Observations this relies on:

- One ``json.dumps(record, ensure_ascii=False)`` per line, UTF-8, ``\n``: Chinese stays readable in
  the file and in ``jq``. A record holding a lone surrogate cannot be UTF-8, so that one line falls
  back to ASCII escapes — still valid JSON and UTF-8, nothing lost.
- A file is written under a temporary name in the target's folder and renamed over the target
  (``os.replace``, atomic within one file system) when the writer closes normally. On an exception
  the temporary file is removed and the target, if it existed, is left untouched: a half-written
  corpus never appears under the final name. The file gets the target's permissions when it
  existed, else the usual ones (0666 less the umask). A device or FIFO is written through and a
  symlink followed (``targets.py`` says why).
- ``.gz .bz2 .xz .zst`` compress by extension. The gzip header carries no timestamp (mtime 0), so
  the same records always give the same bytes.
- stdout is looked up when the writer opens (so redirections by tests and callers apply), and bytes
  go to its binary buffer. A closed pipe (``| head``) raises BrokenPipeError, which propagates so the
  CLI can end quietly; after an exception nothing more is flushed to stdout. On a pipe, FIFO or
  device each record is flushed as it is written, so a reader gets whole records as they come and
  ``count`` says how many it can have received (``| head -1``: 1, not the thousands in a buffer).
- A write that fails for any other reason (no space left, an I/O error) is one ``OutputFailed``
  naming the output; a file's temporary copy is removed.

>>> import io, contextlib
>>> from cleantext.model import Article
>>> art = Article("x1", "正文", None, None, None, None, None, "zh", 0.99, None, "Hans", "a.txt", "utf-8")
>>> out = io.StringIO()
>>> with contextlib.redirect_stdout(out), JsonlWriter(None, fields=("id", "text")) as writer:
...     writer.write(art)
>>> out.getvalue()
'{"id": "x1", "text": "正文"}\n'
"""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import os
import sys
from collections import deque
from collections.abc import Callable, Sequence
from typing import IO, Any

from cleantext.model import Article
from cleantext.write.schemas import DEFAULT_SOURCE, to_record
from cleantext.write.targets import (
    STDOUT_NAMES,
    OutputFailed,
    Target,
    Writer,
    describe,
    signals_held,
    stdout_is_stream,
    unread_bytes,
)

GZIP_LEVEL = 6  # gzip's own default: level 9 is several times slower for files ~1 % smaller
ZSTD_LEVEL = 3  # zstd's own default: fast, and better than gzip -6
# records whose end is remembered on a stream: a pipe holds at most 1 MiB (Linux's pipe-max-size),
# and a record is never under ~100 bytes, so the unread ones are always among these
RECORDS_TRACKED = 16_384


class JsonlWriter(Writer):
    """Writes one JSON line per article to ``path`` (``None`` or ``"-"``: stdout). A context manager.

    ``count`` is the number of records the output took: a record is counted once its bytes were
    accepted, so after a closed pipe or a full disk it says what the reader can have received.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None,
        schema: str = "flat",
        fields: Sequence[str] = (),
        source_name: str = DEFAULT_SOURCE,
        added: str | None = None,
    ) -> None:
        self.path = None if path is None or os.fspath(path) in STDOUT_NAMES else os.fspath(path)
        self.schema, self.fields, self.source_name, self.added = schema, tuple(fields), source_name, added
        self.count = 0
        self.complete = False  # set by the caller when the input ended (a shard writer's manifest says so)
        self._out: Any = None  # what lines are written to
        self._target: Target | None = None  # the file or stream under a compressor (not stdout)
        self._flush_each = False  # a pipe, FIFO or device: each record goes out whole, at once
        self._sent = 0  # bytes flushed to such a stream
        self._ends: deque[int] = deque(maxlen=RECORDS_TRACKED)  # where the last records end in it

    def open(self) -> JsonlWriter:
        """Open stdout, the temporary file or the stream; ``with`` does this for you."""
        if self.path is None:
            sys.stdout.flush()  # text already printed goes first
            self._out = getattr(sys.stdout, "buffer", None) or _TextSink(sys.stdout)
            self._flush_each = stdout_is_stream()
            return self
        try:
            self._target = Target(self.path)
        except OSError as exc:
            raise self._failed(exc) from exc
        self._out = _compressor(self.path)(self._target.raw)
        # a compressor flushed per record would compress far worse: it goes out in its own blocks
        self._flush_each = self._target.streaming and self._out is self._target.raw
        return self

    def write(self, article: Article) -> None:
        """Write one article as one line."""
        self.write_line(self.line(article))

    def write_line(self, data: bytes) -> None:
        """Write one line that ``line`` made (through a compressor: never cut by Ctrl-C or SIGTERM)."""
        if self._target is not None and self._out is not self._target.raw:
            with signals_held():
                self._write_line(data)
        else:
            self._write_line(data)

    def _write_line(self, data: bytes) -> None:
        try:
            self._out.write(data)
            if self._flush_each:
                self._out.flush()
                self._sent += len(data)
                self._ends.append(self._sent)
        except BrokenPipeError:
            self._count_received()
            raise  # the reader left: the caller ends quietly
        except OSError as exc:
            raise self._failed(exc) from exc
        self.count += 1

    def line(self, article: Article) -> bytes:
        """One article's line, newline included: what ``write`` writes (and the Ray engine's shards)."""
        record = to_record(article, self.schema, self.fields, self.source_name, self.added)
        try:
            return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: keep it, escaped
            return (json.dumps(record) + "\n").encode("ascii")

    def _count_received(self) -> None:
        """After the reader left a pipe: take back the records still unread in it."""
        raw = self._target.raw if self._target is not None else self._out
        received = self._sent - unread_bytes(raw)
        while self._ends and self._ends[-1] > received:
            self._ends.pop()
            self.count -= 1

    def close(self) -> None:
        """Finish the output: flush stdout or the stream, or complete the file and move it onto the target
        (not cut in the middle by Ctrl-C or SIGTERM, which wait until it is done)."""
        with signals_held():
            self._close()

    def _close(self) -> None:
        try:
            if self._target is None:
                self._out.flush()
                return
            if self._out is not self._target.raw:
                self._out.close()  # compressors write their trailer; the raw file stays open
            self._target.commit()
            self._target = None
        except BrokenPipeError:
            raise
        except OSError as exc:
            failure = self._failed(exc)
            self.abort()
            raise failure from exc

    def abort(self) -> None:
        """Give up: remove the temporary file, leave the target as it was (stdout: do nothing)."""
        target, self._target = self._target, None
        if target is None:
            return
        try:
            if self._out is not target.raw:
                self._out.close()
        except (OSError, ValueError):
            pass  # its bytes are being thrown away
        finally:
            target.discard()

    def _failed(self, exc: OSError) -> OutputFailed:
        """The one-line failure; a file's partial copy is removed, so it then holds no record."""
        streaming = self._target is None or self._target.streaming
        return OutputFailed(f"{self.path or 'stdout'}: cannot write: {describe(exc)}", self.count if streaming else 0)


class _TextSink:
    """Bytes onto a text stream without a binary buffer (a StringIO standing in for stdout)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, data: bytes) -> None:
        self.stream.write(data.decode("utf-8"))

    def flush(self) -> None:
        self.stream.flush()


def _gzip(raw: IO[bytes], name: str) -> gzip.GzipFile:
    return gzip.GzipFile(filename=name, mode="wb", fileobj=raw, compresslevel=GZIP_LEVEL, mtime=0)


def _zstd(raw: IO[bytes], name: str) -> Any:
    import zstandard

    return zstandard.ZstdCompressor(level=ZSTD_LEVEL).stream_writer(raw, closefd=False)


def _plain(raw: IO[bytes], name: str) -> IO[bytes]:
    return raw


# extension → wrapper(raw file, file name) writing compressed bytes into the raw file
_COMPRESSORS: dict[str, Callable[[IO[bytes], str], Any]] = {
    ".gz": _gzip,
    ".bz2": lambda raw, name: bz2.BZ2File(raw, "wb"),
    ".xz": lambda raw, name: lzma.LZMAFile(raw, "wb"),
    ".zst": _zstd,
}


def _compressor(path: str) -> Callable[[IO[bytes]], Any]:
    """The wrapper for ``path``'s extension (none: the raw file itself)."""
    name = os.path.basename(path)
    wrap = _COMPRESSORS.get(os.path.splitext(name)[1].lower(), _plain)
    return lambda raw: wrap(raw, name)
