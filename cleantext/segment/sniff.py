"""Is this text HTML or a text dump? Decided from the first few kilobytes.

HTML announces itself early: a doctype, ``<html>``, ``<head>``, ``<body>`` or a run of common
tags. A dump may quote a tag or two, so one stray ``<p>`` is not enough.

>>> sniff("<!DOCTYPE html><html><body>x</body></html>")
'html'
>>> sniff("标题\\n\\n正文 <b> 不是标签")
'text'
"""

from __future__ import annotations

import re

SNIFF_CHARS = 4096  # characters looked at: doctypes and opening tags come first
STRONG = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<\?xml", re.I)
TAG = re.compile(
    r"</?(?:p|div|span|a|br|table|td|tr|li|ul|h[1-6]|img|script|style|link|title)\b[^<>]*>", re.I
)
MIN_TAGS = 3  # distinct tag occurrences that make a page without a doctype HTML


def sniff(text: str) -> str:
    """'html' or 'text'."""
    head = text[:SNIFF_CHARS]
    if STRONG.search(head):
        return "html"
    return "html" if len(TAG.findall(head)) >= MIN_TAGS else "text"
