"""Each rule of the ladder, on blocks built directly (no HTML, no files)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleantext.boilerplate import classify
from cleantext.boilerplate.features import features_of
from cleantext.boilerplate.rules import (
    LADDER,
    code,
    container_hint,
    doubled,
    empty,
    judge,
    link_dense,
    long_text,
    marker,
    markup,
    notice,
    placeholder,
    preformatted,
    prose,
    scrambled,
    short,
    unmarked_sentence,
    unpunctuated,
)
from cleantext.model import Block, BlockClass, Decoded, DropReason, KeepReason, Step
from cleantext.segment import segment
from tests.boilerplate.samplekit import sample_blocks

PROSE_ZH = "国务院近日召开的做强国内大循环工作推进会提出，结合现阶段我国发展实际，要加快构建新发展格局。"
PROSE_EN = "The council met on Tuesday and agreed, after a long debate, to keep the library open on Sundays."


def _f(text: str):  # type: ignore[no-untyped-def]
    return features_of(text)


def test_empty_drops_separators() -> None:
    block = Block(0, "━━━━━━", source="text")
    assert empty(block, _f(block.text)) == ("bad", "empty")
    assert empty(Block(0, "2025"), _f("2025")) is None


def test_marker_names_the_vocabulary_group() -> None:
    for text, reason in [
        ("上一篇：某某新闻", "nav"),
        ("跳到主文", "nav"),
        ("你可能還想看", "related-list"),
        ("《播客热潮迅速蔓延》已有1件评论", "comment"),
        ("分享到：微信 微博", "share"),
        ("标签: 电商 直销", "tags"),
        ("版权所有 © 2025 某某网", "footer"),
        ("责任编辑：张三", "credit"),
        ("相关阅读", "related-list"),
        ("Related articles", "related-list"),
        ("Tags: economy, trade", "tags"),
        ("文章标签：python 大文件 内存优化", "tags"),  # the line names what it tags
        ("Post tags: pruning, orchards", "tags"),
        ("我要评论", "comment"),
    ]:
        assert marker(Block(0, text), _f(text)) == ("bad", reason), text


def test_marker_leaves_long_prose_that_mentions_a_marker() -> None:
    text = PROSE_ZH + "他说，版权所有人应当得到保护，分享到网上的内容也一样，这是大家的共识。"
    assert marker(Block(0, text), _f(text)) is None


def test_an_anchor_id_spelled_from_a_heading_names_no_role() -> None:
    # <h3 id="nav_nur_die_folie" class="subheading"> inside the article: an anchor for a table of
    # contents, spelled from the heading's own words, is no navigation
    head = "Nur die Folie bleibt zurück"
    hint = "nav nur die folie subheading article content"
    assert container_hint(Block(0, head, kind="h3", hint=hint), _f(head)) is None
    # a role word followed by other words is a role: the heading sits in a navigation box
    assert container_hint(Block(0, head, kind="h3", hint="nav main menu"), _f(head)) == ("bad", "nav")


def test_container_hint_nearest_named_ancestor_decides() -> None:
    assert container_hint(Block(0, "热门", hint="sidebar"), _f("热门")) == ("bad", "related-list")
    assert container_hint(Block(0, "热门", hint="content sidebar"), _f("热门")) is None
    long_text = PROSE_ZH * 2
    assert container_hint(Block(0, long_text, hint="footer"), _f(long_text)) is None


def test_link_dense() -> None:
    text = "首页 新闻 体育 财经"
    assert link_dense(Block(0, text, link_chars=len(text)), _f(text)) == ("bad", "link-dense")
    assert link_dense(Block(0, PROSE_ZH, link_chars=5), _f(PROSE_ZH)) is None


def test_a_linked_attachment_is_left_to_its_neighbours() -> None:
    for text, linked in [("附件：1. 加装电梯补贴申请表.doc", "1. 加装电梯补贴申请表.doc"), ("2. 申报材料清单.PDF", "2. 申报材料清单.PDF")]:
        assert link_dense(Block(0, text, link_chars=len(linked)), _f(text)) == ("short", "link-dense")
    menu = "下载中心 表格下载"  # a link to a page, not to a file
    assert link_dense(Block(0, menu, link_chars=len(menu)), _f(menu)) == ("bad", "link-dense")


def test_a_taxonomy_line_of_short_links_is_dropped() -> None:
    # links hold 8 of its 12 letters but under half of its characters: labels, bars and commas
    text = "分类：生活 | 标签：番茄，阳台，种菜"
    assert link_dense(Block(0, text, link_chars=8), _f(text)) == ("bad", "link-dense")
    english = "Posted in Furniture, Repair | Tagged cane, chairs, weaving"
    assert link_dense(Block(0, english, link_chars=32), _f(english)) == ("bad", "link-dense")
    # a sentence with a linked name ends as a sentence; a long line is prose with inline links
    sentence = "活动由市图书馆主办。"
    assert link_dense(Block(0, sentence, link_chars=5), _f(sentence)) is None
    label = "主办单位 市图书馆"  # under half of its letters in links
    assert link_dense(Block(0, label, link_chars=3), _f(label)) is None
    assert link_dense(Block(0, PROSE_ZH, link_chars=len(PROSE_ZH) // 3), _f(PROSE_ZH)) is None


def test_preformatted_html_is_text() -> None:
    text = "docker run -d --name web nginx"
    assert preformatted(Block(0, text, kind="pre"), _f(text)) == ("good", "preformatted")
    assert preformatted(Block(0, text, kind="p"), _f(text)) is None


def test_code_lines_of_a_dump_are_left_to_context() -> None:
    for text in ("docker run -p 28080:8080 \\", "dbuser=root", "--init \\", "if (x) {"):
        assert code(Block(0, text, source="text"), _f(text)) == ("short", "code"), text
    assert code(Block(0, "Home News Sport", source="text"), _f("Home News Sport")) is None


def test_prose_in_both_scripts() -> None:
    assert prose(Block(0, PROSE_ZH), _f(PROSE_ZH)) == ("good", "body")
    assert prose(Block(0, PROSE_EN), _f(PROSE_EN)) == ("good", "body")


def test_unpunctuated_long_line_is_a_menu() -> None:
    text = "首页 新闻 国内 国际 社会 财经 体育 娱乐 科技 汽车 房产 教育 健康 旅游 文化 时尚"
    assert unpunctuated(Block(0, text), _f(text)) == ("bad", "nav")


def test_short_is_the_last_answer() -> None:
    assert short(Block(0, "会议现场"), _f("会议现场")) == ("short", "short")


def test_judge_first_answer_wins_and_skip_passes_over() -> None:
    text = "我要评论"
    assert judge(Block(0, text)) == Step("marker", BlockClass.BAD, DropReason.COMMENT)
    assert judge(Block(0, text), skip=frozenset({"comment"})) == Step("short", BlockClass.SHORT, DropReason.SHORT)


def test_prose_counts_the_sentence_marks_of_arabic_script() -> None:
    # Urdu prose ends sentences with ۔ and separates clauses with ،, never with ASCII marks.
    text = "یہ ایک لمبا جملہ ہے، جس میں کئی الفاظ ہیں اور یہ مضمون کا حصہ ہے۔ دوسرا جملہ بھی یہاں ہے۔"
    f = features_of(text)
    assert f.punct == 3 and f.ends_sentence
    assert judge(Block(0, text, source="text"), f) == Step("prose", BlockClass.GOOD, KeepReason.BODY)


def test_long_sparsely_marked_alphabetic_text_is_a_paragraph() -> None:
    # 120 words with one mark: below the prose density, yet no menu runs on this long
    words = " ".join(["word"] * 60) + ". " + " ".join(["more"] * 60)
    block = Block(0, words, source="text")
    assert prose(block, _f(words)) is None
    assert long_text(block, _f(words)) == ("good", "body")
    names = "万惠霖 常印佛 计亮年 孙钧 朱起鹤 朱伯芳 胡和生 盛志勇 王子才 肖序常 " * 8 + "。"
    assert long_text(Block(0, names, source="text"), _f(names)) is None  # Han with few marks: a name list


def test_cookie_banners_go_and_cookie_recipes_stay() -> None:
    from cleantext.boilerplate.rules import consent

    banner = ("Noi e 160 terze parti selezionate utilizziamo cookie o tecnologie simili per finalità tecniche e, "
              "con il tuo consenso, anche per altre finalità come specificato nella cookie policy.")
    recipe = "Place the cookies on a sheet in a single layer and bake them for ten minutes until golden brown."
    assert consent(Block(0, banner), _f(banner)) == ("bad", "footer")
    assert consent(Block(0, recipe), _f(recipe)) is None
    # German, Spanish and Dutch banners ask for agreement, permission or consent in their own words
    for banner in (
        "Mit einem Klick auf „Ich bin einverstanden“ geben Sie Ihre Erlaubnis, dass Cookies gespeichert werden.",
        "Utilizamos cookies propias y de terceros. Si continúa navegando, consideramos que acepta su uso.",
        "Wij gebruiken cookies. Door verder te gaan geeft u toestemming voor het plaatsen ervan.",
    ):
        assert consent(Block(0, banner), _f(banner)) == ("bad", "footer"), banner


@given(st.text(alphabet=st.sampled_from("cCoOkK\u212aiIİıeEsSſtTzZaAクッキー "), max_size=14))
def test_the_cookie_pieces_find_every_block_the_cookie_pattern_matches(text: str) -> None:
    """The plain test ``consent`` runs first never passes over a match of the case-blind pattern,
    whatever letters fold to the pattern's (the Kelvin sign, dotted and dotless i, long s)."""
    from cleantext.boilerplate.rules import COOKIE, COOKIE_PIECES

    if COOKIE.search(text):
        assert any(piece in text.lower() for piece in COOKIE_PIECES)
    for word in ("COOKİE", "coo\u212aie", "CIAſTECZK", "クッキー"):
        assert COOKIE.search(word) and any(piece in word.lower() for piece in COOKIE_PIECES)


