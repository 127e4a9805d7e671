"""The date, site and author read from the lines around the article (``document/scan.py``), through ``finalize``."""

from __future__ import annotations

from cleantext.document import finalize
from cleantext.model import Article, Block, Decoded, DropReason, KeepReason, PageMeta, Verdict
from cleantext.text import units_of

BODY = "最近，建设部发布了《市政公用事业特许经营管理办法》，规定了特许经营的范围和程序，各地正在抓紧落实。"


def _verdicts(texts: list[tuple[str, bool]]) -> list[Verdict]:
    return [Verdict(Block(i, t, source="text"), keep, KeepReason.BODY if keep else DropReason.SHORT, 20.0) for i, (t, keep) in enumerate(texts)]


def test_a_dateline_far_above_the_article_dates_it() -> None:
    menus = [(f"栏目{i}", False) for i in range(30)]
    verdicts = _verdicts([("时间：2004年10月21日14:18 作者：郭励弘", False), *menus, (BODY, True)])
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert article.date == "2004-10-21T14:18"  # type: ignore[union-attr]


def test_a_date_in_a_menu_far_above_is_not_taken() -> None:
    menus = [(f"栏目{i}", False) for i in range(30)]
    verdicts = _verdicts([("2006年12月(5) 热门文章排行榜单第一名的文章标题在这里", False), *menus, (BODY, True)])
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert article.date is None  # type: ignore[union-attr]


def _listed(texts: list[tuple[str, bool]]) -> list[Verdict]:
    return [
        Verdict(Block(i, t, source="text", in_list=True), keep, KeepReason.BODY if keep else DropReason.SHORT, 20.0)
        for i, (t, keep) in enumerate(texts)
    ]


def test_a_post_under_a_list_marker_reads_its_own_byline() -> None:
    # a forum post dumped under its "[0]" marker: the byline is a dropped line of the same list
    verdicts = _listed([("主题：你知道导游为什么热衷于购物吗？", False), ("作者：芊草凡凡   时间：2005-08-22 19:13:18", False), (BODY, True)])
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert article.date == "2005-08-22T19:13:18"  # type: ignore[union-attr]
    assert article.author == "芊草凡凡"  # type: ignore[union-attr]


def test_a_dropped_teasers_date_beside_the_article_is_not_taken() -> None:
    verdicts = _listed([("长江经济带发展座谈会在武汉召开 2005-08-22", False), (BODY, True)])
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert article.date is None  # type: ignore[union-attr]


def _dated_link_page(headline_kept: bool) -> str | None:
    """The date of a dump whose link to the previous story names its day among its words, over the
    article's headline (dropped, or kept by smoothing as the article's first line) and dateline."""
    verdicts = _scored([
        ("上一篇：", False),
        ("大桥合龙进入倒计时--2019年8月19日", False),
        ("特许经营办法发布", headline_kept),
        ("发布时间：2019-09-26 10:09", False),
        (BODY, True),
    ])
    if headline_kept:
        verdicts[2] = Verdict(verdicts[2].block, True, KeepReason.CONTEXT, verdicts[2].score)
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert isinstance(article, Article)
    return article.date


def test_the_articles_dateline_beats_a_dated_link_above_it() -> None:
    # the article's dateline says only its date, and stands lower than the link
    assert _dated_link_page(headline_kept=False) == "2019-09-26T10:09"


def test_a_dateline_under_a_headline_kept_as_text_beats_a_dated_link_above() -> None:
    # the dateline right under the headline kept as the article's first line is the article's
    assert _dated_link_page(headline_kept=True) == "2019-09-26T10:09"


def _scored(texts: list[tuple[str, bool]]) -> list[Verdict]:
    """Verdicts whose score holds the block's units, as the boilerplate stage leaves it."""
    return [
        Verdict(Block(i, t, source="text"), keep, KeepReason.BODY if keep else DropReason.SHORT, float(units_of(t)))
        for i, (t, keep) in enumerate(texts)
    ]


