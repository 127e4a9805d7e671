"""Choosing a dump's headline among the lines above its article (``document/headline.py``), through ``finalize``."""

from __future__ import annotations

from dataclasses import replace

from cleantext.document import finalize
from cleantext.model import Article, Block, Decoded, DropReason, KeepReason, Verdict
from cleantext.text import units_of
from tests.document.linekit import dump_article, dump_verdicts

BODY = "市交通局昨天发布通知，三条主干道将于下月起分段封闭施工，工期约四个月，市民出行请提前规划路线。"

def test_a_caption_between_headline_and_date_is_not_the_headline() -> None:
    # a QR code's caption in another script sits between the headline and the dateline
    article = dump_article([
        ("三条主干道下月起分段封闭施工", False),
        ("Scan me!", False),
        ("2021-05-05 17:20 来源：滨江晨报", False),
        (BODY, True),
    ])
    assert article.title == "三条主干道下月起分段封闭施工"


def test_a_headline_naming_the_story_by_few_words_is_the_one_over_the_dateline() -> None:
    # no line shares enough words with the story: the one standing over the dateline is the
    # headline, not the nearest one (the story's other headline, set under the dateline)
    article = dump_article([
        ("老城区改造今日启动", False),
        ("2021-05-05 17:20 来源：滨江晨报", False),
        ("Scan me!", False),
        ("听听街坊们怎么说", False),
        (BODY, True),
    ])
    assert article.title == "老城区改造今日启动"


def test_a_headline_in_the_pages_script_only_when_there_is_one() -> None:
    article = dump_article([("Scan me!", False), ("2021-05-05 17:20 来源：滨江晨报", False), (BODY, True)])
    assert article.title == "Scan me!"  # nothing better: the nearest title-like line, as before


def test_a_breadcrumb_and_an_image_under_the_headline_are_passed_over() -> None:
    article = dump_article([
        ("三条主干道下月起分段封闭施工", False),
        ("首页 > 本地新闻 > 正文", False),
        ("[share-weixin] [qrcode]", False),
        (BODY, True),
    ])
    assert article.title == "三条主干道下月起分段封闭施工"


def test_a_dump_headline_gives_its_site_suffix_to_site() -> None:
    article = dump_article([("三条主干道下月起分段封闭施工-滨江晨报", False), (BODY, True)])
    assert (article.title, article.site) == ("三条主干道下月起分段封闭施工", "滨江晨报")


def test_a_site_prefix_that_repeats_in_the_pages_chrome() -> None:
    article = dump_article([
        ("每日快评", False),
        ("每日快评--三条主干道下月起分段封闭施工", False),
        (BODY, True),
        ("关于每日快评 | 联系我们", False),
    ])
    assert (article.title, article.site) == ("三条主干道下月起分段封闭施工", "每日快评")


def test_the_headline_shares_its_words_with_the_story() -> None:
    # a toolbar label and a byline stand between the headline and the story, all in Chinese
    article = dump_article([
        ("三条主干道下月起分段封闭施工", False),
        ("复制链接 收藏本文", False),
        ("本报记者王小明李红", False),
        (BODY, True),
    ])
    assert article.title == "三条主干道下月起分段封闭施工"


def test_a_label_alone_is_still_the_nearest_line_when_nothing_shares_words() -> None:
    article = dump_article([("欢迎光临本站首页", False), ("复制链接 收藏本文", False), (BODY, True)])
    assert article.title == "复制链接 收藏本文"


# -- Choosing the headline among a dump's lines (``headline.dump_title``) ----------------------------

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
    # a kept short line that opens the story under its headline: the article's first line is in a
    # headline's place (``test_a_headline_kept_as_the_articles_first_line``), but the headline over
    # it names more of the story
    article = _lines([(HEADLINE, False), ("Where the new crossings go", True, "context"), (STORY, True)])
    assert article.title == HEADLINE
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
    verdicts = dump_verdicts([("Home > Computers > Widgets", False), (HEADLINE, False), (STORY, True)])
    verdicts[1] = replace(verdicts[1], reason=KeepReason.CODE)
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert isinstance(article, Article)
    assert article.title == HEADLINE


