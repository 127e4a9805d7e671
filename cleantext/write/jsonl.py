r"""Articles → JSON lines, on stdout or in a file written atomically, compressed by its extension.

Observations this relies on:

- One ``json.dumps(record, ensure_ascii=False)`` per line, UTF-8, ``\n``: Chinese stays readable in
  the file and in ``jq``. A record holding a lone surrogate cannot be UTF-8, so that one line falls
  back to ASCII escapes — still valid JSON and UTF-8, nothing lost.
- A file is written under a temporary name in the target's folder and renamed over the target
  (``os.replace``, atomic within one file system) when the writer closes normally. On an exception
  the temporary file is removed and the target, if it existed, is left untouched: a half-written
  corpus never appears under the final name. The file gets the target's permissions when it
  existed, else the usual ones (0666 less the umask).
- ``.gz .bz2 .xz .zst`` compress by extension. The gzip header carries no timestamp (mtime 0), so
  the same records always give the same bytes.
- stdout is looked up when the writer opens (so redirections by tests and callers apply), and bytes
  go to its binary buffer. A closed pipe (``| head``) raises BrokenPipeError, which propagates so the
  CLI can end quietly; after an exception nothing more is flushed to stdout.

>>> import io, contextlib
>>> from cleantext.model import Article
>>> art = Article("x1", "正文", None, None, None, None, None, "zh", "Hans", "a.txt", "utf-8")
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
import uuid
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import IO, Any

from cleantext.model import Article
from cleantext.write.schemas import DEFAULT_SOURCE, check_output, to_record

GZIP_LEVEL = 6  # gzip's own default: level 9 is several times slower for files ~1 % smaller
ZSTD_LEVEL = 3  # zstd's own default: fast, and better than gzip -6
NEW_FILE_MODE = 0o666  # before the umask, as open() creates files
STDOUT_NAMES = ("-", "")


class JsonlWriter:
    """Writes one JSON line per article to ``path`` (``None`` or ``"-"``: stdout). A context manager."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None,
        schema: str = "flat",
        fields: Sequence[str] = (),
        source_name: str = DEFAULT_SOURCE,
        added: str | None = None,
    ) -> None:
        check_output(schema, fields)  # a usage error, before any file is touched
        self.path = None if path is None or os.fspath(path) in STDOUT_NAMES else os.fspath(path)
        self.schema, self.fields, self.source_name, self.added = schema, tuple(fields), source_name, added
        self.count = 0
        self._out: Any = None  # what lines are written to
        self._raw: IO[bytes] | None = None  # the temporary file under a compressor (files only)
        self._tmp: str | None = None

    def open(self) -> JsonlWriter:
        """Open stdout or the temporary file; ``with`` does this for you."""
        if self.path is None:
            sys.stdout.flush()  # text already printed goes first
            self._out = getattr(sys.stdout, "buffer", None) or _TextSink(sys.stdout)
            return self
        self._tmp, self._raw = _create_temporary(self.path)
        self._out = _compressor(self.path)(self._raw)
        return self

    def write(self, article: Article) -> None:
        """Write one article as one line."""
        record = to_record(article, self.schema, self.fields, self.source_name, self.added)
        try:
            data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: keep it, escaped
            data = (json.dumps(record) + "\n").encode("ascii")
        self._out.write(data)
        self.count += 1

    def close(self) -> None:
        """Finish the output: flush stdout, or complete the file and move it onto the target."""
        if self.path is None:
            self._out.flush()
            return
        assert self._tmp is not None and self._raw is not None, "close() before open()"
        self._finish_file()
        if os.path.exists(self.path):
            os.chmod(self._tmp, os.stat(self.path).st_mode & 0o7777)
        os.replace(self._tmp, self.path)
        self._tmp = None

    def abort(self) -> None:
        """Give up: remove the temporary file, leave the target as it was (stdout: do nothing)."""
        if self._tmp is None:
            return
        try:
            self._finish_file()
        finally:
            os.unlink(self._tmp)
            self._tmp = None

    def _finish_file(self) -> None:
        assert self._raw is not None
        if self._out is not self._raw:
            self._out.close()  # compressors write their trailer; the raw file stays open
        self._raw.flush()
        os.fsync(self._raw.fileno())  # the rename must not land before the data
        self._raw.close()

    def __enter__(self) -> JsonlWriter:
        return self.open()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


class _TextSink:
    """Bytes onto a text stream without a binary buffer (a StringIO standing in for stdout)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, data: bytes) -> None:
        self.stream.write(data.decode("utf-8"))

    def flush(self) -> None:
        self.stream.flush()


def _create_temporary(path: str) -> tuple[str, IO[bytes]]:
    """A new file beside ``path`` (same file system, so the final rename is atomic)."""
    folder, name = os.path.split(os.path.abspath(path))
    tmp = os.path.join(folder, f".{name}.{uuid.uuid4().hex[:12]}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, NEW_FILE_MODE)
    return tmp, os.fdopen(fd, "wb")


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
