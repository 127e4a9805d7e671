"""Titles a page prints in its body (``document/body_title.py``): a dump's labelled title row,
through ``finalize``."""

from __future__ import annotations

from tests.document.linekit import dump_article

TITLE = "滨江市人民政府关于沿江大堤加固工程征地范围内禁止新增建设项目的通告"
BODY = [
    "为做好沿江大堤加固工程建设，确保工程征地实物调查工作顺利进行，现就沿江大堤加固工程征地有关事项通告如下：",
    "一、沿江大堤加固工程征地范围为现有堤防两侧十五米以内，自本通告发布之日起，范围内禁止新增建设项目。",
    "二、本通告自发布之日起施行，沿江大堤加固工程征地范围内的单位和个人应当遵守。",
]


def _notice(title_row: str) -> list[tuple[str, bool]]:
    return [
        ("首页 > 政府信息公开", False),
        ("索  引 号：\t11220000013544357T/2022-00426", True),
        ("发文机关：\t滨江市人民政府", True),
        (title_row, True),
        ("发布日期：\t2022年01月28日", True),
        *((line, True) for line in BODY),
    ]


def test_a_notices_labelled_title_row_names_the_title_and_stays_in_the_text() -> None:
    # the header table's title row, its label spaced out to line up with the longer labels; the
    # row is the table's, so it stays in the text with the others
    article = dump_article(_notice(f"标      题：\t{TITLE}"))
    assert article.title == TITLE
    assert f"标 题： {TITLE}" in article.text.splitlines()
    assert article.date is not None and article.date.startswith("2022-01-28")


def test_a_labelled_value_that_names_nothing_of_the_story_is_not_the_title() -> None:
    # a form's empty field, and a value the story does not come back to
    for row in ("标题：  [                    ]", "标题：\t网站首页"):
        assert dump_article(_notice(row)).title != row.split("：")[1].strip()
