"""A dump's headline printed over two or three lines (``document/titlelines.py``), through ``finalize``."""

from __future__ import annotations

from tests.document.linekit import dump_article

BODY = "市交通局昨天发布通知，三条主干道将于下月起分段封闭施工，工期约四个月，预计每天分流车辆两万辆次，市民出行请提前规划路线。"
NOTICE = "滨江市人民代表大会常务委员会第三次会议审议了市交通局关于主干道分段封闭施工的报告，决定批准主干道分段封闭施工方案，自公布之日起施行。"


def test_a_title_over_its_subtitle_is_one_headline() -> None:
    article = dump_article([
        ("首页 > 要闻", False),
        ("三条主干道下月起分段封闭施工", False),
        ("预计每天分流车辆两万辆次", False),
        ("2021-05-05 17:20 来源：滨江晨报", False),
        (BODY, True),
    ])
    assert article.title == "三条主干道下月起分段封闭施工 预计每天分流车辆两万辆次"


def test_a_subtitle_opening_with_a_dash_joins_its_title_over_an_empty_line() -> None:
    article = dump_article([
        ("滨江市人民代表大会常务委员会举行第三次会议", False),
        ("|", False),
        ("——审议批准主干道分段封闭施工方案并作出决定", False),
        ("（2021年5月5日滨江市人民代表大会常务委员会第三次会议通过）", False),
        (NOTICE, True),
    ])
    assert article.title == "滨江市人民代表大会常务委员会举行第三次会议 ——审议批准主干道分段封闭施工方案并作出决定"


def test_a_kicker_shorter_than_the_headline_stays_out() -> None:
    # a shorter line over the headline names its topic (a kicker): the headline is the line under it
    article = dump_article([
        ("主干道分段封闭施工", False),
        ("三条主干道下月起分段封闭施工 每天分流车辆两万辆次", False),
        ("2021-05-05 17:20 来源：滨江晨报", False),
        (BODY, True),
    ])
    assert article.title == "三条主干道下月起分段封闭施工 每天分流车辆两万辆次"


def test_a_site_name_a_section_or_a_sentence_over_the_headline_stays_out() -> None:
    # the site's name, printed in the footer too, names the story's city: no headline's line
    article = dump_article([
        ("滨江市交通局", False),
        ("三条主干道下月起分段封闭施工", False),
        ("2021-05-05 17:20", False),
        (BODY, True),
        ("滨江市交通局", False),
    ])
    assert article.title == "三条主干道下月起分段封闭施工"
    # a section's name shares nothing with the story; a line ending a sentence is none either
    for above in ("今日关注", "主干道施工期间请绕行。"):
        article = dump_article([(above, False), ("三条主干道下月起分段封闭施工", False), ("2021-05-05 17:20", False), (BODY, True)])
        assert article.title == "三条主干道下月起分段封闭施工", above
