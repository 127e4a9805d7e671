"""The statistical guess: chardet on the visible text of a bounded sample, with a second opinion.

Observations this relies on (measured on the 64 legacy-encoded pages of the benchmark, with
their declarations hidden, and on the samples in ``samples/encodings/``):

- chardet (≥ 7) judges *text*. Given raw HTML, markup and scripts drown the signal: on 5 of
  23 GBK pages it answered ISO-8859-15 at confidence < 0.1, and missed 4 of 41 windows-1252
  pages; given the same samples with scripts, styles, comments and tags removed it answered
  GB18030 on all 23 (confidence 0.67-1.0) and windows-1252 on 39 of the 41. Pages whose
  only non-ASCII bytes sit in attributes or scripts keep their markup, with every declaration
  label blanked (chardet reads ``<meta charset>`` itself, and every declaration reaching it
  was already rejected).
- It costs about 0.2 ms per KB of sample (several ms for a page; 60-200 ms on its first call
  while its models load), so it sees at most 64 KB, taken from just before the first
  non-ASCII byte (pages with 100 KB of ASCII scripts first would otherwise show it nothing)
  and ended after a byte below 0x40, which is never a lead or trail byte of GBK, Big5,
  Shift_JIS, EUC or UTF-8, so no character is cut in two.
- Only web-era encodings are worth considering: EBCDIC, DOS and Mac code pages only add
  wrong answers on short samples.
- On English pages with a few © ® … “ ” characters and no accented letters it has no signal
  and may name a Central European code page (Romanian, Hungarian, Estonian), reading those
  bytes as isolated letters amid English words. Its ISO-8859 verdicts also read bytes
  0x80-0x9F as C1 control characters, which text never holds (windows-1252 puts … “ ” – there).
  When such a verdict is weak or reads controls, and windows-1252 reads every non-ASCII byte
  as a symbol rather than a letter, windows-1252 (WHATWG's default for undeclared pages) wins.
- On random bytes (a corrupt or encrypted file named .txt) it still names an encoding, at a
  confidence of 0.03-0.05, and every single-byte code page "decodes" them to letters. Real text
  scores far higher once it is long: 0.3-1.0 on 1,500 characters of Chinese, Japanese, Korean,
  Russian, Greek or Thai even with every space and line break removed (a single word scores
  0.08-0.18). English pages with a few symbols score as low as 0.03, but their bytes are
  nearly all ASCII. So a weak verdict on a kilobyte or more of non-ASCII bytes with almost no
  ASCII among them says the bytes are no text (``is_noise``), and the page is dropped, not
  written as a record of mojibake.
"""

from __future__ import annotations

import re
import unicodedata

from cleantext.decode.byte_signs import mask_declarations
from cleantext.decode.labels import codec_name
from cleantext.decode.validate import HIGH_BYTES, LATIN_CODECS
from cleantext.regexes import compiled

# Bytes given to the detector: chardet is right on a few KB and costs ~0.2 ms per KB.
DETECTOR_SAMPLE_BYTES = 64 * 1024
# ASCII bytes kept before the first non-ASCII byte of the sample, as context for the detector.
DETECTOR_LEAD_BYTES = 256
# Fewest non-ASCII bytes in the visible text for it to be judged instead of the raw sample:
# a dozen CJK characters, or a few accented words.
MIN_VISIBLE_HIGH_BYTES = 24
# Encoding eras worth considering for web pages (not EBCDIC, DOS or Mac code pages).
DETECTOR_ERAS = ("MODERN_WEB", "LEGACY_ISO")  # chardet EncodingEra members, combined at call time
# Below this confidence a Latin single-byte verdict is a guess between code pages.
QUIET_LATIN_MAX_CONFIDENCE = 0.5
# Random bytes, not text (see ``is_noise``): a verdict below this confidence, on at least this many
# non-ASCII bytes, which are at least this share of the sample.
NOISE_MAX_CONFIDENCE = 0.1
NOISE_MIN_HIGH_BYTES = 1024
NOISE_MIN_HIGH_SHARE = 0.95

_FIRST_HIGH_BYTE = compiled(rb"[\x80-\xff]")
_SAFE_BOUNDARY = compiled(rb"[\x00-\x3f][\x40-\xff]*\Z")
# Scripts, styles and comments (an unclosed one runs to the end), then any tag.
_MARKUP = compiled(
    rb"<(script|style)\b.*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)|<[^<>]*>",
    re.IGNORECASE | re.DOTALL,
)
_SPACES = compiled(rb"\s+")
_C1_BYTES = compiled(rb"[\x80-\x9f]")
_NON_ASCII = compiled(r"[^\x00-\x7f]")


