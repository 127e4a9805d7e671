"""Text dumps of each common style, inline and small: w3m, lynx, html2text, a browser's innerText."""

from __future__ import annotations

import textwrap
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from cleantext.boilerplate import classify
from cleantext.document import finalize
from cleantext.model import Article, Decoded
from cleantext.segment import segment
from cleantext.segment.dump import SLICE_CHARS, _read_lines, split_dump, unbox_line
from cleantext.segment.joins import CJK_CHAR, Line
from cleantext.segment.wrap import WIDE_ASTRAL, WIDE_BMP, display_width

SEED = Path(__file__).resolve().parents[2] / "samples" / "dumps" / "000_547391f3b4e202b1.txt"

ZH_PARA = "以“共建互联，合规致远”为主题的互联网执法协作共治机制第四次会议2日在上海召开，五家企业代表参加。"


def _texts(dump: str) -> list[str]:
    return [b.text for b in split_dump(dump)]


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("abc") == 3
    assert display_width("中文，") == 6
    assert display_width("ok👽") == 4
    assert display_width("“引号”") == 6  # curly quotes are narrow in a terminal


def test_w3m_cjk_paragraph_wrapped_at_page_width_is_joined() -> None:
    lines = [ZH_PARA[:38], ZH_PARA[38:]]  # 76 columns, then the rest
    wide = "另一段很长的正文文字用来确定页面的折行宽度，这一行同样写满了七十多列的宽度才结束。"[:38]
    dump = "\n".join([wide, "", wide, "", *lines, "", "短行"])
    assert ZH_PARA in _texts(dump)
    assert _texts(dump)[-1] == "短行"


def test_w3m_english_wrapped_in_a_narrow_box_is_joined() -> None:
    para = (
        "As my flight enters the broad mouth of the Thames Estuary, I savour\n"
        "the bird's-eye view of this area I know so well. The coastline\n"
        "resembles the gaping, dislocated jaws of some fossilised dinosaur."
    )
    header = "x" * 100  # a wide banner makes the page wider than the article's box
    texts = _texts("\n".join([header, header, header, "", para]))
    assert texts[-1].startswith("As my flight") and texts[-1].endswith("dinosaur.")


def test_w3m_bullets_and_indented_summary_form_a_list() -> None:
    dump = "Title\n\n  • Home\n  • News\n    A summary line under the bullet.\n\nBody text."
    blocks = split_dump(dump)
    assert [b.text for b in blocks] == [
        "Title",
        "Home",
        "News",
        "A summary line under the bullet.",
        "Body text.",
    ]
    assert [b.in_list for b in blocks] == [False, True, True, True, False]
    assert blocks[1].bullet and not blocks[3].bullet


def test_lynx_star_bullets_and_references() -> None:
    dump = (
        "   * [1]Home\n   * [2]News\n\n"
        "   The council met on Tuesday and agreed to keep the library open.\n\n"
        "References\n\n   1. http://example.com/\n   2. http://example.com/news\n"
    )
    blocks = split_dump(dump)
    assert blocks[0].bullet and blocks[0].text == "[1]Home"
    assert "The council met on Tuesday and agreed to keep the library open." in [b.text for b in blocks]
    assert blocks[-1].bullet and blocks[-1].in_list


def test_html2text_markdown() -> None:
    dump = "# 标题\n\n* [首页](http://x.cn/)\n* [新闻](http://x.cn/news)\n\n" + ZH_PARA + "\n"
    blocks = split_dump(dump)
    assert blocks[0].text == "# 标题"
    assert [b.bullet for b in blocks[1:3]] == [True, True]
    assert blocks[-1].text == ZH_PARA


def test_inner_text_one_line_per_block_is_never_joined() -> None:
    dump = "首页\n新闻\n" + ZH_PARA + "\n" + ZH_PARA + "\n责任编辑：张三"
    assert _texts(dump) == ["首页", "新闻", ZH_PARA, ZH_PARA, "责任编辑：张三"]


