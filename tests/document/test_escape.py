"""Escaping ordinary text for Markdown: a CommonMark renderer gives the text back."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from cleantext.document.escape import escape_inline, escape_line, unescape

RENDERER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
TAGS = re.compile(r"<[^>]+>")
# The characters that start Markdown, with letters, digits, spaces and CJK around them. "$" and "\"
# are left to the examples below: "$…$" and "\(…\)" holding TeX are kept as formulas on purpose.
ALPHABET = "ab1 9.#*_`[]()<>&;!~|-+=:/?中文"


def shown(markdown: str) -> str:
    """The text a reader sees when the Markdown is rendered."""
    return " ".join(html.unescape(TAGS.sub("", RENDERER.render(markdown))).split())


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=30))
def test_escaped_text_renders_as_itself(raw: str) -> None:
    text = " ".join(raw.split())
    if text:
        assert shown(escape_line(escape_inline(text))) == text


def test_examples_that_need_care() -> None:
    for text in ("C:\\Users\\me", "a\\*b", "cost $5 or $6", "1) first", "+ plus", "---", "===", "<div> tag", "x &amp; y"):
        assert shown(escape_line(escape_inline(text))) == text, text
    assert escape_inline("snake_case and [1]") == "snake_case and [1]"  # prose stays readable


def test_tex_in_the_text_is_kept_as_a_formula() -> None:
    assert escape_inline(r"area \(\pi r^2\) and $$a_1+b_1$$") == r"area $\pi r^2$ and $$a_1+b_1$$"
    assert escape_inline("just $5 and $10") == "just \\$5 and \\$10"  # prices in pairs are no formula


def test_cells_escape_their_separator() -> None:
    assert escape_inline("a|b", cell=True) == "a\\|b"
    assert unescape(escape_inline("a|b", cell=True)) == "a|b"
