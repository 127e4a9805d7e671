"""Markdown dumps (html2text and the like): markup out, link texts counted as links."""

from __future__ import annotations

import textwrap

from cleantext.boilerplate import classify
from cleantext.model import Block, Decoded
from cleantext.segment import segment
from cleantext.segment.dump import split_dump
from cleantext.segment.markdown import goes_on, is_heading, is_markdown, open_link, unmark, unmark_all

MENU = "[首页](/) | [新闻](/news) | [体育](/sports) | [科技](/tech)"
BODY = "历时一年半的修缮工程近日完工，这座始建于上世纪五十年代的老校区重新向师生开放，保留了原有的青砖外墙。"


def _b(text: str) -> Block:
    return Block(0, text, source="text")


def test_links_keep_their_text_and_count_as_links() -> None:
    block = unmark(_b(MENU))
    assert block.text == "首页 新闻 体育 科技"
    assert block.link_chars == 8


def test_images_emphasis_escapes_and_headings_go() -> None:
    assert unmark(_b("![logo](/logo.png) **重要**通知\\*")).text == "重要通知*"
    heading = unmark(_b("### 相关新闻"))
    assert (heading.text, heading.kind) == ("相关新闻", "h2")
    assert unmark(_b("---|---|---")).text == ""
    assert unmark(_b("[![](a.gif)](/home) 正文")).text == "正文"


def test_a_link_url_with_parentheses_is_one_link() -> None:
    assert unmark(_b("见[维基百科](https://zh.wikipedia.org/wiki/A_(B))。")).text == "见维基百科。"


def test_a_link_whose_address_holds_spaces_is_one_link() -> None:
    # a converter writes the address as the page had it: a share button's prefilled message, a tag
    # search with the tag's words (made up)
    share = '[ ](https://chat.example/send?text=Our+trip...URL: https%3A%2F%2Fa.example%2Ft "Share")'
    assert unmark(_b(share)).text == ""
    tag = unmark(_b("Tags: [ river walks (2) ](https://a.example/?tag=river walks) and more"))
    assert (tag.text, tag.link_chars) == ("Tags: river walks (2) and more", len("river walks (2)"))
    assert unmark(_b("See [the map](/m) for the route (two hours).")).text == "See the map for the route (two hours)."


def test_a_footnote_link_and_a_script_link_go_as_links() -> None:
    # a link's text in brackets of its own (a footnote mark), an address calling a script (made up)
    assert unmark(_b("as the report says.[[3]](notes.html#3) Then")).text == "as the report says.[3] Then"
    script = unmark(_b("Term 1 [Soil Science (12 points)](javascript: openWin('/c/a.html#soil')) [Ecology"))
    assert script.text == "Term 1 Soil Science (12 points) [Ecology"
    # a link wrapped in a link of the same address: the inner one goes first, its address no link text
    twice = unmark(_b("位于“[[滨江花园](http://a.cn/p/1.html)](http://a.cn/p/1.html)”东侧，紧邻地铁五号线。"))
    assert (twice.text, twice.link_chars) == ("位于“滨江花园”东侧，紧邻地铁五号线。", 8)


def test_only_dumps_with_markdown_links_are_read_as_markdown() -> None:
    assert is_markdown(MENU + "\n\n" + BODY)
    assert not is_markdown("正文 [1] 注释 [2] 引用 (见上)\n" + BODY)


def test_a_markdown_menu_is_dropped_as_link_dense_and_the_article_kept() -> None:
    text = f"{MENU}\n\n# 老校区完成修缮\n\n{BODY}\n\n{BODY}\n\n  * [市内多所中学启动暑期维修工程](/1)\n"
    blocks, _, _ = segment(Decoded("a.txt", text, "utf-8", "utf-8"), "text")
    verdicts = {v.block.text: (v.keep, v.reason) for v in classify(blocks)}
    assert verdicts["首页 新闻 体育 科技"] == (False, "link-dense")
    assert verdicts[BODY][0] is True
    assert "](" not in "".join(verdicts)


def test_a_quotes_marker_leaves_the_line_nested_or_not() -> None:
    assert unmark(_b("> A quoted line, as html2text writes it.")).text == "A quoted line, as html2text writes it."
    assert unmark(_b("> > A quote inside a quote.")).text == "A quote inside a quote."
    assert unmark(_b(">")).text == ""
    assert unmark(_b(r"\> not a quote: the page's own text")).text == "> not a quote: the page's own text"
    assert unmark(_b("3 > 2, a comparison")).text == "3 > 2, a comparison"


