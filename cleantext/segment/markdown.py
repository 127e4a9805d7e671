"""Markdown dumps (html2text, pandoc, "copy as Markdown"): the markup out, the links kept as a feature.

A page turned into Markdown keeps what a terminal dump loses, in its syntax: ``[text](url)`` is a
link, ``![alt](src)`` an image, ``**bold**`` emphasis, ``# `` a heading, ``> `` a line of a quote
(a ``<blockquote>``: the article quoting a letter, a review, a speech), ``| a | b |`` a table row
and ``---|---`` its rule. Left in, the URLs would count as words of the text (a menu of ten links
would read as a long line of prose) and end up in the record. So a dump that holds Markdown links
is read as Markdown: each block loses the syntax, and the characters of its link texts are its
``link_chars``, as in HTML, so that menus and teaser lists are told by their link density.

A converter that wraps its lines (html2text at 78 characters) wraps inside a link too: at a hyphen
of its URL (``](https://a.cn/x-`` / ``y.png)``), at a space of its title or of its text (``[王菲沽
深湾`` / ``名人连环卖楼](url)``). Left as two lines, neither half is a link any more: the URL's tail
reads as a long line of text, and the text's halves keep their brackets and the URL. So the dump
reader follows how far inside a link each line stops (``open_link``) and joins the next line to
it whatever its width: inside a URL without a space, inside a link's text as wrapped lines are
joined. The lines' widths stay as read (a joined URL is no evidence of the page's wrap width).

>>> from cleantext.model import Block
>>> b = unmark(Block(0, "**[首页](/index)** | [新闻](/news) | [体育](/sports)", source="text"))
>>> b.text, b.link_chars
('首页 新闻 体育', 6)
"""

from __future__ import annotations

import re
from dataclasses import replace

from cleantext.model import Block
from cleantext.regexes import compiled

IMAGE = compiled(r"!\[[^\]]*\]\([^)]*\)")  # images carry no text of the article
# [text](url "title"); a converter writes an address as the page had it, spaces and all
# (``](https://a.org/?q=two words)``): the pieces after the first space are the address's too
# (``javascript: open('/a.html')``); a link's text may hold brackets of its own (a footnote's [[1]](#n1)),
# not a link (a link in a link's text goes first, ``unmark``)
LINK = compiled(
    r"\[((?:[^\[\]]|\[[^\[\]]*\](?!\())*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|(?:[^()\s\"]|\([^()\s]*\))+))*?\)"
)
ESCAPE = compiled(r"\\([\\`*_{}\[\]()#+\-.!|>])")
EMPHASIS = compiled(r"\*\*|__|~~")
HEADING = compiled(r"^#{1,6}\s+")
# A quote's marker, nested or not (``> > ``): left in, a quoted paragraph's lines would read as
# a shell's prompt (program code) rather than as the article's text.
QUOTE = compiled(r"^(?:>[ \t]?)+")
CELL = compiled(r"\s*\|\s*")  # table cell separators
RULE = compiled(r"^[\s|:\-]*-{3}[\s|:\-]*$")  # ---|--- under a table's first row, or a --- rule
SPACES = compiled(r"[ \t]{2,}")
SNIFF_CHARS = 8192  # characters looked at to tell a Markdown dump
MIN_LINKS = 3  # Markdown links in them: a page has menus, one or two could be quoted text
MAX_NESTING = 4
LINK_MARK = compiled(r"\\.|\]\(|[\[\]()]")  # what opens or closes a link's text or target (an escape: neither)


def is_markdown(text: str) -> bool:
    """Does the dump write its links in Markdown?"""
    head = text[:SNIFF_CHARS]
    return "](" in head and len(LINK.findall(head)) >= MIN_LINKS


def is_heading(line: str) -> bool:
    """Is the line (past its indent) a Markdown heading (``# ``)? A converter wraps a long heading
    as it wraps a paragraph, and its ``#`` would otherwise read as a shell's comment (program
    code, whose lines are never joined), its words after the break as a line of their own.

    >>> is_heading("## A long headline"), is_heading("#hashtag"), is_heading("####### seven")
    (True, False, False)
    """
    return line.startswith("#") and HEADING.match(line) is not None


def unquote(text: str) -> str:
    """The line without the marks of a quote (``> ``, nested or not). Before the escapes are
    undone: ``\\>`` opens a line of the page's own text."""
    return QUOTE.sub("", text) if text.startswith(">") else text


