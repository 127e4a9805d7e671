"""Is this text HTML or a text dump? Decided from the first few kilobytes.

HTML announces itself early: a doctype, ``<html>``, ``<head>``, ``<body>`` before any text (but
for scripts), or it opens with a tag and goes on with more. (A dump may quote such a tag after
its text: lynx writes an inline frame's ``javascript:'<html><body>…'`` address.) A fragment
(``<p>正文</p>``, what an API caller passes) starts with a tag and closes one. A dump opens with
text and may quote tags mid-text (a ``<noscript>`` ad snippet the dumper printed verbatim, a code
sample), so tags after text are not enough. A dump may even open with such a snippet (a tracking
pixel, a stylesheet link printed as text): then its tags stop a few lines in and the rest of the
head is text without any, where an HTML page sets tags all through its head (or is inside a
script, whose code is no text).

>>> sniff("<!DOCTYPE html><html><body>x</body></html>")
'html'
>>> sniff("<p>这是一段正文。</p>")
'html'
>>> sniff("标题\\n\\n正文 <b> 不是标签")
'text'
>>> sniff("Menu\\n\\n<div><a href='/ad'><img src='/ad.gif' /></a></div>\\n\\nText.")
'text'
>>> sniff("<p><img src='/pixel.gif'></p>\\nHome\\n\\n" + "A line of the dump's text.\\n" * 20)
'text'
"""

from __future__ import annotations

import re

from cleantext.regexes import compiled

SNIFF_CHARS = 4096  # characters looked at: doctypes and opening tags come first
STRONG = compiled(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<\?xml", re.I)
TAG = compiled(
    r"</?(?:p|div|span|a|br|table|td|tr|li|ul|h[1-6]|img|script|style|link|title)\b[^<>]*>", re.I
)
# A fragment: the text opens with an element's start tag (or a comment) and some element is closed.
OPENS_WITH_TAG = compiled(r"\s*(?:<[a-z][\w-]*(?:\s[^<>]*)?/?>|<!--)", re.I)
CLOSING_TAG = compiled(r"</[a-z][\w-]*\s*>", re.I)
MIN_TAGS = 3  # distinct tag occurrences that make a page without a doctype HTML
# Of the head, the share after its last tag above which the text is a dump that opened with a
# snippet of markup printed verbatim: HTML pages opening with a tag keep under 0.11 of their head
# after the last one (the bench's and the unseen sets' pages), such dumps over 0.55.
MAX_TAGLESS_TAIL = 0.25
CODE_ELEMENTS = ("script", "style")  # elements whose content is code: a tag written in it is no tag
CODE_ELEMENT = compiled(r"<(script|style)\b.*?(?:</\1\s*>|$)", re.I | re.S)  # one, to its end or the text's
ANY_TAG = compiled(r"<[^<>]*>")
# Letters and digits outside tags and scripts that may stand before a page's doctype or ``<html>``
# (a server's warning printed above it): the bench's and the unseen sets' pages have 69 at most; a
# dump that quotes such a tag has a screenful of its text before it.
MAX_TEXT_BEFORE_HTML = 500


def sniff(text: str) -> str:
    """'html' or 'text'."""
    head = text[:SNIFF_CHARS]
    strong = STRONG.search(head)
    if strong is not None and _text_before(head[: strong.start()]) <= MAX_TEXT_BEFORE_HTML:
        return "html"
    if not OPENS_WITH_TAG.match(head):
        return "text"
    if not (CLOSING_TAG.search(head) or len(TAG.findall(head)) >= MIN_TAGS):
        return "text"
    return "text" if _tagless_tail(head) > MAX_TAGLESS_TAIL else "html"


def _tagless_tail(head: str) -> float:
    """The share of ``head`` after its last tag; 0 when a script or a style element is still open
    at its end (its code writes tags in strings, or none at all: either way it is no dump's text).

    >>> _tagless_tail("<p>x</p>"), _tagless_tail("<script>var a = '<b>';" + "x" * 20)
    (0.0, 0.0)
    >>> _tagless_tail("<p>x</p>" + "y" * 24)
    0.75
    """
    lower = head.lower()
    if any(lower.rfind(f"<{name}") > lower.rfind(f"</{name}") for name in CODE_ELEMENTS):
        return 0.0
    return (len(head) - head.rfind(">") - 1) / len(head) if head else 0.0


def _text_before(text: str) -> int:
    """Letters and digits of ``text`` outside its tags and its scripts and styles.

    >>> _text_before("<script>var a = 1;</script><!-- saved -->"), _text_before("Home | News <b>")
    (0, 8)
    """
    if "<" in text:
        text = ANY_TAG.sub("", CODE_ELEMENT.sub("", text))
    return sum(c.isalnum() for c in text)
