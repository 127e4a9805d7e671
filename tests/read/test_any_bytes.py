"""Property: whatever bytes arrive, reading yields RawPage/Failure items and never raises."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.config import Config
from cleantext.model import Failure, RawPage
from cleantext.read import iter_pages

# Prefixes that send the bytes down each path: the decompressors, the WARC and JSONL readers.
PREFIXES = [b"", b"\x1f\x8b", b"\x1f\x8b\x08\x00", b"BZh9", b"\xfd7zXZ\x00", b"\x28\xb5\x2f\xfd",
            b"WARC/1.0\r\n", b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n",
            b'{"text": "a"}\n', b'{"html": 1}\n']  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=2000))
def test_any_bytes_on_stdin_never_raise(prefix: bytes, body: bytes) -> None:
    got = list(iter_pages(["-"], Config(max_page_bytes=1000), io.BytesIO(prefix + body)))
    assert all(isinstance(item, RawPage | Failure) for item in got)  # an empty container yields nothing
    for item in got:
        if isinstance(item, RawPage):
            assert len(item.data) <= 1000