def test_a_long_heading_taken_for_a_menu_run_together() -> None:
    # a Markdown heading of a long headline has no sentence marks: the ladder reads it as a menu
    # written out as one line (``nav``); a plain line so dropped stays a menu
    long_headline = f"{HEADLINE} and add two crossings before the summer timetable starts"
    rows = [(long_headline, False), ("Plans for the summer", False), (STORY, True)]
    verdicts = dump_verdicts(rows)
    verdicts[0] = replace(verdicts[0], block=replace(verdicts[0].block, kind="h2"), reason=DropReason.NAV)
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert isinstance(article, Article) and article.title == long_headline
    verdicts[0] = replace(verdicts[0], block=replace(verdicts[0].block, kind="line"))
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert isinstance(article, Article) and article.title != long_headline


def _listed(texts: list[tuple[str, bool, bool]]) -> list[Verdict]:
    """Verdicts of (text, kept, in a list) lines; list entries dropped as a related list."""
    return [
        Verdict(
            Block(i, t, source="text", in_list=listed),
            keep,
            KeepReason.BODY if keep else DropReason.RELATED if listed else DropReason.SHORT,
            float(units_of(t)),
        )
        for i, (t, keep, listed) in enumerate(texts)
    ]


def test_a_headline_drawn_as_a_bullet_over_the_date_line() -> None:
    # the page set its whole article inside a list item: the headline is a bullet, a share bar's
    # counter and the date line follow, the story is indented under it
    verdicts = _listed([
        ("首页", False, False),
        ("三条主干道下月起分段封闭施工", False, True),
        ("9 23", False, True),
        ("2021-05-05 17:20:11 来源：滨江晨报", False, False),
        ("市交通局昨天发布通知，三条主干道将于下月起分段封闭施工，工期约四个月。", True, False),
        ("封闭施工期间，三条主干道沿线公交线路临时绕行，市民出行请提前规划路线。", True, False),
    ])
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert isinstance(article, Article) and article.title == "三条主干道下月起分段封闭施工"


def test_a_teaser_bullet_over_a_dated_teaser_is_not_the_headline() -> None:
    # bullets of related links, one dated, above the article: no headline is better than a teaser
    verdicts = _listed([
        ("施工期间公交线路调整一览", False, True),
        ("上一篇：2021-04-30 地铁五号线试运行", False, True),
        ("三条主干道下月起分段封闭施工", False, True),
        ("暂无", False, True),
        ("市交通局昨天发布通知，三条主干道将于下月起分段封闭施工，工期约四个月。", True, False),
        ("封闭施工期间，三条主干道沿线公交线路临时绕行，市民出行请提前规划路线。", True, False),
    ])
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert isinstance(article, Article) and article.title is None


def test_an_aside_in_brackets_under_the_date_line_is_not_the_headline() -> None:
    # the story's first line, kept for its neighbours' sake, names the headline it had where it
    # was first printed: it shares more with the story than the page's own headline does
    verdicts = dump_verdicts([
        ("出门注意！这些路要封四个月", False),
        ("2021-05-05 17:20 来源：滨江晨报", False),
        ("（原标题：三条主干道下月起分段封闭施工）", True),
        (BODY, True),
        (BODY.replace("市交通局", "区交通局"), True),
    ])
    verdicts[2] = replace(verdicts[2], reason=KeepReason.CONTEXT)
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert isinstance(article, Article) and article.title == "出门注意！这些路要封四个月"


