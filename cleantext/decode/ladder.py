"""The decode ladder: bytes → text, trying the strongest evidence first; the first that holds wins.

Observations this relies on:

- Evidence differs in strength. A byte-order mark is deliberate; NULs in step are UTF-16/32
  by construction; a declaration (HTTP header from the container, then ``<meta>``/XML) is
  usually right but often stale (servers default to ``iso-8859-1``, pages keep ``gb2312``
  after a move to UTF-8), so it must pass the checks of ``validate.py``; valid UTF-8 is
  almost never an accident; a statistical detector is a guess. So they are tried in that order,
  and the method that decided is recorded with the text (``bom``, ``detected``, ``declared``,
  ``utf-8``, ``fallback``; ``forced`` and ``container`` when the caller decided).
- Pure ASCII reads the same under every ASCII-compatible codec, so it is reported as
  ``utf-8`` whatever the page declares, unless it holds ISO-2022 escapes (``ESC $``/``ESC (``),
  the 7-bit encodings of Japanese, Chinese and Korean mail and old pages.
- UTF-8 must be checked over the whole page: many pages are ASCII for their first 100 KB of
  scripts and styles and put their first non-ASCII character after that, so a prefix would
  call them ASCII. Strict UTF-8 decoding of 100 KB takes well under a millisecond.
- A statistical detector (``detect.py``) is the last informed guess: slow (milliseconds per
  page), and right only when its guess also decodes the whole page. When nothing holds, the
  page is decoded as UTF-8 or as the detector's guess, whichever replaces fewer characters,
  and the count of replaced characters goes with the text.
- Random bytes are no text, though every single-byte code page reads them as letters: when the
  detector's verdict says so (``detect.is_noise``), the page is decoded as guessed but its method
  is ``not-text``, and the pipeline drops it (reason ``binary``) instead of writing mojibake.
- A text container (a JSONL ``text`` field) already holds a string: it is not decoded again,
  not even when an encoding is forced, since forcing is about bytes.
- The text must always encode to UTF-8: no codec allowed here produces lone surrogates, and
  container strings (JSON allows ``"\\ud800"``) have theirs replaced by U+FFFD.
"""

from __future__ import annotations

from collections.abc import Callable

from cleantext.decode.byte_signs import bom_codec, nul_pattern_codec, sniff_declared
from cleantext.decode.detect import guess, is_noise
from cleantext.decode.labels import codec_name
from cleantext.decode.validate import declaration_lies, decode_replacing, try_decode
from cleantext.model import Decoded, RawPage
from cleantext.regexes import compiled

# Confidence recorded for NULs in step: a structural fact, though not a declaration.
NUL_PATTERN_CONFIDENCE = 0.99
NOT_TEXT = "not-text"  # the method of bytes that are no text in any encoding (see ``_by_detector``)
# Confidence recorded when every rule failed and replacement decoding was used.
FALLBACK_CONFIDENCE = 0.0

_ISO2022_ESCAPE = compiled(rb"\x1b[$(]")
_SURROGATES = compiled("[\ud800-\udfff]")


def decode(page: RawPage, forced: str | None = None) -> Decoded:
    """Decode a page's bytes to text, recording the encoding and the evidence. Never raises.

    >>> d = decode(RawPage("a.html", '<meta charset="gb2312"><p>朱镕基</p>'.encode("gbk")))
    >>> d.text, d.encoding, d.method
    ('<meta charset="gb2312"><p>朱镕基</p>', 'gb18030', 'declared')
    >>> decode(RawPage("b.txt", "plain ascii".encode())).encoding
    'utf-8'
    >>> d = decode(RawPage("c", b"caf\\xe9\\x81"), forced="latin-1")
    >>> d.text, d.encoding, d.method, d.replaced
    ('café�', 'cp1252', 'forced', 1)
    """
    text = page.hints.get("text")
    if isinstance(text, str):
        return _from_container(page, text)
    codec = codec_name(forced) if forced else None
    if codec is not None:
        return _forced(page, codec)
    steps: tuple[Callable[[RawPage], Decoded | None], ...] = (
        _by_bom,
        _by_nul_pattern,
        _by_declaration,
        _by_utf8,
    )
    for step in steps:
        found = step(page)
        if found is not None:
            return found
    return _by_detector(page)


def _result(
    page: RawPage, text: str, codec: str, method: str, confidence: float = 1.0, replaced: int = 0
) -> Decoded:
    return Decoded(page.uri, text, codec, method, confidence, replaced, page.hints)


