"""Rendering kept blocks as Markdown: the structure the segmenter recorded, and only that."""

from __future__ import annotations

from cleantext.document.markdown import render_markdown
from cleantext.model import MARK_CLOSE, MARK_OPEN, Article, Block
from cleantext.pipeline import clean


def cell(index: int, text: str, row: int, col: int, head: int = 0) -> Block:
    return Block(index, text, kind="th" if head else "td", cell=(1, row, col, head))


def test_headings_paragraphs_and_nested_lists() -> None:
    blocks = [
        Block(0, "Steps", kind="h3"),
        Block(1, "Mix", depth=1, item=1, ordered=True),
        Block(2, "dry first", depth=2, item=1),
        Block(3, "then wet", depth=2, item=2),
        Block(4, "Keep stirring.", depth=1),  # a second paragraph of item 1
        Block(5, "Bake", depth=1, item=2, ordered=True),
        Block(6, "Done."),
    ]
    assert render_markdown(blocks) == (
        "### Steps\n\n1. Mix\n   - dry first\n   - then wet\n   Keep stirring.\n2. Bake\n\nDone."
    )


def test_rectangular_table_is_a_pipe_table_with_its_first_row_as_header() -> None:
    blocks = [cell(0, "Name", 1, 1, 1), cell(1, "Size", 1, 2, 1), cell(2, "a|b", 2, 1), cell(3, "2", 2, 2),
              cell(4, "c", 3, 1)]  # row 3's second cell was empty: left empty
    assert render_markdown(blocks) == "| Name | Size |\n| --- | --- |\n| a\\|b | 2 |\n| c |  |"


def test_ragged_table_is_a_row_per_line() -> None:
    blocks = [cell(0, "Title row", 1, 1), cell(1, "a", 2, 1), cell(2, "b", 2, 2), cell(3, "c", 2, 3),
              cell(4, "note", 3, 1)]
    assert render_markdown(blocks) == "Title row\na | b | c\nnote"


def test_code_keeps_its_text_between_long_enough_fences() -> None:
    code = Block(0, "x", kind="pre", code="md", md="```\ninner\n```\n  indented\n")
    assert render_markdown([code]) == "````md\n```\ninner\n```\n  indented\n````"


def test_pre_that_is_no_code_is_a_paragraph_per_line() -> None:
    verse = Block(0, "x", kind="pre", md="First line,\n\n  second line.\n")
    assert render_markdown([verse]) == "First line,\n\nsecond line."


def test_quotes_leads_and_escapes() -> None:
    lead = MARK_OPEN + "$$E=mc^2$$" + MARK_CLOSE
    blocks = [Block(0, "# not a heading", quote=1), Block(1, "After.", lead=lead)]
    assert render_markdown(blocks) == "> \\# not a heading\n\n$$E=mc^2$$\n\nAfter."


def test_marked_spans_stay_and_the_text_around_them_is_escaped() -> None:
    md = f"a*b {MARK_OPEN}`x*y`{MARK_CLOSE} c_"
    assert render_markdown([Block(0, "a*b x*y c_", md=md)]) == "a\\*b `x*y` c\\_"


def test_blocks_without_structure_are_paragraphs() -> None:
    assert render_markdown([Block(0, "one", source="text"), Block(1, "two", source="text")]) == "one\n\ntwo"


def test_a_list_of_another_kind_starts_a_new_list() -> None:
    blocks = [Block(0, "a", depth=1, item=1), Block(1, "b", depth=1, item=1, ordered=True)]
    assert render_markdown(blocks) == "- a\n\n1. b"


def line(index: int, text: str, group: int) -> Block:
    return Block(index, text, kind="line", source="text", group=group)


BODY = "四月份，食品烟酒类价格同比下降百分之一点四，影响居民消费价格指数下降约零点四个百分点，其余各类价格有升有降。"


def test_dump_section_heads_before_a_paragraph_are_headings() -> None:
    blocks = [line(0, "一、价格同比变动情况", 0), line(1, BODY, 0), line(2, "（二）环比变动", 1), line(3, BODY, 1),
              line(4, "## Related reading", 2), line(5, "x " * 30, 3), line(6, "第三章 结论", 4), line(7, BODY, 5)]
    assert render_markdown(blocks).split("\n\n")[::2] == [
        "## 一、价格同比变动情况", "### （二）环比变动", "## Related reading", "## 第三章 结论"
    ]


def test_dump_lines_without_strong_evidence_stay_paragraphs() -> None:
    blocks = [
        line(0, "一、我们能够明白神的旨意：", 0), line(1, BODY, 1),  # a clause: a lead-in, not a name
        line(2, "# 73 too true", 2), line(3, "x " * 30, 3),  # a comment's number
        line(4, "二、价格", 4), line(5, "三、工资", 5), line(6, BODY, 6),  # a run of short items: a list
        line(7, "Introduction", 7), line(8, BODY, 8),  # short, but nothing says it heads a section
        line(9, BODY, 9), line(10, "四、环比", 9), line(11, BODY, 10),  # inside a paragraph's group
        line(12, "五、结语", 11), line(13, "短", 12),  # no paragraph under it
    ]
    assert not [chunk for chunk in render_markdown(blocks).split("\n\n") if chunk.startswith("#")]


def test_dump_heading_needs_a_dump_line() -> None:
    blocks = [Block(0, "一、价格同比变动情况", kind="p", group=0), Block(1, BODY, group=0)]
    assert render_markdown(blocks).startswith("一、价格")


def test_dump_headings_change_only_the_markdown() -> None:
    later = "五月份，交通通信类价格环比上涨百分之零点三，其中燃油价格随国际油价上行，通信工具价格基本持平，服务价格稳定。"
    dump = "\n\n".join(["一、价格同比变动情况", BODY, "二、价格环比变动情况", later]) + "\n"
    text, markdown = clean(dump), clean(dump, text_format="markdown")
    assert isinstance(text, Article) and isinstance(markdown, Article)
    assert text.text.split("\n") == ["一、价格同比变动情况", BODY, "二、价格环比变动情况", later]
    assert markdown.text.split("\n\n") == ["## 一、价格同比变动情况", BODY, "## 二、价格环比变动情况", later]