def test_a_headline_the_site_cut_short_over_the_date_line() -> None:
    # the site cut its long headline with an ellipsis, which the ladder takes for a teaser's; a
    # channel's breadcrumb above it shares a place name with the story
    verdicts = dump_verdicts([
        ("滨江号 > 滨江发布", False),
        ("定了！三条主干道下月起分段封闭施工，地铁公交同步调...", False),
        ("2021-05-05 17:20 来源：滨江晨报", False),
        ("滨江发布", False),
        (BODY, True),
        ("滨江发布提醒：三条主干道封闭施工期间，地铁和公交线路同步调整，请市民留意。", True),
    ])
    verdicts[1] = replace(verdicts[1], reason=DropReason.TEASER)
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert isinstance(article, Article)
    assert article.title == "定了！三条主干道下月起分段封闭施工，地铁公交同步调..."


def test_a_cut_short_headline_over_the_date_line_that_shares_no_words_with_the_story() -> None:
    # a teaser-style headline (cut with an ellipsis, naming nothing the story says) right over the
    # date line is still the page's headline, not the account links further up
    verdicts = dump_verdicts([
        ("注册登录", False),
        ("资讯 > 本地 > 正文", False),
        ("他放弃百万年薪来到这里 唯一的要求竟是……", False),
        ("2021-05-05 17:20 来源：滨江晨报", False),
        (BODY, True),
    ])
    verdicts[2] = replace(verdicts[2], reason=DropReason.TEASER)
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert isinstance(article, Article) and article.title == "他放弃百万年薪来到这里 唯一的要求竟是……"


ROADS = (
    "The city transport office said on Monday that three main roads will close in stages for "
    "roadworks from next month, and asked residents to plan their trips ahead."
)
AUTHOR_BOX = "About the author: Jane Okafor has written about the region's museums and food for a decade."


def test_text_kept_above_a_headline_that_opens_the_article_is_not_the_story() -> None:
    # an author's bio box over the headline and its date line: the story starts at its headline
    verdicts = dump_verdicts([
        (AUTHOR_BOX, True),
        ("Three main roads to close for roadworks next month", False),
        ("May 5, 2021", False),
        (ROADS, True),
    ])
    article, out = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert isinstance(article, Article)
    assert article.title == "Three main roads to close for roadworks next month"
    assert article.text == ROADS
    assert (out[0].keep, out[0].reason, out[0].chain[-1].name) == (False, DropReason.OUTSIDE, "above_headline")


def test_a_bio_box_of_three_paragraphs_over_the_headline_and_its_date_line_is_not_the_story() -> None:
    # a dump tool that sets the bio box's paragraphs apart: three kept blocks over the headline,
    # more than a headline and its kicker, but the headline between them and the date line
    # names the story under it: the date line opens the article all the same
    box = [f"{AUTHOR_BOX} ({n})" for n in range(3)]
    texts = [*[(b, True) for b in box], ("Home / Roads", False), ("Three main roads to close for roadworks next month", False)]
    verdicts = dump_verdicts([*texts, ("May 5, 2021", False), (ROADS, True)])
    article, out = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert isinstance(article, Article)
    assert (article.title, article.text) == ("Three main roads to close for roadworks next month", ROADS)
    assert all(v.chain[-1].name == "above_headline" for v in out[:3])
    # a thread's quote header is no date line, and a table's header row over a dated row is no
    # headline: what is kept above them stays
    for title, dateline in [
        ("Three main roads to close for roadworks next month", "On May 5, 2021 at 9:40 AM, okafor_j said:"),
        ("Date │ Time │ Road", "May 5, 2021 │ 9:40 AM │ Harbour Road"),
    ]:
        article = dump_article([*[(b, True) for b in box], (title, False), (dateline, False), (ROADS, True)])
        assert article.text.startswith(box[0]), dateline


STICKY_HEAD = "三条主干道下月起分段封闭施工，市民出行该怎么走？"
STICKY_STORY = [BODY, BODY.replace("市民", "沿线居民")]


