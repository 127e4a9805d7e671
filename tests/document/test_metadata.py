"""Dates, titles and metadata lines, from strings."""

from __future__ import annotations

import pytest

from cleantext.document.dates import find_date
from cleantext.document.lines import read_line
from cleantext.document.title import html_title, strip_channel_tag, strip_site


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("2025-07-03 09:55:12", None, "2025-07-03T09:55:12"),
        ("2025年7月3日 09:55", None, "2025-07-03T09:55"),
        ("2025/07/03", None, "2025-07-03"),
        ("发布时间：2025.07.03", None, "2025-07-03"),
        ("2025-07-03T09:55:12+08:00", None, "2025-07-03T09:55:12+08:00"),
        ("2025-07-03T09:55:12Z", None, "2025-07-03T09:55:12Z"),
        ("Published July 3, 2025", None, "2025-07-03"),
        ("3 July 2025", None, "2025-07-03"),
        ("07/03/2025", "en", "2025-07-03"),  # ambiguous: English pages write month first
        ("07/03/2025", "de", "2025-03-07"),  # elsewhere day first
        ("13/03/2025", "en", "2025-03-13"),  # not ambiguous
        ("1234-56-78", None, None),
        ("no date here", None, None),
    ],
)
def test_find_date(text: str, lang: str | None, expected: str | None) -> None:
    assert find_date(text, lang) == expected


def test_date_keeps_no_invented_timezone() -> None:
    assert find_date("2025-07-03 09:55") == "2025-07-03T09:55"


@pytest.mark.parametrize(
    ("line", "date", "site", "author", "consumed"),
    [
        ("时间:2025-07-03 09:55:12来源:中国新闻网", "2025-07-03T09:55:12", "中国新闻网", None, True),
        ("来源：新华社 作者：张三", None, "新华社", "张三", True),
        ("作者：李四  编辑：王五", None, None, "李四", True),
        ("By Jane Doe", None, None, "Jane Doe", True),
        ("Published: July 3, 2025 By Jane Doe", "2025-07-03", None, "Jane Doe", True),
        ("by the way this is fine", None, None, None, False),
        # a source that names no publisher is no site, and the line is still metadata
        ("来源：本站原创 作者：医技药剂党支部", None, None, "医技药剂党支部", True),
        ("来源：网络", None, None, None, True),
        # "comes from" with a label's colon is a source line; without one it is a sentence's verb
        ("来源于：东区办事处", None, "东区办事处", None, True),
        ("造型灵感来源于飞跃而起的鲸鱼", None, None, None, False),
        ("2025-07-03 来源：转载文章", "2025-07-03", None, None, True),
        # a picture's source is not the article's
        ("图片来源：摄图网", None, None, None, False),
    ],
)
def test_read_line(line: str, date: str | None, site: str | None, author: str | None, consumed: bool) -> None:
    meta = read_line(line)
    assert (meta.date, meta.site, meta.author, meta.consumed) == (date, site, author, consumed)


def test_prose_mentioning_a_date_stays_in_the_body() -> None:
    text = "推进会于2025年7月3日提出，结合现阶段我国发展实际，要加快构建新发展格局。"
    assert read_line(text).consumed is False
    long_text = text * 3  # past MAX_META_UNITS: prose, not a metadata line at all
    assert read_line(long_text).date is None


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("在沪直销企业签署备忘录_新华网", "在沪直销企业签署备忘录"),
        ("Trade talks resume after a long pause | Reuters", "Trade talks resume after a long pause"),
        ("国内新闻 - 某某网 - 在沪直销企业和电商平台企业签署备忘录", "在沪直销企业和电商平台企业签署备忘录"),
    ],
)
def test_strip_site(title: str, expected: str) -> None:
    assert strip_site(title) == expected


def test_html_title_prefers_the_h1_confirmed_by_the_head() -> None:
    assert html_title("标题很长的新闻_新华网", None, "标题很长的新闻") == ("标题很长的新闻", "新华网")
    assert html_title("Story | Site", "Story", "Site logo")[0] == "Story"


def test_channel_tag_after_a_dump_headline() -> None:
    assert (
        strip_channel_tag("签署备忘录 打造规范、活力的上海电商生态 滚动")
        == "签署备忘录 打造规范、活力的上海电商生态"
    )
    assert strip_channel_tag("Trade talks resume") == "Trade talks resume"


def test_markup_left_by_a_converter_is_no_author_or_source() -> None:
    from cleantext.document.lines import read_line

    line = read_line('作者： size="20"   来源： size="20"   发布日期： 7/5/2005 9:23:57 PM')
    assert (line.author, line.site, line.date) == (None, None, "2005-05-07T21:23:57")  # no lang: day first; PM read
