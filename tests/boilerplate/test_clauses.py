"""A notice's numbered clauses (``boilerplate.clauses``): heads numbered in sequence among the
notice's text are text; numbered lines out of sequence, or away from any text, are not."""

from __future__ import annotations

import pytest

from cleantext.boilerplate.clauses import enumerator, numbered_clauses, numeral
from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.features import features_of
from cleantext.model import Block, BlockClass, DropReason, KeepReason

PROSE = "为改善老旧小区居民出行条件，根据有关规定，现就有关工作通知如下。"


def _run(lines: list[str], first: BlockClass = BlockClass.GOOD) -> list[Judged]:
    blocks = [Block(i, text, source="text") for i, text in enumerate([PROSE, *lines])]
    reason = KeepReason.BODY if first is BlockClass.GOOD else DropReason.FOOTER
    judged = [Judged(first, reason, features_of(PROSE), dump=True)]
    judged += [Judged(BlockClass.SHORT, DropReason.SHORT, features_of(t), dump=True) for t in lines]
    numbered_clauses(blocks, judged)
    return judged[1:]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("三、申报时间", ("一、", 3)), ("十二、附则", ("一、", 12)), ("（二）电梯验收合格证明；", ("（一）", 2)),
        ("(3) 其他材料", ("(1)", 3)), ("第二十一条 本办法自发布之日起施行。", ("第条", 21)), ("4、注意事项", ("1、", 4)),
        ("三月的天气", None), ("2024年4月8日", None),
    ],
)
def test_enumerators(text: str, found: tuple[str, int] | None) -> None:
    assert enumerator(text) == found


def test_numerals() -> None:
    assert [numeral(t) for t in ("一", "九", "十", "十一", "二十", "三十五", "百", "15")] == [1, 9, 10, 11, 20, 35, 0, 15]


def test_an_outline_among_the_text_is_kept() -> None:
    judged = _run(["一、申报范围", "二、补贴标准", "每台补贴二十万元", "三、申报时间", "（一）申请表；", "（二）证明；", "（三）意见。"])
    assert [str(item.reason) for item in judged] == ["clause", "clause", "short", "clause", "clause", "clause", "clause"]


def test_two_heads_are_not_an_outline() -> None:
    assert all(item.cls is BlockClass.SHORT for item in _run(["一、申报范围", "二、补贴标准"]))


def test_heads_out_of_sequence_are_not_an_outline() -> None:
    assert all(item.cls is BlockClass.SHORT for item in _run(["一、首页", "三、新闻", "二、图片", "五、视频"]))


def test_an_outline_away_from_the_text_is_not_the_notices() -> None:
    # a numbered list after the footer, with no text among or just before its entries
    lines = ["办事指南", "服务事项", "常见问题", "一、个人办事", "二、法人办事", "三、办件查询"]
    assert all(item.cls is BlockClass.SHORT for item in _run(lines, BlockClass.BAD))