def _sticky_bar_page(headline_kept: bool) -> Article:
    """A bar that follows the reader (``正在阅读：<headline>``) kept as prose above the story, the
    headline under it dropped, or kept by smoothing (a short line between prose); no date line
    (the dump tool set the date's parts on lines of their own)."""
    verdicts = dump_verdicts([
        (f"正在阅读：{STICKY_HEAD}", True), ("一键登录", False), (STICKY_HEAD, headline_kept), ("滨江晨报号", False),
        ("Scan me!", False), *[(b, True) for b in STICKY_STORY],
    ])
    if headline_kept:
        verdicts[2] = replace(verdicts[2], reason=KeepReason.CONTEXT)
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert isinstance(article, Article)
    return article


def test_a_sticky_bar_repeating_the_headline_is_not_the_storys_first_line() -> None:
    # the bar ends with the headline's question mark, but it repeats the headline standing under it
    article = _sticky_bar_page(headline_kept=False)
    assert (article.title, article.text) == (STICKY_HEAD, "\n".join(STICKY_STORY))
    # a lead paragraph that ends with a question repeats no line: it stays the story's
    lead = "三条主干道下月起分段封闭施工，沿线商户和居民的出行会受到多大影响？"
    article = dump_article([(lead, True), ("一键登录", False), ("Scan me!", False), *[(b, True) for b in STICKY_STORY]])
    assert article.text.startswith(lead)


def test_a_sticky_bar_over_a_headline_kept_as_a_line_of_the_story_leaves_too() -> None:
    article = _sticky_bar_page(headline_kept=True)
    assert (article.title, article.text) == (STICKY_HEAD, "\n".join(STICKY_STORY))


def test_text_above_a_headline_that_shares_nothing_with_the_story_stays() -> None:
    # the one line over the date line is a user's name, taken for want of a better one: too
    # uncertain to cut what lies above it
    article = dump_article([(AUTHOR_BOX, True), ("okafor_j", False), ("May 5, 2021", False), (ROADS, True)])
    assert article.title == "okafor_j"
    assert article.text == f"{AUTHOR_BOX}\n{ROADS}"


def test_a_headline_over_a_media_box_and_a_related_list() -> None:
    # between the headline and its story: a video's prompts, a related list's heading and
    # entries, a share label; nine lines, none sharing the story's words
    article = _lines([
        (HEADLINE, False),
        ("Please turn JavaScript on to play media", False),
        ("Watch this video", False),
        ("Keep reading", False),
        ("Related Stories", False),
        ("Bakery opens in old mill", False),
        ("Museum gets a bigger wing", False),
        ("Orchestra plans autumn tour", False),
        ("Share this page", False),
        ("Most popular now", False),
        (STORY, True),
    ])
    assert article.title == HEADLINE


FOLLOW_UP = (
    "Councillors said the riverside footpath is too narrow for the crowds at the ferry terminal; "
    "the votes to widen it passed after a long debate, and the council will publish the plans next week."
)
GALLERY = [(f"Photo {n} of 12: the ferry terminal at dusk", False) for n in range(1, 13)]


def test_a_headline_a_gallery_pushed_far_above_the_story() -> None:
    # twelve captions stand between the headline and its story: further up than a headline is
    # usually looked for, it is still the line that names the story
    article = _lines([(HEADLINE, False), *GALLERY, (STORY, True), (FOLLOW_UP, True)])
    assert article.title == HEADLINE


def test_far_above_the_story_a_line_it_does_not_name_is_not_the_headline() -> None:
    article = _lines([("Riverside news and weather", False), *GALLERY, (STORY, True), (FOLLOW_UP, True)])
    assert article.title != "Riverside news and weather"


def test_far_above_the_story_a_line_the_article_repeats_is_a_contents_entry() -> None:
    # a table of contents far up names the story's own subheading, which the article keeps
    article = _lines([
        (HEADLINE, False),
        *GALLERY,
        (STORY, True),
        ("Council votes to widen the riverside footpath next", True),
        (FOLLOW_UP, True),
    ])
    contents = _lines([
        ("Council votes to widen the riverside footpath next", False),
        *GALLERY,
        (STORY, True),
        ("Council votes to widen the riverside footpath next", True),
        (FOLLOW_UP, True),
    ])
    assert article.title == HEADLINE
    assert contents.title != "Council votes to widen the riverside footpath next"