def test_markup_drops_page_source_a_dumper_printed() -> None:
    leaked = '義大利公開賽 <a class="link " href="https://hk.news.yahoo.com/tag/x" data-i13n="sec:content">茲韋列夫</a>封王'
    block = Block(0, leaked, source="text")
    assert markup(block, _f(leaked)) == ("bad", "markup")
    assert judge(block) == Step("markup", BlockClass.BAD, DropReason.MARKUP)


def test_markup_spares_prose_that_quotes_a_tag_and_shell_lines() -> None:
    quoting = "Wrap the heading in an <h1> element, and keep one per page, so that readers find it."
    shell = '--storage.path="/etc/prometheus/alertmanager" \\'
    for text in (quoting, shell, PROSE_ZH, "a < b and c > d"):
        assert markup(Block(0, text, source="text"), _f(text)) is None


def test_scrambled_drops_a_script_or_a_blob_a_dumper_printed() -> None:
    script = r"window.q.push({\x27_scs_\x27: \x27Bs7qUnjFQZtHf6v6_6AgAAAAAOAHgBAI\x27,\x27_bgu_\x27: \x27https://ads.example\x27})"
    blob = "DwM+vhG67TwWI6XhgZ5lvX142B6U2+x7/nPggMD6DNy2u/UAfngDmqCeIjQ8WBTMwpp 7X9O0v68osy0xfmccJ43x8ZT6O4j"
    escaped = r"kullanacağız.\x26quot;,null,null,\x26quot;{\x26quot;msg_type\x26quot;:\x26quot;i-d"  # words inside
    for text in (script, blob, escaped):
        block = Block(0, text, source="text")
        assert scrambled(block, _f(text)) == ("bad", "markup"), text
        assert judge(block).reason is DropReason.MARKUP


