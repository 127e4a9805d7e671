"""The boilerplate vocabulary and the metadata labels match Traditional Chinese as well as Simplified."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleantext.boilerplate.features import features_of
from cleantext.boilerplate.markers import (
    ANSWERS_HEADING,
    ANY_ANYWHERE,
    ANY_ANYWHERE_IN_ASCII,
    GROUPS,
    _opening,
)
from cleantext.boilerplate.rules import marker
from cleantext.document.dates import find_date
from cleantext.document.lines import read_line
from cleantext.document.title import strip_channel_tag
from cleantext.document.vocabulary import CHANNEL_TAGS
from cleantext.model import Block
from cleantext.text import HANT

VOCABULARY = (
    "boilerplate/markers.py",
    "document/vocabulary.py",
    "document/lines.py",
    "document/dates.py",
    "document/names.py",
    "document/owner.py",
)
PACKAGE = Path(__file__).resolve().parents[2] / "cleantext"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("上一篇：某某新聞", "nav"),
        ("下一頁", "nav"),
        ("當前位置：首頁 > 新聞", "nav"),
        ("返回頂部", "nav"),
        ("分享到：微信 微博", "share"),
        ("掃描二維碼", "share"),
        ("標籤: 電商 直銷", "tags"),
        ("關鍵詞：電商", "tags"),
        ("文章分類：生活 | 標籤：番茄", "tags"),
        ("Posted in Furniture, Repair | Tagged cane", "tags"),
        ("Filed under: Tools", "tags"),
        ("網站標識碼：0000000000", "footer"),
        ("版權所有 © 2025 中國新聞網", "footer"),
        ("聯繫我們", "footer"),
        ("主辦單位：示例時報", "footer"),
        ("京ICP備00000000號", "footer"),
        ("責任編輯：阿水", "credit"),
        ("會議現場。 上海市市場監管局供圖", "credit"),
        ("圖片來源：新華社", "credit"),
        ("相關新聞", "related-list"),
        ("為您推薦", "related-list"),
        ("猜你喜歡", "related-list"),
        ("我要評論", "comment"),
        ("網友評論", "comment"),
    ],
)
def test_marker_groups_match_traditional(text: str, reason: str) -> None:
    assert marker(Block(0, text, source="text"), features_of(text)) == ("bad", reason)


def test_a_sentence_about_posting_is_not_a_taxonomy_line() -> None:
    for text in ["He posted in the forum every night.", "这篇文章的分类很清楚。"]:
        assert marker(Block(0, text, source="text"), features_of(text)) is None


def test_prose_naming_an_organiser_is_not_a_footer() -> None:
    text = "主辦單位表示，今年共有一百二十個攤位參與。"
    assert marker(Block(0, text, source="text"), features_of(text)) is None


@pytest.mark.parametrize(
    ("line", "date", "site", "author"),
    [
        ("時間:2025-07-03 09:55:12來源:中國新聞網", "2025-07-03T09:55:12", "中國新聞網", None),
        ("發布時間：2024年5月15日 08時58分 作者：王小明", "2024-05-15T08:58", None, "王小明"),
        ("2024年5月15日 08:58　來源：示例日報　記者：李華", "2024-05-15T08:58", "示例日報", "李華"),
    ],
)
def test_metadata_labels_match_traditional(line: str, date: str, site: str | None, author: str | None) -> None:
    meta = read_line(line)
    assert (meta.date, meta.site, meta.author, meta.consumed) == (date, site, author, True)


def test_traditional_date_and_channel_tag() -> None:
    assert find_date("2025年7月3日 9時55分") == "2025-07-03T09:55"
    assert strip_channel_tag("在滬直銷企業簽署備忘錄 滾動") == "在滬直銷企業簽署備忘錄"
    assert {"滚动", "滾動", "熱門", "视频", "視頻"} <= CHANNEL_TAGS


def test_every_vocabulary_character_has_its_traditional_forms() -> None:
    """A new word with a Simplified-only character needs its entry in ``HANT``."""
    opencc = pytest.importorskip("opencc")
    converters = [opencc.OpenCC(name) for name in ("s2t.json", "s2tw.json", "s2hk.json")]
    source = "".join((PACKAGE / name).read_text(encoding="utf-8") for name in VOCABULARY)
    for entry in HANT.values():  # the table itself holds Traditional characters
        source = source.replace(entry, "")
    code = "\n".join(line.split("#")[0] for line in source.splitlines() if not line.lstrip().startswith(">>>"))
    for word in set(re.findall(r"[\u4e00-\u9fff]+", code)):
        for convert in converters:
            hant = convert.convert(word)
            if len(hant) != len(word):
                continue
            for simp, trad in zip(word, hant, strict=True):
                assert trad == simp or trad in HANT.get(simp, ""), (word, simp, trad)


def test_reprint_notices_related_headings_comment_action_bars_and_paywalls() -> None:
    from cleantext.boilerplate.rules import judge
    from cleantext.model import Block

    for text, reason in [
        ("39健康网(www.39.net)专稿，未经书面授权请勿转载。", "footer"),
        ("相关资讯营养成分粥好吃的维生素冰糖", "related-list"),
        ("5月16日18:14举报查看对话赞494回复", "comment"),
        ("5月16日18:14舉報查看對話贊494回覆", "comment"),
        ("共找到 13,046 个相关新闻.", "nav"),
        ("找到約 80 條結果", "nav"),
        ("12 results found", "nav"),
        ("请各位遵守法律法规，文明发言。", "comment"),
        ("網友評論僅代表其個人觀點", "comment"),
        ("播放模式 html5hd", "nav"),
        ("很抱歉，当前视频播放失败", "nav"),
        ("全屏", "nav"),
        ("時長：01:45建議WIFI下打開", "nav"),
        ("加入收藏", "share"),
        ("Save to favourites", "share"),
        ("新用户免费试用30天", "related-list"),
        ("为你推荐", "related-list"),
        ("分享：", "share"),
        ("立即領取", "related-list"),
        # a paywall's notice: the rest is for subscribers or members
        ("［有料会員限定］この記事は会員限定です。電子版に登録すると続きをお読みいただけます。", "related-list"),
        ("This story is available to subscribers only.", "related-list"),
        ("Subscribe now to continue reading", "related-list"),
        ("Cet article est réservé aux abonnés.", "related-list"),
        # Japanese related-story headings and a "see more" link
        ("関連記事", "related-list"),
        ("この記事を読んだ人におすすめの記事", "related-list"),
        ("人気記事ランキング", "related-list"),
        ("もっと見る", "nav"),
        # related-story headings in German, Italian, Portuguese and Dutch
        ("Ähnliche Beiträge", "related-list"),
        ("Das könnte Sie auch interessieren", "related-list"),
        ("Leggi anche", "related-list"),
        ("Leia também", "related-list"),
        ("Lees ook", "related-list"),
        # an account's links run together by a converter that puts no separator between links
        ("注册登录", "comment"),
        ("註冊登錄", "comment"),
        ("JoinLog In", "comment"),
        # a comment form's prompt to a visitor
        ("You must be logged in to post a comment.", "comment"),
        ("You must log in to reply to this topic.", "comment"),
    ]:
        assert judge(Block(0, text, source="text"))[1:3] == ("bad", reason), text


MARKER_TEXTS = [
    "上一篇：某某新聞", "當前位置：首頁 > 新聞", "版權所有 © 2025", "(c) 2024 Example", "(C)2024",
    "京ICP備00000000號", "All Rights Reserved.", "Impressum", "  > 正文", "Previous article", "本站声明",
    "会议现场。 上海市市场监管局供图）", "正文第一段，没有任何标记。", "A plain sentence about cats.", "",
    "主办单位表示，今年共有一百二十个摊位参与。", "Photos by Jane", "12 likes", "Page 3 of 9", "评论 12",
    "Ähnliche Beiträge", "Weitere Artikel zum Thema",
]


def _any_group_anywhere(text: str) -> bool:
    return any(s is not None and re.search(s, text, re.IGNORECASE) for _, _, s in GROUPS)


def _any_at_once(text: str) -> bool:
    """The one search ``rules.marker`` makes before the groups' unanchored fragments."""
    return (ANY_ANYWHERE_IN_ASCII if text.isascii() else ANY_ANYWHERE).search(text) is not None


