"""Contracts for any bytes: decode never raises, its text always encodes to UTF-8, and it is deterministic."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleantext.decode import decode, looks_binary, sniff_declared
from cleantext.model import RawPage

FRAGMENTS = st.sampled_from(
    [b"<meta charset=gb2312>", b"<meta charset=utf-16>", b"<?xml encoding='big5'?>", b"<p>", b"</p>",
     b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00", b"\x1b$B", "中文".encode("gbk"), "中文".encode(),
     "中文".encode("utf-16-le"), b"\xe4\xb8", b"\x80\x81\x8d", b"<script>", b"<!--", b"caf\xe9"]
)
PAGES = st.one_of(st.binary(max_size=3000), st.lists(FRAGMENTS, max_size=40).map(b"".join))
LABELS = st.one_of(st.none(), st.sampled_from(["gbk", "utf-16", "utf-8", "latin1", "nonsense", "base64"]))
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(PAGES, LABELS, LABELS)
def test_any_bytes_decode_to_utf8_encodable_text_deterministically(
    data: bytes, charset: str | None, forced: str | None
) -> None:
    hints = {"charset": charset} if charset else {}
    first = decode(RawPage("fuzz", data, hints), forced=forced)
    first.text.encode("utf-8")  # no lone surrogates
    assert first.replaced >= 0 and 0.0 <= first.confidence <= 1.0
    assert first == decode(RawPage("fuzz", data, hints), forced=forced)
    looks_binary(data)
    sniff_declared(data)


@FAST
@given(st.text(max_size=500))
def test_container_text_always_encodes(text: str) -> None:
    decoded = decode(RawPage("c", b"", {"text": text}))
    decoded.text.encode("utf-8")
    assert decoded.method == "container"


# Text without surrogates, NUL (NULs in step read as UTF-16), ESC (ISO-2022) or BOM.
PLAIN = st.text(
    st.characters(codec="utf-8", exclude_characters="\x00\x1b\ufeff"), max_size=500
)


@FAST
@given(PLAIN)
def test_valid_utf8_round_trips(text: str) -> None:
    assert decode(RawPage("u", text.encode("utf-8"))).text == text
