"""What bytes say about themselves: declarations, byte-order marks, NUL patterns, binary data."""

from __future__ import annotations

import codecs
import random

import pytest

from cleantext.decode import looks_binary, sniff_declared
from cleantext.decode.byte_signs import bom_codec, nul_pattern_codec


@pytest.mark.parametrize(
    ("head", "codec"),
    [
        (b'<meta charset="gb2312">', "gb18030"),
        (b"<META CHARSET=Big5>", "big5hkscs"),
        (b"<meta charset='shift_jis' />", "cp932"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=GBK">', "gb18030"),
        (b'<meta content="text/html;charset=euc-kr" http-equiv="Content-Type">', "cp949"),
        (b'<?xml version="1.0" encoding="ISO-8859-1"?>', "cp1252"),
        (b'<meta charset="utf-16">', "utf-8"),  # a meta read as ASCII cannot describe UTF-16
        (b'<meta charset="bogus"><meta charset="utf-8">', "utf-8"),  # unknown labels are skipped
    ],
)
def test_declarations_are_found_and_normalised(head: bytes, codec: str) -> None:
    assert sniff_declared(b"<html><head>" + head + b"<title>x</title>") == codec


def test_declarations_outside_a_meta_tag_or_in_comments_or_late_do_not_count() -> None:
    assert sniff_declared(b"<p>set charset=gbk in your editor</p>") is None
    assert sniff_declared(b'<!-- <meta charset="gbk"> --><p>x</p>') is None
    assert sniff_declared(b" " * 5000 + b'<meta charset="gbk">') is None
    assert sniff_declared(b"") is None


def test_byte_order_marks_longest_first() -> None:
    assert bom_codec(codecs.BOM_UTF32_LE + "a".encode("utf-32-le")) == "utf-32"
    assert bom_codec(codecs.BOM_UTF16_LE + b"a\x00") == "utf-16"
    assert bom_codec(codecs.BOM_UTF16_BE + b"\x00a") == "utf-16"
    assert bom_codec(codecs.BOM_UTF8 + b"a") == "utf-8-sig"
    assert bom_codec(b"<html>") is None


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_nul_patterns_name_the_unicode_form(codec: str) -> None:
    assert nul_pattern_codec("<html><p>文字 and text</p></html>".encode(codec)) == codec


def test_no_nul_pattern_in_ascii_compatible_text_or_noise() -> None:
    assert nul_pattern_codec("<p>文字</p>".encode()) is None
    assert nul_pattern_codec(bytes(4096)) is None  # NUL everywhere: not aligned
    assert nul_pattern_codec(random.Random(1).randbytes(4096)) is None


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100),
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x7fELF\x02\x01\x01" + bytes(200),
        b"PK\x03\x04\x14\x00\x06\x00",
        random.Random(2).randbytes(8192),
        bytes(range(32)) * 20,
    ],
)
def test_binary_data_looks_binary(data: bytes) -> None:
    assert looks_binary(data)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        "<p>正文内容</p>\r\n\t".encode("gbk"),
        "<p>正文內容</p>".encode("big5"),
        "<p>text</p>".encode("utf-16"),
        "<p>text</p>".encode("utf-16-le"),
        "日本語のテキスト".encode("iso2022_jp"),
        b"plain text with a form feed\x0c and one stray NUL\x00" + b" more text" * 10,
    ],
)
def test_text_in_any_encoding_is_not_binary(data: bytes) -> None:
    assert not looks_binary(data)
