"""Dates: twelve-hour clocks (AM/PM, Chinese periods of the day) read to 24 hours; month names of
other languages; a date only a script names."""

from __future__ import annotations

import pytest

from cleantext.config import Config
from cleantext.document.dates import date_language, find_date, relative_date
from cleantext.model import Article, RawPage
from cleantext.pipeline import PageCleaner


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Posted 11/4/2019 8:41:02 PM", "en", "2019-11-04T20:41:02"),  # month first on an English page
        ("Posted 11/4/2019 8:41:02 PM", "fr", "2019-04-11T20:41:02"),  # day first elsewhere
        ("2021-09-30 4:15 PM", None, "2021-09-30T16:15"),
        ("2021-09-30 4:15 pm", None, "2021-09-30T16:15"),
        ("2021-09-30 4:15 p.m.", None, "2021-09-30T16:15"),
        ("2021-09-30 12:45 AM", None, "2021-09-30T00:45"),  # 12 in the morning is midnight
        ("2021-09-30 12:45 PM", None, "2021-09-30T12:45"),  # 12 after it is noon
        ("2021-09-30 9:05 AM", None, "2021-09-30T09:05"),
        ("2021-09-30 16:15 PM", None, "2021-09-30T16:15"),  # already 24-hour: kept
        ("2021-09-30 4:15 Paris", None, "2021-09-30T04:15"),  # a word starting with P is no PM
        ("Posted Thu Sep 30, 2021 4:15 pm", "en", "2021-09-30T16:15"),  # a named month's date and its time
        ("September 30, 2021 at 9:05 AM", "en", "2021-09-30T09:05"),  # the time after "at"
        ("30 September 2021, 12:45 AM", "en", "2021-09-30T00:45"),
    ],
)
def test_am_pm(text: str, lang: str | None, expected: str) -> None:
    assert find_date(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021年9月30日 下午4:15", "2021-09-30T16:15"),
        ("2021年9月30日下午4:15", "2021-09-30T16:15"),
        ("2021-09-30 晚上9:40", "2021-09-30T21:40"),
        ("2021-09-30 中午12:05", "2021-09-30T12:05"),
        ("2021-09-30 中午1:05", "2021-09-30T13:05"),
        ("2021-09-30 上午10:50", "2021-09-30T10:50"),
        ("2021-09-30 凌晨12:20", "2021-09-30T00:20"),
        ("2021-09-30 凌晨2:20", "2021-09-30T02:20"),
        ("2021-09-30 下午16:15", "2021-09-30T16:15"),  # already 24-hour: kept
        ("2021年9月30日 晚間9:40", "2021-09-30T21:40"),  # Traditional script
    ],
)
def test_chinese_periods_of_the_day(text: str, expected: str) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Par A et B — 24 novembre 2017 à 18:42", "2017-11-24T18:42"),  # the time after "à"
        ("Mis à jour le 1er février 2016", "2016-02-01"),
        ("Publié le 3 fevrier 2016", "2016-02-03"),  # written without its accent
        ("Stand: 24. Mai 2018 um 7:19 Uhr", "2018-05-24T07:19"),  # the day's point, "um"
        ("12. März 2020", "2020-03-12"),
        ("30 de abril de 2015", "2015-04-30"),  # Spanish and Portuguese "de"
        ("21.dez.2018 às 12h55", "2018-12-21T12:55"),  # joined by points; the hour's "h"
        ("5 agosto 2019 alle 10:30", "2019-08-05T10:30"),
        ("9 mei 2021", "2021-05-09"),
        ("Senin, 20 Mei 2024 18:04 WIB", "2024-05-20T18:04"),  # Indonesian
        ("Published: Thursday, 29-Jul-2004", "2004-07-29"),  # joined by dashes, in English too
        ("3 set 2015", None),  # short forms that are English words are not months
        ("2 out 2015", None),
    ],
)
def test_month_names_of_other_languages(text: str, expected: str | None) -> None:
    assert find_date(text) == expected


def test_a_time_without_a_period_is_kept_as_written() -> None:
    assert find_date("2021-09-30 4:15") == "2021-09-30T04:15"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019 09/07 19:02", "2019-09-07T19:02"),  # year parted from month by a space only
        ("发布时间：2011 3/4", "2011-03-04"),
        ("更新：2007-08-20-23:59:59", "2007-08-20T23:59:59"),  # a hyphen before the time
        ("电话 0755 12-34", None),  # no four-digit year that makes a date
    ],
)
def test_more_numeric_forms(text: str, expected: str | None) -> None:
    assert find_date(text) == expected


