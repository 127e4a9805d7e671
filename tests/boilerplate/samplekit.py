"""Blocks of every sample page (``samples/``), HTML and dumps, for tests of the ladder and its memory."""

from __future__ import annotations

from cleantext.decode import decode
from cleantext.model import Block, RawPage
from cleantext.segment import segment
from tests.conftest import SAMPLES


def sample_blocks() -> list[Block]:
    """Every block of every sample page, HTML and dumps."""
    blocks: list[Block] = []
    for path in sorted(SAMPLES.rglob("*")):
        if path.suffix in (".html", ".txt"):
            blocks += segment(decode(RawPage(uri=str(path), data=path.read_bytes())))[0]
    return blocks
