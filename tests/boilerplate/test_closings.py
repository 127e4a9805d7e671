"""The lines that close an article (``boilerplate.closings``), on blocks built directly; the whole
of ``articles._signed_off`` with them is tested in ``test_articles.py``."""

from __future__ import annotations

from cleantext.boilerplate.closings import _in_a_row, _the_one, closing_share_bar, closing_toolbar
from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.features import features_of
from cleantext.model import Block, BlockClass, BlockReason, DropReason, KeepReason, Step

PARA = "国务院近日召开的做强国内大循环工作推进会提出，结合现阶段我国发展实际，要加快构建新发展格局。"
OTHER = "这座老桥有很多人都走过，但很少有人知道它其实是一位来自外地的工匠主持修建的，他的一生也颇为传奇。"


def _judged(rows: list[tuple[str, BlockReason, str]]) -> tuple[list[Block], list[Judged]]:
    """Blocks of a dump and their verdicts: each row's text, reason and the rule that gave it."""
    blocks = [Block(i, text, source="text") for i, (text, _, _) in enumerate(rows)]
    judged = []
    for text, reason, rule in rows:
        cls = BlockClass.GOOD if reason is KeepReason.BODY else BlockClass.BAD
        judged.append(Judged(cls, reason, features_of(text), (Step(rule, cls, reason),), dump=True))
    return blocks, judged


def test_a_closing_line_counts_only_once() -> None:
    assert _the_one(iter([4])) == 4
    assert _the_one(iter([4, 9])) == -1 and _the_one(iter([])) == -1


def test_a_teaser_printed_twice_is_one_paragraph_not_two_in_a_row() -> None:
    blocks, judged = _judged([(PARA, KeepReason.BODY, "prose"), (PARA, KeepReason.BODY, "prose"),
                              (OTHER, KeepReason.BODY, "prose")])
    assert not _in_a_row(blocks, judged, 0)
    assert _in_a_row(blocks, judged, 1)
    # the copy a picture's caption wraps in words of its own, or a dump tool wraps on other lines
    head = "Storm closes the harbour for a week as the council counts the cost of the floods"
    for first, second in [
        (PARA + "の画像", PARA),  # ``X の画像``: the picture of X
        (PARA, PARA + " 2024年5月24日"),  # the headline, then the headline with its date
        (head, head.replace(" the council", "\nthe council")),
    ]:
        blocks, judged = _judged([(first, KeepReason.BODY, "prose"), (second, KeepReason.BODY, "prose")])
        assert not _in_a_row(blocks, judged, 0), second


def test_a_toolbar_under_the_first_paragraph_closes_once_and_one_over_it_is_passed_over() -> None:
    bar = ("【打印】【关闭】", DropReason.NAV, "controls")
    para, other = (PARA, KeepReason.BODY, "prose"), (OTHER, KeepReason.BODY, "prose")
    blocks, judged = _judged([bar, para, other, bar])
    assert closing_toolbar(judged, (0, len(blocks))) == 3  # the bar over the story is not below it
    blocks, judged = _judged([para, bar, other, bar])
    assert closing_toolbar(judged, (0, len(blocks))) == -1  # one under every entry: a listing's


def test_a_share_bar_closes_unless_paragraphs_in_a_row_go_on_below_it() -> None:
    share = [("Email", DropReason.SHARE, "marker"), ("Share", DropReason.SHARE, "marker")]
    article = [(PARA, KeepReason.BODY, "prose"), (OTHER, KeepReason.BODY, "prose")]
    blocks, judged = _judged([*article, *share, ("Donate today to keep us going.", KeepReason.BODY, "prose")])
    assert closing_share_bar(blocks, judged, (0, len(blocks))) == 2
    blocks, judged = _judged([*article, *share, *article])
    assert closing_share_bar(blocks, judged, (0, len(blocks))) == -1