def _from_container(page: RawPage, text: str) -> Decoded:
    clean, replaced = _SURROGATES.subn("\ufffd", text)
    return _result(page, clean, "utf-8", "container", replaced=replaced)


def _forced(page: RawPage, codec: str) -> Decoded:
    text, replaced = decode_replacing(page.data, codec)
    return _result(page, text, codec, "forced", replaced=replaced)


def _by_bom(page: RawPage) -> Decoded | None:
    codec = bom_codec(page.data)
    if codec is None:
        return None
    text, replaced = decode_replacing(page.data, codec)
    return _result(page, text, codec, "bom", replaced=replaced)


def _by_nul_pattern(page: RawPage) -> Decoded | None:
    codec = nul_pattern_codec(page.data)
    found = try_decode(page.data, codec) if codec else None
    if codec is None or found is None:
        return None
    return _result(page, found[0], codec, "detected", NUL_PATTERN_CONFIDENCE, found[1])


def _by_declaration(page: RawPage) -> Decoded | None:
    """The container's charset, then the page's own declaration, if the bytes bear it out."""
    data = page.data
    if data.isascii() and not _ISO2022_ESCAPE.search(data):
        return None  # the same text under any declaration: reported by _by_utf8
    hint = page.hints.get("charset")
    labels = [hint if isinstance(hint, str) else None, sniff_declared(data)]
    for label in labels:
        codec = codec_name(label) if label else None
        if codec is None or declaration_lies(data, codec):
            continue
        found = try_decode(data, codec)
        if found is not None:
            return _result(page, found[0], codec, "declared", replaced=found[1])
    return None


def _by_utf8(page: RawPage) -> Decoded | None:
    data = page.data
    if data.isascii():
        if _ISO2022_ESCAPE.search(data):
            return None
        return _result(page, data.decode("ascii"), "utf-8", "utf-8")
    found = try_decode(data, "utf-8")
    if found is None:
        return None
    return _result(page, found[0], "utf-8", "utf-8", replaced=found[1])


def _by_detector(page: RawPage) -> Decoded:
    """chardet's guess, validated over the whole page; replacement decoding if all else fails.

    A damaged UTF-8 page (a pasted legacy-encoded half, a few corrupt bytes) is kept as UTF-8 with
    replacements rather than handed to the detector, whose single-byte guesses always "decode".
    """
    utf8_text, utf8_replaced = decode_replacing(page.data, "utf-8")
    if _mostly_utf8(utf8_text, utf8_replaced):
        return _result(page, utf8_text, "utf-8", "fallback", FALLBACK_CONFIDENCE, utf8_replaced)
    codec, confidence = guess(page.data)
    found = try_decode(page.data, codec) if codec else None
    if codec is not None and found is not None:
        method = NOT_TEXT if is_noise(page.data, confidence) else "detected"
        return _result(page, found[0], codec, method, confidence, found[1])
    return _fallback(page, codec)


def _mostly_utf8(text: str, replaced: int) -> bool:
    """More bytes formed valid multi-byte UTF-8 than were invalid: a UTF-8 page with damage.

    Random or legacy-encoded bytes rarely form valid UTF-8 sequences, while a UTF-8 page with a
    pasted GBK half or a few corrupt bytes keeps most of its non-ASCII text valid.
    """
    valid_bytes = sum(len(c.encode("utf-8")) for c in text if c > "\x7f" and c != "\ufffd")
    return replaced > 0 and valid_bytes >= replaced


def _fallback(page: RawPage, guessed: str | None) -> Decoded:
    """UTF-8 when the page is mostly UTF-8 (see ``_mostly_utf8``), else UTF-8 or the detector's
    guess, whichever replaces fewer characters (UTF-8 on a tie). A single-byte guess never
    "replaces", so without the first test it would win over a damaged UTF-8 page."""
    utf8_text, utf8_replaced = decode_replacing(page.data, "utf-8")
    if _mostly_utf8(utf8_text, utf8_replaced):
        return _result(page, utf8_text, "utf-8", "fallback", FALLBACK_CONFIDENCE, utf8_replaced)
    best = (utf8_text, "utf-8", utf8_replaced)
    if guessed and guessed != "utf-8":
        text, replaced = decode_replacing(page.data, guessed)
        if replaced < best[2]:
            best = (text, guessed, replaced)
    text, codec, replaced = best
    return _result(page, text, codec, "fallback", FALLBACK_CONFIDENCE, replaced)
