"""The site's name its copyright line gives.

A page's footer names whoever owns it: ``版权所有 东方日报社``, ``东方日报 版权所有``,
``© 2024 The Harbour Times. All rights reserved.`` That holder is the site's name when the head
names none (no ``og:site_name``, no publisher in JSON-LD) and the title wears no separator that
``title.split_site`` could part a name at. It is also the name a ``<title>`` may set beside the
headline after a plain space (``标题 东方日报社``), where nothing but the page's own name
tells a site's name from the headline's last words (``title.printed_title``).

The holder is read from the page's last lines upwards (a footer stands at the end); a line of
prose that mentions copyright is too long to be a footer's (``MAX_FOOTER_UNITS``). A value that
names nobody (``版权所有 © 2018``, ``All rights reserved``, ``本站``) is none.

>>> copyright_holder(["首页", "版权所有 东方日报社 Copyright © 2018 All rights reserved."])
'东方日报社'
>>> copyright_holder(["© 2024 The Harbour Times. All rights reserved."])
'The Harbour Times'
>>> copyright_holder(["Copyright © 2018 All rights reserved."]), copyright_holder(["本网站所有文章版权所有"])
(None, None)
"""

from __future__ import annotations

from collections.abc import Sequence

from cleantext.document.vocabulary import NAMELESS_SOURCES
from cleantext.regexes import compiled
from cleantext.text import both_scripts, units_of

MAX_FOOTER_UNITS = 60  # units: a copyright line is short; a longer one is prose about copyright
FOOTER_LINES = 40  # the page's last lines searched: a footer's copyright line is among them
MIN_NAME_UNITS = 2  # units: a shorter holder (``X``) names nothing one can tell
MAX_NAME_UNITS = 20  # units: an institution's full name; longer is a sentence
# A CJK holder: ideographs, with Latin letters, digits and brackets inside (``中国（上海）网``).
CJK_NAME = r"[\u4e00-\u9fff][\u4e00-\u9fff\w（）()·&]{1,29}"
YEARS = r"(?:\d{4}(?:\s*[-–—]\s*\d{4})?\s*)?"
SYMBOL = r"(?:©|\([cC]\)|（[cC]）)?"
HOLDER_CJK = compiled(
    both_scripts(
        rf"版权所有\s*[:：]?\s*{SYMBOL}\s*{YEARS}({CJK_NAME})"  # 版权所有：滨江晨报
        rf"|({CJK_NAME})\s*{SYMBOL}\s*版权所有"  # 滨江晨报 版权所有
    )
)
# A Latin holder after ``©`` or ``Copyright`` and a year: capitalised words up to a full stop, a
# comma, a bar or ``All rights reserved``.
HOLDER_LATIN = compiled(
    r"(?:©|\([cC]\)|\b(?i:copyright)\b)\s*(?:©\s*)?" + YEARS + r",?\s*"
    r"((?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&'’-]*){0,5})"
    r"(?=\s*(?:[.,|｜·]|(?i:all\s+rights)|$))",
)
MARKS = ("版权", "版權", "©", "opyright", "(c)", "(C)")
# Words of a notice, not of a name: ``本网站所有文章版权所有`` speaks of the articles' rights.
NOTICE_WORDS = compiled(both_scripts(r"所有|转载|禁止|未经|不得|授权|本站|本网"))


def copyright_holder(texts: Sequence[str]) -> str | None:
    """The holder the page's copyright line names (see the module docstring), read from its last
    ``FOOTER_LINES`` lines upwards; None when no line names one."""
    for text in reversed(texts[-FOOTER_LINES:]):
        if not any(mark in text for mark in MARKS) or units_of(text) > MAX_FOOTER_UNITS:
            continue
        name = _holder(text)
        if name is not None:
            return name
    return None


def _holder(text: str) -> str | None:
    """The holder one copyright line names, if it names one."""
    for found in (HOLDER_CJK.search(text), HOLDER_LATIN.search(text)):
        if found is None:
            continue
        name = next(g for g in found.groups() if g).strip(" .,")
        if name.lower() in NAMELESS_SOURCES or name.lower().startswith("all rights") or NOTICE_WORDS.search(name):
            continue
        if MIN_NAME_UNITS <= units_of(name) <= MAX_NAME_UNITS:
            return name
    return None
