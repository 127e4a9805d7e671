"""JSONL containers: one page per line, read line by line (a 50 GB file never sits in memory).

Observations this module relies on:

- Corpus dumps put the page in a field: ``html`` for raw pages, ``text`` for extracted text (the
  names are settings: ``Config.html_key``, ``Config.text_key``). When both are present the html
  field wins, because it still holds the structure the boilerplate stage needs.
- The string is already text, so its encoding is settled: the page carries it in ``hints["text"]``
  (decode uses it as is) and as UTF-8 bytes in ``data`` (for size checks and ids). Lone
  surrogates (``"\\ud800"`` is valid JSON but not encodable) become U+FFFD.
- The id and url fields (``Config.id_key``, ``Config.url_key``) travel as the ``id``/``url``
  hints; every other field goes to ``hints["meta"]`` when ``Config.keep_meta`` is on.
- Items are named ``path#N`` with N the 1-based line number, so a person can find the record
  with ``sed -n Np``. Blank lines are not records and are skipped without a word.
- A line longer than ``Config.max_page_bytes`` is skipped in bounded pieces, never held whole,
  and reported as a ``too_large`` page; a bad line is a Failure; the next line is read either way.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

from cleantext.config import Config
from cleantext.model import Failure, RawPage
from cleantext.read.streams import ReadError

SKIP_STEP = 1 << 20  # bytes read at a time from a long line (kept or skipped): bounds the extra memory


def read_jsonl(uri: str, stream: io.BufferedReader, config: Config) -> Iterator[RawPage | Failure]:
    """One item per non-blank line; a stream that breaks ends with a Failure naming the last line read.

    >>> lines = io.BufferedReader(io.BytesIO(b'{"text": "hi", "id": 7, "lang": "en"}\\n\\nnot json\\n'))
    >>> first, second = read_jsonl("a.jsonl", lines, Config())
    >>> first.uri, first.data, first.hints
    ('a.jsonl#1', b'hi', {'format': 'text', 'text': 'hi', 'id': '7', 'meta': {'lang': 'en'}})
    >>> second
    Failure(uri='a.jsonl#3', message='line 3: not JSON (Expecting value at column 1)')
    """
    number = 0
    try:
        for number, line in _numbered_lines(stream, config.max_page_bytes):
            item = _item(f"{uri}#{number}", number, line, config)
            if item is not None:
                yield item
    except ReadError as exc:
        done = f"lines 1-{number} were read" if number else "no line was read"
        yield Failure(uri, f"{exc}; {done}, the rest is lost")


def _numbered_lines(stream: io.BufferedReader, limit: int) -> Iterator[tuple[int, bytes | bytearray | int]]:
    """(line number, line) pairs; an over-long line comes as its size in bytes instead."""
    number = 0
    while (line := _next_line(stream, limit)) is not None:
        number += 1
        yield number, line


def _next_line(stream: io.BufferedReader, limit: int) -> bytes | bytearray | int | None:
    """The next line (None at the end), or its size when over ``limit`` bytes (without its newline).

    A line is read in steps of at most SKIP_STEP bytes into one growing buffer: ``readline(limit)``
    would build a long line from pieces and copy it once more, twice the limit in memory.
    """
    step = min(SKIP_STEP, limit + 1)
    line = stream.readline(step)
    if len(line) < step or line.endswith(b"\n"):  # the usual case: the whole line in one call
        return line or None
    buffer = bytearray(line)
    while len(buffer) <= limit:
        piece = stream.readline(min(SKIP_STEP, limit + 1 - len(buffer)))
        buffer += piece
        if not piece or piece.endswith(b"\n"):
            return buffer
    return len(buffer) + _skip_line(stream)


def _skip_line(stream: io.BufferedReader) -> int:
    """Read past the rest of the current line in bounded steps; return how many bytes it had."""
    skipped = 0
    while True:
        piece = stream.readline(SKIP_STEP)
        skipped += len(piece)
        if not piece or piece.endswith(b"\n"):
            return skipped


def _item(uri: str, number: int, line: bytes | bytearray | int, config: Config) -> RawPage | Failure | None:
    if isinstance(line, int):
        return RawPage(uri, b"", {"too_large": line})
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except UnicodeDecodeError:
        return Failure(uri, f"line {number}: not JSON (invalid UTF-8)")
    except json.JSONDecodeError as exc:
        return Failure(uri, f"line {number}: not JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return Failure(uri, f"line {number}: not a JSON object")
    return _page(uri, number, record, config)


def _page(uri: str, number: int, record: dict[str, Any], config: Config) -> RawPage | Failure:
    if isinstance(record.get(config.html_key), str):
        fmt, text = "html", record[config.html_key]
    elif isinstance(record.get(config.text_key), str):
        fmt, text = "text", record[config.text_key]
    else:
        return Failure(uri, f"line {number}: no '{config.html_key}' or '{config.text_key}' string field")
    text = _encodable(text)
    hints: dict[str, Any] = {"format": fmt, "text": text}
    for field, hint in ((config.id_key, "id"), (config.url_key, "url")):
        if record.get(field) is not None:
            hints[hint] = str(record[field])
    if config.keep_meta:
        known = {config.html_key, config.text_key, config.id_key, config.url_key}
        meta = {k: v for k, v in record.items() if k not in known}
        if meta:
            hints["meta"] = meta
    return RawPage(uri, text.encode("utf-8"), hints)


def _encodable(text: str) -> str:
    """The text with lone surrogates replaced by U+FFFD, so that it encodes as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text
