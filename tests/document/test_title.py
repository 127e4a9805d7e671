"""Head titles: the site's name parted from the headline, in Chinese as in English."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cleantext.document import finalize
from cleantext.document.title import html_title, looks_like_title, split_site, strip_site
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
    ],
)
def test_strip_site(title: str, expected: str) -> None:
    assert strip_site(title) == expected


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
    "line", ["Ad spending rises for third year", "广告法修订草案公布", "Best value: A > B in three tests", "高速新增三个收费站"]
)
def test_headlines_that_resemble_them(line: str) -> None:
    assert looks_like_title(line)


BODY = "市交通局昨天发布通知，三条主干道将于下月起分段封闭施工，工期约四个月，市民出行请提前规划路线。"


def _verdicts(texts: list[tuple[str, bool]]) -> list[Verdict]:
    return [
        Verdict(Block(i, t, source="text"), keep, KeepReason.BODY if keep else DropReason.SHORT, float(units_of(t)))
        for i, (t, keep) in enumerate(texts)
    ]


def _article(texts: list[tuple[str, bool]], meta: PageMeta | None = None) -> Article:
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), _verdicts(texts), meta, None)
    assert isinstance(article, Article)
    return article


def test_a_caption_between_headline_and_date_is_not_the_headline() -> None:
    # a QR code's caption in another script sits between the headline and the dateline
    article = _article([
        ("三条主干道下月起分段封闭施工", False),
        ("Scan me!", False),
        ("2021-05-05 17:20 来源：滨江晨报", False),
        (BODY, True),
    ])
    assert article.title == "三条主干道下月起分段封闭施工"


def test_a_headline_in_the_pages_script_only_when_there_is_one() -> None:
    article = _article([("Scan me!", False), ("2021-05-05 17:20 来源：滨江晨报", False), (BODY, True)])
    assert article.title == "Scan me!"  # nothing better: the nearest title-like line, as before


def test_a_breadcrumb_and_an_image_under_the_headline_are_passed_over() -> None:
    article = _article([
        ("三条主干道下月起分段封闭施工", False),
        ("首页 > 本地新闻 > 正文", False),
        ("[share-weixin] [qrcode]", False),
        (BODY, True),
    ])
    assert article.title == "三条主干道下月起分段封闭施工"


def test_a_dump_headline_gives_its_site_suffix_to_site() -> None:
    article = _article([("三条主干道下月起分段封闭施工-滨江晨报", False), (BODY, True)])
    assert (article.title, article.site) == ("三条主干道下月起分段封闭施工", "滨江晨报")


def test_a_site_prefix_that_repeats_in_the_pages_chrome() -> None:
    article = _article([
        ("每日快评", False),
        ("每日快评--三条主干道下月起分段封闭施工", False),
        (BODY, True),
        ("关于每日快评 | 联系我们", False),
    ])
    assert (article.title, article.site) == ("三条主干道下月起分段封闭施工", "每日快评")


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


def test_the_headline_shares_its_words_with_the_story() -> None:
    # a toolbar label and a byline stand between the headline and the story, all in Chinese
    article = _article([
        ("三条主干道下月起分段封闭施工", False),
        ("复制链接 收藏本文", False),
        ("本报记者王小明李红", False),
        (BODY, True),
    ])
    assert article.title == "三条主干道下月起分段封闭施工"


def test_a_label_alone_is_still_the_nearest_line_when_nothing_shares_words() -> None:
    article = _article([("欢迎光临本站首页", False), ("复制链接 收藏本文", False), (BODY, True)])
    assert article.title == "复制链接 收藏本文"


# -- Choosing the headline among a dump's lines (``document.dump_title``) ----------------------------

STORY = (
    "The city council voted on Tuesday to widen the riverside footpath along the main ferry terminal, "
    "adding two crossings and new lighting before the summer timetable starts."
)
HEADLINE = "Council votes to widen riverside footpath"


def _lines(rows: list[tuple[str, bool] | tuple[str, bool, str]]) -> Article:
    """An article from (text, kept[, reason or block kind]) rows: kept rows are body text, dropped
    ones undecided; a third item ``context`` keeps a row for its neighbours' sake, ``h2`` marks a
    heading (a Markdown ``#`` line)."""
    verdicts = []
    for i, row in enumerate(rows):
        text, keep = row[0], row[1]
        extra = row[2] if len(row) > 2 else ""
        reason = KeepReason.CONTEXT if extra == "context" else (KeepReason.BODY if keep else DropReason.SHORT)
        block = Block(i, text, kind=extra if extra.startswith("h") else "line", source="text")
        verdicts.append(Verdict(block, keep, reason, float(units_of(text))))
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert isinstance(article, Article)
    return article


def test_a_caption_in_the_pages_own_script_two_lines_under_the_headline() -> None:
    # the headline sits two lines above the date; the QR code's caption between them shares nothing
    article = _lines([
        ("三条主干道下月起分段封闭施工", False),
        ("扫一扫 手机看新闻", False),
        ("2021-05-05 17:20 来源：滨江晨报", False),
        (BODY, True),
    ])
    assert article.title == "三条主干道下月起分段封闭施工"


def test_a_date_line_glued_to_a_byline_is_neither_headline_nor_body() -> None:
    article = _lines([
        ("三条主干道下月起分段封闭施工", False),
        ("2021-05-05 17:20 来源：滨江晨报 作者：王小明", True),
        (BODY, True),
    ])
    assert (article.title, article.date, article.author) == ("三条主干道下月起分段封闭施工", "2021-05-05T17:20", "王小明")
    assert article.text == BODY


def test_an_advertisement_between_headline_and_date() -> None:
    article = _lines([
        ("三条主干道下月起分段封闭施工", False),
        ("广告 夏季空调大促销全场五折起", False),
        ("2021-05-05 17:20 来源：滨江晨报", False),
        (BODY, True),
    ])
    assert article.title == "三条主干道下月起分段封闭施工"


def test_a_byline_under_the_headline_is_not_the_title() -> None:
    article = _lines([(HEADLINE, False), ("By Jane Okafor", False), (STORY, True)])
    assert (article.title, article.author) == (HEADLINE, "Jane Okafor")


def test_the_headline_shares_more_of_the_story_than_a_nearer_prompt() -> None:
    # "Keep reading the main story" shares common words with any story; the headline, more of them
    article = _lines([
        (HEADLINE, False),
        ("By Jane Okafor Transport reporter", False),
        ("Keep reading the main story", False),
        ("Related Stories", False),
        (STORY, True),
    ])
    assert article.title == HEADLINE


def test_a_headline_under_the_date_line_kept_with_the_story() -> None:
    # the date line and a share bar above; the headline and byline kept by context with the story
    article = _lines([
        ("12 May 2021 Last updated at 08:40 GMT", False),
        ("Share this page", False),
        (HEADLINE, True, "context"),
        ("By Jane Okafor", True, "context"),
        (STORY, True),
    ])
    assert (article.title, article.date) == (HEADLINE, "2021-05-12")
    assert article.text == STORY


def test_the_storys_first_subheading_is_not_its_headline() -> None:
    # a kept short line that opens the story in no headline's place (no date above, no byline under)
    article = _lines([("Where the new crossings go", True, "context"), (STORY, True)])
    assert article.title is None
    assert article.text.split("\n")[0] == "Where the new crossings go"


def test_a_line_of_the_story_under_a_far_date_line_is_not_its_headline() -> None:
    # the date line is several lines up; the article's first line is kept, and a verse line under it
    # quotes the story: only the article's first line can sit in a headline's place there
    article = _lines([
        ("2019-05-03 08:17:32", False),
        ("Subscribe to our newsletter", False),
        (HEADLINE, False),
        ("Footpath works begin", True, "context"),
        ("The council voted to widen the footpath", False),
        (STORY, True),
    ])
    assert article.title == HEADLINE


def test_a_heading_line_over_a_sharing_label() -> None:
    # a Markdown dump marks the headline as a heading; a section label above shares words too
    article = _lines([
        ("Riverside footpath news", False),
        ("Latest updates", False),
        (HEADLINE, False, "h2"),
        ("Photo: the riverside footpath at dusk", False),
        (STORY, True),
    ])
    assert article.title == HEADLINE


def test_a_headline_kept_as_code_by_the_dumps_code_test() -> None:
    verdicts = _verdicts([("Home > Computers > Widgets", False), (HEADLINE, False), (STORY, True)])
    verdicts[1] = replace(verdicts[1], reason=KeepReason.CODE)
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert isinstance(article, Article)
    assert article.title == HEADLINE


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
    ],
)
def test_headlines_with_a_colon_a_stop_or_an_at(line: str) -> None:
    assert looks_like_title(line)