def test_scrambled_spares_prose_commands_addresses_and_stand_ins() -> None:
    command = "docker cp 04b4dd7569cf:/apollo/scripts/startup.sh /Users/someone/work/docker/"
    address = "See https://example.com/a/2024/05/16/x9f3k2p8q1z7/ferry-crossings?ref=ab12cd34ef56 for the timetable."
    stand_in = "[117199185_9d0f6c12-fab3-45b1-b439-359521740a0c_batchwm.jpg]"
    models = "The A7R4 and the X100V5 both beat the 24-70mm f2.8 GM2 lens kit on weight and price."
    for text in (command, address, stand_in, models, PROSE_ZH):
        assert scrambled(Block(0, text, source="text"), _f(text)) is None, text


def test_doubled_drops_a_caption_beside_its_own_link_text() -> None:
    teaser_line = "魏征生平简介魏征的故事魏征是个怎样的人？魏征生平简介魏征的故事魏征是个怎样的人？"
    assert doubled(Block(0, teaser_line, source="text"), _f(teaser_line)) == ("bad", "related-list")
    spaced = "Five ways to cook rice Five ways to cook rice"
    assert doubled(Block(0, spaced, source="text"), _f(spaced)) == ("bad", "related-list")


def test_doubled_spares_prose_and_short_repeats() -> None:
    for text in (PROSE_ZH, PROSE_EN, "etc.etc.", "好好好好"):
        assert doubled(Block(0, text, source="text"), _f(text)) is None


