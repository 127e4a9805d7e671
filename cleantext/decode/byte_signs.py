"""What the bytes say about themselves: byte-order marks, declarations, UTF-16 shape, binary data.

Observations this relies on:

- A byte-order mark is the one self-description that cannot lie by accident: browsers let it
  override every declaration, and so do we. UTF-32 LE's mark begins with UTF-16 LE's
  (``FF FE`` then ``00 00``), so the longer mark is tried first.
- Declarations sit near the top: ``<meta charset>``, ``<meta http-equiv="Content-Type"
  content="...; charset=...">`` and the XML declaration appear within the first few KB of real
  pages (WHATWG's prescan reads 1 KB; pages with long inline styles or a CleanEval wrapper line
  push the meta further, so we read 4 KB). A declaration sits inside a tag, so a match may not
  cross ``<`` or ``>``; declarations inside comments are ignored.
- A declaration read from ASCII bytes cannot describe UTF-16 or UTF-32 text (whose letters
  would be separated by NULs), so such a label is read as UTF-8, as WHATWG's prescan does.
- UTF-16 or UTF-32 text without a mark still shows its shape: HTML is mostly ASCII markup, so
  one byte of every two (or three of every four) is NUL, always at the same position.
- Binary files (images, archives, executables) announce themselves with magic numbers, or else
  with control bytes, which text almost never holds (HTML and dumps have tab, newline, carriage
  return, form feed and ESC of ISO-2022 at most) while compressed or random data holds about
  one byte in ten (26 control values out of 256).
"""

from __future__ import annotations

import codecs
import re

from cleantext.decode.labels import codec_name
from cleantext.regexes import compiled

# Bytes searched for a declaration. WHATWG reads 1024; real pages put 2-3 KB of scripts,
# styles or a CleanEval wrapper line before their meta, so a little more is read.
SNIFF_BYTES = 4096

# Byte-order marks, longest first (UTF-32 LE's mark starts with UTF-16 LE's).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Share of the high-order byte positions that are NUL in UTF-16/32 text of mostly ASCII
# markup: any HTML page is far above 30 % (every tag, attribute and space counts).
MIN_NUL_POSITION_SHARE = 0.3
# Share of the other positions allowed to be NUL as well (text holding U+0100, U+2000...);
# above it the NULs are not aligned, so the data is not UTF-16/32 (a binary file, say).
MAX_STRAY_NUL_SHARE = 0.05

# Bytes looked at when judging binary data; enough for any file's header and first blocks.
BINARY_SAMPLE_BYTES = 8192
# Share of control bytes above which a sample is binary: text has about 0 %, random or
# compressed data about 10 % (26 of 256 values); 3 % leaves room for a text file with junk.
MAX_CONTROL_SHARE = 0.03
# Control bytes: C0 controls except tab, newline, form feed, carriage return and ESC (ISO-2022).
CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
NOT_CONTROL_BYTES = bytes(b for b in range(256) if b not in CONTROL_BYTES)

# File signatures of formats that are never text pages.
MAGIC_NUMBERS = (
    b"%PDF-",
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"PK\x03\x04",  # zip, docx, epub, jar
    b"\x1f\x8b",  # gzip
    b"\xfd7zXZ\x00",  # xz
    b"7z\xbc\xaf\x27\x1c",
    b"\x28\xb5\x2f\xfd",  # zstd
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # OLE: doc, xls
    b"\x00asm",  # WebAssembly
    b"\xca\xfe\xba\xbe",  # Java class, Mach-O fat
    b"SQLite format 3\x00",
    b"OggS",
    b"wOFF",
    b"wOF2",
)

# A declaration: XML's encoding="…" or a charset=… inside one <meta> tag, in document order.
_DECLARATION = compiled(
    rb"""<\?xml\s[^<>]*?encoding\s*=\s*["']?\s*([\w.:-]+)"""
    rb"""|<meta\b[^<>]*?charset\s*=\s*["']?\s*([\w.:-]+)""",
    re.IGNORECASE,
)
_COMMENT = compiled(rb"<!--.*?-->", re.DOTALL)


