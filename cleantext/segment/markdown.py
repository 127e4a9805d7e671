"""Markdown dumps (html2text, pandoc, "copy as Markdown"): the markup out, the links kept as a feature.

A page turned into Markdown keeps what a terminal dump loses, in its syntax: ``[text](url)`` is a
link, ``![alt](src)`` an image, ``**bold**`` emphasis, ``# `` a heading, ``> `` a line of a quote
(a ``<blockquote>``: the article quoting a letter, a review, a speech), ``| a | b |`` a table row
and ``---|---`` its rule. Left in, the URLs would count as words of the text (a menu of ten links
would read as a long line of prose) and end up in the record. So a dump that holds Markdown links
is read as Markdown: each block loses the syntax, and the characters of its link texts are its
``link_chars``, as in HTML, so that menus and teaser lists are told by their link density.

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
LINK = compiled(r"\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")  # [text](url "title")
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


def is_markdown(text: str) -> bool:
    """Does the dump write its links in Markdown?"""
    head = text[:SNIFF_CHARS]
    return "](" in head and len(LINK.findall(head)) >= MIN_LINKS


def unmark(block: Block) -> Block:
    """The block without Markdown syntax; its link texts' length in ``link_chars``."""
    text = IMAGE.sub("", block.text)
    if text.startswith(">"):  # before the escapes are undone: ``\>`` opens a line of text
        text = QUOTE.sub("", text)
    linked = 0

    def link_text(match: re.Match[str]) -> str:
        nonlocal linked
        inner = EMPHASIS.sub("", match.group(1)).strip()
        linked += len(inner)
        return inner

    text = LINK.sub(link_text, text)
    text = ESCAPE.sub(r"\1", EMPHASIS.sub("", text))
    kind = block.kind
    if HEADING.match(text):
        text, kind = HEADING.sub("", text), "h2"
    if RULE.match(text):
        text = ""
    text = SPACES.sub(" ", CELL.sub(" ", text) if "|" in text else text).strip()
    return replace(block, text=text, kind=kind, link_chars=min(linked, len(text)))
