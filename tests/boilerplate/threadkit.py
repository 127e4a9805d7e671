"""What the thread tests share (``test_posts``, ``test_dumpposts``): the hand-made fixtures in
``tests/boilerplate/posts``, the text each must give, and blocks judged by the ladder alone."""

from __future__ import annotations

from pathlib import Path

from cleantext.boilerplate import classify
from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.features import features_of
from cleantext.boilerplate.rules import judge
from cleantext.document import finalize
from cleantext.model import Article, Block, Decoded, Verdict
from cleantext.segment import segment

FIXTURES = Path(__file__).parent / "posts"
PROSE = "A reply long enough to read as a sentence, with a comma and a full stop at its end."


def expected(name: str) -> str:
    """The text the fixture ``name`` must give."""
    return (FIXTURES / name).with_suffix(".expected.txt").read_text(encoding="utf-8").strip()


def reasons(verdicts: list[Verdict], text: str) -> set[str]:
    """The reasons given to the blocks holding ``text``."""
    return {str(v.reason) for v in verdicts if text in v.block.text}


def judged(blocks: list[Block]) -> list[Judged]:
    """Each block as the ladder alone judges it, before any page-level step."""
    out = []
    for block in blocks:
        step = judge(block)
        out.append(Judged(step.cls, step.reason, features_of(block.text), (step,), block.in_list))
    return out


def cleaned(name: str) -> tuple[list[Verdict], Article]:
    """The fixture ``name`` (HTML or a dump) through segment, classify and finalize: its verdicts
    and its record."""
    path = FIXTURES / name
    doc = Decoded(str(path), path.read_text(encoding="utf-8"), "utf-8", "utf-8")
    blocks, meta, _ = segment(doc, "auto")
    verdicts = classify(blocks, meta)
    record = finalize(doc, verdicts, meta, None)[0]
    assert isinstance(record, Article)
    return verdicts, record