def test_code_lines_are_not_joined() -> None:
    code = "docker run -p 28080:8080 \\\n--init \\\n-d nginx"
    wide = "x" * 70
    assert _texts("\n".join([wide, wide, wide, "", code]))[-3:] == [
        "docker run -p 28080:8080 \\",
        "--init \\",
        "-d nginx",
    ]


def test_unwrapped_innertext_paragraphs_stay_apart() -> None:
    """Long lines of different widths that end sentences are paragraphs, not a wrapped one."""
    paragraphs = [
        "本报讯 历时一年半的修缮工程近日完工，这座始建于上世纪五十年代的老校区重新向师生开放。",
        "据学校负责人介绍，老校区的主楼此次修缮特别对题字进行了清洗和保护，新开放的校史馆收藏了三百余件实物。",
        "“我们希望这里既是教学场所，也是一座活的博物馆。”负责人说，今后将定期向公众开放。",
    ]
    assert [b.text for b in split_dump("\n".join(paragraphs))] == paragraphs


def test_uncertain_wrap_joins_a_line_stopped_mid_sentence() -> None:
    long = "夜深人静时，是自己一天最轻松的时刻，此时品品红酒、独坐书房翻看经典，遨游在知识的海洋里，甚是尽兴五千"
    text = "\n".join(["x" * 90 + " end.", "y" * 70 + " end.", long, "年之磅礴、之气势。"])
    assert [b.text for b in split_dump(text)][-1] == long + "年之磅礴、之气势。"


@given(st.text(alphabet=st.sampled_from("ab 中文한글，。\u3000\uff01\u00e9\u231a\U00020000\U0001f600"), max_size=30))
def test_display_width_is_length_plus_wide_characters(text: str) -> None:
    wide = len(WIDE_BMP.findall(text)) + len(WIDE_ASTRAL.findall(text))
    assert display_width(text) == len(text) + wide


def test_a_line_opening_with_a_comma_continues_the_line_above() -> None:
    text = "洛克菲勒家族开创者老约翰·洛克菲勒的三孙子劳伦斯·洛克菲勒于7月10日\n，享年94岁。与他的祖父一样。\n\n下一段。"
    assert [b.text for b in split_dump(text)] == ["洛克菲勒家族开创者老约翰·洛克菲勒的三孙子劳伦斯·洛克菲勒于7月10日，享年94岁。与他的祖父一样。", "下一段。"]


def test_a_comma_after_a_blank_line_is_left_where_it_is() -> None:
    assert [b.text for b in split_dump("第一段的结尾\n\n，孤立的一行")] == ["第一段的结尾", "，孤立的一行"]


# -- lines a tool or a person broke for display: joined back into paragraphs --------------------

# Constructed text (no bench page): a made-up report, long enough for several wrapped lines.
ZH_REPORT = (
    "本市今年秋季举行了一场大型消防综合演练，来自全市各区的十二支救援队伍参加了这次演练，"
    "演练模拟了高层住宅、地下车库和化工仓库三种场景下的火灾扑救与人员疏散。"
    "指挥部负责人介绍，演练检验了各队伍之间的通信联络、装备调度和协同作战能力，"
    "也发现了夜间照明和物资补给方面的不足，相关部门将在年底前完成整改。"
)
ZH_NOTICE = (
    "据了解，今后每年将至少组织两次类似规模的演练，并邀请居民代表现场观摩，"
    "让更多市民掌握火场逃生和初期火灾扑救的基本技能，提高全社会的防灾减灾意识。"
)
EN_REPORT = (
    "The county council agreed on Tuesday to keep the old library open for another three years, "
    "after a well-attended public meeting at which residents described the building as a "
    "much-loved meeting place for families, students and older people who have nowhere else "
    "to go during the long winter afternoons; the council will review the decision in spring."
)


