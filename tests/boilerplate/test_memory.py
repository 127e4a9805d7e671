"""A run's memory of the ladder's answers (``boilerplate.memory``): the same answers, from memory."""

from __future__ import annotations

from typing import cast

from cleantext.boilerplate.features import features_of
from cleantext.boilerplate.memory import JUDGED_FIELDS, RememberingJudge
from cleantext.boilerplate.rules import judge
from cleantext.model import Block
from tests.boilerplate.samplekit import sample_blocks

PROSE_ZH = "国务院近日召开的做强国内大循环工作推进会提出，结合现阶段我国发展实际，要加快构建新发展格局。"


class _Reading:
    """A block that notes which of its fields are read."""

    def __init__(self, block: Block) -> None:
        self._block = block
        self.fields: set[str] = set()

    def __getattr__(self, name: str) -> object:
        self.fields.add(name)
        return getattr(self._block, name)


def test_the_ladder_reads_only_the_fields_its_memory_is_keyed_on() -> None:
    read: set[str] = set()
    for block in sample_blocks():
        reading = _Reading(block)
        judge(cast(Block, reading), features_of(block.text))
        read |= reading.fields
    assert "text" in read and read <= set(JUDGED_FIELDS)


def test_remembered_answers_are_the_ladders_answers() -> None:
    remember = RememberingJudge()
    blocks = sample_blocks()
    for block in blocks + blocks:  # the second time round, short blocks are answered from memory
        step = judge(block)
        assert remember(block) == (step.cls, step.reason, (step,), features_of(block.text))


def test_memory_tells_apart_blocks_that_differ_only_in_a_judged_field() -> None:
    remember = RememberingJudge()
    text = "市场监管局召开会议部署工作"
    item, line, link = Block(0, text, kind="li", in_list=True), Block(1, text), Block(2, text, link_chars=len(text))
    answers = [remember(block)[:2] for block in (item, line, link, item, line, link)]
    assert answers[:3] == [("bad", "related-list"), ("short", "short"), ("bad", "link-dense")]
    assert answers[3:] == answers[:3]


def test_memory_is_bounded_and_keeps_no_long_block() -> None:
    remember = RememberingJudge(capacity=4)
    for i in range(10):
        remember(Block(i, f"菜单 {i}"))
        assert len(remember) <= 4
    remember = RememberingJudge()
    remember(Block(0, PROSE_ZH * 10))
    assert len(remember) == 0


def test_two_judges_share_no_memory() -> None:
    first, second = RememberingJudge(), RememberingJudge()
    first(Block(0, "分享到：微信 微博"))
    assert (len(first), len(second)) == (1, 0)
