"""Cutting a main region that holds two articles at the second one's header, on blocks built directly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleantext import clean
from cleantext.boilerplate import classify
from cleantext.boilerplate.articles import (
    DATE,
    REPRINT_CHARS,
    _may_hold_date,
    first_article,
    headers,
    is_dated_headline,
    is_dateline,
)
from cleantext.boilerplate.closings import COMMENT_COUNT_CHARS, comments_heading
from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.features import features_of
from cleantext.boilerplate.markers import COMMENTS_HEADING, COMMENTS_OPENING, REPRINT, REPRINT_NOTICE
from cleantext.model import Block, BlockClass, DropReason, KeepReason, PageMeta

PARA = "国务院近日召开的做强国内大循环工作推进会提出，结合现阶段我国发展实际，要加快构建新发展格局。"
OTHER = "这座老桥有很多人都走过，但很少有人知道它其实是一位来自外地的工匠主持修建的，他的一生也颇为传奇。"


def _page(*texts: str) -> list[Block]:
    return [Block(i, text, source="text") for i, text in enumerate(texts)]


def _kept(blocks: list[Block], meta: PageMeta | None = None) -> list[str]:
    return [v.block.text for v in classify(blocks, meta) if v.keep]


FIRST = [PARA, PARA, PARA]
SECOND_HEADER = ["三十年前的老桥为何又上了热搜，修桥人鲜为人知", "某某作者", "关注", "2023-06-01 00:48"]
SECOND = [OTHER, OTHER, OTHER]


def test_datelines() -> None:
    assert is_dateline("2023-06-01 00:48")
    assert is_dateline("2020.06.09 09:42 发布")
    assert is_dateline("发布于 2020-12-30 19:24:15")
    assert not is_dateline("2023年6月1日，国务院发布了新的规定，要求各地加快落实。")
    assert not is_dateline("没有日期的一行字")
    assert is_dateline("信報財經新聞·8 小時前") and is_dateline("News • 3 days ago")  # a feed item's byline
    assert not is_dateline("11 天前") and not is_dateline("1周前评论")  # a post's or a comment's time


def test_appended_article_is_cut_at_its_header() -> None:
    kept = _kept(_page(*FIRST, *SECOND_HEADER, *SECOND))
    assert kept == FIRST


def test_the_next_article_starts_at_its_headline_not_at_its_writers_line() -> None:
    # the writer's name and follow button under the headline read as a short headline too: the
    # longer line above is the headline the next article starts at
    header = [SECOND_HEADER[0], "城南旧事观察员关注", "2023-06-01 00:48"]
    kept = _kept(_page(*FIRST, "登录并评论", *header, *SECOND))
    assert kept == FIRST


def test_page_title_picks_the_article_it_names() -> None:
    meta = PageMeta(title="三十年前的老桥为何又上了热搜，修桥人鲜为人知_新闻网")
    kept = _kept(_page(*FIRST, *SECOND_HEADER, *SECOND), meta)
    assert PARA not in kept and kept.count(OTHER) == 3 and kept[0] == SECOND_HEADER[0]


def test_own_header_above_the_article_cuts_nothing() -> None:
    kept = _kept(_page(*SECOND_HEADER, *FIRST, *SECOND))
    assert kept.count(PARA) == 3 and kept.count(OTHER) == 3


def test_a_dated_subheading_without_a_headline_cuts_nothing() -> None:
    kept = _kept(_page(*FIRST, "2023-06-01", *SECOND))
    assert OTHER in kept and PARA in kept


def test_a_reply_under_a_user_name_is_no_new_article() -> None:
    # forum replies: a short user name above the dateline is not a headline
    blocks = _page(*FIRST, "资料搬运工", "2020.06.09 09:57 发布", *SECOND)
    judged = [Judged(BlockClass.GOOD if b.text in (PARA, OTHER) else BlockClass.SHORT, KeepReason.BODY, features_of(b.text)) for b in blocks]
    assert headers(blocks, judged, (0, len(blocks))) == []
    assert first_article(blocks, judged, (0, len(blocks)), None) == (0, len(blocks))


def test_a_label_ending_with_a_colon_over_a_date_is_no_headline() -> None:
    # a quote's label over a user card's join date inside a thread, a form's label over a date
    for label in ("引用 老园丁 的发言：", "Quote from the original poster:"):
        blocks = _page(*FIRST, label, "注册时间 2023-1-20", *SECOND)
        prose = [b.text in (PARA, OTHER) for b in blocks]
        judged = [
            Judged(BlockClass.GOOD, KeepReason.BODY, features_of(b.text)) if good
            else Judged(BlockClass.SHORT, DropReason.SHORT, features_of(b.text))
            for b, good in zip(blocks, prose, strict=True)
        ]
        assert headers(blocks, judged, (0, len(blocks))) == [], label
        # the same line without its colon is a headline over its date line
        blocks[len(FIRST)] = Block(len(FIRST), label.rstrip(":："), source="text")
        assert headers(blocks, judged, (0, len(blocks))) == [len(FIRST)]


def test_a_quoted_sentence_is_no_headline_over_a_related_storys_date() -> None:
    # the article's last line quotes its subject; a related story's heading and source line follow
    quote = "他赛后说：「这座城市对我来说意义非凡，我还会再来。」"
    blocks = _page(*FIRST, quote, "其他读者也在看", "新闻社·2 天前", *SECOND)
    judged = [
        Judged(BlockClass.GOOD, KeepReason.BODY if b.text in (PARA, OTHER) else KeepReason.CONTEXT, features_of(b.text))
        if b.text in (PARA, OTHER, quote)
        else Judged(BlockClass.SHORT, DropReason.SHORT, features_of(b.text))
        for b in blocks
    ]
    assert headers(blocks, judged, (0, len(blocks))) == [len(FIRST) + 1]
    # unquoted and without its full stop, the same words are a headline
    blocks[len(FIRST)] = Block(len(FIRST), "他说这座城市对他来说意义非凡还会再来", source="text")
    assert headers(blocks, judged, (0, len(blocks))) == [len(FIRST)]


def test_comments_after_the_editors_sign_off_are_not_the_article() -> None:
    comment = "网友评论：这件事情说明了很多问题，我们应该认真反思，不能让类似的事情再次发生在我们身边。"
    kept = _kept(_page(*FIRST, "责任编辑：刘光博", comment, comment, comment))
    assert kept.count(PARA) == 3 and comment not in kept


def test_a_sign_off_set_off_by_a_bar_ends_the_article_too() -> None:
    promo = "扫描下方二维码，回复关键词获取更多本地生活服务信息和最新的政策解读。"
    kept = _kept(_page(*FIRST, "编辑|王小明", "校对｜赵四", promo, promo.replace("政策", "福利")))
    assert kept == FIRST


def test_a_comment_forms_prompt_or_heading_ends_a_short_article() -> None:
    # what follows the form is the comments and the page's sidebar: radio-show blurbs that
    # smoothing joins to the article through their sentences; a heading's comment count needs a
    # long article over it, the form's prompt or heading does not
    blurbs = ["Listen to our weekly radio show.", "Local news, without the noise.", "New episodes every Friday."]
    for prompt in ("You must be logged in to reply to this topic.", "请先登录后发表评论", "Leave a Reply", "发表评论："):
        kept = _kept(_page(*FIRST, prompt, *blurbs, OTHER))
        assert kept == FIRST, prompt


def test_a_sign_off_above_the_article_cuts_nothing() -> None:
    kept = _kept(_page("编辑：张三", *FIRST))
    assert kept.count(PARA) == 3


def test_a_headline_and_its_date_on_one_line_start_the_next_post() -> None:
    # a blog archive dumped from a table layout: each post's title and time share a line
    header = "澳坛真的累了                           2005-06-13 15:00:14         [arrow-up]"
    kept = _kept(_page(*FIRST, header, *SECOND))
    assert kept == FIRST


def test_a_range_in_a_table_cell_is_no_date() -> None:
    row = "How long does it take?                         Program Length       3-6 years"
    kept = _kept(_page(*FIRST, row, *SECOND))
    assert kept.count(PARA) == 3 and kept.count(OTHER) == 3


def test_teasers_after_the_previous_next_links_are_not_the_article() -> None:
    teaser_prose = "中国航母之父刘华清生平简介，刘华清的履历如何，后人又是怎样评价刘华清的一生的？"
    kept = _kept(_page(*FIRST, "上一篇：下月核酸不再免费是吗", "下一篇：国税和地税有什么区别", teaser_prose, teaser_prose))
    assert kept.count(PARA) == 3 and teaser_prose not in kept


def test_previous_next_links_above_the_article_cut_nothing() -> None:
    kept = _kept(_page("Previous post: A walk in the park", *FIRST))
    assert kept.count(PARA) == 3


def test_a_feed_of_full_teasers_after_the_article_is_cut() -> None:
    kept = _kept(_page(*FIRST, "你可能还想看的内容", "信报财经新闻·8 小时前", "重置城寨不如搞港版环球影城", *SECOND))
    assert kept == FIRST


def test_teasers_after_the_reprint_notice_are_not_the_article() -> None:
    about = "中国领先的健康门户网站，中国互联网百强，于2000年3月9日开通，拥有丰富内容与庞大用户的健康平台。"
    kept = _kept(_page(*FIRST, "39健康网专稿，未经书面授权请勿转载。", about, about))
    assert kept == FIRST


def test_a_dumps_placeholder_between_paragraphs_is_not_kept() -> None:
    verdicts = classify(_page(PARA, "[38505]", PARA, "[image] [登录]", PARA))
    assert [v.keep for v in verdicts] == [True, False, True, False, True]
    assert verdicts[1].reason == "empty" and verdicts[1].chain[-1].name == "drop_placeholders"


def test_a_long_articles_comment_section_is_not_the_article() -> None:
    comment = "这件事情说明了很多问题，我们应该认真反思，不能让类似的事情再次发生在我们身边，大家说对吗？"
    article = [PARA] * 8  # a whole article, well past a forum's opening post
    kept = _kept(_page(*article, "《播客热潮迅速蔓延》已有1件评论", comment, comment, comment))
    assert kept == article


def test_a_short_opening_post_keeps_its_replies() -> None:
    reply = "I had the same problem with the driver, and updating the firmware first fixed it for me."
    kept = _kept(_page(*FIRST, "12 Comments", reply, reply, reply))
    assert kept.count(reply) == 3


def test_the_writers_biography_and_what_follows_are_not_the_article() -> None:
    bio = "Sezer Yavuz, 20 Şubat 1994'te İstanbul'da doğdu. İlköğretim ve lise eğitimini İstanbul'da tamamladı."
    kept = _kept(_page(*FIRST, "Editör Hakkında", bio, bio))
    assert kept == FIRST


# The shortcuts give what the plain statement of each step gives.
DATEISH = st.text(alphabet=st.sampled_from("2023-06-01 00:48/.年月日·•|发布于 小时前ago days[]x，。"), max_size=40)
END_NOTICES = st.text(
    alphabet=st.sampled_from("未经授权禁止转載轉载请注明不得勿已有共 5条件评論论評发表网友全部:（(我要leave a comment2 s)"),
    max_size=30,
)


@given(DATEISH)
def test_a_line_without_a_digit_and_a_date_mark_holds_no_date(text: str) -> None:
    if not _may_hold_date(text):
        assert DATE.search(text) is None
        assert not is_dateline(text) and not is_dated_headline(text)


@given(END_NOTICES)
def test_the_end_notice_prechecks_pass_every_match(text: str) -> None:
    if REPRINT_NOTICE.search(text):
        assert REPRINT_CHARS.search(text)
    assert comments_heading(text) == (COMMENTS_HEADING.search(text) is not None)


def test_the_prechecks_hold_what_every_fragment_of_the_vocabulary_says() -> None:
    assert all("未经" in fragment or "转载" in fragment for fragment in REPRINT)
    assert all(fragment.startswith("^") or "评论" in fragment for fragment in COMMENTS_OPENING)
    assert REPRINT_CHARS.search("轉載") and REPRINT_CHARS.search("转载") and COMMENT_COUNT_CHARS.search("評論")


def test_a_toolbar_under_the_article_ends_it_once_but_a_bar_under_every_post_does_not() -> None:
    promo = "本周热卖，会员专享，限时优惠三十天，新用户注册立即送大礼包，名额有限，先到先得。"
    assert _kept(_page(PARA, PARA, PARA, "【打印】【关闭】", promo)) == [PARA, PARA, PARA]
    # a thread's bar under each post: the posts are one text
    thread = _page(PARA, PARA, PARA, "【回复】【引用】", OTHER, OTHER, "【回复】【引用】", OTHER)
    assert _kept(thread) == [PARA, PARA, PARA, OTHER, OTHER, OTHER]


def test_headlines_run_together_before_a_header_are_no_article_above_it() -> None:
    # sparsely marked Han ending no sentence (features.sparse), in one piece: not cut by run_together
    run = "市民夜跑遇暴雨警方连夜搜救两名被困游客地铁三号线东延段开通运营全市中小学秋季开学时间确定：" * 3 + "春季花展开幕"
    blocks = _page(run, "市区主干道施工安排", "2024-05-01 10:20", PARA, PARA, PARA)
    judged = [Judged(BlockClass.GOOD, KeepReason.BODY, features_of(b.text), dump=True) for b in blocks]
    for i in (1, 2):
        judged[i] = Judged(BlockClass.BAD, DropReason.SHORT, features_of(blocks[i].text), dump=True)
    assert headers(blocks, judged, (0, len(blocks))) == []
    judged[0].dump = False  # an HTML block is judged by its container, not here
    assert headers(blocks, judged, (0, len(blocks))) == [1]


def test_headlines_run_together_above_a_next_link_close_no_article() -> None:
    # a dump's ticker of headlines glued into one sparsely marked line, then the site's menu with
    # a next-article link, then the article: the ticker is no article the link closes
    ticker = (
        "市政府召开常务会议研究部署秋冬季安全生产工作全市中小学新增学位调查：学位够不够，家长有话说"
        "地铁五号线南延段开通试运营老旧小区改造进度过半：居民盼加装电梯，物业费怎么算“智慧公交”"
        "新能源线路再添二十条城市书房夜间延时开放至二十二点滨江公园改造完工向市民开放中心医院新"
        "院区正式接诊秋季流感疫苗开打"
    )
    kept = _kept(_page(ticker, "首页", "下一篇", "新闻正文", "三条主干道下月起分段封闭施工", *FIRST))
    assert kept.count(PARA) == 3


def test_a_posts_line_of_tags_ends_it_once_but_a_tag_line_under_every_entry_does_not() -> None:
    article = [PARA] * 8  # a whole article, well past a forum's opening post
    sidebar = "Taking a weekend course in pottery is a fine way to meet people, and the studio is open late."
    kept = _kept(_page(*article, "Filed Under: Town news  Tagged With: council, parking", sidebar, sidebar))
    assert kept == article
    # a directory repeats its taxonomy under every entry: the entries are one text
    listing = _page(*article, "Categories: Builders, Roofing", OTHER, OTHER, "Categories: Gardens", OTHER)
    assert _kept(listing).count(OTHER) == 3
    # most of the text under the line: it heads the page's text, it does not close an article
    assert _kept(_page(*article, "Tags: town, council", *[OTHER] * 9)).count(OTHER) == 9


EN_PARA = (
    "The council voted on Tuesday to extend the tram line to the harbour, a project that has been "
    "debated for more than a decade and that will cost about forty million euros."
)
EN_BIO = (
    "Maria Lindqvist is a senior reporter who covers transport and city planning. She has written "
    "for several newspapers and lives by the sea with her two dogs."
)


def _html(body: str) -> str:
    return f"<html><head><title>Tram line</title></head><body>{body}</body></html>"


def test_the_writers_box_under_the_article_is_not_the_article() -> None:
    article = "".join(f"<p>{EN_PARA} ({n})</p>" for n in range(4))
    page = _html(f"<div class='entry'>{article}<div class='post-author-box'><h4>About Maria</h4>"
                 f"<p>{EN_BIO}</p></div></div>")
    record = clean(page)
    assert record is not None and EN_PARA in record.text and EN_BIO not in record.text


def test_a_writers_box_in_every_post_of_a_thread_ends_nothing() -> None:
    posts = "".join(
        f"<div class='post'><p>{EN_PARA} ({n})</p><div class='author-info'><p>{EN_BIO} ({n})</p></div></div>"
        for n in range(4)
    )
    record = clean(_html(f"<div class='thread'>{posts}</div>"))
    assert record is not None and all(f"{EN_PARA} ({n})" in record.text for n in range(4))


def test_a_page_whose_text_is_all_in_a_writers_box_keeps_it() -> None:
    paragraphs = "".join(f"<p>{EN_BIO} ({n})</p>" for n in range(4))
    record = clean(_html(f"<div class='author-bio'>{paragraphs}</div>"))
    assert record is not None and all(f"{EN_BIO} ({n})" in record.text for n in range(4))


def test_teasers_past_a_long_articles_comment_section_are_not_the_article() -> None:
    """The comment section's heading says nothing the vocabulary knows (``Your say``), but its
    element's class names it: under a whole article it ends the article, and the teasers after the
    comments (a summary each) are not taken as more of it."""
    article = "".join(f"<p>{EN_PARA} ({n})</p>" for n in range(8))
    teaser = "Trams were once the backbone of the city, and a museum now tells how the old network grew and shrank."
    page = _html(
        f"<div class='main'><h1>Tram line</h1>{article}"
        "<div class='comments'><h3>Your say</h3><p>Nice one!</p><p>Sign in to write.</p></div>"
        f"<h3>Archive</h3><h4>Old trams</h4><p>{teaser}</p><a href='/a'>more</a></div>"
    )
    record = clean(page)
    assert record is not None and f"{EN_PARA} (7)" in record.text and teaser not in record.text


def test_a_dumps_related_stories_heading_under_the_article_ends_it() -> None:
    teaser = "Take our annual tour of the hundred best restaurants in the region, from diners to bistros."
    article = [f"{EN_PARA[:-1]}, said the {n} speaker." for n in ("first", "second", "third", "fourth")]
    assert _kept(_page(*article[:3], "Related Stories", "Dining Out", teaser)) == article[:3]
    # most of the text under it: a box of related stories inside the article, which goes on
    assert _kept(_page(article[0], "Related Stories", *article[1:])) == article
    # the box's entries, then the article's next paragraphs in a row: the box stands inside it
    entries = ["Council votes on the tram line", "Harbour works to start in May"]
    inside = _page(*article[:3], "Related Stories", *entries, *article[3:], f"{EN_PARA[:-1]}, she added.")
    assert _kept(inside) == [*article, f"{EN_PARA[:-1]}, she added."]
    # a longer line of the vocabulary is an entry or an inline teaser, not a box's heading
    inline = "Related: Council votes to extend the tram line to the harbour next year"
    assert _kept(_page(*article[:3], inline, article[3])) == article
    # headings of more words than ``Related Stories`` (10 units, 9 and 16: CJK runs long) are headings all the same
    for heading in ("Das könnte Sie auch interessieren", "你可能也喜欢的文章", "この記事を見た人におすすめの記事"):
        assert _kept(_page(*article[:3], heading, "Dining Out", teaser)) == article[:3], heading


def test_a_related_heading_over_a_long_sidebar_of_lone_summaries_ends_a_long_article() -> None:
    """Under the heading of a long article, a sidebar longer than the article: summaries, each
    alone between its links. No two of them stand in a row, so none goes on with the article,
    however much text they hold together."""
    article = [f"{EN_PARA[:-1]}, said speaker {n}." for n in range(10)]
    summary = "Trams were once the backbone of the city, and a museum now tells how the old network grew, shrank and came back."
    sidebar = [line for n in range(16) for line in (f"{summary} ({n})", "Keep reading")]
    assert _kept(_page(*article, "Related Posts", *sidebar)) == article
    # two paragraphs in a row below the heading: the article may go on there
    paired = _page(*article[:8], "Related Posts", *sidebar[:4], *article[8:], *sidebar[4:])
    assert article[9] in _kept(paired)


def test_a_teaser_printed_twice_under_a_related_heading_is_one_paragraph_not_two() -> None:
    # a teaser's caption and its headline say the same sentence: not the article going on
    article = [f"{EN_PARA[:-1]}, said speaker {n}." for n in range(10)]
    teaser = "Trams were once the backbone of the city, and a museum now tells how the old network grew, shrank and came back."
    sidebar = [line for n in range(16) for line in (f"{teaser} ({n})", f"{teaser} ({n})", "Keep reading")]
    assert _kept(_page(*article, "Related Posts", *sidebar)) == article


def test_comments_stamped_with_their_ages_under_a_long_article_are_not_the_article() -> None:
    article = [f"{EN_PARA[:-1]}, said speaker {n}." for n in range(6)]  # a whole article, past a forum's post
    comment = "What a waste of money, the old line worked perfectly well and nobody asked for this."
    thread = ["Alcalino", "Hace 28 minutos", comment, "Casper", "3 hours ago", comment, "Jaime", "vor 2 Stunden", comment]
    assert _kept(_page(*article, "Comentar", *thread)) == article
    # two ages are a story's own stamps (its update time), not a list's
    assert _kept(_page(*article, "Hace 28 minutos", comment, "3 hours ago", comment)).count(comment) == 2
    # a short opening post keeps its replies
    assert _kept(_page(*article[:2], *thread)).count(comment) == 3


def test_a_dumps_share_bar_under_the_article_ends_it() -> None:
    article = [f"{EN_PARA[:-1]}, said speaker {n}." for n in range(10)]
    appeal = [
        "We rely on our readers to keep this work going, and every gift helps us plan the years ahead.",
        "Will you help us today?",
        "Your support is what lets our writers follow a story for as long as it takes to tell it well.",
        "Donate now",
    ]
    bar = ["Email", "Save", "Share"]
    assert _kept(_page(*article, *bar, *appeal)) == article
    # an embedded video's bar with the article going on under it, two paragraphs in a row
    assert _kept(_page(*article[:6], *bar, *article[6:])) == article
    # under a short opening post, what follows is its thread
    assert _kept(_page(article[0], *bar, appeal[0], "Reply", appeal[2]))[-2:] == [appeal[0], appeal[2]]


def test_a_comment_sections_count_ends_a_long_article_in_other_languages_too() -> None:
    article = [f"{EN_PARA[:-1]}, said speaker {n}." for n in range(10)]
    comments = [
        "I drove past the harbour this morning and honestly the works there have hardly started yet.",
        "Forty million is a lot for one line, but the buses along the quay are full every single day.",
    ]
    for heading in ("Komentarze (10)", "3 Kommentare", "12 commentaires", "Comments (2)", "5 комментариев"):
        assert _kept(_page(*article, heading, comments[0], "Reply", comments[1])) == article, heading
    # a word that only starts like one (commentators) heads no comment section
    assert _kept(_page(*article, "2 commentators", *comments))[-2:] == comments
