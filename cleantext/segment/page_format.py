"""Is this text HTML or a text dump? Decided from the first few kilobytes.

HTML announces itself early: a doctype, ``<html>``, ``<head>``, ``<body>``, or it opens with a
tag and goes on with more. A fragment (``<p>正文</p>``, what an API caller passes) starts with a
tag and closes one. A dump opens with text and may quote tags mid-text (a ``<noscript>`` ad
snippet the dumper printed verbatim, a code sample), so tags after text are not enough.

>>> sniff("<!DOCTYPE html><html><body>x</body></html>")
'html'
>>> sniff("<p>这是一段正文。</p>")
'html'
>>> sniff("标题\\n\\n正文 <b> 不是标签")
'text'
>>> sniff("Menu\\n\\n<div><a href='/ad'><img src='/ad.gif' /></a></div>\\n\\nText.")
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


def sniff(text: str) -> str:
    """'html' or 'text'."""
    head = text[:SNIFF_CHARS]
    if STRONG.search(head):
        return "html"
    if not OPENS_WITH_TAG.match(head):
        return "text"
    return "html" if CLOSING_TAG.search(head) or len(TAG.findall(head)) >= MIN_TAGS else "text"