def test_unmarked_sentence_keeps_a_writer_who_sets_no_marks() -> None:
    line = "一波波接續性低溫寒流報到已將新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣也是愛攝人仕所喜愛造訪之地"
    block = Block(0, line, source="text")
    assert unmarked_sentence(block, _f(line)) == ("good", "body")
    assert judge(block) == Step("unmarked_sentence", BlockClass.GOOD, KeepReason.BODY)


def test_unmarked_sentence_leaves_names_run_together_and_spaced_menus_to_unpunctuated() -> None:
    names = "外交部国防部国家发展和改革委员会教育部科学技术部工业和信息化部民族事务委员会公安部民政部司法部财政部"
    menu = "首页 新闻 国内 国际 社会 财经 体育 娱乐 科技 汽车 房产 教育 健康 旅游 的 了 在"
    for text in (names, menu):
        block = Block(0, text, source="text")
        assert unmarked_sentence(block, _f(text)) is None
        assert judge(block) == Step("unpunctuated", BlockClass.BAD, DropReason.NAV)


def test_unmarked_sentence_reads_a_space_between_long_clauses_as_a_pause() -> None:
    line = "來到現場已是落葉飄飄堆疊滿地　不時隨著風吹雨襲而葉落垂地也讓人覺得有些蕭瑟"
    assert unmarked_sentence(Block(0, line, source="text"), _f(line)) == ("good", "body")


def test_an_unmarked_line_with_two_grammatical_words_is_left_to_its_neighbours() -> None:
    # a writer who sets no marks: two grammatical words (了 twice) are fewer than a sentence needs
    # to be read as one alone, but more than a menu or a list of names holds (none): its
    # neighbours decide, between sentences it is one of them, between menus it leaves
    line = "第二次造访山谷发现到营区变了印象中以前生冷招牌换成了原木招牌可谓匠心独运"
    block = Block(0, line, source="text")
    assert unmarked_sentence(block, _f(line)) == ("short", "short")
    around = [PROSE_ZH, line, PROSE_ZH.replace("。", "，今天也一样。")]
    kept = [v.block.text for v in classify([Block(i, t, source="text") for i, t in enumerate(around)]) if v.keep]
    assert line in kept
    story = [PROSE_ZH.replace("。", f"，第{n}段。") for n in "一二三四五六"]  # past a thin page's fallback
    menus = [*story, "首页 | 新闻 | 国内 | 国际 | 社会", line, "财经 | 体育 | 娱乐 | 科技 | 汽车"]
    kept = [v.block.text for v in classify([Block(i, t, source="text") for i, t in enumerate(menus)]) if v.keep]
    assert line not in kept


def test_unmarked_sentence_leaves_a_long_title_to_its_neighbours() -> None:
    title = "新发展阶段我国经济增长动能转换及路径优化——基于需求侧与供给侧双轮驱动框架"  # 我, 给: two
    assert unmarked_sentence(Block(0, title, source="text"), _f(title)) == ("short", "short")


def test_every_answer_names_its_rule_and_gives_enums() -> None:
    names = {rule.__name__ for rule in LADDER}
    assert len(names) == len(LADDER)  # each rule answers under a name of its own
    for block in sample_blocks():
        step = judge(block)
        assert step.name in names
        assert isinstance(step.cls, BlockClass) and isinstance(step.reason, DropReason | KeepReason)
        assert judge(block) is step  # one record per distinct answer, shared by the verdicts


def test_five_rules_that_answer_related_list_are_told_apart() -> None:
    cases = {
        "doubled": Block(0, "魏征生平简介魏征是个怎样的人？魏征生平简介魏征是个怎样的人？", source="text"),
        "marker": Block(0, "你可能還想看", source="text"),
        "list_item": Block(0, "产业链自主完备不是闭门造车", in_list=True, source="text"),
        "dated_entry": Block(0, "旅行中，谁忽悠了你？【版主】08-11 16:06 298字", source="text"),
    }
    for name, block in cases.items():
        assert (judge(block).name, judge(block).reason) == (name, DropReason.RELATED)


