"""Every benchmark page decodes with its true encoding (modulo supersets), and every dump as UTF-8.

``/work/shared/bench/<set>/<id>.html`` holds real pages in their original bytes, with the charset
that really decodes them in ``<id>.json`` (field ``encoding``): GB2312-declared pages that need
GBK or GB18030, pages that declare nothing, iso-8859-1 declarations over UTF-8 bytes, a gb2312
declaration over UTF-8 bytes, windows-1252 pages without a declaration. ``<id>.txt`` are UTF-8
text dumps. Where the benchmark is not present (``../shared/bench``), the tests fail with a message
under CI (which sets ``CI``) and are skipped, saying why, elsewhere.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cleantext.decode import codec_name, decode, looks_binary
from cleantext.decode.byte_signs import mask_declarations
from cleantext.model import RawPage

BENCH = Path(__file__).resolve().parents[3] / "shared" / "bench"
PAGES = sorted(BENCH.glob("*/*.html"))
DUMPS = sorted(p for p in BENCH.glob("*/*.txt") if p.with_suffix(".json").exists())
SAME = {"utf-8-sig": "utf-8"}  # a page with a UTF-8 byte-order mark is a UTF-8 page



@pytest.fixture(autouse=True)
def _bench_present() -> None:
    if PAGES:
        return
    message = f"benchmark pages not found under {BENCH}"
    if os.environ.get("CI"):
        pytest.fail(f"{message}: CI must provide the shared bench beside the checkout", pytrace=False)
    pytest.skip(message)


def _truth(page: Path) -> str:
    label = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))["encoding"]
    codec = codec_name(label)
    assert codec is not None, label
    return codec


def _wrong(pages: list[Path], hide_declarations: bool = False) -> list[tuple[str, str, str, str]]:
    wrong = []
    for page in pages:
        data = page.read_bytes()
        decoded = decode(RawPage(str(page), mask_declarations(data) if hide_declarations else data))
        truth = _truth(page)
        if SAME.get(decoded.encoding, decoded.encoding) != truth or looks_binary(data):
            wrong.append((page.name, truth, decoded.encoding, decoded.method))
    return wrong


def test_every_bench_page_decodes_with_its_true_encoding() -> None:
    assert _wrong(PAGES) == []


def test_legacy_bench_pages_are_detected_even_without_their_declarations() -> None:
    legacy = [p for p in PAGES if _truth(p) != "utf-8"]
    assert len(legacy) >= 60
    assert _wrong(legacy, hide_declarations=True) == []


def test_every_text_dump_decodes_as_utf8() -> None:
    for dump in DUMPS:
        decoded = decode(RawPage(str(dump), dump.read_bytes()))
        assert (decoded.encoding, decoded.replaced) == ("utf-8", 0), dump
