"""Charset labels → the Python codec that decodes what the label's writers meant.

Observations this relies on:

- Pages name their charset with WHATWG/IANA labels (``GB2312``, ``x-gbk``, ``Shift_JIS``,
  ``ks_c_5601-1987``, ``windows-874``), some of which Python's codec registry does not know,
  so a small table of web labels comes before ``codecs.lookup``.
- A declared or detected legacy charset is routinely a *subset* of what the bytes use: pages
  declaring ``gb2312`` hold GBK characters (镕, 堃), Big5 pages hold HKSCS characters,
  ``Shift_JIS`` pages hold CP932 extensions, ``EUC-KR`` pages hold CP949 (UHC) syllables, and
  ``iso-8859-1``/``us-ascii`` pages hold windows-1252 quotes and dashes. Browsers (WHATWG
  Encoding Standard) read each label as its superset, and so do we: the superset decodes the
  same bytes identically wherever the subset is defined, and more bytes besides.
- Python's registry also holds codecs that are not charsets at all (``base64``, ``rot13``,
  ``unicode_escape``, ``undefined``) or that can yield lone surrogates (``utf-7``, the escape
  codecs); a page may not pick those by declaring them, since the text must always encode to
  UTF-8. WHATWG does not allow UTF-7 on the web either.

Names returned are Python's canonical lowercase codec names (``codecs.lookup(x).name``), the
form recorded in each record's ``encoding``.
"""

from __future__ import annotations

import codecs

from cleantext.regexes import compiled

# Web labels Python's registry does not know, read as the WHATWG Encoding Standard reads them.
# Each maps to a Python codec name; the superset table below then applies as for any label.
WEB_LABELS = {
    # Chinese (Simplified): every GB label is read as GB18030, the superset
    "x-gbk": "gb18030",
    "x-euc-cn": "gb18030",
    "gb_2312-80": "gb18030",
    "gb_2312": "gb18030",
    "csgb2312": "gb18030",
    "csiso58gb231280": "gb18030",
    # Chinese (Traditional)
    "cn-big5": "big5hkscs",
    "x-x-big5": "big5hkscs",
    # Japanese
    "windows-31j": "cp932",
    "x-sjis": "cp932",
    # Korean
    "windows-949": "cp949",
    "iso-ir-149": "cp949",
    "cseuckr": "cp949",
    "csksc56011987": "cp949",
    "ks_c_5601-1989": "cp949",
    # Unicode
    "unicode-1-1-utf-8": "utf-8",
    "unicode11utf8": "utf-8",
    "unicode20utf8": "utf-8",
    "x-unicode20utf8": "utf-8",
    "unicode": "utf-16-le",
    "ucs-2": "utf-16-le",
    "csunicode": "utf-16-le",
    "iso-10646-ucs-2": "utf-16-le",
    "unicodefeff": "utf-16-le",
    "unicodefffe": "utf-16-be",
    "utf16be": "utf-16-be",
    "utf16le": "utf-16-le",
    # Western, Thai, Hebrew, Mac
    "x-cp1252": "cp1252",
    "x-user-defined": "cp1252",  # WHATWG: bytes 0x80+ to private use; cp1252 is the usable reading
    "windows-874": "cp874",
    "dos-874": "cp874",
    "iso-8859-8-i": "iso8859-8",
    "csiso88598i": "iso8859-8",
    "logical": "iso8859-8",
    "visual": "iso8859-8",
    "x-mac-roman": "mac-roman",
    "mac": "mac-roman",
    "x-mac-cyrillic": "mac-cyrillic",
    "x-mac-ukrainian": "mac-cyrillic",
}

# Canonical Python names read as their supersets (WHATWG, and what the bytes really hold).
SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",  # Microsoft's Big5; HKSCS holds its extra characters too
    "shift_jis": "cp932",
    "shift_jis_2004": "cp932",  # not a superset, but WHATWG reads every Shift_JIS label as CP932
    "euc_kr": "cp949",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
}

# Codecs that are not charsets, or that can produce lone surrogates, or are platform-bound.
REFUSED = frozenset(
    {
        "utf-7",
        "unicode-escape",
        "raw-unicode-escape",
        "undefined",
        "idna",
        "punycode",
        "charmap",
        "mbcs",
        "oem",
        "palmos",
    }
)

# Longest label worth looking up, in characters: real labels are short (``iso-2022-jp-2004`` is
# 16); anything longer is a broken attribute, not a charset.
MAX_LABEL_CHARS = 40

# ``iso8859_15``, ``iso-885915``, ``ISO_8859-15:1998`` all mean ISO 8859-15; ``windows-125x`` cp125x.
_ISO_8859 = compiled(r"^(?:iso|csisolatin)?[-_ ]?8859[-_ ]?(\d{1,2})(?::\d{4})?$")
_WINDOWS = compiled(r"^(?:windows|x-cp|cp)[-_ ]?(\d{3,4})$")


def codec_name(label: str) -> str | None:
    """The Python codec for a charset label (read as its web superset), or None when unknown.

    >>> codec_name("GB2312"), codec_name("x-gbk"), codec_name("Big5"), codec_name("ISO-8859-1")
    ('gb18030', 'gb18030', 'big5hkscs', 'cp1252')
    >>> codec_name(" 'Shift_JIS' "), codec_name("ks_c_5601-1987"), codec_name("UTF8")
    ('cp932', 'cp949', 'utf-8')
    >>> codec_name("base64") is None, codec_name("no-such-charset") is None
    (True, True)
    """
    key = label.strip().strip("\"'").strip().lower()
    if not key or len(key) > MAX_LABEL_CHARS:
        return None
    key = WEB_LABELS.get(key, key)
    key = _ISO_8859.sub(r"iso8859-\1", key)
    key = _WINDOWS.sub(r"cp\1", key)
    try:
        name = codecs.lookup(key).name
    except LookupError:
        return None
    if name in REFUSED or not _is_text_codec(name):
        return None
    return SUPERSETS.get(name, name)


def _is_text_codec(name: str) -> bool:
    """True for codecs that turn bytes into str (``bytes.decode`` refuses the others)."""
    try:
        b"x".decode(name)
    except LookupError:  # base64, rot13, zlib...: not text encodings
        return False
    except UnicodeError:
        return True
    return True
