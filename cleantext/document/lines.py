"""Metadata written in the page's own lines: ``时间:2025-07-03 09:55:12来源:中国新闻网``,
``发布时间：``, ``作者：``, ``来源：``, ``By Jane Doe``, ``Published: …``.

Such lines sit just before (or, for credits, just after) the article. A line is *consumed* — it
leaves the body — when, once its labels, values and date are taken out, almost nothing remains.

>>> m = read_line("时间:2025-07-03 09:55:12来源:中国新闻网")
>>> m.date, m.site, m.consumed
('2025-07-03T09:55:12', '中国新闻网', True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleantext.document.dates import date_span, find_date
from cleantext.regexes import compiled
from cleantext.text import both_scripts, units_of

# Labels are written in Simplified Chinese and compiled to match Traditional too (``both_scripts``).
STOP = (
    r"(?=\s{2,}|[\s　|｜/]*(?:时间|日期|发布|来源|作者|记者|编辑|责任编辑|浏览|阅读|点击|字号|$)"
    r"|[\]】)）|｜])"
)
LABEL_COLON = r"[:：]"  # between a label and its value
# A value is no markup a converter left behind (html2text writes ``作者： size="20"``).
VALUE = LABEL_COLON + r"\s*([^\s:：|｜\]】=\"]{1,40}?)" + STOP
SITE = compiled(both_scripts(r"(?:来源|稿源|出处|source)" + VALUE), re.I)
AUTHOR = compiled(
    both_scripts(
        r"(?<!责任)(?:作者|记者|撰文|文|author|by)" + VALUE  # labelled: 作者：张三, Author: Jane Doe
        + r"|(?:^|\s)by\s+((?-i:[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}))\s*(?:$|[|,·•])"  # a byline: By Jane Doe
    ),
    re.I,
)
# Every labelled value follows a colon and every byline holds "by": most lines hold neither, and
# skip the searches for both. ``may_name`` tests it; this is the test as one case-blind pattern.
MAY_NAME = LABEL_COLON + "|by"
BY = compiled("by", re.I)
LABELS = compiled(
    both_scripts(
        r"(?:发布|发表|更新|出版)?(?:时间|日期)|来源|稿源|作者|记者|责任编辑|编辑|浏览(?:次数)?|阅读(?:量)?|点击(?:数)?|"
        r"published|posted|updated|date|source|author|by|on"
    ),
    re.I,
)
RESIDUE_NOISE = compiled(r"[\s:：|｜\[\]【】()（）/\\,，.·•\-—_\d]+")
MAX_META_UNITS = 60  # units: longer lines are prose that happens to mention a date or a source
MAX_RESIDUE_UNITS = 6  # units left after the metadata is taken out: more means the line says more


@dataclass(frozen=True)
class LineMeta:
    """What one line says about the article."""

    date: str | None = None
    site: str | None = None
    author: str | None = None
    consumed: bool = False


NO_META = LineMeta()  # what most lines say (immutable, so one instance serves them all)


def may_name(text: str) -> bool:
    """Does ``MAY_NAME`` (case-blind) occur in ``text``? The colons have no case, so two substring tests find
    them, and the pattern's search is left with "by" alone."""
    return ":" in text or "：" in text or BY.search(text) is not None


def _first_group(match: re.Match[str] | None) -> str | None:
    if match is None:
        return None
    value = next((g for g in match.groups() if g), None)
    return value.strip() if value else None


def read_line(text: str, lang: str | None = None, units: int | None = None) -> LineMeta:
    """Date, site and author written in one short line, and whether the line is only that.
    ``units`` is the line's length when the caller measured it already (the boilerplate stage)."""
    if (units_of(text) if units is None else units) > MAX_META_UNITS:
        return NO_META
    date = find_date(text, lang)
    site_m = author_m = None
    if may_name(text):
        site_m, author_m = SITE.search(text), AUTHOR.search(text)
    site, author = _first_group(site_m), _first_group(author_m)
    if not (date or site or author):
        return NO_META
    residue = text
    for found in (site, author):
        if found:
            residue = residue.replace(found, " ")
    span = date_span(residue)
    if span:
        residue = residue[: span[0]] + " " + residue[span[1] :]
    residue = RESIDUE_NOISE.sub("", LABELS.sub("", residue))
    consumed = units_of(residue) <= MAX_RESIDUE_UNITS
    return LineMeta(date, site, author, consumed)
