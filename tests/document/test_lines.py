"""Lines of metadata: relative datelines, and a date opening a line too long to be metadata only."""

from __future__ import annotations

import pytest

from cleantext.document.lines import lead_date, read_line, relative_line

TOOLBAR = " 分享到：微信 微博 QQ空间 评论(12) 字号：大 中 小 打印本页 关闭窗口 收藏本文 推荐给朋友 举报"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-05-06 08:15:30 来源：滨江晨报" + TOOLBAR, "2021-05-06T08:15:30"),  # a time of day
        ("发布时间：2021年5月6日" + TOOLBAR, "2021-05-06"),  # a label
        ("2021年5月6日，记者从市交通局获悉，三条主干道将于下月起分段封闭施工，市民出行请提前绕行。", None),  # a lead
        ("市交通局2021-05-06 08:15发布通知说，三条主干道将于下月起分段封闭施工，市民出行请提前绕行。", None),
    ],
)
def test_lead_date(text: str, expected: str | None) -> None:
    assert lead_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("王小明 3小时前", True),
        ("昨天 10:20 来源：滨江晨报", True),
        ("Updated 2 hours ago", True),
        ("3天前我去了一趟城东的菜市场，发现蔬菜价格涨了不少。", False),  # prose
        ("滨江晨报 2021-05-06", False),  # an absolute date is read_line's
    ],
)
def test_relative_line(text: str, expected: bool) -> None:
    assert relative_line(text) is expected


@pytest.mark.parametrize(
    ("text", "author", "consumed"),
    [
        ("本报记者王小明李红", "王小明李红", True),  # two reporters' names glued: a byline
        ("滨江晨报记者赵一钱二孙", "赵一钱二孙", True),
        ("小记者训练营今天开营了", None, False),  # 记者 inside a compound, then prose
        ("他对记者说今天很热闹啊", None, False),
    ],
)
def test_reporters_names_glued_on_their_own_line(text: str, author: str | None, consumed: bool) -> None:
    line = read_line(text)
    assert (line.author, line.consumed) == (author, consumed)


@pytest.mark.parametrize(
    ("text", "author", "consumed"),
    [
        ("文：李小明", "李小明", True),  # the writer's label on its own
        ("（文：李小明）", "李小明", True),
        ("图文：李小明", "李小明", True),
        ("周文：城市更新要守住历史的肌理", None, False),  # a headline opening with a name ending in 文
        ("本文：城市更新要守住历史的肌理", None, False),
    ],
)
def test_the_writers_label_is_a_word_of_its_own(text: str, author: str | None, consumed: bool) -> None:
    line = read_line(text)
    assert (line.author, line.consumed) == (author, consumed)


@pytest.mark.parametrize(
    ("text", "consumed"),
    [
        ("Posted on May 12, 2024 at 9:15 am", True),  # a dateline: its short words say nothing more
        ("Sun, May 12, 2024 · 3 min read", True),
        ("Monday, September 9, 2002 1:57 p.m. EDT", True),
        ("12-19-2011 by Jane Doe", True),
        # sentences of an article that mention a date stay in it, whatever their length
        ("This post is somewhat old, but I just found it today (12-19-2011).", False),
        ("On March 3, 2009, our club held its first spring picnic by the lake.", False),
        ("August 17, 2002 was the date of the yearly fair in our town. We were there.", False),
        # a dump's button or picture beside the dateline is no word of it; bracketed words are
        ("[点击此处收藏本文]  发表于2005年09月07日 11:57 AM", True),
        ("[share.png] Posted on May 12, 2024", True),
        ("Jane Doe, Example News. May 12, 2024. [214 total comments]", False),
    ],
)
def test_a_line_is_metadata_only_when_its_other_words_are_few(text: str, consumed: bool) -> None:
    line = read_line(text, "en")
    assert line.date is not None and line.consumed is consumed


@pytest.mark.parametrize(
    "text",
    [
        "by R. Hale, from the collection Late Light (2019)",  # a byline and its source
        "Millbrook Society, registered charity no. 1001234. Page updated 1 March 2024.",  # a footer
    ],
)
def test_a_byline_or_a_dated_footer_at_the_articles_edge_leaves_with_its_trailer(text: str) -> None:
    assert read_line(text, "en", edge=True).consumed
    assert not read_line(text, "en").consumed  # inside the article: a sentence of it


def test_at_the_edge_cjk_characters_count_as_anywhere() -> None:
    assert not read_line("上一篇：2021-04-30 地铁五号线试运行", edge=True).consumed


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Joined: Sat Mar 02, 2019 9:12 am", None),  # a forum user card's join date
        ("Registered: 2019-03-02", None),
        ("注册时间：2019-03-02", None),
        ("Member since March 2, 2019", None),
        ("Posted: Sat Mar 02, 2019 9:12 am", "2019-03-02T09:12"),  # the post's own date
        ("发表于 2019-03-02 09:12", "2019-03-02T09:12"),
    ],
)
def test_a_users_join_date_is_not_the_pages(text: str, date: str | None) -> None:
    assert read_line(text, "en").date == date


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("By Jane Okafor", "Jane Okafor"),  # a byline: the line is nothing else
        ("Story by Jane Okafor | Photos by Tom Reyes", "Jane Okafor"),
        ("The council was told the new rules had been approved in the spring by Parliament.", None),  # prose
        ("It was a long winter for the farmers of the valley, as was reported by Reuters", None),
    ],
)
def test_by_a_name_names_the_author_only_on_a_line_of_metadata(text: str, author: str | None) -> None:
    assert read_line(text, "en").author == author


@pytest.mark.parametrize(
    ("text", "date", "consumed"),
    [
        ("2024年4月15日至2024年6月30日。", None, False),  # a notice's period: its text
        ("申报时间：2024年4月15日-2024年6月30日", None, False),
        ("Applications open May 1, 2024 to June 30, 2024", None, False),
        ("发布时间：2024-04-08 更新时间：2024-04-09", "2024-04-08", True),  # two dates, no period
        ("2024年4月8日 - 滨江日报", "2024-04-08", True),  # a dash before a name, not a date
        ("Posted May 1, 2024 - Updated June 3, 2024", "2024-05-01", True),  # a dash, then a label
    ],
)
def test_two_dates_joined_as_a_period_are_no_date_line(text: str, date: str | None, consumed: bool) -> None:
    meta = read_line(text)
    assert (meta.date, meta.consumed) == (date, consumed)
