"""Head titles: the site's name parted from the headline, in Chinese as in English."""

from __future__ import annotations

import pytest

from cleantext.document import finalize
from cleantext.document.title import (
    html_title,
    looks_like_title,
    printed_title,
    split_site,
    strip_counters,
    strip_site,
)
from cleantext.model import Article, Block, Decoded, DropReason, KeepReason, PageMeta, Verdict
from cleantext.text import units_of


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("市议会决定拓宽沿河人行道-滨江日报网", "市议会决定拓宽沿河人行道"),
        ("市议会决定拓宽沿河人行道--滨江日报网", "市议会决定拓宽沿河人行道"),
        ("市议会决定拓宽沿河人行道（图）--本地新闻--滨江日报网", "市议会决定拓宽沿河人行道（图）"),
        ("“拓宽步道”提案获通过-滨江日报网", "“拓宽步道”提案获通过"),
        ("Spider-Man returns to the city", "Spider-Man returns to the city"),  # English words keep their hyphen
        ("COVID-19 cases rise - The Riverside Post", "COVID-19 cases rise"),
        # closing guillemets in a title that opens none part a path: headline, sections, site
        ("Ferry adds two crossings » Local » News » The Harbour Times", "Ferry adds two crossings"),
        ("Wie der Hafen zwei Fähren gewinnen will › Hafenblatt", "Wie der Hafen zwei Fähren gewinnen will"),
        # a title that opens one quotes with them
        ("Le conseil dit « non » au nouveau pont", "Le conseil dit « non » au nouveau pont"),
    ],
)
def test_strip_site(title: str, expected: str) -> None:
    assert strip_site(title) == expected


def test_an_h1_that_sets_the_logo_beside_the_headline_loses_it() -> None:
    title = "Ferry adds two crossings » Local » News » Harbour Hour"
    h1 = "Ferry adds two crossings Harbour Hour"  # the logo's text inside the headline's <h1>
    assert html_title(title, "Ferry adds two crossings", h1) == ("Ferry adds two crossings", "Harbour Hour")


def test_an_unconfirmed_head_title_loses_its_site_suffix() -> None:
    assert html_title("市议会决定拓宽沿河人行道-滨江日报网", None, None) == ("市议会决定拓宽沿河人行道", "滨江日报网")


@pytest.mark.parametrize(
    ("title", "site", "chrome", "expected"),
    [
        # a part ending in a publisher's word, either side, with any separator
        ("三条主干道下月起分段封闭施工-滨江晨报", None, [], ("三条主干道下月起分段封闭施工", "滨江晨报")),
        ("三条主干道下月起分段封闭施工_本地频道_滨江在线", None, [], ("三条主干道下月起分段封闭施工", "滨江在线")),
        ("Ferry timetable adds two crossings | Harbour Daily News", None, [], ("Ferry timetable adds two crossings", "Harbour Daily News")),
        ("Ferry timetable adds two crossings - harbourpost.co.uk", None, [], ("Ferry timetable adds two crossings", "harbourpost.co.uk")),
        # a part matching the name the page gives itself (og:site_name)
        ("三条主干道下月起分段封闭施工 | 滨江传声筒", "滨江传声筒", [], ("三条主干道下月起分段封闭施工", "滨江传声筒")),
        # a prefix that repeats across the page's other text (logo, footer)
        ("每日快评--三条主干道下月起分段封闭施工", None, ["每日快评", "关于每日快评", "版权所有"], ("三条主干道下月起分段封闭施工", "每日快评")),
        ("每日快评--三条主干道下月起分段封闭施工", None, ["每日快评"], ("每日快评--三条主干道下月起分段封闭施工", None)),  # once is not a pattern
        # no part looks like a site: the title stays whole
        ("运动会开幕 - 第二天", None, [], ("运动会开幕 - 第二天", None)),
        ("滨江晨报", None, [], ("滨江晨报", None)),  # the headline is never cut away
    ],
)
def test_split_site(title: str, site: str | None, chrome: list[str], expected: tuple[str, str | None]) -> None:
    assert split_site(title, site, chrome) == expected