CRAWLED = "2023-01-01T01:30:00Z"  # a WARC-Date, shortly after midnight


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("昨天 18:40", "2022-12-31T18:40"),  # the day before the crawl, with the time written
        ("前天", "2022-12-30"),
        ("今天 00:10", "2023-01-01T00:10"),
        ("3小时前", "2022-12-31"),  # three hours before the crawl is the day before
        ("45分钟前", "2023-01-01"),
        ("2天前", "2022-12-30"),
        ("5 hours ago", "2022-12-31"),
        ("Yesterday", "2022-12-31"),
        ("今日头条", None),  # a day word glued into a name is no date
        ("昨天的事", None),
        ("发布时间：12-30 18:40", "2022-12-30T18:40"),  # a day with no year: the latest one not after the crawl
        ("12月31日 23:05", "2022-12-31T23:05"),
        ("01-01 01:10", "2023-01-01T01:10"),  # earlier on the crawl's day: this year
        ("发布时间：02-20 09:00", "2022-02-20T09:00"),  # after the crawl's day this year: last year's
        ("比分 3-1", None),  # numbers joined by a dash without a time: a score, a range
        ("10月1日起施行", None),  # a headline's day with no time: not read without its year
        ("2022-12-30 18:40", None),  # a full date is read as one (find_date), not against the crawl
        ("02-30 10:00", None),  # no such day
    ],
)
def test_relative_dates_against_the_crawl_time(text: str, expected: str | None) -> None:
    assert relative_date(text, CRAWLED) == expected


def test_a_relative_date_needs_a_crawl_time() -> None:
    assert relative_date("3小时前", None) is None
    assert relative_date("3小时前", "not a time") is None


def test_the_date_language_is_the_pages_claim_else_what_its_text_reads_as() -> None:
    assert date_language("en-US", "") == "en" and date_language("EN_us", "") == "en"
    assert date_language("en-GB", "") is None and date_language("en-AU", "") is None  # the day first
    assert date_language("fr-FR", "") == "fr"
    english = "The council voted on Tuesday to keep the old library open for another three years. " * 3
    assert date_language(None, english) == "en"
    german = "Der Rat hat am Dienstag beschlossen, die alte Bibliothek drei weitere Jahre offen zu halten. " * 3
    assert date_language(None, german) is None
    assert date_language(None, "Home News Sport") is None  # too few words to tell
    assert find_date("7/5/2005 9:23:57 PM", date_language(None, english)) == "2005-07-05T21:23:57"


def test_an_english_dump_reads_its_ambiguous_date_month_first() -> None:
    from cleantext.pipeline import clean

    story = "The council voted on Tuesday to keep the old library open for another three years, after a meeting."
    dump = f"Library to stay open\n\nPosted 7/5/2005 9:23:57 PM\n\n{story}\n\n{story} It was the last vote of the year.\n"
    record = clean(dump)
    assert record is not None and record.date == "2005-07-05T21:23:57"
    # a page that says it is British reads the day first
    html = f"<html lang='en-GB'><body><h1>Library</h1><p>Posted 7/5/2005 9:23:57 PM</p><p>{story}</p><p>{story}</p></body></html>"
    record = clean(html)
    assert record is not None and record.date == "2005-05-07T21:23:57"


def test_the_pages_other_dates_decide_the_order_before_its_language() -> None:
    from cleantext.pipeline import clean

    story = "The council voted on Tuesday to keep the old library open for another three years, after a meeting."
    # an English dump whose comment stamps write the day first (25/05/2005): 7/5/2005 is 7 May
    dump = (
        f"Library to stay open\n\nPosted 7/5/2005 9:23:57 PM\n\n{story}\n\n{story} It was the last vote.\n\n"
        "Comments\n\nAnn, 25/05/2005 10:02\n"
    )
    record = clean(dump)
    assert record is not None and record.date == "2005-05-07T21:23:57"
    # a page claiming British English, with a date written month first (05/25/2005) elsewhere
    html = (
        f"<html lang='en-GB'><body><h1>Library</h1><p>Posted 7/5/2005 9:23:57 PM</p><p>{story}</p>"
        f"<p>{story}</p><p>Updated 05/25/2005</p></body></html>"
    )
    record = clean(html)
    assert record is not None and record.date == "2005-07-05T21:23:57"


def _record_date(body: str) -> str | None:
    script = '<script>var DATA = {"media": "晨报", "pubtime": "2024-05-06 08:30:00"};</script>'
    story = "<p>" + "作曲家的女儿表示，经典儿歌被改编成段子并不值得提倡，大家应当尊重原作。" * 3 + "</p>"
    page = f"<html><head><title>儿歌被改编</title>{script}</head><body><h1>儿歌被改编</h1>{body}{story}</body></html>"
    outcome = PageCleaner(Config())(RawPage("news.html", page.encode()))
    assert isinstance(outcome, Article)
    return outcome.date


def test_a_scripts_date_is_the_records_only_when_the_page_prints_none() -> None:
    assert _record_date("") == "2024-05-06T08:30:00"  # printed from the script alone
    assert _record_date("<p>2024-05-07 10:30 来源：晨报</p>") == "2024-05-07T10:30"  # the printed one wins
