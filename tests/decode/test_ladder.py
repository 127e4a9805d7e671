"""The decode ladder, one test per rung and per rule, on the smallest bytes that show it (real chardet)."""

from __future__ import annotations

import codecs
import random

from cleantext.decode import decode
from cleantext.model import RawPage

ZH = "国务院总理朱镕基今天在北京会见了来访的客人。本报记者张堃报道，双方就经济合作交换了意见。"
HANT = "香港電台今日報道，特區政府宣佈將於下月推出新一輪紓困措施，協助中小企業渡過難關。"


def page(body: str, codec: str, meta: str | None = None, **hints: object) -> RawPage:
    head = f'<meta http-equiv="Content-Type" content="text/html; charset={meta}">' if meta else ""
    return RawPage("t.html", f"<html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"
                   .encode(codec), dict(hints))


# --- byte-order marks ---------------------------------------------------------------------------

def test_bom_decides_over_a_declaration() -> None:
    raw = page(ZH, "utf-8", meta="gb2312")
    d = decode(RawPage("b", codecs.BOM_UTF8 + raw.data))
    assert (d.encoding, d.method) == ("utf-8-sig", "bom")
    assert d.text.startswith("<html>") and ZH in d.text


def test_utf16_with_bom_is_recorded_as_utf16() -> None:
    big_endian = codecs.BOM_UTF16_BE + ("<p>" + ZH).encode("utf-16-be")
    for data in ("<p>" + ZH + "</p>").encode("utf-16"), big_endian:
        d = decode(RawPage("u16", data))
        assert (d.encoding, d.method, d.replaced) == ("utf-16", "bom", 0)
        assert ZH in d.text and not d.text.startswith("\ufeff")


def test_utf32_with_bom() -> None:
    d = decode(RawPage("u32", ("<p>" + ZH).encode("utf-32")))
    assert (d.encoding, d.method) == ("utf-32", "bom") and ZH in d.text


def test_utf16le_without_bom_is_found_by_its_nuls() -> None:
    d = decode(page(ZH, "utf-16-le"))
    assert (d.encoding, d.method) == ("utf-16-le", "detected")
    assert ZH in d.text


def test_utf16be_without_bom_is_found_by_its_nuls() -> None:
    d = decode(page(ZH, "utf-16-be", meta="iso-8859-1"))  # the lying meta cannot be read anyway
    assert d.encoding == "utf-16-be" and ZH in d.text


# --- declarations -------------------------------------------------------------------------------

def test_declared_gb2312_reads_gbk_only_characters_as_gb18030() -> None:
    d = decode(page(ZH, "gbk", meta="gb2312"))
    assert (d.encoding, d.method, d.replaced) == ("gb18030", "declared", 0)
    assert "朱镕基" in d.text and "张堃" in d.text  # 镕 and 堃 are outside GB2312


def test_declared_big5_reads_as_big5hkscs() -> None:
    d = decode(page(HANT + "佢哋話係好嘅開始。", "big5hkscs", meta="big5"))
    assert (d.encoding, d.method) == ("big5hkscs", "declared") and "佢哋" in d.text


def test_container_charset_comes_before_the_meta() -> None:
    d = decode(page(ZH, "gbk", meta="big5", charset="GBK"))
    assert (d.encoding, d.method) == ("gb18030", "declared") and ZH in d.text


def test_lying_container_charset_falls_back_to_the_meta() -> None:
    d = decode(page(ZH, "gbk", meta="gb2312", charset="utf-8"))
    assert (d.encoding, d.method) == ("gb18030", "declared") and ZH in d.text


def test_declared_utf8_over_gbk_bytes_is_rejected() -> None:
    d = decode(page(ZH, "gbk", meta="utf-8"))
    assert (d.encoding, d.method, d.replaced) == ("gb18030", "detected", 0) and ZH in d.text


def test_declared_latin1_over_utf8_bytes_is_rejected() -> None:
    d = decode(page("Le président s’est réuni « à huis clos » à Genève.", "utf-8", meta="iso-8859-1"))
    assert (d.encoding, d.method) == ("utf-8", "utf-8") and "président" in d.text


def test_declared_latin1_over_gbk_bytes_is_rejected() -> None:
    d = decode(page(ZH, "gbk", meta="iso-8859-1"))
    assert (d.encoding, d.method) == ("gb18030", "detected") and ZH in d.text


def test_declared_latin1_is_read_as_windows_1252() -> None:
    d = decode(page("“Quoted” – and ‘single’ … naïve café", "cp1252", meta="iso-8859-1"))
    assert (d.encoding, d.method, d.replaced) == ("cp1252", "declared", 0)
    assert "“Quoted” – and ‘single’ … naïve café" in d.text


def test_utf16_label_over_ascii_compatible_bytes_is_read_as_utf8() -> None:
    d = decode(page("café", "utf-8", meta="utf-16"))  # WHATWG: a meta read as ASCII is not UTF-16
    assert (d.encoding, d.method) == ("utf-8", "declared") and "café" in d.text
    d = decode(page("café", "utf-8", charset="utf-16"))
    assert (d.encoding, d.method) == ("utf-8", "utf-8") and "café" in d.text