def _wrap_columns(text: str, columns: int) -> list[str]:
    """CJK text cut into lines of ``columns`` display columns (two per CJK character)."""
    lines, line = [], ""
    for char in text:
        if display_width(line + char) > columns:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line] if line else lines


def test_cjk_wrapped_at_58_columns_is_joined_without_spaces() -> None:
    dump = "\n".join(["消防演练", "", *_wrap_columns(ZH_REPORT, 58), "", *_wrap_columns(ZH_NOTICE, 58)])
    assert max(display_width(line) for line in dump.split("\n")) <= 58
    assert _texts(dump) == ["消防演练", ZH_REPORT, ZH_NOTICE]


def test_latin_wrapped_at_60_columns_joins_words_with_one_space_and_hyphens_with_none() -> None:
    lines = textwrap.wrap(EN_REPORT, 60, break_on_hyphens=True)
    assert any(line.endswith("-") for line in lines)  # the fixture breaks after a hyphen
    assert _texts("Library to stay open\n\n" + "\n".join(lines)) == ["Library to stay open", EN_REPORT]


def test_indented_paragraphs_without_blank_lines_stay_apart_when_a_last_line_fills_the_width() -> None:
    # each paragraph opens with two ideographic spaces; the first one's last line is full
    first = ZH_REPORT[: 29 * 3 - 2]  # 29 characters a line after the indent's two: three full lines
    lines = [*_wrap_columns("\u3000\u3000" + first, 58), *_wrap_columns("\u3000\u3000" + ZH_NOTICE, 58)]
    lines += _wrap_columns("\u3000\u3000" + ZH_REPORT, 58)
    assert display_width(lines[2]) == 58
    assert _texts("\n".join(lines)) == [first, ZH_NOTICE, ZH_REPORT]


def test_seed_wrapped_at_38_characters_gives_the_seed_paragraphs() -> None:
    seed = SEED.read_text(encoding="utf-8")
    wrapped = "\n".join(
        line[start : start + 38] for line in seed.split("\n") for start in (range(0, len(line), 38) if line else [0])
    )
    assert "内部合\n规层面" in wrapped  # the break that survived before
    assert _article(wrapped) == _article(seed)


def _article(dump: str) -> tuple[str, str | None, str | None]:
    doc = Decoded("seed.txt", dump, "utf-8", "utf-8")
    blocks, meta, _ = segment(doc, "text")
    article, _ = finalize(doc, classify(blocks, meta), meta, None)
    assert isinstance(article, Article)
    return article.text, article.title, article.date


def test_a_line_past_the_wrap_edge_is_not_taken_for_a_wrapped_one() -> None:
    table = "Name        Value       Unit        Source      Remarks      Date       Place       Notes"
    dump = "\n".join([*_wrap_columns(ZH_REPORT, 58), "", table, "下一段。"])
    assert _texts(dump)[-2:] == [table, "下一段。"]


@given(st.lists(st.text(alphabet=st.sampled_from("ab -中文。"), min_size=1, max_size=6), min_size=1, max_size=30))
def test_joining_pieces_equals_joining_strings_one_by_one(pieces: list[str]) -> None:
    """The paragraph is built from a list appended once per line (linear), and equals the old
    definition that rebuilt the string at every line (quadratic)."""
    first = Line(pieces[0], 0, 0, False, 0, pieces[0])
    expected = pieces[0]
    for merged, piece in enumerate(pieces[1:], start=1):
        first.add(Line(piece, 0, 0, False, 0, piece))
        assert first.pieces is not None and len(first.pieces) == 2 * merged + 1  # two items a line, no string rebuilt
        gap = "" if CJK_CHAR.match(expected[-1:]) or CJK_CHAR.match(piece[:1]) else " "
        if expected[-1:] == "-" and expected[-2:-1].isalpha() and piece[:1].isalpha():
            gap = ""
        expected = expected + gap + piece
    assert first.joined() == expected
    assert first.pieces is None  # joined once; the pieces are let go