def url_gap(line: str) -> str:
    """What goes before ``line`` when it goes on with a link's target: a URL has no spaces to put
    back (it was broken at a hyphen), but its quoted title is set off by one."""
    return " " if line.startswith('"') else ""


def goes_on(line: str, depth: tuple[int, int]) -> bool:
    """Does ``line`` go on with the link the line above stopped inside (``depth``, from
    ``open_link``)? A URL (or its title) goes on to its ")"; a link's text (a card's headline and
    summary, a picture's caption) as long as it takes, but never into a table's row or rule: a
    "[" that no "](" closes (a table cell's broken link) must not swallow the table after it.

    >>> goes_on("b.png)", (0, 1)), goes_on("名人卖楼](/m)", (1, 0)), goes_on("---|---", (1, 0))
    (True, True, False)
    """
    return depth[1] > 0 or not (line.startswith("|") or RULE.match(line))


def open_link(line: str, depth: tuple[int, int] = (0, 0)) -> tuple[int, int]:
    """How far inside a link the line stops: (brackets of link text open, parentheses of a
    link's target open), given how far inside one it started (``depth``). (0, 0): outside.

    >>> open_link("![](/img/a-"), open_link("b.png) 正文"), open_link("[![图](/a.png) 王菲沽深湾")
    ((0, 1), (0, 0), (1, 0))
    >>> open_link("b.png)", (0, 1)), open_link("名人卖楼](/m)", (1, 0)), open_link("见注 [1] (上)")
    ((0, 0), (0, 0), (0, 0))
    """
    if depth == (0, 0) and "[" not in line:
        return depth
    text, target = depth
    for mark in LINK_MARK.findall(line):
        if mark[0] == "\\":  # an escaped character: text
            continue
        if target:  # in a URL (or its title), where only parentheses nest
            target += 1 if mark[-1] == "(" else -1 if mark == ")" else 0  # "](" in a URL: its "(" counts
        elif mark == "[":
            text += 1
        elif mark == "](" and text:
            text, target = text - 1, 1
        elif mark == "]":
            text = max(text - 1, 0)
    return text, target


def unmark_all(blocks: list[Block]) -> list[Block]:
    """The dump's blocks without Markdown syntax (``unmark``), a table's rows with their cells apart."""
    rows = _table_rows(blocks)
    return [unmark(block, i in rows) for i, block in enumerate(blocks)]


def _table_rows(blocks: list[Block]) -> set[int]:
    """The blocks that are a Markdown table's rows: the one over a rule line (``---|---``) and those
    under it that hold a bar, in its blank-line group. A line of links with bars between them
    (``[首页](/) | [新闻](/news)``) is a menu, not a row: no rule stands under it."""
    rows: set[int] = set()
    for i, block in enumerate(blocks):
        if "|" not in block.text or "-" not in block.text or not RULE.match(block.text):
            continue
        if i > 0 and "|" in blocks[i - 1].text and blocks[i - 1].group == block.group:
            rows.add(i - 1)
        j = i + 1
        while j < len(blocks) and blocks[j].group == block.group and "|" in blocks[j].text:
            if RULE.match(blocks[j].text):
                break
            rows.add(j)
            j += 1
    return rows


def unmark(block: Block, row: bool = False) -> Block:
    """The block without Markdown syntax; its link texts' length in ``link_chars``. A table's row
    (``row``) keeps its cells apart by a tab, which divides cells as the bar did (``tables``)."""
    text = unquote(IMAGE.sub("", block.text))
    linked = 0

    def link_text(match: re.Match[str]) -> str:
        nonlocal linked
        inner = EMPHASIS.sub("", match.group(1)).strip()
        linked += len(inner)
        return inner

    for _ in range(MAX_NESTING):  # a link inside a link's text (a card's "more" link) goes first
        text, found = LINK.subn(link_text, text)
        if not found:
            break
    text = ESCAPE.sub(r"\1", EMPHASIS.sub("", text))
    kind = block.kind
    if HEADING.match(text):
        text, kind = HEADING.sub("", text), "h2"
    if RULE.match(text):
        text = ""
    if row:
        text = "\t".join(cell for cell in (SPACES.sub(" ", c).strip() for c in CELL.split(text)) if cell)
    else:
        text = SPACES.sub(" ", CELL.sub(" ", text) if "|" in text else text).strip()
    return replace(block, text=text, kind=kind, link_chars=min(linked, len(text)))