def test_open_link_follows_a_link_over_lines() -> None:
    assert open_link("![](https://img.example.cn/2024/photo-") == (0, 1)  # stops inside the URL
    assert open_link("7f3a.png) 正文", (0, 1)) == (0, 0)
    assert open_link("* [市政府召开常务会议") == (1, 0)  # stops inside the link's text
    assert open_link("部署夏粮收购](/news/1)", (1, 0)) == (0, 0)
    assert open_link("[![封面](/c.png) 图集") == (1, 0)  # an image inside a link's text
    assert open_link("[书签](javascript:f\\(1\\);)") == (0, 0)  # escaped parentheses are URL text
    assert open_link("[见附件] 全文 (共3页)") == (0, 0)  # brackets and parentheses of plain text


# html2text wraps at 78 characters, inside links too: at a hyphen of a URL, at a space of a link's
# text. Made up in that layout (the article is the paragraph under the photo).
WRAPPED_LINKS = f"""{MENU}

![](https://img.example.cn/upload/2024-05/a81c-
20f7-photo.jpg)

{BODY}

[![](https://img.example.cn/upload/2024-05/b9d2-
thumb.jpg)](/news/2)

  * [市内多所中学启动暑期维修工程 预计九月
开学前完工](/news/3)
"""


def test_links_wrapped_over_lines_are_joined_before_blocks_are_cut() -> None:
    blocks, _, _ = segment(Decoded("a.txt", WRAPPED_LINKS, "utf-8", "utf-8"), "text")
    texts = [b.text for b in blocks]
    assert not any("](" in t or "20f7-photo" in t or "thumb.jpg" in t for t in texts)
    assert "市内多所中学启动暑期维修工程 预计九月开学前完工" in texts
    teaser = next(b for b in blocks if b.text.startswith("市内"))
    assert teaser.link_chars == len(teaser.text)
    assert {v.block.text: v.keep for v in classify(blocks)}[BODY] is True


def test_links_inside_a_links_text_all_go() -> None:
    card = unmark(_b("[[ 市图书馆周日照常开放 [[更多…](/n/7)](/n/7) ](/n/7)](/n/7)"))
    assert card.text == "市图书馆周日照常开放 更多…"
    assert card.link_chars == len(card.text)


def test_a_broken_link_in_a_table_cell_does_not_swallow_the_table() -> None:
    # html2text's table, made up: a cell's link never closed, then the header's rule and a row
    text = f"{MENU}\n\n|  [![](/online.gif)\n[**热心网友**](/people/1)\n---|---\n| {BODY}\n"
    blocks, _, _ = segment(Decoded("a.txt", text, "utf-8", "utf-8"), "text")
    assert BODY in [b.text for b in blocks]
    assert goes_on("](/people/1)", (1, 0)) and not goes_on("| 正文", (1, 0))


HEADLINE = "Riverside council votes to keep the branch library open on Sundays after a long debate"
STORY = (
    "The council met on Tuesday and agreed, after a debate that ran late into the evening, to keep "
    "the branch library open on Sundays. Members said the branch had become a place where students "
    "study and older residents read the papers, and that closing it would save little money while "
    "costing the neighbourhood a great deal. The vote was seven to two, and the hours stay as they are."
)


def test_a_heading_wrapped_at_the_width_is_joined_whole() -> None:
    # html2text wraps a long heading at 78 like a paragraph: its "# " is no shell comment (code)
    heading = textwrap.fill(f"# {HEADLINE}", 78)
    assert len(heading.splitlines()) == 2
    text = f"{MENU}\n\n{heading}\n\n{textwrap.fill(STORY, 78)}\n\n## The $2 million question\n\n{BODY}\n"
    blocks, _, _ = segment(Decoded("a.txt", text, "utf-8", "utf-8"), "text")
    texts = [b.text for b in blocks]
    assert HEADLINE in texts and STORY in texts and "The $2 million question" in texts
    assert next(b for b in blocks if b.text == HEADLINE).kind == "h2"
    assert is_heading("## A long headline") and not is_heading("#hashtag")


def test_a_markdown_tables_rows_keep_their_cells_apart_and_a_menu_does_not() -> None:
    # a table's rows (the one over the rule line ``---|---`` and those under it) keep a tab
    # between their cells, as the bar divided them; a line of links with bars between and no
    # rule under it is a menu: its words run on
    text = "[首页](/) | [新闻](/news) | [体育](/sports)\n\n型号| F3  \n---|---  \n重量| 1.2 kg  \n颜色| 白色、浅绿\n"
    blocks = unmark_all(split_dump(text, markdown=True))
    assert [b.text for b in blocks if b.text] == ["首页 新闻 体育", "型号\tF3", "重量\t1.2 kg", "颜色\t白色、浅绿"]
