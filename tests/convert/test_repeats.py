"""In-document repeated paragraphs: the first copy stays, short paragraphs may repeat."""

from __future__ import annotations

from cleantext.convert import remove_repeated_paragraphs

NOTICE = "扫描二维码关注我们的公众号，获取更多精彩内容"


def test_later_copies_of_long_paragraphs_go() -> None:
    paragraphs = [NOTICE, "第一段正文，讲述事情的经过和背景。", NOTICE, "第二段正文。", NOTICE]
    kept, removed = remove_repeated_paragraphs(paragraphs)
    assert kept == [NOTICE, "第一段正文，讲述事情的经过和背景。", "第二段正文。"]
    assert removed == 2


def test_short_paragraphs_may_repeat() -> None:
    dialogue = ["问：你去过吗？", "答：是的。", "问：什么时候？", "答：是的。"]
    assert remove_repeated_paragraphs(dialogue) == (dialogue, 0)


def test_whitespace_differences_are_the_same_paragraph() -> None:
    first, second = "Read more  stories at our site", " Read more stories at our site "
    assert remove_repeated_paragraphs([first, second]) == ([first], 1)


def test_nothing_in_nothing_out() -> None:
    assert remove_repeated_paragraphs([]) == ([], 0)
