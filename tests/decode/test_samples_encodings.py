"""Labelled samples, as in chardet's own tests: ``samples/encodings/<expected codec>/<file>``.

The folder name is the answer. Files come from ``samples/encodings/make_samples.py`` (run once);
some declare their charset, some declare nothing, some declare one their bytes contradict.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cleantext.decode import decode, looks_binary
from cleantext.model import RawPage

ENCODINGS = Path(__file__).resolve().parents[2] / "samples" / "encodings"
SAMPLES = sorted(p for p in ENCODINGS.glob("*/*") if p.suffix in (".html", ".txt"))


def test_there_are_samples_for_the_main_encodings() -> None:
    folders = {p.parent.name for p in SAMPLES}
    assert {"utf-8", "utf-16", "gb18030", "big5hkscs", "cp1252", "cp932", "cp949"} <= folders


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_sample_decodes_as_its_folder_says(path: Path) -> None:
    data = path.read_bytes()
    decoded = decode(RawPage(str(path), data))
    assert decoded.encoding == path.parent.name, decoded.method
    assert decoded.replaced == 0
    assert "\ufffd" not in decoded.text
    assert not looks_binary(data)