@pytest.mark.parametrize(
    "line",
    [
        "首页 > 本地新闻 > 社会 > 正文",  # a breadcrumb
        "滨江晨报 » 本地 » 交通",
        "Home / Local news / Transport",  # a path with spaced slashes
        "Harbour Press / Jan Nowak / Pictured: the new ferry",  # a photo's credit
        "[qrcode-app] [weixin]",  # image stand-ins of w3m and lynx
        "![扫码关注](https://example.org/qr.png)",  # and of a Markdown converter
        "滨江市政府门户网站 www.example.gov.cn",  # an address
        "广告 夏季空调大促销全场五折起",  # labelled as an advertisement
        "Summer sale on air conditioners Sponsored",
        "滨江晨报",  # a site's name alone
        "王小明 3小时前",  # a relative dateline
        "By Jane Okafor",  # a byline
    ],
)
def test_lines_that_are_not_headlines(line: str) -> None:
    assert not looks_like_title(line)


@pytest.mark.parametrize(
    "line",
    [
        "Ad spending rises for third year",
        "广告法修订草案公布",
        "Best value: A > B in three tests",
        "高速新增三个收费站",
        "Ferry / bus tickets merge in June",  # one spaced slash: no path
    ],
)
def test_headlines_that_resemble_them(line: str) -> None:
    assert looks_like_title(line)


BODY = "市交通局昨天发布通知，三条主干道将于下月起分段封闭施工，工期约四个月，市民出行请提前规划路线。"


def test_an_html_title_fills_an_empty_site_and_a_labelled_source_wins() -> None:
    verdicts = [Verdict(Block(0, BODY, source="html"), True, KeepReason.BODY, float(units_of(BODY)))]
    meta = PageMeta(title="三条主干道下月起分段封闭施工_滨江晨报")
    article, _ = finalize(Decoded("a.html", "", "utf-8", "utf-8"), verdicts, meta, None)
    assert isinstance(article, Article)
    assert (article.title, article.site) == ("三条主干道下月起分段封闭施工", "滨江晨报")
    meta = PageMeta(title="三条主干道下月起分段封闭施工_滨江晨报", site="滨江传媒集团")
    article, _ = finalize(Decoded("a.html", "", "utf-8", "utf-8"), verdicts, meta, None)
    assert isinstance(article, Article)
    assert article.site == "滨江传媒集团"  # the page's own claim first


@pytest.mark.parametrize(
    ("title", "og_title", "h1", "expected"),
    [
        # an <h1> printing the title's path of sections loses them as the title does
        (
            "Need help setting up data | Phone issues | Consumer forum | Wireless Page",
            None,
            "Need help setting up data | Phone issues | Consumer forum",
            "Need help setting up data",
        ),
        ("Ferry adds two crossings - Daily Harbour", None, "Ferry adds two crossings", "Ferry adds two crossings"),
        ("Storm - what we know | Daily Harbour", None, "Storm - what we know", "Storm - what we know"),  # one cut: its own
        # an <h1> going on after the head's title: a button's label, not the headline
        ("美官员否认事故存在谋杀行为_快资讯", "美官员否认事故存在谋杀行为", "美官员否认事故存在谋杀行为 播报文章", "美官员否认事故存在谋杀行为"),
        # unless a quotation mark follows there: the attribute was cut at a quote in the headline
        ('多地项目连环爆雷 狂奔的集团"暗伤"曝露？_网易', "多地项目连环爆雷 狂奔的集团", '多地项目连环爆雷 狂奔的集团"暗伤"曝露？', '多地项目连环爆雷 狂奔的集团"暗伤"曝露？'),
    ],
)
def test_the_h1_against_the_head(title: str, og_title: str | None, h1: str, expected: str) -> None:
    assert html_title(title, og_title, h1)[0] == expected