@pytest.mark.parametrize("text", MARKER_TEXTS)
def test_any_group_patterns_agree_with_the_groups(text: str) -> None:
    assert _any_at_once(text) == _any_group_anywhere(text)
    assert (ANY_ANYWHERE.search(text) is not None) == _any_group_anywhere(text)


@given(st.text(alphabet=st.sampled_from("copyrightalsvdmpesuznCOPYRIGHT ()2024ICP.,:"), max_size=30))
def test_the_ascii_pattern_agrees_on_ascii_text(text: str) -> None:
    assert _any_at_once(text) == _any_group_anywhere(text)


@given(st.text(alphabet=st.sampled_from("上一篇页分享到版权所有首页>正文©(c) 2024icpICP备编辑:：图供相关评论abcopyrightmz"), max_size=24))
def test_any_group_patterns_agree_on_any_text(text: str) -> None:
    assert _any_at_once(text) == _any_group_anywhere(text)


def test_opening_elements() -> None:
    assert _opening("[分份]享到") == "[分份]"
    assert _opening(r"\(c\)\s*\d{4}") == r"\("
    assert _opening("版权所有") == "版"
    assert _opening(r"[]a]b") == "[]a]"
    for fragment in (r"\d*\s*likes", "a?b", "(?:a|b)c", "a|b", "a{0,2}b", ""):
        assert _opening(fragment) is None, fragment
    # the unanchored vocabulary opens with plain elements, so the combined pattern has its lookahead
    assert ANY_ANYWHERE.pattern.startswith("(?=")


