"""Read: inputs → a stream of ``RawPage`` (or ``Failure``), one item at a time.

The first stage of the data path. It knows where bytes come from, never what they mean:

- ``inputs``   what the user typed → paths in a stable order (files, folders, globs, ``-``).
- ``streams``  a path → plain bytes, whatever the compression (gzip, bzip2, xz, zstd by magic).
- ``input_kind``  plain bytes → one page, a JSONL container or a WARC container.
- ``documents`` one stream holding several concatenated HTML documents → one page each.
- ``jsonl``, ``warc``  a container → one item per record.

Everything is a generator: a 50 GB input or a million files never sit in memory, and nothing is
read before the pipeline asks for the next page. A problem with one input (missing, unreadable,
truncated, malformed) is a ``Failure`` in the stream, and the next input is read.

Hints set on ``RawPage.hints`` (exact keys; absent when unknown):

- ``format``  ``"html"`` or ``"text"``: from the extension (.html/.htm/.xhtml, .txt), the JSONL
  field used, or the HTTP Content-Type of a WARC record.
- ``text``    the page as a ``str`` (JSONL only): already decoded, decode must not guess again.
- ``id``, ``url``  from the JSONL id/url fields; WARC-Record-ID and WARC-Target-URI in a WARC.
- ``date``    WARC-Date of a WARC record (the crawl time, not the publication date).
- ``charset`` the charset of the HTTP Content-Type header, as written.
- ``status``  the HTTP status code of a WARC response (an int).
- ``meta``    a dict of the other JSONL fields, when ``Config.keep_meta``.
- ``too_large`` (int, bytes) the page is over ``Config.max_page_bytes`` and ``data`` is ``b""``:
  the pipeline drops it as too-large. For a plain file or a WARC record it is the exact size; for a
  compressed page or a pipe, reading stopped past the limit, so it is a lower bound.
- ``warning`` (str, for people) something about how the page was read that the run reports with
  the record: several glued documents that could not be split (``documents.py``).
- ``skip``    (str, a reason for people) the item is no page, ``data`` is ``b""`` and the pipeline
  counts it as a drop. Set for WARC responses only: ``"non-text content type image/png"``,
  ``"not an HTTP response (text/dns)"``, ``"unsupported content encoding br"``.

An input that is neither a container nor a text dump may hold several HTML documents one after
the other (``cat pages/*.html | cleantext run -``): each is a page of its own, named like a
container's items (``-#1``, ``-#2``, …); an input with one document keeps its plain name.

A truncated compressed single page is a Failure (its prefix is not a page one would want to
train on); a truncated container yields the items before the break, then one Failure for the rest.

>>> import io
>>> from cleantext.config import Config
>>> [page.data for page in iter_pages(["-"], Config(), io.BytesIO(b"<p>Hello</p>"))]
[b'<p>Hello</p>']
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import BinaryIO

from cleantext.config import Config
from cleantext.model import Failure, RawPage
from cleantext.read.documents import WARNING_HINT, Document, split_documents, starts_like_markup, unsplit_warning
from cleantext.read.input_kind import JSONL, WARC, format_hint, input_kind
from cleantext.read.inputs import Place, expand_inputs
from cleantext.read.jsonl import read_jsonl
from cleantext.read.streams import BUFFER_BYTES, Opened, ReadError, describe_os_error, open_input

__all__ = ["InputsChanged", "Place", "expand_inputs", "iter_pages", "iter_placed", "pages_from_bytes"]


class InputsChanged(ValueError):
    """A resumed run does not find the input where the earlier run stopped: one line for a person."""


def iter_pages(
    inputs: Sequence[str], config: Config, stdin: BinaryIO | None = None
) -> Iterator[RawPage | Failure]:
    """Every page of every input, in input order; a Failure for each problem, and on to the next.

    ``stdin`` is read for ``-`` (or no inputs at all); it defaults to ``sys.stdin.buffer``.

    >>> import io, gzip
    >>> stdin = io.BytesIO(gzip.compress(b'{"html": "<p>a</p>", "url": "http://x"}\\n'))
    >>> list(iter_pages([], Config(), stdin))
    [RawPage(uri='-#1', data=b'<p>a</p>', hints={'format': 'html', 'text': '<p>a</p>', 'url': 'http://x'})]
    """
    for path in expand_inputs(inputs):
        if isinstance(path, Failure):
            yield path
        else:
            yield from _read_input(path, config, stdin)


def iter_placed(
    inputs: Sequence[str], config: Config, stdin: BinaryIO | None = None, after: Place | None = None
) -> Iterator[tuple[Place, RawPage | Failure]]:
    """``iter_pages`` with each item's place; with ``after``, only the items after that place.

    The inputs before ``after.input`` are listed but never opened; that input is read, and its
    items up to ``after.item`` are skipped. InputsChanged when it is no longer the input named.

    >>> import io
    >>> stdin = io.BytesIO(b'{"text": "a"}\\n{"text": "b"}')
    >>> [(p.input, p.item, page.uri) for p, page in iter_placed(["-"], Config(), stdin)]
    [(0, 0, '-#1'), (0, 1, '-#2')]
    """
    for number, path in enumerate(expand_inputs(inputs)):
        if after is not None and number < after.input:
            continue
        name = path.uri if isinstance(path, Failure) else path
        resumed = after is not None and number == after.input
        if resumed and after is not None and name != after.name:
            raise InputsChanged(f"input {number + 1} was {after.name}, now {name}: the inputs changed")
        items = [path] if isinstance(path, Failure) else _read_input(path, config, stdin)
        for index, item in enumerate(items):
            if resumed and after is not None and index <= after.item:
                continue
            yield Place(number, index, name), item


def _read_input(path: str, config: Config, stdin: BinaryIO | None) -> Iterator[RawPage | Failure]:
    """The items of one input: one page, or the records of a container."""
    try:
        with open_input(path, stdin) as opened:
            yield from _items(path, opened, config)
    except ReadError as exc:
        yield Failure(path, f"{exc}; skipped")
    except OSError as exc:  # from opening the input; reads raise ReadError
        yield Failure(path, describe_os_error(exc))


def pages_from_bytes(uri: str, data: bytes, config: Config) -> Iterator[RawPage | Failure]:
    """The items of one input whose bytes were read elsewhere (a Ray worker), named ``uri``.

    >>> [page.uri for page in pages_from_bytes("x.jsonl", b'{"text": "a"}\\n{"text": "b"}\\n', Config())]
    ['x.jsonl#1', 'x.jsonl#2']
    """
    try:
        with open_input("-", io.BytesIO(data)) as opened:
            # uncompressed stored bytes are the page itself: its size is known in advance
            known = replace(opened, size=len(data)) if opened.compression is None else opened
            yield from _items(uri, known, config)
    except ReadError as exc:
        yield Failure(uri, f"{exc}; skipped")


def _items(path: str, opened: Opened, config: Config) -> Iterator[RawPage | Failure]:
    kind = input_kind(path, opened.stream.peek(BUFFER_BYTES), config)
    if kind == JSONL:
        yield from read_jsonl(path, opened.stream, config)
    elif kind == WARC:
        from cleantext.read.warc import read_warc  # here: fastwarc costs ~3 ms of start-up

        yield from read_warc(path, opened.stream, config)
    else:
        yield from _read_pages(path, opened, config)


def _read_pages(path: str, opened: Opened, config: Config) -> Iterator[RawPage]:
    """One page, or each HTML document of an input that holds several (``path#1``, ``path#2``, …)."""
    hints: dict[str, object] = dict(format_hint(path))
    if hints.get("format") == "text" or config.format == "text" or not starts_like_markup(opened.stream.peek(1)):
        yield _read_page(path, opened, hints, config.max_page_bytes)  # a text dump is never split
        return
    for number, document in enumerate(split_documents(opened.stream, config.max_page_bytes), 1):
        uri = path if number == 1 and not document.followed else f"{path}#{number}"
        yield _document_page(uri, document, hints, config.max_page_bytes)


def _document_page(uri: str, document: Document, hints: dict[str, object], limit: int) -> RawPage:
    if document.size > limit:
        return RawPage(uri, b"", {**hints, "too_large": document.size})
    warning = unsplit_warning(document)
    return RawPage(uri, document.data, {**hints, WARNING_HINT: warning} if warning else dict(hints))


def _read_page(path: str, opened: Opened, hints: dict[str, object], limit: int) -> RawPage:
    """A single page, never more than ``max_page_bytes`` (+1, to tell) of it in memory."""
    if opened.size is not None and opened.size > limit:
        return RawPage(path, b"", {**hints, "too_large": opened.size})
    data = opened.stream.read(limit + 1)
    if len(data) > limit:
        return RawPage(path, b"", {**hints, "too_large": len(data)})
    return RawPage(path, data, hints)