@pytest.mark.parametrize(
    ("title", "line", "expected"),
    [
        # a hyphen between Latin letters, which split_site leaves to the words
        ("新款芯片性能翻倍，一块顶十块GPU-EDN 电子设计", "新款芯片性能翻倍，一块顶十块GPU", ("新款芯片性能翻倍，一块顶十块GPU", "EDN 电子设计")),
        ("多数家庭选择错峰出游(图)--滨江在线", "多数家庭选择错峰出游(图)", ("多数家庭选择错峰出游(图)", "滨江在线")),
        ("Harbour Notes: Ferry adds two crossings", "Ferry adds two crossings", ("Ferry adds two crossings", "Harbour Notes")),
        ("渡轮新增两个班次 滨江晨报", "渡轮新增两个班次", ("渡轮新增两个班次", "滨江晨报")),  # a publisher's word
        ("Ferry adds two crossings: what riders need to know", "Ferry adds two crossings", None),  # a subtitle
        ("渡轮新增两个班次 预计每日多运三千人", "渡轮新增两个班次", None),  # a subtitle past a space
        ("Hotel Club Kawama", "Club Kawama", None),  # the headline's own words
        ("Ferry adds two crossings", "Ferry adds two cross", None),  # the line ends inside a word
        ("Ferry adds two crossings", "Ferry adds two crossings", None),
        ("Ferry adds two crossings | " + "A very long name " * 6, "Ferry adds two crossings", None),  # more than a name
    ],
)
def test_printed_title(title: str, line: str, expected: tuple[str, str] | None) -> None:
    assert printed_title(title, line) == expected


def test_an_html_title_loses_the_name_beside_the_headline_the_page_prints() -> None:
    head = "新款芯片性能翻倍，一块顶十块GPU"
    verdicts = [
        Verdict(Block(0, "首页 > 新闻", source="html"), False, DropReason.NAV, 4.0),
        Verdict(Block(1, head, source="html"), True, KeepReason.BODY, float(units_of(head))),
        Verdict(Block(2, BODY, source="html"), True, KeepReason.BODY, float(units_of(BODY))),
    ]
    meta = PageMeta(title=head + "-EDN 电子设计")
    article, _ = finalize(Decoded("a.html", "", "utf-8", "utf-8"), verdicts, meta, None)
    assert isinstance(article, Article)
    assert (article.title, article.site, article.text) == (head, "EDN 电子设计", BODY)  # the headline leaves the text


def test_a_title_loses_the_copyright_holders_name_beside_the_printed_headline() -> None:
    # a <title> sets the site's full name after a plain space; only the footer's copyright line
    # tells that name from the headline's last words, and it names the record's site
    head = "我院医技药剂党支部举办2024年中药、药学理论知识与专业技能大赛"
    owner = "滨江市中医药研究院附属第一人民医院"  # 17 units: longer than a title's separators cut
    verdicts = [
        Verdict(Block(0, "首页 > 新闻动态", source="html"), False, DropReason.NAV, 6.0),
        Verdict(Block(1, head, source="html"), True, KeepReason.BODY, float(units_of(head))),
        Verdict(Block(2, BODY, source="html"), True, KeepReason.BODY, float(units_of(BODY))),
        Verdict(Block(3, f"版权所有 {owner} Copyright © 2024", source="html"), False, DropReason.FOOTER, 24.0),
    ]
    article, _ = finalize(Decoded("a.html", "", "utf-8", "utf-8"), verdicts, PageMeta(title=f"{head} {owner}"), None)
    assert isinstance(article, Article)
    assert (article.title, article.site) == (head, owner)
    # without the copyright line the name past the space is the headline's, as far as anyone can tell
    article, _ = finalize(Decoded("a.html", "", "utf-8", "utf-8"), verdicts[:3], PageMeta(title=f"{head} {owner}"), None)
    assert isinstance(article, Article)
    assert (article.title, article.site) == (f"{head} {owner}", None)