DECK = "The council will widen the riverside footpath at the ferry terminal and add two"


def test_a_headline_over_its_standfirst_sentence() -> None:
    # the standfirst under the headline repeats more of the story, but it is a sentence: its
    # first line goes on in the next one
    article = _lines([
        ("Footpath by the ferry to be widened", False),
        (DECK, False),
        ("crossings before the summer.", False),
        (STORY, True),
        (FOLLOW_UP, True),
    ])
    assert article.title == "Footpath by the ferry to be widened"


def test_a_kicker_over_the_headline_is_not_the_title() -> None:
    article = _lines([("Riverside news", False), (HEADLINE, False), (STORY, True), (FOLLOW_UP, True)])
    assert article.title == HEADLINE


def test_a_caption_under_the_byline_is_not_the_headline() -> None:
    # the photo's caption under the byline repeats more of the story's words than the headline
    # over the byline does
    article = _lines([
        ("Footpath plan splits the riverside", False),
        ("By Jane Okafor", False),
        ("Riverside footpath at the ferry terminal", False),
        (STORY, True),
        (FOLLOW_UP, True),
    ])
    assert article.title == "Footpath plan splits the riverside"


def test_a_heading_that_links_to_its_own_page() -> None:
    # a blog's headline is a link to the post (``## [Title](…)``): the ladder drops it as link-dense
    verdicts = dump_verdicts([("Riverside news", False), (HEADLINE, False), ("by Jane Okafor", False), (STORY, True)])
    verdicts[1] = replace(verdicts[1], reason=DropReason.LINK_DENSE, block=replace(verdicts[1].block, kind="h2"))
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert isinstance(article, Article)
    assert article.title == HEADLINE


def test_a_headline_keeps_no_markdown_heading_mark() -> None:
    # a dump not read as Markdown keeps the ``#`` on the heading's line (taken for a shell comment)
    article = _lines([(f"# {HEADLINE}", False), (STORY, True)])
    assert article.title == HEADLINE


def test_a_headline_kept_as_the_articles_first_line() -> None:
    # context smoothing keeps the headline with the story (its first kept line, no date above it);
    # the menu's last entry over it shares nothing with the story
    article = _lines([("Sports results", False), (HEADLINE, True, "context"), (STORY, True), (FOLLOW_UP, True)])
    assert article.title == HEADLINE
    assert article.text == f"{STORY}\n{FOLLOW_UP}"


LONG_HEADLINE = "Council votes to widen the riverside footpath at the ferry terminal before the summer"


def _nav_at(rows: list[tuple[str, bool]], index: int) -> Article:
    """An article from (text, kept) rows whose row ``index`` the ladder took for a menu run together."""
    verdicts = dump_verdicts(rows)
    verdicts[index] = replace(verdicts[index], reason=DropReason.NAV)
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert isinstance(article, Article)
    return article


def test_a_long_unpunctuated_headline_taken_for_a_menu() -> None:
    # no sentence marks in a long headline: the ladder drops it as a menu; it names the story
    article = _nav_at([(LONG_HEADLINE, False), ("Not again.", False), (STORY, True), (FOLLOW_UP, True)], 0)
    assert article.title == LONG_HEADLINE


def test_a_standfirst_taken_for_a_menu_is_not_the_headline() -> None:
    # the standfirst (no full stop) repeats more of the story than the short headline over it
    article = _nav_at([("Footpath to be widened", False), (LONG_HEADLINE, False), (STORY, True), (FOLLOW_UP, True)], 1)
    assert article.title == "Footpath to be widened"


def test_a_sentence_kept_as_the_articles_first_line_is_not_the_headline() -> None:
    # a photo's caption kept with the story for its neighbours' sake ends in a full stop
    article = _lines([("Riverside footpath at the ferry terminal.", True, "context"), (STORY, True), (FOLLOW_UP, True)])
    assert article.title is None


