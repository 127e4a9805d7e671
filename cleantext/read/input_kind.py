"""What an opened input holds: one page, a JSONL container or a WARC container.

Observations this module relies on:

- The name says most: after its compression suffix is set aside (``a.jsonl.zst`` → ``a.jsonl``),
  ``.jsonl``/``.ndjson`` is a JSONL container and ``.warc`` a WARC container; ``.html``/``.htm``/
  ``.xhtml`` and ``.txt`` are single pages whose format is then known.
- The content says the rest: every WARC file starts with ``WARC/`` (the version line), whatever it
  is called (a ``.warc`` that does not is reported by the WARC reader, not read as a page); a
  stream whose first line is a JSON object with the html or text field is JSONL (that is how
  ``zstdcat x.jsonl.zst | cleantext run`` works). A single HTML page or text dump never
  starts that way. Pages with a known page extension are not sniffed for JSONL.
- Sniffing looks only at the first buffer of plain bytes (``streams.BUFFER_BYTES``); a JSONL stream
  whose first record is longer than that is read as one page unless its name says ``.jsonl``.
"""

from __future__ import annotations

import json
import os

from cleantext.config import Config
from cleantext.read.streams import BUFFER_BYTES

COMPRESSION_SUFFIXES = (".gz", ".bz2", ".xz", ".zst", ".zstd")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc",)
PAGE_FORMATS = {".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text"}
WARC_MAGIC = b"WARC/"

PAGE = "page"
JSONL = "jsonl"
WARC = "warc"


def base_suffix(path: str) -> str:
    """The lower-case extension of a path once its compression suffix is set aside.

    >>> base_suffix("data/part-0001.JSONL.zst"), base_suffix("page.html"), base_suffix("-")
    ('.jsonl', '.html', '')
    """
    stem, suffix = os.path.splitext(os.path.basename(path).lower())
    if suffix in COMPRESSION_SUFFIXES:
        suffix = os.path.splitext(stem)[1]
    return suffix


def format_hint(path: str) -> dict[str, str]:
    """The ``format`` hint the name of a single page gives, if any.

    >>> format_hint("a/b.htm.gz"), format_hint("dump.txt"), format_hint("blob.bin")
    ({'format': 'html'}, {'format': 'text'}, {})
    """
    fmt = PAGE_FORMATS.get(base_suffix(path))
    return {"format": fmt} if fmt else {}


def input_kind(path: str, head: bytes, config: Config) -> str:
    """``page``, ``jsonl`` or ``warc`` for an input, from its name and its first plain bytes.

    >>> input_kind("-", b"WARC/1.1\\r\\n", Config()), input_kind("-", b'{"text": "hi"}\\n', Config())
    ('warc', 'jsonl')
    >>> input_kind("x.html", b'{"text": "hi"}\\n', Config())
    'page'
    """
    suffix = base_suffix(path)
    if head.startswith(WARC_MAGIC) or suffix in WARC_SUFFIXES:
        return WARC
    if suffix in JSONL_SUFFIXES:
        return JSONL
    if suffix not in PAGE_FORMATS and _first_line_is_record(head, config):
        return JSONL
    return PAGE


def _first_line_is_record(head: bytes, config: Config) -> bool:
    """Whether the first line in ``head`` is a JSON object with the html or text field."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"{"):
        return False
    line, newline, _ = text.partition(b"\n")
    if not newline and len(head) >= BUFFER_BYTES:
        return False  # the first line goes on past what we can see
    try:
        record = json.loads(line)
    except ValueError:  # includes UnicodeDecodeError
        return False
    return isinstance(record, dict) and (config.html_key in record or config.text_key in record)