def test_a_head_title_of_a_section_and_the_sites_name_gives_the_printed_headline() -> None:
    # the <title> names the section and the site (its longest part, ending in a publisher's word):
    # no headline there, so the one the page prints over the story is the title
    head = "三条主干道下月起分段封闭施工"
    verdicts = [
        Verdict(Block(0, head, source="html"), True, KeepReason.CONTEXT, float(units_of(head))),
        Verdict(Block(1, BODY, source="html"), True, KeepReason.BODY, float(units_of(BODY))),
    ]
    meta = PageMeta(title="新闻动态--滨江市交通局官网")  # the name shares a word with the story
    article, _ = finalize(Decoded("a.html", "", "utf-8", "utf-8"), verdicts, meta, None)
    assert isinstance(article, Article)
    assert article.title == head


def test_a_title_loses_the_source_lines_name_beside_the_printed_headline() -> None:
    # the page names itself nowhere but in its source line; the <title> sets that name after a space
    head = "街道党工委一行到金融街开展调研工作"
    verdicts = [
        Verdict(Block(0, head, source="html"), True, KeepReason.BODY, float(units_of(head))),
        Verdict(Block(1, "来源于：东区办事处", source="html"), False, DropReason.SHORT, 8.0),
        Verdict(Block(2, BODY, source="html"), True, KeepReason.BODY, float(units_of(BODY))),
    ]
    article, _ = finalize(Decoded("a.html", "", "utf-8", "utf-8"), verdicts, PageMeta(title=f"{head} 东区办事处"), None)
    assert isinstance(article, Article)
    assert (article.title, article.site) == (head, "东区办事处")


@pytest.mark.parametrize(
    "line",
    [
        "Search for: ___________________",  # lynx's text field
        "Search this site [                    ] [Go]",  # w3m's
        "(BUTTON) Previous (BUTTON) Next",  # lynx's buttons
        r"Search \_\_\_\_\_ now",  # a Markdown converter's escaped field
        "Follow @riverside_news",  # a social-media handle
        "Jane Okafor, @janeokafor",
        "Share this:",  # a label introducing what follows
        "![Ferry at the terminal (Photo:",  # a Markdown image whose alt text wrapped
        "Our volunteers worked through the night so the stall would be ready when the fair opened.",  # a sentence
        "fill='#ffffff' stroke='none' d='M0 0'",  # markup a converter left
        "img/2024/05/3f9c2a7e1b40.jpg",  # a path
        "[ Next story: the ferry",  # a Markdown link opened and wrapped before its ]
        "二、施工期间的交通组织",  # a section's number: a subheading
        "57人参与11评论",  # a row of counts
        "340 views · 12 replies",
        "Views: 340 Replies: 12",
        "浏览：1.2万 | 评论：36",
        "点击进入“文艺星青年”>>",  # a link pointing on
        "More from the harbour desk »",
        "Written by Jane Okafor, e-mail: desk@harbour-news.example",  # an e-mail address
    ],
)
def test_dump_lines_that_are_not_headlines(line: str) -> None:
    assert not looks_like_title(line)


@pytest.mark.parametrize(
    "line",
    [
        "Class calculator: a view of the class system",
        "Speak louder than the band.",
        "Dev@home meetup moves online",
        "AC/DC announce a second date",
        "[Video] Ferry adds two crossings",
        "二手车交易量回升",
        "Apollo 11 at 50",  # numbers with words, not counts
        "Windows 11 Pro 23H2 ships",
        "2024年北京马拉松开跑 3万人参赛",
        "Top 10 films of 2023",
    ],
)
def test_headlines_with_a_colon_a_stop_or_an_at(line: str) -> None:
    assert looks_like_title(line)


