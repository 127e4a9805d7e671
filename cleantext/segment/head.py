"""What an HTML page says about itself: ``<title>``, ``<meta>``, Open Graph, JSON-LD, ``<h1>``.

The document stage weighs these against the page's own lines; here they are only collected.
Values are stripped text or None; nothing is parsed into dates yet.
"""

from __future__ import annotations

import json
from typing import Any

from bs4 import BeautifulSoup, Tag

from cleantext.model import PageMeta

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
SITE_KEYS = ("og:site_name", "application-name", "site", "source", "publisher")
AUTHOR_KEYS = ("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author")
URL_KEYS = ("og:url",)
MAX_JSONLD_CHARS = 200_000  # characters; larger scripts are data dumps, not article metadata


def _meta_values(soup: BeautifulSoup) -> dict[str, str]:
    values: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop") or tag.get("http-equiv")
        content = tag.get("content")
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            values.setdefault(key.strip().lower(), content.strip())
    return values


def _first(values: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if key in values:
            return values[key]
    return None


def _name_of(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _jsonld_items(soup: BeautifulSoup) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
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


def _jsonld(soup: BeautifulSoup) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for item in _jsonld_items(soup):
        if "datePublished" in item or "headline" in item:
            found.setdefault("title", _name_of(item.get("headline")))
            found.setdefault("date", _name_of(item.get("datePublished")))
            found.setdefault("author", _name_of(item.get("author")))
            found.setdefault("site", _name_of(item.get("publisher")))
    return found


def _text(tag: Tag | None) -> str | None:
    if tag is None:
        return None
    text = " ".join(tag.get_text(" ").split())
    return text or None


def read_head(soup: BeautifulSoup) -> PageMeta:
    """Collect title, date, site, author, url and language candidates from a parsed page."""
    values = _meta_values(soup)
    ld = _jsonld(soup)
    canonical = soup.find("link", rel="canonical")
    url = _first(values, URL_KEYS)
    if url is None and isinstance(canonical, Tag) and isinstance(canonical.get("href"), str):
        url = str(canonical["href"]).strip() or None
    html = soup.find("html")
    lang = html.get("lang") if isinstance(html, Tag) else None
    return PageMeta(
        title=_text(soup.find("title")) or ld.get("title") or _first(values, TITLE_KEYS),
        og_title=_first(values, TITLE_KEYS) or ld.get("title"),
        h1=_text(soup.find("h1")),
        date=_first(values, DATE_KEYS) or ld.get("date"),
        site=_first(values, SITE_KEYS) or ld.get("site"),
        author=_first(values, AUTHOR_KEYS) or ld.get("author"),
        url=url,
        lang=lang.strip().lower() if isinstance(lang, str) and lang.strip() else None,
    )
