"""What an HTML page says about itself: ``<title>``, ``<meta>``, Open Graph, JSON-LD, ``<h1>``.

The document stage weighs these against the page's own lines; here they are only collected.
Values are stripped text or None; nothing is parsed into dates yet.

The tags read here (every ``<meta>``, the JSON-LD scripts, the canonical link, the first
``<title>``, ``<h1>``, ``<html>`` and ``<body>``) may sit anywhere in the tree: microdata puts
``<meta itemprop>`` in the body, an SVG icon holds a ``<title>``. They are gathered in one pass in
document order (``gather``), which is what ``find``/``find_all`` would return, at a fraction of
the cost of one search per kind.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cleantext.model import PageMeta
from cleantext.regexes import compiled
from cleantext.segment.soup import BeautifulSoup, Tag
from cleantext.text import fold

# <meta> names and properties, most trusted first, per field.
TITLE_KEYS = ("og:title", "twitter:title", "title", "headline")
DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish_date",
    "publishtime",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "og:release_date",
    "article:modified_time",
)
# Microdata dates on elements other than <meta> (``<span itemprop="dateUpdate">发布时间：…</span>``)
# and HTML5's ``<time pubdate>``, read when no <meta> or JSON-LD gives a date; most trusted first.
ITEM_DATE_KEYS = ("datepublished", "datecreated", "pubdate", "dateupdate", "dateupdated", "datemodified")
# A page script's variable naming the article's time (``"pubtime": "2024-05-06 08:30:00"``,
# ``publishDate: '2024-05-06'``): pages that print their date from a script hold it only there. A
# quoted date with its year first (found first: a scan for the date is cheaper than for the key),
# then the key right before it, quoted or not; the value is read as a date later.
QUOTED_DATE = compiled(
    r"[\"'](\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)[\"']"
)
DATE_VARIABLE = compiled(
    r"\b(?:pub_?time|pub_?date|publish_?(?:time|date)|published_?(?:time|at)|release_?time|post_?time)"
    r"[\"']?\s*[:=]\s*$",
    re.I,
)
KEY_REACH = 30  # characters before a quoted date its variable's name and the assignment fit in
SITE_KEYS = ("og:site_name", "application-name", "site", "source", "publisher")
ADDRESS = compiled(r"(?:https?:)?//|www\.", re.I)  # an author tag holding a link, not a name
AUTHOR_KEYS = ("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author")
URL_KEYS = ("og:url",)
# A tag of the page's markup written into a title's text (``$5 <br/>BILLION``: the site put its
# headline's line breaks in ``og:title``, escaped in ``<title>``): no reader sees it as text. Only
# the tags that break or style a headline; a headline's own ``<`` (``x < y``) is no tag.
TITLE_MARKUP = compiled(r"</?(?:br|wbr|b|i|em|strong|span|small|big|sup|sub|u|s|font|mark)\b[^<>]{0,200}>", re.I)
MAX_JSONLD_CHARS = 200_000  # characters; larger scripts are data dumps, not article metadata
JSONLD_TYPE = "application/ld+json"
FIRST_TAGS = frozenset(("html", "title", "h1", "body"))  # only the first of each counts (and a few <h1>)
# <h1> elements read: a page may set its logo in one and its headline in the next; a listing's
# dozens name its entries
MAX_H1S = 8
GATHERED = FIRST_TAGS | {"meta", "script", "link"}


@dataclass
class HeadTags:
    """The tags the head is read from, in document order; ``first`` maps a name to its first tag."""

    first: dict[str, Tag] = field(default_factory=dict)
    metas: list[Tag] = field(default_factory=list)
    jsonld: list[Tag] = field(default_factory=list)
    scripts: list[Tag] = field(default_factory=list)  # the page's own scripts: no JSON-LD, no ``src``
    canonical: Tag | None = None
    dated: list[Tag] = field(default_factory=list)  # elements naming a date by itemprop, <time pubdate>
    h1s: list[Tag] = field(default_factory=list)  # the first ``MAX_H1S`` <h1> elements

    def add(self, tag: Tag) -> None:
        name = tag.name
        if name != "meta" and tag.attrs and ("itemprop" in tag.attrs or "pubdate" in tag.attrs):
            self.dated.append(tag)
        if name == "meta":
            self.metas.append(tag)
        elif name == "script":
            if tag.get("type") == JSONLD_TYPE:
                self.jsonld.append(tag)
            elif not tag.get("src"):
                self.scripts.append(tag)
        elif name == "link":
            rel = tag.get("rel") or ""  # a string, or a list where bs4 splits multi-valued attributes
            if self.canonical is None and "canonical" in (rel.split() if isinstance(rel, str) else rel):
                self.canonical = tag
        else:
            if name not in self.first:
                self.first[name] = tag
            if name == "h1" and len(self.h1s) < MAX_H1S:
                self.h1s.append(tag)


def gather(soup: BeautifulSoup) -> HeadTags:
    """One pass over the whole tree collecting the tags ``read_head`` needs.

    >>> soup = BeautifulSoup("<title>T</title><p><meta itemprop='x' content='y'></p>", "lxml")
    >>> tags = gather(soup)
    >>> tags.first["title"].string, len(tags.metas), "body" in tags.first
    ('T', 1, True)
    """
    tags = HeadTags()
    for node in soup.descendants:
        if isinstance(node, Tag) and (
            node.name in GATHERED or (node.attrs and ("itemprop" in node.attrs or "pubdate" in node.attrs))
        ):
            tags.add(node)
    return tags


def _item_date(tags: HeadTags) -> str | None:
    """The most trusted date an element's microdata names (see ``ITEM_DATE_KEYS``): its
    ``content`` or ``datetime`` attribute, else its text.

    >>> soup = BeautifulSoup('<p><span itemprop="dateUpdate">发布时间：2019-09-07</span></p>', "lxml")
    >>> _item_date(gather(soup))
    '发布时间：2019-09-07'
    """
    found: dict[str, str] = {}
    for tag in tags.dated:
        prop = tag.get("itemprop")
        key = prop.strip().lower() if isinstance(prop, str) else ("pubdate" if tag.name == "time" else "")
        if key not in ITEM_DATE_KEYS or key in found:
            continue
        value = tag.get("content") or tag.get("datetime") or _text(tag)
        if isinstance(value, str) and value.strip():
            found[key] = value.strip()
    return next((found[key] for key in ITEM_DATE_KEYS if key in found), None)


def _script_date(tags: HeadTags) -> str | None:
    """The publication time the page's scripts name (a ``QUOTED_DATE`` after a ``DATE_VARIABLE``),
    when every one they name falls on one day: a listing's or a feed's scripts name one for each
    entry, and then none is the page's. Scripts longer than ``MAX_JSONLD_CHARS`` are data dumps
    and are not read.

    >>> soup = BeautifulSoup('<script>var DATA = {"pubtime": "2024-05-06 08:30:00"};</script>', "lxml")
    >>> _script_date(gather(soup))
    '2024-05-06 08:30:00'
    >>> soup = BeautifulSoup("<script>a = [{pubDate: '2024-05-06'}, {pubDate: '2024-05-04'}]</script>", "lxml")
    >>> _script_date(gather(soup)) is None
    True
    """
    found: list[str] = []
    for script in tags.scripts:
        raw = script.string or ""
        if len(raw) <= MAX_JSONLD_CHARS:
            for match in QUOTED_DATE.finditer(raw):
                start = match.start()
                if DATE_VARIABLE.search(raw, max(0, start - KEY_REACH), start):
                    found.append(match.group(1))
    days = {value[:10].replace("/", "-") for value in found}
    return found[0] if len(days) == 1 else None


def _meta_values(tags: HeadTags) -> dict[str, str]:
    values: dict[str, str] = {}
    for tag in tags.metas:
        key = tag.get("property") or tag.get("name") or tag.get("itemprop") or tag.get("http-equiv")
        content = tag.get("content")
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            values.setdefault(key.strip().lower(), content.strip())
    return values


def _first(values: dict[str, str], keys: tuple[str, ...], accept: Callable[[str], bool] | None = None) -> str | None:
    """The value of the first of ``keys`` present in ``values`` (and that ``accept`` takes)."""
    for key in keys:
        if key in values and (accept is None or accept(values[key])):
            return values[key]
    return None


def _name_of(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _names_of(value: Any) -> str | None:
    """A JSON-LD author: its name, or its names joined (``[{"name": A}, {"name": B}]``: ``A, B``)."""
    if not isinstance(value, list):
        return _name_of(value)
    names = [name for name in map(_name_of, value) if name]
    return ", ".join(dict.fromkeys(names)) or None


def _names_someone(value: str) -> bool:
    """Does an author tag's value name someone? ``article:author`` often holds the writer's
    profile address instead (``https://www.facebook.com/…``), which is no name."""
    return bool(value) and not ADDRESS.match(value)


def _jsonld_items(tags: HeadTags) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for script in tags.jsonld:
        raw = script.string or ""
        if not raw or len(raw) > MAX_JSONLD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        for item in stack:
            if isinstance(item, dict):
                items.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    items.extend(x for x in graph if isinstance(x, dict))
    return items


def _jsonld(tags: HeadTags) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for item in _jsonld_items(tags):
        if "datePublished" in item or "headline" in item:
            found.setdefault("title", _name_of(item.get("headline")))
            found.setdefault("date", _name_of(item.get("datePublished")))
            found.setdefault("author", _names_of(item.get("author")))
            found.setdefault("site", _name_of(item.get("publisher")))
    return found


def _text(tag: Tag | None) -> str | None:
    if tag is None:
        return None
    text = " ".join(tag.get_text(" ").split())
    return text or None


def _unmarked(title: str | None) -> str | None:
    """A head title without the markup tags written into its text (``TITLE_MARKUP``).

    >>> _unmarked("Rates rise <br/>again in May")
    'Rates rise again in May'
    """
    if title is None or "<" not in title:
        return title
    return " ".join(TITLE_MARKUP.sub(" ", title).split()) or None


def _headline_h1(h1s: list[str], titles: list[str | None]) -> str | None:
    """The ``<h1>`` that names the headline: the one the head's titles confirm best (one holds the
    other; of an ``<h1>`` a title holds, the larger its share of that title the better: a logo's
    ``<h1>``, ``CNN``, is a small part of ``Headline - CNNArabic.com``), else the first.

    >>> _headline_h1(["CNN", "Rebels take depot"], ["Rebels take depot - CNNArabic.com"])
    'Rebels take depot'
    """
    best, share = None, 0.0
    for h1 in h1s:
        folded = fold(h1)
        for title in titles:
            whole = fold(title or "")
            if whole and whole in folded:
                found = 1.0
            else:
                found = len(folded) / len(whole) if folded and folded in whole else 0.0
            if found > share:
                best, share = h1, found
    return best or next(iter(h1s), None)


def read_head(tags: HeadTags) -> PageMeta:
    """Collect title, date, site, author, url and language candidates from a page's gathered tags."""
    values = _meta_values(tags)
    ld = _jsonld(tags)
    canonical = tags.canonical
    url = _first(values, URL_KEYS)
    if url is None and canonical is not None and isinstance(canonical.get("href"), str):
        url = str(canonical["href"]).strip() or None
    html = tags.first.get("html")
    lang = html.get("lang") if html is not None else None
    title = _unmarked(_text(tags.first.get("title")) or ld.get("title") or _first(values, TITLE_KEYS))
    og_title = _unmarked(_first(values, TITLE_KEYS) or ld.get("title"))
    h1s = [text for text in map(_text, tags.h1s) if text]
    return PageMeta(
        title=title,
        og_title=og_title,
        h1=_headline_h1(h1s, [og_title, title]),
        date=_first(values, DATE_KEYS) or ld.get("date") or _item_date(tags),
        script_date=_script_date(tags),
        site=_first(values, SITE_KEYS) or ld.get("site"),
        author=_first(values, AUTHOR_KEYS, _names_someone) or ld.get("author"),
        url=url,
        lang=lang.strip().lower() if isinstance(lang, str) and lang.strip() else None,
    )