def test_a_newsletter_sign_up_line_is_a_promotion() -> None:
    # a call to sign up or stay informed that names what arrives by mail is the site's, not the story's
    for text in [
        "Sign up for our free weekly newsletter and never miss a recipe.",
        "Get the morning headlines delivered straight to your inbox every day.",
        "Stay up-to-date with the harbour news: subscribe to our daily newsletter.",
        "Join our list for free garden plans right to your inbox!",
    ]:
        assert marker(Block(0, text), features_of(text)) == ("bad", "related-list"), text
    # a writer's own mention of a newsletter, or a sign-up the story reports, is prose
    for text in [
        "If you want in, just sign up for my newsletter before Friday.",
        "Sign up for the river clean-up opened on Monday at the town hall.",
        "The club's newsletter reported a record harvest this year.",
    ]:
        assert marker(Block(0, text), features_of(text)) is None, text


def test_a_credit_label_set_off_by_a_bar_is_a_credit() -> None:
    # a Chinese credit's label is set off by a colon or by a bar: both are the editor's line
    for line in ("编辑|王小明", "责编｜李华", "校对 | 赵四", "審核｜陳大文", "编辑：王小明"):
        assert marker(Block(0, line, source="text"), features_of(line)) == ("bad", "credit"), line
    # the word in a sentence, without a label's mark after it, is prose
    prose = "编辑部今天说明了修改的理由"
    assert marker(Block(0, prose, source="text"), features_of(prose)) is None