def test_a_comments_time_below_does_not_beat_the_articles_toolbar_line() -> None:
    # the article's date opens a long toolbar line; a comment's time stands below the article
    toolbar = "2021-05-05 17:20:31 来源：滨江晨报 分享到：微信 微博 QQ空间 评论(12) 字号：大 中 小 打印本页 关闭窗口 收藏本文 举报"
    verdicts = _scored([
        ("市区三条主干道下月起分段封闭施工", False),
        (toolbar, False),
        (BODY, True),
        ("网友 2021-05-06 09:02:44", False),
        ("支持，早该修了。", False),
    ])
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert article.date == "2021-05-05T17:20:31"  # type: ignore[union-attr]


def test_a_relative_dateline_is_read_against_the_crawl_time() -> None:
    verdicts = _scored([("市区三条主干道下月起分段封闭施工", False), ("滨江晨报 昨天 21:40", False), (BODY, True)])
    crawled = Decoded("a.warc", "", "utf-8", "utf-8", hints={"date": "2021-05-06T02:00:00Z"})
    article, _ = finalize(crawled, verdicts, None, None)
    assert article.date == "2021-05-05T21:40"  # type: ignore[union-attr]
    assert article.title == "市区三条主干道下月起分段封闭施工"  # type: ignore[union-attr]
    # without a crawl time there is no day to count back from
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert article.date is None  # type: ignore[union-attr]


def test_a_kept_relative_dateline_leaves_the_text() -> None:
    verdicts = _scored([("王小明 3小时前", True), (BODY, True)])
    crawled = Decoded("a.warc", "", "utf-8", "utf-8", hints={"date": "2021-05-06T10:00:00Z"})
    article, _ = finalize(crawled, verdicts, None, None)
    assert article.date == "2021-05-06"  # type: ignore[union-attr]
    assert article.text == BODY  # type: ignore[union-attr]


def test_a_share_bar_between_the_date_line_and_the_story_is_not_distance() -> None:
    # headline and date line, then a share bar: its labels and the blank boxes of its icons
    # (more than META_BEFORE blocks) stand between them and the story; a comment below has a time
    head = [
        ("三条主干道下月起分段封闭施工", False, DropReason.SHORT),
        ("2021-05-05 17:20:11 来源：滨江晨报", False, DropReason.SHORT),
    ]
    bar = [("分享到：", False, DropReason.SHARE)] + [("□", False, DropReason.EMPTY)] * 8
    bar += [("用微信扫码二维码", False, DropReason.SHARE), ("分享至好友和朋友圈", False, DropReason.SHARE)] * 2
    story = [(BODY, True, KeepReason.BODY), ("网友甲 2021-05-06 08:02:40", False, DropReason.SHORT)]
    story += [("这条评论也很长，说了自己的看法，并且有逗号和句号。", True, KeepReason.BODY)]
    verdicts = [
        Verdict(Block(i, t, source="text"), keep, reason, float(units_of(t)))
        for i, (t, keep, reason) in enumerate(head + bar + story)
    ]
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert isinstance(article, Article)
    assert (article.date, article.title) == ("2021-05-05T17:20:11", "三条主干道下月起分段封闭施工")


def _finalized(texts: list[tuple[str, bool]]) -> Article:
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), _verdicts(texts), None, None)
    assert isinstance(article, Article)
    return article


def test_a_name_alone_under_the_headline_is_the_writer() -> None:
    article = _finalized([("拨开灰烬看人心：一篇关于犬儒的长文", False), ("周明远", False), (BODY, True)])
    assert (article.title, article.author) == ("拨开灰烬看人心：一篇关于犬儒的长文", "周明远")


def test_names_closing_the_story_or_under_it_are_its_writers() -> None:
    assert _finalized([(BODY + "（周明远 林小雨）", True)]).author == "周明远 林小雨"
    assert _finalized([(BODY, True), ("（周明远）", False), ("相关新闻", False)]).author == "周明远"
    assert _finalized([(BODY + "（完）", True)]).author is None