def test_a_headline_over_a_standfirst_with_no_final_stop() -> None:
    # many sites end the summary under the headline with no stop; of a summary's length and with a
    # clause mark inside, it reads as a sentence although it repeats more of the story
    standfirst = (
        "The council will widen the riverside footpath at the ferry terminal, adding two crossings "
        "and new lighting before the summer timetable starts next year"
    )
    article = _lines([("Footpath by the ferry to be widened", False), (standfirst, False), (STORY, True), (FOLLOW_UP, True)])
    assert article.title == "Footpath by the ferry to be widened"


def test_a_long_headline_with_a_comma_over_the_story_is_still_the_headline() -> None:
    # a shorter kicker over it would share nothing with the story: the long line stays the headline
    headline = "Council votes to widen the riverside footpath, adding crossings"
    article = _lines([("Riverside news", False), (headline, False), (STORY, True), (FOLLOW_UP, True)])
    assert article.title == headline


ROADS_MORE = (
    "Work on the three roads starts with the bridge approach, and the roads close one at a time so "
    "that buses can keep their routes next month."
)
HOT_TOPICS = "Hot topics: Elections | Weather | Football | School holidays | Markets"  # a menu kept as prose
ROADS_HEADLINE = "Three main roads to close for roadworks next month"
# the ladder kept a toolbar's line over the headline: the article seems to start above it
UNDER_A_MENU = [(HOT_TOPICS, True), (ROADS_HEADLINE, False), ("by Jane Okafor", False), (ROADS, True), (ROADS_MORE, True)]


def test_a_headline_under_a_menu_line_kept_as_prose() -> None:
    assert dump_article(UNDER_A_MENU).title == ROADS_HEADLINE


def test_a_headline_under_a_menu_line_beats_a_tagline_over_it() -> None:
    # the site's tagline over the menu's line shares next to nothing with the story
    assert dump_article([("Your city, without the noise", False), *UNDER_A_MENU]).title == ROADS_HEADLINE


def test_a_caption_under_a_lone_kept_line_is_not_the_headline() -> None:
    # a sentence between a lone kept line and the story is a photo's caption or a teaser
    article = dump_article([
        (HOT_TOPICS, True),
        ("Three main roads will close for roadworks next month.", False),
        (ROADS, True),
        (ROADS_MORE, True),
    ])
    assert article.title is None


def test_a_rule_drawn_on_the_headlines_line_is_not_part_of_it() -> None:
    # w3m draws an <hr> in box-drawing characters, on the headline's line when no break parts them
    article = dump_article([(f"━━━━━━━━━━━━ {ROADS_HEADLINE}", False), (ROADS, True)])
    assert article.title == ROADS_HEADLINE


def test_a_menu_line_kept_over_the_headline_is_not_the_story() -> None:
    verdicts = dump_verdicts(UNDER_A_MENU)
    article, out = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert isinstance(article, Article)
    assert article.text == f"{ROADS}\n{ROADS_MORE}"
    assert (out[0].keep, out[0].chain[-1].name) == (False, "above_headline")


def test_a_lone_paragraph_is_the_storys_lead_not_a_menu_line() -> None:
    # a paragraph ending in a stop, alone over a box of other links: the article starts there, and
    # a line of the box under it that names the box's own entries is no headline
    article = dump_article([
        ("Festival news", False),
        ("The harbour festival returns this summer with two stages, a night market and boat races.", True),
        ("Harbour ferry timetable for the summer", False),
        ("The summer timetable of the harbour ferry adds two crossings to the timetable.", True),
        ("The harbour ferry timetable is on the harbour ferry page.", True),
    ])
    assert article.title != "Harbour ferry timetable for the summer"