def test_a_reprints_note_of_its_first_headline_is_a_credit() -> None:
    # the editor's note naming the headline the story first ran under, set alone or in brackets
    for line in ("原标题：视界丨这座城市的公园为何让人着迷", "（原标题：三条主干道下月起分段封闭施工）", "原標題：公園為何讓人著迷",
                 "本文原标题：《三条主干道下月起分段封闭施工》"):
        assert marker(Block(0, line, source="text"), features_of(line)) == ("bad", "credit"), line
    # a sentence about a story's first headline is prose
    prose = "报道的原标题后来被编辑改掉了，读者并不知道。"
    assert marker(Block(0, prose, source="text"), features_of(prose)) is None


def test_toolbar_labels_and_notes_are_chrome() -> None:
    # a font-size tool, a favourites button's note once pressed, an app's download prompt, a
    # player's autoplay switch over its clip's title
    for line, reason in (
        ("字号：默认 大 超大 | 打印 |", "share"),
        ("调整字体", "share"),
        ("已收藏!", "share"),
        ("(本文来自某某新闻，更多原创资讯请下载“某某新闻”APP)", "share"),
        ("自动播放 新款手机发布：配六种颜色", "nav"),
    ):
        assert marker(Block(0, line, source="text"), features_of(line)) == ("bad", reason), line
    # sentences with the same words are prose
    for prose in ("字体设计师调整了三个字的笔画。", "他收藏了三十年的邮票，已经捐给了博物馆。", "用户下载该应用后需要实名注册。"):
        assert marker(Block(0, prose, source="text"), features_of(prose)) is None, prose


def test_a_request_to_sign_in_to_comment_is_the_comment_forms() -> None:
    for line in (
        "Please sign up (or log in) to add a comment!",
        "Please log in to post questions",
        "Please Login or Register to create posts and topics",
        "请先登录后发表评论",
        "登录后才能查看或发表评论",
        "登录以回复",
    ):
        assert marker(Block(0, line, source="text"), features_of(line)) == ("bad", "comment"), line
    for prose in ("Please sign in to continue", "登陆韩国评论界的新人获得好评。", "Please register for the event by Friday."):
        assert marker(Block(0, prose, source="text"), features_of(prose)) is None, prose


def test_a_link_on_to_the_story_alone_on_its_line_is_navigation() -> None:
    for line in ("Continue reading the main story", "Continue Reading »", "Continue reading", "continue reading the full article"):
        assert marker(Block(0, line, source="text"), features_of(line)) == ("bad", "nav"), line
    # a teaser closed by the link, and a sentence opening with the words, are no such line
    for prose in (
        "Gardeners should water the beds in the evening. [Continue reading]",
        "Continue reading about the harvest in the next chapter of the series.",
    ):
        assert marker(Block(0, prose, source="text"), features_of(prose)) is None, prose


def test_a_heading_counting_answers() -> None:
    for line in ("3 Answers", "1 answer", "Answers (34)", "5 个回答", "共12条回答", "回答(3)", "全部回答 8", "答案（2）"):
        assert ANSWERS_HEADING.match(line), line
    # a sentence about answers, a button, a count of replies (a blog's comments are headed so too)
    for line in ("3 answers to the questions readers sent us", "Answer", "Post Answer", "12 Replies", "我来回答"):
        assert not ANSWERS_HEADING.match(line), line


def test_a_paywall_prompt_is_a_promotion() -> None:
    # where a subscriber's story goes on, the page asks to subscribe or log in to read the rest
    for text in [
        "Subscribe to continue reading.",
        "This article is only available to subscribers.",
        "Dieser Artikel ist nur für Abonnenten verfügbar.",
        "Cet article est réservé aux abonnés.",
        "［有料会員限定］ この記事は会員限定です。電子版に登録すると続きをお読みいただけます。",
        "订阅后即可阅读全文",
        "登錄後閱讀全文",
    ]:
        assert marker(Block(0, text), features_of(text)) == ("bad", "related-list"), text
    # a story about subscriptions or members is prose
    for text in [
        "The pool is open to members on weekends.",
        "Subscribers to the paper rose by a tenth last year.",
        "会員の声を紹介します。",
    ]:
        assert marker(Block(0, text), features_of(text)) is None, text