def test_counters_leave_a_title_only_when_two_stand_in_a_row_at_its_start() -> None:
    assert strip_counters("查看: 3621|回复: 5 老房子换窗户") == "老房子换窗户"
    assert strip_counters("Views: 1.2k · Replies: 14 Which chain checker?") == "Which chain checker?"
    assert strip_counters("Covid: 300 new cases in the city") == "Covid: 300 new cases in the city"
    assert strip_counters("Road works: 3 roads, 4 months") == "Road works: 3 roads, 4 months"


def test_a_blogs_name_in_its_only_h1_gives_way_to_the_post_title_printed_over_the_post() -> None:
    post = "The human bowling ball rolls again"
    verdicts = [
        Verdict(Block(0, "Notes from the Workbench", source="html"), False, DropReason.SHORT, 6.0),  # the <h1>
        Verdict(Block(1, "Home About Archive", source="html"), False, DropReason.NAV, 6.0),
        Verdict(Block(2, post, source="html"), False, DropReason.SHORT, float(units_of(post))),
        Verdict(Block(3, BODY, source="html"), True, KeepReason.BODY, float(units_of(BODY))),
    ]
    meta = PageMeta(title=f"{post} - Notes from the Workbench", h1="Notes from the Workbench")
    article, _ = finalize(Decoded("a.html", "", "utf-8", "utf-8"), verdicts, meta, None)
    assert isinstance(article, Article) and article.title == post
    # the <h1> printed nearer the article than the title's longest part (the site's name, in the
    # masthead) is the headline
    site = "The Harbour Daily Times Online"
    verdicts[0] = Verdict(Block(0, site, source="html"), False, DropReason.SHORT, 10.0)
    verdicts[2] = Verdict(Block(2, "Storm update", source="html"), False, DropReason.SHORT, 4.0)
    meta = PageMeta(title=f"Storm update - {site}", h1="Storm update")
    article, _ = finalize(Decoded("a.html", "", "utf-8", "utf-8"), verdicts, meta, None)
    assert isinstance(article, Article) and article.title == "Storm update"


STORY = (
    "Volunteers planted forty oak trees along the river path on Saturday. The oak trees replace "
    "the old poplars the storm brought down, and the river path reopens next week.",
    "The council paid for the oak trees; the volunteers will water them through the summer, "
    "and a plaque on the river path will name the volunteers.",
)


def _page(head_title: str, lines: list[tuple[str, str]]) -> Article:
    """A page whose head's title is ``head_title``, with dropped lines (kind, text) over the story."""
    verdicts = [
        Verdict(Block(i, text, kind=kind, source="html"), False, DropReason.SHORT, float(units_of(text)))
        for i, (kind, text) in enumerate(lines)
    ]
    for text in STORY:
        verdicts.append(Verdict(Block(len(verdicts), text, source="html"), True, KeepReason.BODY, float(units_of(text))))
    article, _ = finalize(Decoded("a.html", "", "utf-8", "utf-8"), verdicts, PageMeta(title=head_title), None)
    assert isinstance(article, Article)
    return article


def test_a_head_that_names_only_the_site_gives_way_to_the_headline_printed_over_the_story() -> None:
    lines = [("p", "Home News Sport"), ("h2", "Forty oak trees line the river path again"), ("p", "By Jane Okafor")]
    article = _page("Riverside Courier", lines)
    assert article.title == "Forty oak trees line the river path again"
    assert "Forty oak trees" not in article.text  # the headline leaves the text, as a dump's does
    # a head that names the story keeps its title
    assert _page("Oak trees planted by the river", lines).title == "Oak trees planted by the river"


def test_a_boxs_label_sharing_a_word_or_two_with_the_story_is_no_headline() -> None:
    # a line that is no heading must share EVIDENCE_TERMS of its words with the story
    assert _page("Riverside Courier", [("p", "Support the volunteers"), ("p", "Home")]).title == "Riverside Courier"