def bom_codec(data: bytes) -> str | None:
    """The codec named by a byte-order mark at the start of ``data``, if any.

    >>> bom_codec(b"\\xef\\xbb\\xbfhi"), bom_codec(b"\\xff\\xfeh\\x00"), bom_codec(b"hi")
    ('utf-8-sig', 'utf-16', None)
    """
    for mark, codec in BOMS:
        if data.startswith(mark):
            return codec
    return None


def sniff_declared(data: bytes) -> str | None:
    """The codec a page declares in its first 4 KB (meta charset, http-equiv, XML declaration).

    Labels are normalised by :func:`codec_name` (so ``gb2312`` reads as ``gb18030``); a
    UTF-16/32 label in ASCII bytes reads as UTF-8; unknown labels are skipped.

    >>> sniff_declared(b'<html><head><meta charset="GB2312"><title>')
    'gb18030'
    >>> sniff_declared(b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">')
    'cp1252'
    >>> sniff_declared(b"<?xml version='1.0' encoding='Shift_JIS'?><html>")
    'cp932'
    >>> sniff_declared(b"<p>charset=utf-8 outside a meta tag</p>") is None
    True
    """
    head = _COMMENT.sub(b"", data[:SNIFF_BYTES])
    for match in _DECLARATION.finditer(head):
        label = (match.group(1) or match.group(2)).decode("ascii")
        codec = codec_name(label)
        if codec is not None:
            return "utf-8" if codec.startswith(("utf-16", "utf-32")) else codec
    return None


def mask_declarations(sample: bytes) -> bytes:
    """The sample with every declaration's label blanked, for a detector that reads them too.

    >>> mask_declarations(b'<meta charset="gb2312"><p>x</p>')
    b'<meta charset="      "><p>x</p>'
    """
    return _DECLARATION.sub(_blank_label, sample)


def _blank_label(match: re.Match[bytes]) -> bytes:
    group = 1 if match.group(1) else 2
    start, end = match.span(group)
    whole = match.group(0)
    offset = match.start(0)
    return whole[: start - offset] + b" " * (end - start) + whole[end - offset :]


def nul_pattern_codec(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` or ``utf-32-le``/``-be`` when NULs sit at one byte position in 2 (or 4).

    >>> nul_pattern_codec("<p>hello</p>".encode("utf-16-le")), nul_pattern_codec(b"<p>hello</p>")
    ('utf-16-le', None)
    """
    sample = data[: SNIFF_BYTES - SNIFF_BYTES % 4]
    if len(sample) < 4 or sample.count(0) < len(sample) * MIN_NUL_POSITION_SHARE / 2:
        return None
    shares = [_nul_share(sample[i::4]) for i in range(4)]
    for codec, zeros in (
        ("utf-32-le", (1, 2, 3)),
        ("utf-32-be", (0, 1, 2)),
        ("utf-16-le", (1, 3)),
        ("utf-16-be", (0, 2)),
    ):
        if _aligned(shares, zeros):
            return codec
    return None


def _nul_share(column: bytes) -> float:
    return column.count(0) / len(column) if column else 0.0


def _aligned(shares: list[float], zeros: tuple[int, ...]) -> bool:
    """True when the ``zeros`` positions are mostly NUL and the others almost never."""
    high = all(shares[i] >= MIN_NUL_POSITION_SHARE for i in zeros)
    low = all(shares[i] <= MAX_STRAY_NUL_SHARE for i in range(4) if i not in zeros)
    return high and low


def looks_binary(data: bytes) -> bool:
    """True when the bytes are not text in any encoding: a known file signature, or control bytes.

    UTF-16/32 text (with a mark, or NULs in step) is text.

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR")
    True
    >>> looks_binary("<p>文字</p>".encode("gbk"))
    False
    >>> looks_binary("<p>hello</p>".encode("utf-16")), looks_binary(bytes(range(256)) * 4)
    (False, True)
    """
    sample = data[:BINARY_SAMPLE_BYTES]
    if not sample:
        return False
    if sample.startswith(MAGIC_NUMBERS):
        return True
    if bom_codec(sample) or nul_pattern_codec(sample):
        return False
    controls = len(sample.translate(None, NOT_CONTROL_BYTES))
    return controls > len(sample) * MAX_CONTROL_SHARE
