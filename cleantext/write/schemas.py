"""The shape of one output line: the flat record, a selection of its keys, or a nested schema.

- ``flat`` (the default) is DESIGN.md's record: fixed key order, always the same keys, null when
  unknown, plus ``meta`` (extra JSONL fields) only when the article carries it. It reads as-is in
  datatrove (extra keys land in its ``metadata``) and in ``jq``.
- ``datatrove``: ``{"text", "id", "metadata": {every other key}}``, datatrove's Document layout.
- ``dolma``: ``{"id", "text", "source", "added", "created", "metadata"}``. ``source`` is the
  dataset name (``source_name``), ``created`` the article's date, ``added`` the run's timestamp as
  the caller passes it. Output must be deterministic (same input, same bytes), so no clock is read
  here: ``added`` and ``created`` are left out when unknown rather than invented or set to null
  (Dolma's readers default a missing timestamp to an empty string; a null is a type error).

``fields`` picks keys of the flat record, in the order given; the schema then nests what was picked.
Both are checked once, when the Config is built (``config.py``), not per record here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cleantext.config import Schema
from cleantext.model import Article

FLAT_KEYS = (
    *("id", "text", "title", "date", "site", "author", "url"),
    *("lang", "lang_score", "langs", "script", "input", "encoding", "text_format"),
)
FIELD_NAMES = (*FLAT_KEYS, "meta")
SCHEMAS = tuple(Schema)
DEFAULT_SOURCE = "cleantext"


def flat_record(article: Article) -> dict[str, Any]:
    """The flat record: DESIGN.md's keys in their fixed order, ``meta`` only when present."""
    record = {key: getattr(article, key) for key in FLAT_KEYS}
    if article.meta is not None:
        record["meta"] = article.meta
    return record


def to_record(
    article: Article,
    schema: str = "flat",
    fields: Sequence[str] = (),
    source_name: str = DEFAULT_SOURCE,
    added: str | None = None,
) -> dict[str, Any]:
    """The JSON object written for ``article``.

    >>> art = Article(id="x1", text="正文", title="标题", date="2025-07-03", site=None, author=None, url=None,
    ...               lang="zh", lang_score=0.99, langs=None, script="Hans", input="a.txt", encoding="utf-8")
    >>> list(to_record(art))[6:]
    ['url', 'lang', 'lang_score', 'langs', 'script', 'input', 'encoding', 'text_format']
    >>> to_record(art, fields=("title", "id"))
    {'title': '标题', 'id': 'x1'}
    >>> to_record(art, "dolma", fields=("id", "text", "lang"), source_name="news")
    {'id': 'x1', 'text': '正文', 'source': 'news', 'created': '2025-07-03', 'metadata': {'lang': 'zh'}}
    """
    record = flat_record(article)
    if fields:
        record = {name: record.get(name) for name in fields}
    if schema == "datatrove":
        return _nest(record, ("text", "id"), {})
    if schema == "dolma":
        head = {"source": source_name, "added": added, "created": article.date}
        return _nest(record, ("id", "text"), {k: v for k, v in head.items() if v is not None})
    return record


def _nest(record: dict[str, Any], top: tuple[str, ...], head: dict[str, Any]) -> dict[str, Any]:
    """The ``top`` keys (when picked), then ``head``, then everything else under ``metadata``."""
    nested = {key: record.pop(key) for key in top if key in record}
    nested.update(head)
    nested["metadata"] = record
    return nested