def test_a_dateline_kept_alone_stands_under_the_headline() -> None:
    # the dateline kept with the story, a label under it, then the heading of the digest's first
    # item, which names the story better: the headline is still the line over the dateline
    article = dump_article([
        ("滨江道路施工通知", False),
        ("2021-05-05 17:20 来源：滨江晨报", True),
        ("收盘播报", False),
        ("三条主干道下月起分段封闭施工", False),
        (BODY, True),
    ])
    assert article.title == "滨江道路施工通知"


def test_a_story_paragraph_over_a_photo_and_its_caption_is_not_a_menu_line() -> None:
    # the story's paragraph introduces its photo (no final stop); the caption and a short line
    # follow: the run under it is no story of its own, and the paragraph stays
    intro = (
        "The council has published its plans for the three main roads, which close in stages for "
        "roadworks from next month, and the map below shows where the detours run:"
    )
    article = dump_article([
        ("Council publishes plans", False),
        (intro, True),
        ("Detours signposted in yellow", False),
        ("Detours are signposted in yellow on every road", True),
    ])
    assert article.title == "Council publishes plans"
    assert article.text.startswith(intro)


def test_a_headline_kept_over_a_share_bar_and_its_counts_over_the_date_line() -> None:
    # the headline kept as prose (its clause marks); between it and the date line, a share bar's
    # label and its counts, which are no lines of distance
    headline = "三条主干道下月起分段封闭施工！市交通局：工期约四个月，请提前规划路线"
    rows = [
        ("首页", False, DropReason.NAV),
        (headline, True, KeepReason.BODY),
        ("分享到：", False, DropReason.SHARE),
        ("微信", False, DropReason.SHARE),
        ("9 23", False, DropReason.SHORT),
        ("2024-05-15 15:10:53 来源：滨江晨报", False, DropReason.SHORT),
        (BODY, True, KeepReason.BODY),
        (BODY + "全文完。", True, KeepReason.BODY),
    ]
    verdicts = [
        Verdict(Block(i, text, source="text"), keep, reason, float(units_of(text)))
        for i, (text, keep, reason) in enumerate(rows)
    ]
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert isinstance(article, Article) and article.title == headline


def test_a_posts_age_is_not_the_headline() -> None:
    # a forum's post stamped with its age: the nearest title-like line when nothing shares words
    article = dump_article([("What do you all make of it?", False), ("2 years ago", False), (STORY, True)])
    assert article.title == "What do you all make of it?"
    article = dump_article([("大家怎么看", False), ("3小时前", False), (BODY, True)])
    assert article.title == "大家怎么看"


def test_a_forums_counters_printed_before_the_threads_title_leave_the_title() -> None:
    article = dump_article([
        ("查看: 3621|回复: 5 三条主干道下月起分段封闭施工", False),
        ("2021-05-05 17:20 来源：滨江晨报", False),
        (BODY, True),
    ])
    assert article.title == "三条主干道下月起分段封闭施工"
    article = dump_article([("Views: 812 | Replies: 14 Road works on three main roads", False), (BODY, True)])
    assert article.title == "Road works on three main roads"


def test_a_headline_over_the_pages_dateline_far_above_the_story_is_the_title() -> None:
    # a box of key points and a table of contents push the headline out of reach of the story's
    # first line; the page's dateline under the headline dates the page, and the headline names the story
    story = (
        "Most houseplants need a bigger pot every year or two, and repotting a houseplant in spring "
        "lets its roots recover quickly without killing it."
    )
    lines = [
        ("How to Repot a Houseplant Without Killing It", False),
        ("By Ines Carvalho | Updated April 2, 2024", False),
        ("Key takeaways", False),
        *((f"Point {n} of the box", False) for n in range(4)),
        ("Table of Contents", False),
        *((f"Section {n}", False) for n in range(6)),
        (story, True),
        (story.replace("Most", "Many"), True),
    ]
    article = dump_article(lines)
    assert article.title == "How to Repot a Houseplant Without Killing It"
    assert article.date is not None and article.date.startswith("2024-04-02")
