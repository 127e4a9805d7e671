"""Charset labels → Python codecs, read as their web supersets; unknown and non-text codecs refused."""

from __future__ import annotations

import pytest

from cleantext.decode import codec_name


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("GB2312", "gb18030"),
        ("gbk", "gb18030"),
        ("x-gbk", "gb18030"),
        ("cp936", "gb18030"),
        ("GB18030", "gb18030"),
        ("Big5", "big5hkscs"),
        ("big5-hkscs", "big5hkscs"),
        ("ISO-8859-1", "cp1252"),
        ("latin1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("windows-1252", "cp1252"),
        ("Shift_JIS", "cp932"),
        ("x-sjis", "cp932"),
        ("windows-31j", "cp932"),
        ("EUC-KR", "cp949"),
        ("ks_c_5601-1987", "cp949"),
        ("euc-jp", "euc_jp"),
        ("UTF8", "utf-8"),
        ("utf-16", "utf-16"),
        ("UTF-16LE", "utf-16-le"),
        ("windows-1251", "cp1251"),
        ("windows-874", "cp874"),
        ("iso8859-15", "iso8859-15"),
        ("ISO_8859-2", "iso8859-2"),
        ("koi8-r", "koi8-r"),
        (' "gb2312" ', "gb18030"),
    ],
)
def test_labels_map_to_python_codecs_and_supersets(label: str, codec: str) -> None:
    assert codec_name(label) == codec


@pytest.mark.parametrize(
    "label", ["", "   ", "no-such-charset", "base64", "rot13", "zlib", "undefined", "unicode_escape", "utf-7",
              "x" * 100],
)
def test_unknown_and_non_text_codecs_are_refused(label: str) -> None:
    assert codec_name(label) is None


def test_every_answer_is_a_fixed_point() -> None:
    for label in ["gb2312", "big5", "latin1", "shift_jis", "euc-kr", "utf-16le", "koi8-u", "cp1250"]:
        codec = codec_name(label)
        assert codec is not None and codec_name(codec) == codec
