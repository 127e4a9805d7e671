"""Does a codec really decode these bytes? The checks every candidate encoding must pass.

Observations this relies on:

- A wrong codec shows itself by failing on the bytes, and the failures are many: UTF-8 read
  as GBK, or GBK as UTF-8, breaks on most non-ASCII characters. A right codec fails at most
  in a handful of places: the last character of a page cut mid-sequence (a truncated
  download), or a few damaged sequences in an otherwise clean page (old crawls hold such
  pages; the two damaged GBK pages of the CWCED set happen to be valid GB18030). So a codec
  passes when it decodes strictly, when its only failure is a character cut short at the very
  end, or when its failures are a tiny share of the page *and* of its non-ASCII bytes (a
  lying ``utf-8`` declaration on a mostly-ASCII GBK page fails on few bytes of the page but
  on nearly all of its non-ASCII bytes).
- Some wrong codecs never fail: single-byte codecs such as windows-1252 decode nearly any
  bytes. Two signs betray them. Valid UTF-8 with non-ASCII characters is almost never an
  accident (legacy text would need every high byte to fall into a well-formed UTF-8
  sequence), so it beats any other declared codec; CleanEval pages declare ``iso-8859-1``
  over UTF-8 bytes, a Readability fixture declares ``gb2312`` over UTF-8. And Latin-script
  text puts its few non-ASCII letters between ASCII ones (``café``, ``Größe``), while GBK,
  Big5, Shift_JIS or EUC-KR text is runs of high bytes, two per character; a Latin declaration
  over such runs is a lie.
- UTF-16/32 declarations that got this far are lies: a real UTF-16/32 page was already known
  by its byte-order mark or its NUL pattern, and WHATWG reads such labels as UTF-8.
"""

from __future__ import annotations

import codecs

from cleantext.regexes import compiled

# Largest share of a page's bytes that may be invalid under the right codec: damaged pages
# hold a few bad sequences in many KB; a wrong codec breaks on far more.
MAX_INVALID_SHARE = 0.001
# Largest share of the non-ASCII bytes that may be invalid under the right codec: a wrong codec
# breaks on nearly all of them (one per character), a right one on a few per hundred at most.
MAX_INVALID_NON_ASCII_SHARE = 0.05

# Single-byte codecs of Latin-script languages, whose text keeps non-ASCII bytes apart.
LATIN_CODECS = frozenset(
    {
        "cp1252",
        "cp1250",
        "cp1254",
        "cp1257",
        "iso8859-2",
        "iso8859-3",
        "iso8859-4",
        "iso8859-10",
        "iso8859-13",
        "iso8859-14",
        "iso8859-15",
        "iso8859-16",
        "mac-roman",
        "cp437",
        "cp850",
    }
)
# Fewest non-ASCII bytes worth judging for runs: a handful of symbols (© ® – “ ”) may sit
# side by side by chance in any Latin page.
MIN_HIGH_BYTES_FOR_RUNS = 16
# Share of non-ASCII bytes in runs of two or more above which the text is multi-byte: CJK
# double-byte text has nearly all of them in runs, Latin text only a few (“«é»”).
MAX_LATIN_RUN_SHARE = 0.5

# Bytes decoded per attempt when counting invalid sequences: each error keeps a copy of the
# bytes it was raised on, so attempts over the whole rest of a page would copy it per error.
COUNT_WINDOW_BYTES = 4096
# Longest character in the codecs met here (UTF-8 and GB18030: 4 bytes); an error this close to
# a window's end may be a character the window cut in two.
MAX_CHAR_BYTES = 4

UTF8_CODECS = frozenset({"utf-8", "utf-8-sig"})
HIGH_BYTES = bytes(range(0x80, 0x100))
_HIGH_RUN = compiled(rb"[\x80-\xff]{2,}")


def try_decode(data: bytes, codec: str) -> tuple[str, int] | None:
    """``(text, replaced)`` when ``codec`` decodes ``data`` (see the module notes), else None.

    >>> try_decode("中文".encode("gbk"), "gb18030")
    ('中文', 0)
    >>> try_decode("中文".encode()[:-1], "utf-8")  # cut in the last character
    ('中�', 1)
    >>> try_decode("中文".encode("gbk"), "utf-8") is None
    True
    """
    try:
        return data.decode(codec), 0
    except UnicodeDecodeError:
        pass
    except LookupError:
        return None
    if _truncated(data, codec) or _few_invalid(data, codec):
        return decode_replacing(data, codec)
    return None


