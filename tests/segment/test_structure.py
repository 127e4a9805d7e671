"""The structure the HTML segmenter records for Markdown output, and that it changes no block."""

from __future__ import annotations

from dataclasses import fields

import pytest

from cleantext.model import MARK_CLOSE, MARK_OPEN, Block, Markup
from cleantext.segment.elements import code_language
from cleantext.segment.html import parse_html
from tests.conftest import SAMPLES

STRUCTURE = ("depth", "item", "ordered", "quote", "cell", "code", "md", "lead")
PLAIN = [f.name for f in fields(Block) if f.name not in STRUCTURE]


def blocks(html: str, links: bool = False, images: bool = False) -> list[Block]:
    return parse_html(html, Markup(links, images))[0]


def by_text(html: str, **options: bool) -> dict[str, Block]:
    return {b.text: b for b in blocks(html, **options)}


def test_nested_lists_record_depth_item_number_and_order() -> None:
    found = by_text(
        "<ol start='3'><li>three<ul><li>inner a</li><li>inner b</li></ul></li><li>four</li></ol>"
        "<ul><li>\n  <p>spaced item</p><p>second paragraph</p></li></ul>"
    )
    assert (found["three"].depth, found["three"].item, found["three"].ordered) == (1, 3, True)
    assert (found["inner b"].depth, found["inner b"].item, found["inner b"].ordered) == (2, 2, False)
    assert (found["four"].depth, found["four"].item) == (1, 4)
    assert found["spaced item"].item == 1  # whitespace before the <p> made no block: the marker waited
    assert (found["second paragraph"].depth, found["second paragraph"].item) == (1, 0)


def test_data_table_cells_get_coordinates_and_layout_tables_none() -> None:
    data = by_text("<table><tr><th>Name</th><th>Size</th></tr><tr><td>a</td><td colspan='2'>b</td></tr></table>")
    assert data["Name"].cell[1:] == (1, 1, 1) and data["Size"].cell[1:] == (1, 2, 1)
    assert data["b"].cell[1:] == (2, 2, 0)
    layout = by_text(
        "<table><tr><td><a href='/'>Home</a></td><td><p>Para one.</p><table><tr><td>x</td><td>y</td></tr>"
        "<tr><td>z</td><td>w</td></tr></table></td></tr><tr><td>1</td><td>2</td></tr></table>"
    )
    assert layout["Home"].cell == () and layout["Para one."].cell == ()
    assert layout["x"].cell[1:] == (1, 1, 0)  # the inner table is data; the outer one holds a table
    long_cell = by_text("<table><tr><td>k</td><td>" + "word " * 100 + "</td></tr><tr><td>a</td><td>b</td></tr></table>")
    assert long_cell["k"].cell == ()
    one_row = by_text("<table><tr><td>Home</td><td>News</td></tr></table>")
    assert one_row["Home"].cell == ()


def test_code_blocks_keep_their_text_and_language() -> None:
    found = blocks(
        "<div class='highlight-python'><div class='highlight'><pre>def f(x):\n    return x\n</pre></div></div>"
        "<pre><code class='language-js'>let a = 1;</code></pre>"
        "<pre class='poem'>The trees stand black against the snow,\nand wait for spring.</pre>"
    )
    assert [(b.code, b.md) for b in found[:2]] == [("python", "def f(x):\n    return x\n"), ("js", "let a = 1;")]
    assert found[0].text == "def f(x): return x"  # the text output is unchanged
    assert found[2].kind == "pre" and found[2].code is None and "\n" in found[2].md


@pytest.mark.parametrize(
    ("classes", "language"),
    [("language-python", "python"), ("lang-c++", "c++"), ("highlight highlight-source-rust", "rust"),
     ("brush: bash;", "bash"), ("highlight-default notranslate", ""), ("article body", None)],
)
def test_code_language_from_classes(classes: str, language: str | None) -> None:
    assert code_language(classes) == language


def test_inline_code_links_and_emphasis_are_marked_spans() -> None:
    [block] = blocks("<p>Use <code>pip</code> from <a href='/docs'>the docs</a>, <b>now</b>.</p>", links=True)
    assert block.text == "Use pip from the docs, now."
    marked = block.md.replace(MARK_OPEN, "{").replace(MARK_CLOSE, "}")
    assert marked == "Use {`pip`} from {[}the docs{](/docs)}, {**}now{**}."
    [plain] = blocks("<p>Use <code>pip</code> from <a href='/docs'>the docs</a>.</p>")
    assert "/docs" not in plain.md  # links as text unless asked


def test_emphasis_only_where_it_stays_emphasis() -> None:
    [block] = blocks("<p>Say <b> spaced </b> and <em>ends.</em> here</p>")
    assert MARK_OPEN not in block.md  # "** spaced **" and "*ends.*" would not parse as emphasis


def test_formulas_and_images_that_stand_alone_lead_the_next_block() -> None:
    html = (
        "<p>Before the formula.</p><dl><dd><math display='block'><semantics><mi>E</mi>"
        "<annotation encoding='application/x-tex'>{\\displaystyle E=mc^{2}}</annotation></semantics></math>"
        "<img src='f.svg' alt='{\\displaystyle E=mc^{2}}'></dd></dl>"
        "<figure><img src='cat.jpg' alt='A cat'></figure><p>After it.</p>"
    )
    found = blocks(html, images=True)
    assert [b.text for b in found] == ["Before the formula.", "After it."]
    lead = found[1].lead.replace(MARK_OPEN, "{").replace(MARK_CLOSE, "}")
    assert lead == "{$$E=mc^{2}$$} {![A cat](cat.jpg)}"  # the formula's fallback image is not repeated
    assert blocks(html)[1].lead == MARK_OPEN + "$$E=mc^{2}$$" + MARK_CLOSE


def test_katex_drawing_gives_way_to_its_tex() -> None:
    html = (
        "<p>Roots: <span class='katex'><span class='katex-mathml'><math><semantics><mi>x</mi>"
        "<annotation encoding='application/x-tex'>x^2</annotation></semantics></math></span>"
        "<span class='katex-html' aria-hidden='true'><span>x</span><span>2</span></span></span> only.</p>"
    )
    [block] = blocks(html)
    assert block.text == "Roots: x2 only."  # text output as before
    assert block.md.replace(MARK_OPEN, "").replace(MARK_CLOSE, "") == "Roots: $x^2$ only."


def test_quotes_are_counted() -> None:
    found = by_text("<blockquote><p>outer</p><blockquote><p>inner</p></blockquote></blockquote><p>out</p>")
    assert [found[t].quote for t in ("outer", "inner", "out")] == [1, 2, 0]


def test_text_holding_the_span_marks_cannot_forge_spans() -> None:
    [block] = blocks(f"<p>a{MARK_OPEN}b{MARK_CLOSE}c <code>x</code></p>")
    assert block.md.count(MARK_OPEN) == 1 and "abc" in block.md


@pytest.mark.parametrize("page", sorted((SAMPLES / "html").glob("*.html")), ids=lambda p: p.name)
def test_markdown_mode_makes_the_same_blocks(page: object) -> None:
    data = page.read_bytes()  # type: ignore[attr-defined]
    from cleantext.decode import decode
    from cleantext.model import RawPage

    text = decode(RawPage("p", data)).text
    plain, _ = parse_html(text)
    marked, _ = parse_html(text, Markup(links=True, images=True))
    assert [[getattr(b, f) for f in PLAIN] for b in marked] == [[getattr(b, f) for f in PLAIN] for b in plain]
    assert all(getattr(b, f) == getattr(Block(0, ""), f) for b in plain for f in STRUCTURE)
