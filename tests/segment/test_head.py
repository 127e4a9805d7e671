"""The head's claims: dates named by microdata on elements other than <meta>; the <h1> that is the headline."""

from __future__ import annotations

from cleantext.segment.html import parse_html


def _date(body: str, head: str = "") -> str | None:
    return parse_html(f"<html><head>{head}</head><body>{body}<p>正文。</p></body></html>")[1].date


def test_a_microdata_date_on_a_span_is_read() -> None:
    body = '<div class="info"><span itemprop="dateUpdate">发布时间：2019-09-07 13:43</span> 来源：滨江晨报</div>'
    assert _date(body) == "发布时间：2019-09-07 13:43"


def test_an_attribute_value_wins_over_the_text_and_published_over_updated() -> None:
    body = (
        '<span itemprop="dateModified" content="2020-02-02">改</span>'
        '<time itemprop="datePublished" datetime="2020-01-01T08:00">一月一日</time>'
    )
    assert _date(body) == "2020-01-01T08:00"


def test_a_time_marked_pubdate() -> None:
    assert _date('<time pubdate datetime="2020-03-03">三月三日</time>') == "2020-03-03"


def test_meta_tags_come_first() -> None:
    head = '<meta property="article:published_time" content="2018-08-08">'
    assert _date('<span itemprop="datePublished">2020-01-01</span>', head) == "2018-08-08"


def test_other_microdata_is_no_date() -> None:
    assert _date('<span itemprop="author">王小明</span>') is None


def _author(head: str) -> str | None:
    return parse_html(f"<html><head>{head}</head><body><p>正文。</p></body></html>")[1].author


def test_an_author_tag_holding_a_link_is_no_name() -> None:
    head = (
        '<meta property="article:author" content="https://social.example/profile?id=rivera">'
        '<meta name="author" content="Ana Rivera">'
    )
    assert _author(head) == "Ana Rivera"
    assert _author('<meta property="article:author" content="https://news.example/author/ana-rivera">') is None


def test_several_json_ld_authors_are_joined() -> None:
    ld = '{"@type": "NewsArticle", "headline": "H", "author": [{"name": "Ana Rivera"}, {"name": "Tom Berg"}]}'
    assert _author(f'<script type="application/ld+json">{ld}</script>') == "Ana Rivera, Tom Berg"


def _h1(body: str, head: str = "") -> str | None:
    return parse_html(f"<html><head>{head}</head><body>{body}<p>正文。</p></body></html>")[1].h1


def test_the_h1_the_title_confirms_is_the_headline_not_the_logo_before_it() -> None:
    head = "<title>Ferry adds two crossings - HarbourNews.com</title>"
    body = "<h1>Harbour</h1><h1>Ferry adds two crossings</h1>"
    assert _h1(body, head) == "Ferry adds two crossings"  # "Harbour" is a small part of the title
    assert _h1("<h1></h1><h1>Ferry adds two crossings</h1>", head) == "Ferry adds two crossings"  # an empty one
    assert _h1("<h1>Harbour</h1><h1>Weather</h1>", head) == "Harbour"  # none confirmed: the first
    assert _h1("<h1>Harbour</h1>") == "Harbour"


def _script_date(scripts: str) -> str | None:
    return parse_html(f"<html><head>{scripts}</head><body><p>正文。</p></body></html>")[1].script_date


def test_a_date_a_script_names_is_read_apart_from_the_heads() -> None:
    page = '<script>window.DATA = {"media": "晨报", "pubtime": "2024-05-06 08:30:00", "tags": "儿歌"};</script>'
    assert _script_date(page) == "2024-05-06 08:30:00"
    assert _date("", page) is None  # the head's own date: a script's is trusted after the page's lines
    state = '<script>var state = {"id": 7, "publishDate": "2024-05-06T00:31:40.000Z"}</script>'
    assert _script_date(state) == "2024-05-06T00:31:40.000Z"


def test_a_script_naming_several_days_or_other_times_names_no_date() -> None:
    feed = "<script>items = [{pubDate: '2024-05-06'}, {pubDate: '2024-05-04'}]</script>"
    assert _script_date(feed) is None  # a listing's entries, not the page's date
    assert _script_date('<script>var expires = "2030-01-01"; var build = "2024-05-04";</script>') is None
    assert _script_date('<script type="application/ld+json">{"publishDate": "2024-05-06"}</script>') is None


def test_markup_written_into_a_head_title_is_no_part_of_it() -> None:
    head = (
        "<title>Garden News - Rain ends the drought &lt;br/&gt;in the valley</title>"
        '<meta property="og:title" content="Rain ends the drought <br/>in the valley">'
    )
    meta = parse_html(f"<html><head>{head}</head><body><h1>Rain ends the drought</h1><p>正文。</p></body></html>")[1]
    assert meta.title == "Garden News - Rain ends the drought in the valley"
    assert meta.og_title == "Rain ends the drought in the valley"


def test_a_headlines_own_angle_bracket_is_no_markup() -> None:
    head = "<title>Why x &lt; y holds for every b &gt; 0</title>"
    meta = parse_html(f"<html><head>{head}</head><body><p>正文。</p></body></html>")[1]
    assert meta.title == "Why x < y holds for every b > 0"