def test_notice_drops_a_labelled_legal_notice_of_any_length() -> None:
    disclaimer = "【免责声明】本文仅代表作者本人观点，与本网站无关。本网站对文中陈述、观点判断保持中立，不对所包含内容的准确性、可靠性或完整性提供任何明示或暗示的保证，请读者仅作参考。"
    site_notice = "本站郑重声明：所载文章、数据仅供参考，使用前请核实，风险自负，由此造成的损失本站概不负责，特此声明，敬请广大读者谅解与支持，如有疑问请与本站编辑部联系。"
    for text in (disclaimer, site_notice):
        assert _f(text).units > 60  # longer than any marker line
        assert notice(Block(0, text, source="text"), _f(text)) == ("bad", "footer"), text
    # an article that reports a statement, or mentions a disclaimer, is not one
    disclosure = "Disclaimer: I own a few shares of the company, and I bought the lens with my own money. " * 2
    for text in ("公司发布声明：该产品将于下月停售，已购买的用户可以申请退款。", "这份免责声明写得很长，律师说它没有法律效力。", disclosure):
        assert notice(Block(0, text, source="text"), _f(text)) is None, text


def test_notice_drops_a_content_platform_hosting_disclaimer_whatever_its_label() -> None:
    hosted = "以上内容（包括图片及视频）为自媒体平台“某某号”用户上传并发布，本平台仅提供信息存储服务。"
    for text in (hosted, "平台声明：该文观点仅代表作者本人，某某号系信息发布平台，某某仅提供信息存储空间服务。"):
        assert notice(Block(0, text, source="text"), _f(text)) == ("bad", "footer"), text
    # a story about hosting is no disclaimer
    story = "该公司表示，其云服务除提供信息存储外，还将为中小企业提供数据分析服务。"
    assert notice(Block(0, story, source="text"), _f(story)) is None


def test_a_short_story_over_a_long_disclaimer_is_the_article() -> None:
    story = "据消息，交通运输部今日举行新闻发布会，介绍了区域综合立体交通网络建设进展，多条城际铁路将年内开工，跨区域公交线路继续加密，群众出行更加便利。"
    disclaimer = "【免责声明】本文仅代表作者本人观点，与本网站无关。本网站对文中陈述、观点判断保持中立，不对所包含内容的准确性、可靠性或完整性提供任何明示或暗示的保证，请读者仅作参考，并请自行承担全部责任。"
    texts = ["区域交通网络建设提速", "2021-05-05 10:56:28", story, "（责任编辑：张三）", "写评论", "最新评论", disclaimer, disclaimer.replace("作者", "撰稿人")]
    verdicts = classify([Block(i, t, source="text") for i, t in enumerate(texts)], None)
    kept = [v.block.text for v in verdicts if v.keep]
    assert story in kept and not any("声明" in text for text in kept)


# A picture without a caption as a text browser writes it: its file name in brackets (made up).
PICTURE = "[7f3e2a90c1d84b6e~tplv-image.jpeg?_iz=30575&amp;from=article .pc_detail&amp;x-expires=1716000000]"


def test_a_long_placeholder_line_is_left_to_its_neighbours_not_taken_for_a_menu() -> None:
    block = Block(0, PICTURE, source="text")
    assert unpunctuated(block, _f(PICTURE)) == ("bad", "nav")  # what answered before the rule
    assert placeholder(block, _f(PICTURE)) == ("short", "short")
    assert judge(block).reason == "short"
    assert placeholder(Block(0, PICTURE), _f(PICTURE)) is None  # HTML has no placeholders
    assert placeholder(Block(0, f"{PICTURE} 图为会场。", source="text"), _f(PICTURE)) is None


def test_paragraphs_around_a_long_placeholder_stay_one_article() -> None:
    first = "市政府昨日召开新闻发布会，通报今年上半年城市更新工作进展，全市共完成老旧小区改造一百二十个。"
    second = "发布会上，市住建局负责人介绍，下半年将重点推进加装电梯和雨污分流改造，惠及居民四万余户。"
    caption = "图为改造后的小区一角，居民在新建的健身步道上散步，周边绿化面积比改造前增加了一倍。"
    menu = "\n".join(f"  * {w}" for w in ("首页", "新闻", "财经", "体育", "视频"))
    text = f"{menu}\n\n{first}\n\n{PICTURE}\n\n{second}\n\n{PICTURE}\n\n{caption}\n"
    blocks, _, _ = segment(Decoded("a.txt", text, "utf-8", "utf-8"), "text")
    kept = [v.block.text for v in classify(blocks) if v.keep]
    assert kept == [first, second, caption]