def test_pure_ascii_is_utf8_whatever_it_declares() -> None:
    d = decode(page("plain English", "ascii", meta="iso-8859-1"))
    assert (d.encoding, d.method) == ("utf-8", "utf-8")


def test_iso2022jp_is_not_taken_for_ascii() -> None:
    d = decode(page("日本語のテキストです。", "iso2022_jp", meta="iso-2022-jp"))
    assert (d.encoding, d.method) == ("iso2022_jp", "declared") and "日本語" in d.text


# --- strict UTF-8 over the whole page --------------------------------------------------------------

def test_strict_utf8_finds_non_ascii_after_100_kb_of_ascii() -> None:
    data = b"<html><script>" + b"var x = 1;\n" * 10_000 + "</script><p>文字 café</p>".encode()
    assert data.index(b"\xe6") > 100_000
    d = decode(RawPage("late", data))
    assert (d.encoding, d.method, d.replaced) == ("utf-8", "utf-8", 0) and d.text.endswith("文字 café</p>")


def test_truncated_multibyte_at_the_end_costs_one_replacement() -> None:
    data = page(ZH, "utf-8").data + "尾".encode()[:2]
    d = decode(RawPage("cut", data))
    assert (d.encoding, d.method, d.replaced) == ("utf-8", "utf-8", 1) and d.text.endswith("\ufffd")


def test_truncated_gbk_page_keeps_its_declaration() -> None:
    data = page(ZH, "gbk", meta="gb2312").data + "尾".encode("gbk")[:1]
    d = decode(RawPage("cut", data))
    assert (d.encoding, d.method, d.replaced) == ("gb18030", "declared", 1)


def test_a_few_damaged_sequences_are_tolerated_and_counted() -> None:
    good = page(ZH * 40, "gbk", meta="gb2312").data
    middle = good.index(ZH.encode("gbk")) + len(ZH.encode("gbk")) * 20  # between two characters
    data = good[:middle] + b"\xff" + good[middle:]
    d = decode(RawPage("damaged", data))
    assert (d.encoding, d.method, d.replaced) == ("gb18030", "declared", 1)


# --- detection, fallback ------------------------------------------------------------------------

def test_undeclared_gbk_is_detected() -> None:
    d = decode(page(ZH, "gbk"))
    assert (d.encoding, d.method) == ("gb18030", "detected") and 0 < d.confidence <= 1 and ZH in d.text


def test_undeclared_big5_is_detected() -> None:
    d = decode(page(HANT * 2, "big5"))
    assert (d.encoding, d.method) == ("big5hkscs", "detected") and HANT in d.text


def test_undeclared_english_with_symbols_is_windows_1252() -> None:
    text = "ROLODEX® Electronics, Palm® and Windows® CE devices – “Franklin” © 2006."
    d = decode(page(text * 3, "cp1252"))
    assert (d.encoding, d.method) == ("cp1252", "detected") and text in d.text


def test_random_high_bytes_are_not_text() -> None:
    data = bytes(random.Random(3).randrange(0x80, 0x100) for _ in range(4000))
    d = decode(RawPage("noise.txt", data))
    assert d.method == "not-text" and d.confidence < 0.1 and d.encoding is not None


def test_text_without_a_single_ascii_byte_is_still_text() -> None:
    """Every space and line break removed, as in some scripts' dumps: chardet stays sure of it."""
    texts = {"koi8-r": "Москваявляетсястолицейикрупнейшимгородомстраны" * 30, "gbk": ZH.replace("，", "") * 12,
             "iso8859-7": "ΗΑθήναείναιηπρωτεύουσατηςΕλλάδας" * 40, "cp949": "한국어는대한민국의공용어이다" * 50}
    for codec, text in texts.items():
        d = decode(RawPage("t.txt", text.encode(codec)))
        assert d.method == "detected" and text in d.text, codec


def test_fallback_counts_replaced_characters() -> None:
    data = random.Random(7).randbytes(3000)
    d = decode(RawPage("noise", data))
    assert d.method == "fallback" and d.confidence == 0.0 and d.replaced > 0
    assert d.text.count("\ufffd") >= d.replaced
    d.text.encode("utf-8")


# --- caller decisions ---------------------------------------------------------------------------

def test_forced_encoding_is_applied_and_invalid_bytes_counted() -> None:
    d = decode(page(ZH, "utf-8", meta="utf-8"), forced="GBK")
    assert (d.encoding, d.method) == ("gb18030", "forced") and ZH not in d.text


def test_forced_unknown_encoding_is_ignored() -> None:
    d = decode(page(ZH, "utf-8"), forced="no-such-codec")
    assert (d.encoding, d.method) == ("utf-8", "utf-8")


def test_container_text_is_used_as_is_without_surrogates() -> None:
    d = decode(RawPage("r.jsonl#1", b"ignored", {"text": "正文\ud800内容"}), forced="gbk")
    assert (d.text, d.encoding, d.method, d.replaced) == ("正文\ufffd内容", "utf-8", "container", 1)


def test_hints_pass_through() -> None:
    d = decode(page(ZH, "utf-8", url="http://example.com/a", id="a1"))
    assert d.hints == {"url": "http://example.com/a", "id": "a1"} and d.uri == "t.html"


# --- speed --------------------------------------------------------------------------------------
