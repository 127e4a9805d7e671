"""What the document tests on dump lines share (``test_headline``, ``test_body_title``,
``test_titlelines``): lines already judged, kept or dropped, through ``finalize``."""

from __future__ import annotations

from cleantext.document import finalize
from cleantext.model import Article, Block, Decoded, DropReason, KeepReason, PageMeta, Verdict
from cleantext.text import units_of


def dump_verdicts(lines: list[tuple[str, bool]]) -> list[Verdict]:
    """Each dump line as kept (``body``) or dropped (``short``), scored by its units."""
    return [
        Verdict(Block(i, t, source="text"), keep, KeepReason.BODY if keep else DropReason.SHORT, float(units_of(t)))
        for i, (t, keep) in enumerate(lines)
    ]


def dump_article(lines: list[tuple[str, bool]], meta: PageMeta | None = None) -> Article:
    """The record ``finalize`` makes of the judged lines (there is one)."""
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), dump_verdicts(lines), meta, None)
    assert isinstance(article, Article)
    return article
