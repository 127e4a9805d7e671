"""Records an earlier run wrote → ``Article``s again, for ``cleantext filter``.

Observations this module relies on:

- The flat schema holds every field of an ``Article`` under its own name (``write.schemas``:
  ``FLAT_KEYS``, plus ``meta`` only when the article carried it), so a flat line is the article
  itself, nothing guessed. The nested schemas and ``--fields`` leave fields out or rename them:
  such a line is a Failure naming what is missing, and the next line is read.
- Inputs are read as ``cleantext run`` reads them (files, folders, globs, ``-``; compressed by
  magic), line by line, so a large file never sits in memory; an item is named ``path#N``.

>>> import io
>>> line = b'{"id": "a1", "text": "t", "title": null, "date": null, "site": null, "author": null, '
>>> line += b'"url": null, "lang": "zh", "lang_score": 0.98, "langs": null, "script": "Hans", "input": "p.html", '
>>> line += b'"encoding": "utf-8"}\\n'
>>> record, failure = iter_records(["-"], io.BytesIO(line + b'{"id": "b"}\\n'))
>>> record.id, record.script
('a1', 'Hans')
>>> failure.message.split(";")[0]
'line 2: not a flat cleantext record (missing author, date, encoding, input, ...)'
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import MISSING, fields
from typing import Any, BinaryIO

from cleantext.config import MAX_PAGE_BYTES
from cleantext.model import Article, Failure
from cleantext.read.inputs import expand_inputs
from cleantext.read.jsonl import _numbered_lines
from cleantext.read.streams import ReadError, describe_os_error, open_input

SHOWN_MISSING = 4  # missing keys named in a message; the rest is "..."
# The flat schema writes every field of an Article but ``meta`` under its own name (the writer's
# FLAT_KEYS; a test checks they agree). Fields with a default (text_format, ...) and the language
# scores may be absent: a record written before they existed (its scores read as None).
RECORD_KEYS = tuple(f.name for f in fields(Article) if f.name != "meta")
ADDED_LATER = ("lang_score", "langs")
REQUIRED_KEYS = tuple(
    f.name for f in fields(Article) if f.name in RECORD_KEYS and f.default is MISSING and f.name not in ADDED_LATER
)


def iter_records(inputs: Sequence[str], stdin: BinaryIO | None = None) -> Iterator[Article | Failure]:
    """Every record of every input, in input order; a Failure for each problem, and on to the next."""
    for path in expand_inputs(inputs):
        if isinstance(path, Failure):
            yield path
            continue
        try:
            with open_input(path, stdin) as opened:
                for number, line in _numbered_lines(opened.stream, MAX_PAGE_BYTES):
                    item = _record(f"{path}#{number}", number, line)
                    if item is not None:
                        yield item
        except ReadError as exc:
            yield Failure(path, f"{exc}; skipped")
        except OSError as exc:
            yield Failure(path, describe_os_error(exc))


def _record(uri: str, number: int, line: bytes | bytearray | int) -> Article | Failure | None:
    if isinstance(line, int):
        return Failure(uri, f"line {number}: {line} bytes, longer than any record; skipped")
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return Failure(uri, f"line {number}: not JSON")
    if not isinstance(record, dict):
        return Failure(uri, f"line {number}: not a JSON object")
    return _article(uri, number, record)


def _article(uri: str, number: int, record: dict[str, Any]) -> Article | Failure:
    missing = sorted(set(REQUIRED_KEYS) - set(record))
    if missing or not isinstance(record["text"], str):
        named = ", ".join(missing[:SHOWN_MISSING]) + (", ..." if len(missing) > SHOWN_MISSING else "")
        why = f"missing {named}" if missing else "text is not a string"
        return Failure(uri, f"line {number}: not a flat cleantext record ({why}); "
                            "write it with --schema flat and no --fields")
    present: dict[str, Any] = {key: record.get(key) for key in RECORD_KEYS if key in record or key in ADDED_LATER}
    return Article(**present, meta=record.get("meta"))
