"""HTML snippets → blocks with their structure features."""

from __future__ import annotations

from cleantext.segment.html import parse_html


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