def guess(data: bytes) -> tuple[str | None, float]:
    """chardet's verdict on the page as a codec name (None when it has none) and its confidence.

    >>> guess("<p>朱镕基总理今天在北京会见了来访的客人，双方进行了友好的交谈。</p>".encode("gbk"))[0]
    'gb18030'
    """
    text = detector_text(detector_sample(data))
    import chardet  # ~0.1 s to import; most pages never need it (UTF-8 or declared)

    era = getattr(chardet.EncodingEra, DETECTOR_ERAS[0]) | getattr(chardet.EncodingEra, DETECTOR_ERAS[1])
    verdict = chardet.detect(text, encoding_era=era)
    label = verdict.get("encoding")
    confidence = float(verdict.get("confidence") or 0.0)
    codec = codec_name(label) if isinstance(label, str) else None
    return _second_opinion(codec, confidence, text), confidence


def is_noise(data: bytes, confidence: float) -> bool:
    """Whether ``data``, on which the detector's verdict had ``confidence``, is no text in any
    encoding (see the module notes).

    >>> import random
    >>> noise = bytes(random.Random(0).randrange(0x80, 0x100) for _ in range(4000))
    >>> is_noise(noise, guess(noise)[1]), is_noise(("Москва" * 400).encode("koi8-r"), 0.58)
    (True, False)
    """
    if confidence >= NOISE_MAX_CONFIDENCE:
        return False
    sample = detector_sample(data)
    high = len(sample) - len(sample.translate(None, HIGH_BYTES))
    return high >= NOISE_MIN_HIGH_BYTES and high >= NOISE_MIN_HIGH_SHARE * len(sample)


def detector_sample(data: bytes) -> bytes:
    """At most 64 KB from just before the first non-ASCII byte, cut on a character boundary.

    >>> page = b"<script>" + b"x" * 100_000 + "<p>中文</p>".encode("gbk") * 10_000
    >>> sample = detector_sample(page)
    >>> sample[:8], len(sample) <= 64 * 1024, sample.decode("gbk")[-6:]  # decodes strictly
    (b'xxxxxxxx', True, 'p>中文</')
    """
    first_high = _FIRST_HIGH_BYTE.search(data)
    start = max(0, first_high.start() - DETECTOR_LEAD_BYTES) if first_high else 0
    window = data[start : start + DETECTOR_SAMPLE_BYTES]
    if start + DETECTOR_SAMPLE_BYTES >= len(data):
        return window
    boundary = _SAFE_BOUNDARY.search(window)
    return window[: boundary.start() + 1] if boundary else window


def detector_text(sample: bytes) -> bytes:
    """The sample's visible text (markup out, spaces collapsed), or the masked sample if too bare.

    >>> detector_text(b'<script>var a = "x";</script><p class="c">caf\\xe9 cr\\xe8me</p>' * 12)[:23]
    b' caf\\xe9 cr\\xe8me caf\\xe9 cr\\xe8me '
    """
    visible = _SPACES.sub(b" ", _MARKUP.sub(b" ", sample))
    high = len(visible) - len(visible.translate(None, HIGH_BYTES))
    return visible if high >= MIN_VISIBLE_HIGH_BYTES else mask_declarations(sample)


def _second_opinion(codec: str | None, confidence: float, text: bytes) -> str | None:
    """A weak or control-reading Latin verdict over symbols-only text is read as windows-1252."""
    if codec not in LATIN_CODECS or codec == "cp1252":
        return codec
    reads_controls = codec.startswith("iso8859") and _C1_BYTES.search(text) is not None
    if (confidence < QUIET_LATIN_MAX_CONFIDENCE or reads_controls) and only_symbols_in_cp1252(text):
        return "cp1252"
    return codec


def only_symbols_in_cp1252(sample: bytes) -> bool:
    """True when windows-1252 reads every non-ASCII byte of ``sample`` as a symbol, not a letter.

    >>> only_symbols_in_cp1252("ROLODEX® – “Palm”".encode("cp1252")), only_symbols_in_cp1252(b"caf\\xe9")
    (True, False)
    """
    found = set(_NON_ASCII.findall(sample.decode("cp1252", "replace")))
    return all(unicodedata.category(c)[0] != "L" for c in found)