def _truncated(data: bytes, codec: str) -> bool:
    """True when ``data`` is valid but for a character cut short at its very end."""
    try:
        codecs.getincrementaldecoder(codec)().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True


def decode_replacing(data: bytes, codec: str) -> tuple[str, int]:
    """Decode with U+FFFD for invalid bytes; return the text and how many were put in.

    Counting replacements as the length lost by dropping them instead (rather than by counting
    U+FFFD) leaves out the U+FFFD characters the page itself held.

    >>> decode_replacing(b"ab\\xffc\\xef\\xbf\\xbd", "utf-8")
    ('ab�c�', 1)
    """
    text = data.decode(codec, "replace")
    return text, max(0, len(text) - len(data.decode(codec, "ignore")))


def _few_invalid(data: bytes, codec: str) -> bool:
    """True when the invalid sequences are a tiny share of the bytes and of the non-ASCII bytes."""
    non_ascii = len(data) - len(data.translate(None, HIGH_BYTES))
    limit = int(min(len(data) * MAX_INVALID_SHARE, non_ascii * MAX_INVALID_NON_ASCII_SHARE))
    return count_invalid(data, codec, limit) <= limit


def count_invalid(data: bytes, codec: str, limit: int) -> int:
    """How many invalid sequences ``codec`` meets in ``data``, counting no further than ``limit + 1``.

    A strict decoder runs over bounded windows and restarts after each error, so a wrong codec
    is rejected after ``limit + 1`` errors, where decoding with replacement would call an error
    handler for every bad byte of the page (milliseconds for 100 KB).

    >>> count_invalid(b"a\\xffb\\xfe\\xfdc", "utf-8", 10), count_invalid(b"\\xff" * 1000, "utf-8", 3)
    (3, 4)
    """
    decoder = codecs.getdecoder(codec)
    start = bad = 0
    while start < len(data) and bad <= limit:
        window = data[start : start + COUNT_WINDOW_BYTES]
        try:
            decoder(window, "strict")
        except UnicodeDecodeError as err:
            cut = err.start > len(window) - MAX_CHAR_BYTES and start + len(window) < len(data)
            bad += 0 if cut else 1  # a character cut by the window is decoded by the next one
            start += err.start if cut else max(err.end, 1)
            continue
        start += len(window)
    return bad


def declaration_lies(data: bytes, codec: str) -> bool:
    """True when a declared ``codec`` is contradicted by the bytes (see the module notes).

    >>> declaration_lies("café".encode(), "cp1252"), declaration_lies("café".encode("cp1252"), "cp1252")
    (True, False)
    >>> declaration_lies("中华人民共和国成立了".encode("gbk"), "cp1252")
    True
    """
    if codec.startswith(("utf-16", "utf-32")):
        return True
    if codec not in UTF8_CODECS and is_utf8_text(data):
        return True
    return codec in LATIN_CODECS and looks_multibyte(data)


def is_utf8_text(data: bytes) -> bool:
    """True when ``data`` decodes as UTF-8 (within tolerance) to some non-ASCII characters.

    >>> is_utf8_text("café".encode()), is_utf8_text("café".encode("cp1252")), is_utf8_text(b"cafe")
    (True, False, False)
    """
    found = None if data.isascii() else try_decode(data, "utf-8")
    return found is not None and not found[0].replace("\ufffd", "").isascii()


def looks_multibyte(data: bytes) -> bool:
    """True when most non-ASCII bytes come in runs, as in CJK double-byte text.

    >>> looks_multibyte("中華民國成立了一百多年".encode("big5"))
    True
    >>> looks_multibyte("déjà vu, naïve, très élégant, où êtes-vous?".encode("cp1252"))
    False
    """
    high = len(data) - len(data.translate(None, HIGH_BYTES))
    if high < MIN_HIGH_BYTES_FOR_RUNS:
        return False
    in_runs = sum(len(run) for run in _HIGH_RUN.findall(data))
    return in_runs > high * MAX_LATIN_RUN_SHARE
