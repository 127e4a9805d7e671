"""Text dumps of each common style, inline and small: w3m, lynx, html2text, a browser's innerText."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleantext.segment.dump import WIDE_ASTRAL, WIDE_BMP, display_width, split_dump

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