LINE_PIECES = st.sampled_from(["a", "b ", "  ", "\t", "\n", "\r", "\r\n", "\n\n", "│", "\u2028", "\u3000", "中文", "• "])


@given(st.lists(LINE_PIECES, max_size=40).map("".join), st.integers(min_value=0, max_value=8))
def test_reading_a_dump_slice_by_slice_gives_the_lines_of_the_whole(text: str, slice_chars: int) -> None:
    """A dump is cut into lines a slice at a time (no list of every line): any slice size gives the
    lines ``str.splitlines`` gives for the whole text, framed or not, and the same blank-line groups."""
    whole = list(_read_lines(text, len(text) + 1))
    assert list(_read_lines(text, slice_chars)) == whole
    framed = "│" in text
    expected = [(unbox_line(raw) if framed else raw).rstrip() for raw in text.replace("\t", "    ").splitlines()]
    assert [line for line, _, _ in whole] == expected
    groups = [group for _, stripped, group in whole if stripped]
    assert groups == sorted(groups)  # groups only grow


def test_a_dump_longer_than_a_slice_is_read_as_a_whole() -> None:
    """Paragraphs cut by a slice's end are joined as in a short dump; blank-line groups go on counting."""
    paragraph = textwrap.fill(" ".join(["The council met on Tuesday and agreed to keep the library open."] * 12), 72)
    dump = "\n\n".join([paragraph] * (2 * SLICE_CHARS // len(paragraph) + 3))
    blocks = split_dump(dump)
    assert len(blocks) == dump.count("\n\n") + 1
    assert {b.text for b in blocks} == {" ".join(paragraph.split("\n"))}
    assert [b.group for b in blocks] == list(range(len(blocks)))


# html2text's layout, made up: wrapped at 78 characters, but a link's URL is one word that no
# line break may cut, so the lines holding one pass the width.
LIBRARY_URL = "https://www.example.org/archive/2024/05/city-council-votes-to-keep-the-library-open.html"
LIBRARY = (
    "The council met on Tuesday and agreed, after a long debate that ran late into the evening, "
    f"to keep the library open on Sundays, as [the minutes]({LIBRARY_URL}) of the meeting show. Members "
    "said the branch had become a place where students study and older residents read the papers, "
    "and that closing it would save little money while costing the neighbourhood a great deal."
)
SECTIONS = "\n".join(
    f"  * [Section {i}](https://www.example.org/sections/{i}/every-story-filed-under-this-section.html)"
    for i in range(5)
)


def test_a_markdown_paragraph_is_joined_whatever_the_width_of_its_link_lines() -> None:
    wrapped = textwrap.fill(LIBRARY, 78, break_long_words=False, break_on_hyphens=False)
    assert max(len(line) for line in wrapped.splitlines()) > 78  # the URL's line passes the width
    blocks = split_dump(f"{SECTIONS}\n\n{wrapped}\n", markdown=True)
    assert [b.text for b in blocks[5:]] == [LIBRARY]
    assert len(split_dump(f"{SECTIONS}\n\n{wrapped}\n")) > 6  # read as plain text, it stays in pieces


def test_a_markdown_quote_is_joined_without_its_marks() -> None:
    quoted = textwrap.indent(textwrap.fill(EN_REPORT, 76, break_on_hyphens=False), "> ")
    blocks = split_dump(f"{SECTIONS}\n\n{quoted}\n", markdown=True)
    assert [b.text for b in blocks[5:]] == [EN_REPORT]


def test_a_numbered_items_text_wrapped_under_its_text_is_joined() -> None:
    # lynx's layout: the item's lines go on under its text, as deep as its number is wide
    items = [EN_REPORT, EN_REPORT.replace("Tuesday", "Monday"), EN_REPORT.replace("three", "five")]
    text = "\n".join(
        textwrap.fill(item, 76, initial_indent=f"    {n}. ", subsequent_indent="       ", break_on_hyphens=False)
        for n, item in enumerate(items, 1)
    )
    blocks = split_dump(text + "\n")
    assert [(b.text, b.item, b.bullet) for b in blocks] == [(item, n, True) for n, item in enumerate(items, 1)]


def test_paragraphs_nested_under_one_bullet_are_not_its_continuation() -> None:
    # innerText indents every block nested in a list item: an article inside an ``li`` sits
    # under its bullet, paragraph after paragraph
    paragraphs = [f"    Paragraph {k} of the story, told in a sentence of its own." for k in range(5)]
    text = "  * Home\n  * The story\n\n" + "\n\n".join(paragraphs) + "\n\nFooter"
    blocks = split_dump(text)
    assert [b.in_list for b in blocks if b.text.startswith("Paragraph")] == [False] * 5
    assert all(b.in_list for b in blocks if b.bullet)


def test_sentences_set_under_a_bullet_without_blank_lines_are_not_its_continuation() -> None:
    # a table's cell beside a decorative bullet: the article's paragraphs with no blank line between
    sentences = [" " * 20 + f"Sentence {k} of the story{', which goes on' * (k % 3)}." for k in range(5)]
    blocks = split_dump("● The story\n" + "\n".join(sentences) + "\n")
    story = [b for b in blocks if b.text.startswith("Sentence")]
    assert len(story) >= 4 and not any(b.in_list for b in story)
    # a teaser's summary of two sentences under its bullet is the item's own
    blocks = split_dump("  * A headline\n    Its summary. A second sentence.\n    Three.\n  * Another")
    assert all(b.in_list for b in blocks)


def test_a_feed_of_items_with_paragraphs_under_each_stays_a_list() -> None:
    # a live blog's entries repeat the shape: each item holds its own few paragraphs
    item = "\n\n".join(f"    Line {k} of the entry, a sentence." for k in range(4))
    text = "\n".join(f"  • 14:{m:02d} Entry\n\n{item}\n" for m in (10, 20, 30))
    blocks = split_dump(text)
    assert all(b.in_list for b in blocks if b.text.startswith("Line"))


def test_an_article_under_a_bullet_beside_a_short_card_under_another_is_no_feed() -> None:
    # a blog's article nested in one item, the writer's card (name, label, links) in the next:
    # the card spans as many paragraphs, but holds a few words, not entries like the article
    paragraphs = [f"    Paragraph {k} of the post, told in a sentence of its own." for k in range(5)]
    card = "\n\n".join(f"    {word}" for word in ("Profile", "Writer", "Blogger", "Follow"))
    text = "  * Home\n  * The post\n\n" + "\n\n".join(paragraphs) + "\n\n  * About\n\n" + card + "\n\nEnd"
    blocks = split_dump(text)
    assert [b.in_list for b in blocks if b.text.startswith("Paragraph")] == [False] * 5
    assert [b.in_list for b in blocks if b.text in ("Profile", "Follow")] == [True, True]


def test_a_teaser_summary_under_its_bullet_stays_in_the_list() -> None:
    blocks = split_dump("  * A headline\n\n    Its summary, a sentence or two.\n\n  * Another headline")
    assert [b.in_list for b in blocks] == [True, True, True]


def test_a_centred_headline_reaching_the_wrap_width_keeps_its_rule_apart() -> None:
    para = "社区食堂开业以来每天接待老人三百多人次，菜品按季节调整，价格比周边饭馆低三成左右。"  # 84 columns
    wide = [para[:36], para[36:]]  # wrapped at 72 columns
    headline = " " * 44 + "社区食堂开业一周年"  # centred: its indent takes it to the wrap width
    rule, date = " " * 20 + "━" * 40, " " * 30 + "2024年05月02日 08:30"
    texts = _texts("\n".join([*wide, "", headline, rule, date, "", *wide]))
    assert headline.strip() in texts
    assert rule.strip() in texts


# Words bound to the next by no-break spaces (Polish and Czech typography after one-letter words,
# French before "?"): a wrapper moves each bound group down whole, so a line may stop well short of
# the width although the next line's first word alone would have fitted after it.
BOUND_REPORT = (
    "The budget passed after a long debate in which the\u00a0mayor\u00a0and\u00a0her\u00a0two\u00a0deputies "
    "spoke for the plan, and the city will publish the details of every project it funds, from "
    "roads and bridges to parks and schools."
)


def test_lines_cut_short_by_words_bound_with_no_break_spaces_are_joined() -> None:
    lines = [line.replace("\u00a0", " ") for line in textwrap.wrap(BOUND_REPORT, 72)]
    assert any(len(line) < 72 - 20 for line in lines[:-1])  # a line stops further short than a word
    other = textwrap.wrap(EN_REPORT, 72)
    dump = "\n".join(["Budget passed", "", *lines, "", *other])
    assert _texts(dump) == ["Budget passed", BOUND_REPORT.replace("\u00a0", " "), EN_REPORT]


def test_a_byline_stays_apart_from_the_date_line_under_it() -> None:
    other = textwrap.wrap(EN_REPORT, 72)
    dump = "\n".join([*other, "", "By Metro Desk The Evening Courier", "on May 3, 2024 at 12:06 PM", "", *other])
    assert "By Metro Desk The Evening Courier" in _texts(dump)


def _centred(text: str, room: int = 71, margin: int = 3) -> list[str]:
    """``text`` wrapped at ``room`` and each line centred in it, as lynx draws a centred paragraph."""
    return [" " * (margin + (room - len(line)) // 2) + line for line in textwrap.wrap(text, room)]


def test_a_centred_paragraphs_lines_are_joined_and_its_heading_stays_apart() -> None:
    report = EN_REPORT + " The library will open on Sundays from May, and its cafe will stay open late."
    lines = _centred(report)
    assert len({len(line) - len(line.lstrip()) for line in lines}) > 2  # the indents differ line to line
    headings = ["Library to stay open", "Opening hours", "The new cafe"]
    dump = "\n\n".join("\n".join([*_centred(heading), "", *lines]) for heading in headings)
    assert _texts(dump) == [headings[0], report, headings[1], report, headings[2], report]


def test_lynxs_head_links_that_open_the_dump_give_no_block() -> None:
    # lynx writes the page head's <link> titles (feeds, alternate pages) as a paragraph after "#"
    dump = "   #Garden Notes RSS Feed Garden Notes » Pruning\n   roses in winter Comments Feed\n\nPruning roses in winter\n\n   Body."
    assert _texts(dump) == ["Pruning roses in winter", "Body."]


def test_a_hash_line_below_the_top_or_a_markdown_heading_stays() -> None:
    assert _texts("Title\n\n#hashtag of the day\n\nBody.") == ["Title", "#hashtag of the day", "Body."]
    assert split_dump("# Pruning roses\n\nBody.", markdown=True)[0].text == "# Pruning roses"
    assert _texts("# Pruning roses\n\nBody.")[0] == "# Pruning roses"


def test_a_long_cjk_line_broken_inside_its_sentence_takes_the_tail_under_it() -> None:
    # a short dump: too few lines reach its width to measure it, but the line stops inside a
    # sentence of prose and the line under it ends the sentence
    item = " 2. 鸡蛋打散，加一点盐搅匀。锅里多放一些油，油热后倒入蛋液，炒到刚刚凝固就盛出\n    来。"
    assert _texts(item) == ["鸡蛋打散，加一点盐搅匀。锅里多放一些油，油热后倒入蛋液，炒到刚刚凝固就盛出来。"]
    # headlines carry no clause mark, a form's row is labels and blanks: each line stays a line
    headlines = "市交通局发布三条主干道下月起分段封闭施工通知市民出行请提前规划路线\n地铁三号线北延段今日开通。"
    assert len(_texts(headlines)) == 2
    form = "姓 名：                    年龄：                     至\n有一个女人叫何夕。"
    assert len(_texts(form)) == 2