def test_a_wire_dateline_credits_the_reporter() -> None:
    assert _finalized([("新华社杭州3月2日电（记者 周明远）" + BODY, True)]).author == "周明远"


def test_the_header_names_the_writer_when_the_article_starts_far_below_it() -> None:
    # the window around the article holds a date of its own; the writer is only in the page's header
    menus = [(f"栏目{i}", False) for i in range(30)]
    article = _finalized([("时间：2004年10月21日14:18 作者：周明远", False), *menus, ("2004-10-22", False), (BODY, True)])
    assert (article.date, article.author) == ("2004-10-22", "周明远")


def test_a_menu_word_under_the_story_is_no_writer() -> None:
    assert _finalized([(BODY, True), ("关于我们", False)]).author is None
    assert _finalized([(BODY, True), ("周明远", False)]).author is None  # a bare name after the story: a link, a user


def test_a_day_without_its_year_is_dated_by_the_crawl_time() -> None:
    verdicts = _scored([("市区三条主干道下月起分段封闭施工", False), ("发布时间：12-30 21:40", False), (BODY, True)])
    crawled = Decoded("a.warc", "", "utf-8", "utf-8", hints={"date": "2021-01-02T02:00:00Z"})
    article, _ = finalize(crawled, verdicts, None, None)
    assert article.date == "2020-12-30T21:40"  # type: ignore[union-attr]
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert article.date is None  # type: ignore[union-attr]


def _headed(texts: list[tuple[str, bool, DropReason | KeepReason]]) -> Article:
    """The record of a page whose blocks carry their own reasons (a header's short kept lines are
    context, not body)."""
    verdicts = [
        Verdict(Block(i, t, source="text"), keep, reason, float(units_of(t))) for i, (t, keep, reason) in enumerate(texts)
    ]
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert isinstance(article, Article)
    return article


def test_a_name_right_above_the_first_paragraph_is_the_writer() -> None:
    # an HTML page: headline (the head's title), subtitle, then the writer's name right above the story
    headline = "拨开灰烬看人心：一篇关于犬儒的长文"
    texts = [(headline, False, DropReason.SHORT), ("——当代社会的精神状况", False, DropReason.SHORT)]
    texts += [("周明远", False, DropReason.SHORT), (BODY, True, KeepReason.BODY)]
    verdicts = [Verdict(Block(i, t, source="html"), keep, reason, float(units_of(t))) for i, (t, keep, reason) in enumerate(texts)]
    article, _ = finalize(Decoded("a.html", "", "utf-8", "utf-8"), verdicts, PageMeta(title=headline), None)
    assert isinstance(article, Article)
    assert (article.title, article.author) == (headline, "周明远")


def test_a_name_above_the_paragraph_under_a_date_line_is_the_writer() -> None:
    # no headline found (the page's headline is a kept line like the breadcrumb): the header
    # starts at the date line
    article = _headed([
        ("学术论坛 » 学术前沿 » 社会资本与再就业", True, KeepReason.BODY),
        ("2003-5-29 09:07", False, DropReason.SHORT),
        ("社会资本与再就业", True, KeepReason.CONTEXT),
        ("周明远、林小雨", True, KeepReason.CONTEXT),
        (BODY, True, KeepReason.BODY),
    ])
    assert article.author == "周明远、林小雨"


def test_a_button_or_a_japanese_tag_in_the_header_is_no_writer() -> None:
    follow = [("拨开灰烬看人心：一篇关于犬儒的长文", False, DropReason.SHORT), ("关注", False, DropReason.SHORT)]
    assert _headed([*follow, (BODY, True, KeepReason.BODY)]).author is None
    japanese = "紹介制の肉割烹が一般予約を開放しました。おいしいもの好きのあの人に教えてもらいました。"
    tag = [("極上の肉割烹が一般予約を開放", False, DropReason.SHORT), ("牛料理", False, DropReason.SHORT)]
    assert _headed([*tag, (japanese, True, KeepReason.BODY)]).author is None
