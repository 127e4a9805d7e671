"""The ladder's rules for lists' entries and teasers (``entries``), on blocks built directly."""

from __future__ import annotations

from cleantext.boilerplate.entries import dated_entry, list_item, teaser
from cleantext.boilerplate.features import features_of
from cleantext.boilerplate.rules import judge
from cleantext.model import Block, BlockClass

PROSE_ZH = "国务院近日召开的做强国内大循环工作推进会提出，结合现阶段我国发展实际，要加快构建新发展格局。"


def _f(text: str):  # type: ignore[no-untyped-def]
    return features_of(text)


def test_list_item_without_sentences_is_a_teaser_entry() -> None:
    text = "中新健康丨盒马销售无抗蛋检出兽药残留超标 供应商回应"
    assert list_item(Block(0, text, in_list=True, source="text"), _f(text)) == ("bad", "related-list")
    assert list_item(Block(0, "首页", in_list=True), _f("首页")) == ("bad", "related-list")
    assert list_item(Block(0, PROSE_ZH, in_list=True), _f(PROSE_ZH)) is None
    assert list_item(Block(0, text), _f(text)) is None


def test_an_html_list_item_with_no_link_that_ends_a_clause_is_left_to_its_neighbours() -> None:
    # a list of materials or steps: each item a clause of the article, none a link
    for text in ("本人原居民身份证；", "户口簿（可不提供）。", "Preheat the oven.", "Is the form signed?"):
        assert list_item(Block(0, text, in_list=True), _f(text)) == ("short", "related-list"), text
    linked = "本人原居民身份证；"
    assert list_item(Block(0, linked, in_list=True, link_chars=len(linked)), _f(linked)) == ("bad", "related-list")
    assert list_item(Block(0, "办事指南", in_list=True), _f("办事指南")) == ("bad", "related-list")  # no stop: an entry


def test_long_html_list_item_is_left_to_its_neighbours() -> None:
    text = "What questions do you have regarding participatory culture that you would hope we address"
    assert list_item(Block(0, text, in_list=True), _f(text)) == ("short", "related-list")


def test_teaser_cut_with_an_ellipsis() -> None:
    text = "近日，盒马鲜生被曝所售保洁无抗鲜鸡蛋农兽药残留超标。对此，盒马……"
    assert teaser(Block(0, text), _f(text)) == ("bad", "teaser")


def test_a_long_punctuated_line_that_trails_off_is_left_to_its_neighbours() -> None:
    text = "记者从市交通局获悉，为配合地铁建设，市区主干道将于下周起分段封闭施工，请市民提前规划出行路线……"
    assert teaser(Block(0, text, source="text"), _f(text)) == ("short", "teaser")
    # the same line as a list entry, or with no marks before its ellipsis ("..." after Han counts two)
    assert teaser(Block(0, text, in_list=True, source="text"), _f(text)) == ("bad", "teaser")
    bare = "记者从市交通局获悉为配合地铁建设市区主干道将于下周起分段封闭施工请市民提前规划出行..."
    assert teaser(Block(0, bare, source="text"), _f(bare)) == ("bad", "teaser")


def test_dated_entry_drops_the_stamped_entries_of_a_list_of_posts() -> None:
    for entry in (
        "[0]旅行中，谁忽悠了你？【新闻频道版主】08-11 16:06 298字 [4321/87]",
        "·富夫妻望子成龙假离婚三月后丈夫另娶妻子傻眼（2005-04-03 17:19PM）",
    ):
        assert dated_entry(Block(0, entry, source="text"), _f(entry)) == ("bad", "related-list")


def test_dated_entry_spares_sentences_with_dates_and_bare_datelines() -> None:
    for text in (
        "2023年6月1日 10:00，国务院召开常务会议，研究部署加快构建新发展格局的有关工作。",
        "发布时间：2023-06-01 10:00",
        "第三场(c)：12月12日上午8:00-10:00",
        PROSE_ZH,
    ):
        assert dated_entry(Block(0, text, source="text"), _f(text)) is None


def test_a_dumps_list_item_ending_with_a_full_stop_is_left_to_its_neighbours() -> None:
    point = Block(0, "Dog owners asked for a fenced area away from the playground.", in_list=True, source="text")
    headline = Block(0, "Library opens on Sundays", in_list=True, source="text")
    question = Block(0, "Why do the buses run late in winter?", in_list=True, source="text")
    abbreviation = Block(0, "Ltd.", in_list=True, source="text")  # too short to be a statement
    assert judge(point).cls is BlockClass.SHORT
    assert {judge(b).cls for b in (headline, question, abbreviation)} == {BlockClass.BAD}


def test_a_dumps_list_item_naming_a_document_file_is_left_to_its_neighbours() -> None:
    # a notice's attachments (``附件：1. 申请表.doc`` / ``2. 申报材料清单.pdf``): no menu lists files
    for text in ("申报材料清单.pdf", "Annual report 2023.PDF", "补贴申请表.docx"):
        assert list_item(Block(0, text, in_list=True, source="text"), _f(text)) == ("short", "related-list"), text
    # a teaser's headline about a file format is no file
    text = "How to open a pdf"
    assert list_item(Block(0, text, in_list=True, source="text"), _f(text)) == ("bad", "related-list")
