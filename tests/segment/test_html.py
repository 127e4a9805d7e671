"""HTML snippets → blocks with their structure features."""

from __future__ import annotations

from itertools import pairwise

from cleantext.model import Markup
from cleantext.segment.html import MAX_CONTAINERS, parse_html


def test_blocks_kinds_links_and_lists() -> None:
    blocks, meta = parse_html(
        "<html><head><title>标题_新华网</title></head><body>"
        "<ul class='menu'><li><a href='/'>首页</a></li></ul>"
        "<div class='article'><h1>标题</h1><p>第一段，<a href='#'>链接</a>。</p></div></body></html>"
    )
    assert meta.title == "标题_新华网"
    assert [b.text for b in blocks] == ["首页", "标题", "第一段，链接。"]
    menu, head, para = blocks
    assert menu.in_list and menu.link_chars == 2 and "menu" in menu.hint
    assert head.kind == "h1"
    assert para.link_chars == 2 and "article" in para.hint


def test_br_splits_blocks_in_old_table_pages() -> None:
    blocks, _ = parse_html("<table><tr><td>第一段。<br>第二段。</td></tr></table>")
    assert [b.text for b in blocks] == ["第一段。", "第二段。"]


def test_inline_element_classes_are_no_hint() -> None:
    blocks, _ = parse_html(
        "<div class='post'><pre><span class='hljs-comment'># 注释</span>\nls -l</pre></div>"
    )
    assert blocks[0].kind == "pre"
    assert "comment" not in blocks[0].hint and "post" in blocks[0].hint


def test_invisible_elements_hold_no_text() -> None:
    blocks, _ = parse_html("<body><script>var a = 1;</script><style>p{}</style><p>正文。</p></body>")
    assert [b.text for b in blocks] == ["正文。"]


def test_a_block_element_hidden_from_readers_holds_no_text() -> None:
    """A carousel's other slides and a lightbox's copy of a caption are ``aria-hidden``; an inline
    element so marked (a formula's drawing beside its MathML) is still read."""
    html = (
        "<body><figure><figcaption>Shown slide</figcaption></figure>"
        "<figure aria-hidden='true'><figcaption>Other slide</figcaption></figure>"
        "<div aria-hidden='true'>Copy of the caption</div>"
        "<p>Roots: <span aria-hidden='true'>x2</span> only.</p></body>"
    )
    blocks, _ = parse_html(html)
    assert [b.text for b in blocks] == ["Shown slide", "Roots: x2 only."]


def test_blocks_carry_their_containers_outermost_first() -> None:
    blocks, _ = parse_html("<div><div class='a'><p>一。</p><p>二<span>三</span>。</p></div><p>四。</p></div>")
    first, second, third = (b.containers for b in blocks)
    assert first[:-1] == second[:-1] and first[-1] != second[-1]  # siblings in one container
    assert third[:2] == first[:2] and third[2] not in first  # outside the inner div
    assert all(a < b for a, b in pairwise(first))  # document order


def test_container_chain_is_bounded_on_deep_pages() -> None:
    blocks, _ = parse_html("<div>" * 500 + "<p>深处。</p>" + "</div>" * 500)
    assert len(blocks[0].containers) == MAX_CONTAINERS


def test_a_stray_closing_html_tag_loses_nothing_after_it() -> None:
    # A page whose header template ends in </html> and whose article follows: lxml closes the
    # document at the stray tag and puts the rest in a second <html>; the blocks go on.
    page = (
        "<html><head><title>Harbour notes</title></head><body><div class='top'>Site header</div></html>"
        "<div class='story'><p>The ferry timetable changes on Monday.</p><p>Two crossings are added.</p></div>"
        "<div class='foot'>Contact us</div></body></html>"
    )
    blocks, meta = parse_html(page)
    assert [b.text for b in blocks] == [
        "Site header", "The ferry timetable changes on Monday.", "Two crossings are added.", "Contact us"
    ]
    assert meta.title == "Harbour notes"
    # the article's paragraphs still share their container, so the region is still one element
    assert blocks[1].containers[:-1] == blocks[2].containers[:-1]


def test_a_box_style_class_names_no_side_of_the_page() -> None:
    # ``bottom`` in a padding, margin or border class is where the space goes, not a footer; the
    # class's other words and the element's other classes still count
    blocks, _ = parse_html(
        "<div class='ipsBox ipsPadding_bottom nav-border'><p>Text.</p></div>"
        "<div class='margin-top page-bottom'><p>More.</p></div>"
    )
    first, second = (block.hint.split() for block in blocks)
    assert "bottom" not in first and {"ipsbox", "ipspadding", "nav"} <= set(first)
    assert "top" not in second and "bottom" in second  # ``page-bottom`` styles no box: its side counts


def test_a_quotes_source_in_a_cite_is_a_line_of_its_own() -> None:
    # forum software heads a quoted post with its source, inline by its tag
    html = (
        "<div><blockquote><div><cite>harriet wrote: ↑Tue Mar 12, 2024 9:02 pm</cite>Measure the chain first."
        "</div></blockquote><p>As <cite>The Cyclist</cite> put it, measure twice.</p></div>"
    )
    texts = [b.text for b in parse_html(html)[0]]
    assert texts == [
        "harriet wrote: ↑Tue Mar 12, 2024 9:02 pm",
        "Measure the chain first.",
        "As The Cyclist put it, measure twice.",  # a work's title cited in a sentence stays in it
    ]
    # the Markdown path cuts the same blocks
    assert [b.text for b in parse_html(html, Markup())[0]] == texts
