"""HTML or a text dump, from the first kilobytes."""

from __future__ import annotations

import pytest

from cleantext.segment.page_format import sniff


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("<p>这是一段正文。</p>", "html"),
        ("  \n<div class='a'><p>Text</p></div>", "html"),
        ("<!-- saved page --><p>x</p>", "html"),
        ("<p>one</p><p>two</p><p>three</p>", "html"),
        ("标题\n\n正文 <b> 不是标签", "text"),
        ("Title\n\nUse <p> and </p> to mark a paragraph.", "text"),  # a tag quoted mid-text
        ("<b> opens the dump but nothing is ever closed\n\nBody.", "text"),
        ("<技术> 不是标签 </技术>", "text"),
        ("1 < 2 and 3 > 2", "text"),
        # a dump opening with a tracking pixel printed verbatim, then its text: no tag after a few lines
        ('<p style="top: -999em"><img src="/px.gif" alt=""></p>\nHome\n\n' + "The dump's text.\n" * 30, "text"),
        # an HTML page opening with a long script: its code is no text, whatever tags it lacks
        ("<script>document.write('<p>ad</p>');\n" + "var b = 1;\n" * 60, "html"),
        # a dump quoting an inline frame's address (lynx) after its text: no page announced
        ("Home\n\n" + "The dump's text.\n" * 80 + "IFRAME: javascript:'<html><body></body></html>'\n", "text"),
        # a page announcing itself after a script
        ("<script>var a = 1;</script>\n<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("<style>p { color: red }</style>\n<div><p>" + "Text. " * 40 + "</p></div>", "html"),
    ],
)
def test_sniff(text: str, expected: str) -> None:
    assert sniff(text) == expected
