"""Key/value tables of the article (``boilerplate.tables``): a product's specifications are kept in
HTML and in dumps of it (lynx, a browser-innerText layout, html2text's Markdown table; a bar-divided row as a table
converter writes it); a key/value
table in the footer, a menu drawn as a table and rows standing apart from the article are not.
Fixtures are hand-made (``tests/boilerplate/pagetypes``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleantext.boilerplate import classify
from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.features import features_of
from cleantext.boilerplate.tables import key_value_tables
from cleantext.document import finalize
from cleantext.model import Article, Block, BlockClass, Decoded, DropReason, KeepReason
from cleantext.segment import segment

FIXTURES = Path(__file__).parent / "pagetypes"
PROSE = "扇叶可以拆下来清洗，底座能向上折起九十度，放在桌上或者挂在帐篷顶上都可以。"
SPECS_ZH = ["型号", "F3", "重量", "1.2 kg", "电池容量", "5000 mAh", "续航时间", "4-12 小时", "充电接口", "USB-C", "颜色", "白色、浅绿"]
SPECS_EN = ["Weight", "540 g", "Upper", "Waxed suede", "Lining", "Waterproof membrane", "Drop", "10 mm"]


def _text(name: str) -> str:
    path = FIXTURES / name
    doc = Decoded(str(path), path.read_text(encoding="utf-8"), "utf-8", "utf-8")
    blocks, meta, _ = segment(doc, "auto")
    record = finalize(doc, classify(blocks, meta), meta, None)[0]
    assert isinstance(record, Article)
    return record.text


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("name", "specs"),
    [
        ("product-zh.html", SPECS_ZH), ("product-zh.lynx.txt", SPECS_ZH), ("product-zh.inscriptis.txt", SPECS_ZH),
        ("product-en.html", SPECS_EN), ("product-en.lynx.txt", SPECS_EN),
        ("product-en.inscriptis.txt", SPECS_EN),
        # html2text: a Markdown table, its cells divided by bars, its rule line under the first row
        ("product-zh.html2text.txt", SPECS_ZH), ("product-en.html2text.txt", SPECS_EN),
    ],
)
def test_a_spec_table_after_the_description_is_kept(name: str, specs: list[str]) -> None:
    text = _words(_text(name))
    for cell in specs:
        assert cell in text, cell
    assert "版权所有" not in text and "All rights reserved" not in text
    assert "帮助中心" not in text and "Shipping" not in text  # the footer's menu, drawn as a table


def test_the_html_product_page_keeps_exactly_the_description_and_the_table() -> None:
    expected = (FIXTURES / "product-zh.expected.txt").read_text(encoding="utf-8").strip()
    assert _text("product-zh.html") == expected


@pytest.mark.parametrize("name", ["contact-table-zh.html", "contact-table-zh.lynx.txt", "contact-table-zh.inscriptis.txt"])
def test_a_key_value_table_in_the_footer_is_dropped(name: str) -> None:
    text = _text(name)
    assert text.endswith("读者有什么意见可以在服务台登记。")
    assert "文化路" not in text and "邮编" not in text


def _judged(lines: list[str], first: BlockClass) -> tuple[list[Block], list[Judged]]:
    blocks = [Block(i, text, source="text") for i, text in enumerate([PROSE, *lines])]
    judged = [Judged(first, KeepReason.BODY if first is BlockClass.GOOD else DropReason.FOOTER, features_of(PROSE), dump=True)]
    judged += [Judged(BlockClass.SHORT, DropReason.SHORT, features_of(t), dump=True) for t in lines]
    return blocks, judged


def test_rows_whose_values_start_in_one_column_are_a_table() -> None:
    # lynx pads by display columns: the widest label has a single space before its value
    blocks, judged = _judged(["型号   F3", "电池容量 5000 mAh", "颜色   白色"], BlockClass.GOOD)
    key_value_tables(blocks, judged)
    assert [item.reason for item in judged[1:]] == [KeepReason.TABLE] * 3


def test_rows_out_of_column_are_not_a_table() -> None:
    blocks, judged = _judged(["Help   Shipping Returns", "Stores Careers  Press"], BlockClass.GOOD)
    key_value_tables(blocks, judged)
    assert all(item.cls is BlockClass.SHORT for item in judged[1:])


def test_a_list_of_counts_is_a_sidebar_not_a_table() -> None:
    blocks, judged = _judged(["Furniture    12", "Tools        (4)", "Repair       7"], BlockClass.GOOD)
    key_value_tables(blocks, judged)
    assert all(item.cls is BlockClass.SHORT for item in judged[1:])


def test_one_row_is_not_a_table() -> None:
    blocks, judged = _judged(["重量    1.2 kg", "这一行只是普通的文字"], BlockClass.GOOD)
    key_value_tables(blocks, judged)
    assert all(item.cls is BlockClass.SHORT for item in judged[1:])


def test_rows_after_boilerplate_are_not_the_articles() -> None:
    blocks, judged = _judged(["地址    文化路8号", "电话    0000-87654321"], BlockClass.BAD)
    key_value_tables(blocks, judged)
    assert all(item.cls is BlockClass.SHORT for item in judged[1:])


def test_a_markdown_table_with_its_rule_line_is_a_table() -> None:
    blocks, judged = _judged(["型号| F3", "---|---", "重量| 1.2 kg", "颜色| 白色"], BlockClass.GOOD)
    judged[2].cls, judged[2].reason = BlockClass.BAD, DropReason.EMPTY  # as the ladder judges a rule line
    key_value_tables(blocks, judged)
    assert [item.reason for item in judged[1:]] == [KeepReason.TABLE, DropReason.EMPTY, KeepReason.TABLE, KeepReason.TABLE]


def test_html_rows_of_links_are_a_menu_not_a_table() -> None:
    html = (
        "<html><body><div><p>" + PROSE * 3 + "</p><table>"
        '<tr><td>服务</td><td><a href="/a">帮助中心</a></td></tr><tr><td>配送</td><td><a href="/b">配送方式</a></td></tr>'
        "</table></div></body></html>"
    )
    blocks, meta, _ = segment(Decoded("t.html", html, "utf-8", "utf-8"), "auto")
    kept = [v.block.text for v in classify(blocks, meta) if v.keep]
    assert "帮助中心" not in kept and "配送方式" not in kept


def test_a_listings_header_row_of_four_cells_is_no_pair_of_rows() -> None:
    # a thread's list of suggested topics: a header row of four cells under the last post
    html = (
        "<html><body><div><p>" + PROSE * 3 + "</p><table>"
        "<tr><th>Topic</th><th>Replies</th><th>Views</th><th>Activity</th></tr>"
        '<tr><td><a href="/t/1">Best maps for the north section?</a></td><td>4</td><td>312</td><td>Feb 2</td></tr>'
        "</table></div></body></html>"
    )
    blocks, meta, _ = segment(Decoded("t.html", html, "utf-8", "utf-8"), "auto")
    kept = [v.block.text for v in classify(blocks, meta) if v.keep]
    assert not {"Topic", "Replies", "Views", "Activity"} & set(kept)


def test_a_data_table_inside_the_article_keeps_the_text_above_it() -> None:
    # a results table (linked names, prices, grades) between the lede and the rest of the story:
    # its many short cells are the article's, and they must not cut the lede away from the body
    text = _text("results-table.html")
    for kept in ("We pitched twelve tents", "Two let water in", "Granite Peak", "seams that were taped"):
        assert kept in text, kept
    for dropped in ("Tents", "all rights reserved"):
        assert dropped not in text, dropped


def test_a_data_table_keeps_a_row_its_label_names_like_a_share_button() -> None:
    # a benchmark table whose last row is the file "twitter": the ladder's vocabulary names that
    # cell a share button, and one such cell must not make the table a toolbar
    text = _text("benchmark-table.html")
    for kept in ("apache_builds", "0.091 GB/s", "twitter\n2.2 GB/s", "Roughly speaking"):
        assert kept in text, kept
    assert "All rights reserved" not in text


def _bullets(index: int, texts: list[str]) -> list[Block]:
    return [Block(index + k, t, kind="li", in_list=True, bullet=True, source="text") for k, t in enumerate(texts)]


def test_a_list_of_labels_and_values_is_a_table_and_a_labelled_teaser_list_is_not() -> None:
    intro = "The dwarf angelfish is hardy, small and readily available, which makes it a good first angel for a reef."
    outro = "Feed it two or three times a day, and keep it away from larger angels that would bully it."
    facts = ["Care Level: Easy", "Temperament: Semi-aggressive", "Minimum Tank Size: 55 gal (208 L)", "Diet: Omnivore"]
    # three labelled headlines of a teaser list, then one unlabelled: the list is not all facts
    teasers = ["Video: Best reef tanks", "Gallery: Nano tanks", "Crave: Glowing corals", "How our corals survived the heat"]
    timeline = ["13 Aug 2008: Storm floods the harbour", "2 May 2010: Pier closed", "9 Jun 2012: Pier reopens"]
    for listed, kept in ((facts, True), (teasers, False), (timeline, False)):
        blocks = [Block(0, intro, source="text"), *_bullets(1, listed)]
        blocks.append(Block(len(blocks), outro, source="text"))
        verdicts = classify(blocks)
        assert [v.keep for v in verdicts[1:-1]] == [kept] * len(listed), listed
        assert verdicts[0].keep and verdicts[-1].keep
