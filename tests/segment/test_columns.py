"""Side-by-side columns of a terminal dump, read one after the other."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleantext.model import Decoded
from cleantext.segment import segment
from cleantext.segment.columns import unfold_columns

NAV = ["首页", "新闻中心", "国内新闻", "国际新闻", "社会新闻", "财经频道", "体育频道", "联系我们"]
# one paragraph wrapped at 40 display columns (20 Han characters a line)
PARA = (
    "国务院近日召开的做强国内大循环工作推进会提出，结合现阶段我国发展实际，要加快构建新发展格局，推动高质量发展"
    "取得新的成效，各地要抓好落实。会议要求，各地区各部门要把思想和行动统一到党中央决策部署上来，扎实推进各项工作。"
)
LINES = [PARA[i : i + 20] for i in range(0, len(PARA), 20)]


def _side_by_side(left: list[str], right: list[str], at: int = 24) -> str:
    rows = max(len(left), len(right))
    left, right = left + [""] * (rows - len(left)), right + [""] * (rows - len(right))
    out = []
    for a, b in zip(left, right, strict=True):
        pad = at - sum(2 if "\u4e00" <= c <= "\u9fff" else 1 for c in a)
        out.append((a + " " * pad + b).rstrip())
    return "\n".join(out)


def test_sidebar_and_article_are_read_one_after_the_other() -> None:
    text = _side_by_side(NAV, LINES)
    out = unfold_columns(text).split("\n")
    assert [line for line in out if line in NAV] == NAV  # each menu entry alone on its line, in order
    assert PARA in out  # the article's column, its wrapping undone


def test_a_centred_sidebar_right_of_the_article_is_read_after_it() -> None:
    # the dumper centres each sidebar entry in its cell: the entries start at different columns
    sidebar = ["健康 - 伟哥", "情感 - 爱上大龄", "职场 - 金领生活", "实录 - 舍弃", "消费热点", "论坛 - 新论坛"]
    rows = []
    for line, entry in zip(LINES, sidebar, strict=True):
        width = sum(2 if "\u4e00" <= c <= "\u9fff" else 1 for c in entry)
        rows.append((line, " " * ((20 - width) // 2) + entry))
    text = _side_by_side([a for a, _ in rows], [b for _, b in rows], at=46)
    out = unfold_columns(text).split("\n")
    assert PARA in out
    assert [line.strip() for line in out if line.strip() in sidebar] == sidebar


def test_blocks_of_a_two_column_dump_do_not_mix_menu_and_article() -> None:
    blocks, _, fmt = segment(Decoded("a.txt", _side_by_side(NAV, LINES), "utf-8", "utf-8"), "text")
    assert fmt == "text"
    assert PARA in [b.text for b in blocks]
    assert all(not (b.text.startswith(tuple(NAV)) and "国务院" in b.text) for b in blocks)


def test_text_without_columns_is_untouched() -> None:
    text = "标题\n\n" + "\n".join(LINES) + "\n\n  • 上一篇：某某新闻"
    assert unfold_columns(text) == text


def test_a_table_of_short_cells_keeps_its_rows() -> None:
    rows = [f"{name:<12}{value:>8}" for name, value in [("Apples", "12"), ("Pears", "7"), ("Plums", "30")] * 3]
    text = "\n".join(rows)
    assert unfold_columns(text) == text


def test_a_form_of_labels_and_values_keeps_its_rows() -> None:
    labels = ["发文机关：", "成文日期：", "标    题：", "发文字号：", "发布日期：", "索 引 号：", "分    类："]
    values = ["吉林省人民政府办公厅综合处", "2022年01月27日星期四上午", "关于禁止新增建设项目的通告全文",
              "吉政明电〔2022〕1号文件正式版", "2022年01月28日星期五下午", "11220000013544357T/2022", "环境监测、保护与治理;通告"]
    text = "\n".join(f"{a}   {b}" for a, b in zip(labels, values, strict=True))
    assert unfold_columns(text) == text


def test_a_table_drawn_with_borders_keeps_its_rows() -> None:
    rows = [f"│{'Cat Stevens lyrics and pictures':<40}│{'Articles, reviews, discography':<40}│" for _ in range(8)]
    text = "\n".join(rows)
    assert unfold_columns(text) == text


def test_a_framed_page_loses_its_frame_and_keeps_its_lines_apart() -> None:
    from cleantext.segment.columns import unbox

    framed = "┌" + "─" * 30 + "┐\n│ 作者：张三  发布日期：2005-07-05 │\n│" + " " * 30 + "│\n│ 正文第一段。 │\n└" + "─" * 30 + "┘"
    blocks, _, _ = segment(Decoded("a.txt", framed, "utf-8", "utf-8"), "text")
    assert [b.text for b in blocks] == ["作者：张三  发布日期：2005-07-05", "正文第一段。"]
    table = "┃CAT STEVENS.COM     │MAJICAT    ┃\n┃━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┃"
    assert unbox(table) == table  # a table's heavy borders and inner rules stay


@given(
    st.text(alphabet=st.sampled_from("ab 中文，한😀\U00020000\u2e80\uff01é"), max_size=24),
    st.integers(min_value=0, max_value=50),
)
def test_the_column_index_is_where_the_display_width_reaches_the_column(line: str, column: int) -> None:
    """The first index whose prefix is ``column`` wide or wider, or None when none before the end."""
    from cleantext.segment.columns import _index_of_column
    from cleantext.segment.wrap import display_width

    reached = [i for i in range(len(line)) if display_width(line[:i]) >= column]
    assert _index_of_column(line, column) == (reached[0] if reached else None)


def test_columns_padded_to_a_number_of_characters_are_read_one_after_the_other() -> None:
    # a converter laying text out like innerText pads each cell to a number of characters, not of
    # display columns: beside a menu of short and long Han entries the article starts at one
    # character index and at display columns a dozen apart, so no display column lines it up
    menu = ["首页", "国内新闻国际新闻社会新闻", "财经", "体育频道娱乐频道科技频道", "联系", "关于我们加入我们广告服务"]
    lines = LINES + LINES  # the article runs on below the menu
    rows = [("  " + entry).ljust(18) + line for entry, line in zip(menu, lines, strict=False)]
    rows += [" " * 18 + line for line in lines[len(menu) :]]
    out = unfold_columns("\n".join(rows)).split("\n")
    assert [line.strip() for line in out if line.strip() in menu] == menu
    assert not any(entry in line and "国务院" in line for line in out for entry in menu)


def test_a_side_column_beside_unwrapped_paragraphs_is_read_apart() -> None:
    # a converter that does not wrap sets each paragraph on one line: between the rows holding a
    # menu entry and a heading come lines of the article's column alone
    menu = ["Home", "News", "Sports", "Weather", "Contact", "About us", "Archive", "Search"]
    rows = []
    for k, entry in enumerate(menu):
        rows.append(entry.ljust(30) + f"The heading of section number {k}")
        rows.append(" " * 30 + f"The council met on Tuesday and agreed on point {k}, after a long debate.")
        rows.append("")
    out = unfold_columns("\n".join(rows)).split("\n")
    assert [line.strip() for line in out if line.strip() in menu] == menu
    assert not any(line.startswith(tuple(menu)) and "heading" in line for line in out)


def test_a_centred_headline_is_not_wrapped_into_the_rule_under_it() -> None:
    # the headline's indent takes it to the column's width, as a wrapped line would reach it
    headline = " " * 8 + "本市今年新建公园绿地超过一百处"
    rule = "━" * 40
    text = _side_by_side([headline, rule, "2024年05月02日 08:30 新华社", *LINES], NAV, at=46)
    out = [line.strip() for line in unfold_columns(text).split("\n")]
    assert headline.strip() in out
    assert rule in out
