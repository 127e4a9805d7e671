"""The stage sequence: one object per stage, in data-path order, each with one method, ``__call__``.

``default_stages(config)`` is the list ``cleantext run`` uses; a Python user may leave a stage
out, build one with other settings, or insert their own, and hand the list to ``Pipeline``.
Observations this relies on:

- A page becomes a record in five page stages (``Admit`` → ``Decode`` → ``Segment`` →
  ``Classify`` → ``Document``). Each takes the ``Page`` the previous one returned and returns it
  with its own part filled in; ``Admit`` and ``Decode`` may end it early with a Drop in
  ``outcome``, and ``Document`` always sets ``outcome``. The wrapped functions (``decode``,
  ``segment``, ``classify``, ``finalize``) stay the stages' entry points.
- From then on the record filters take the ``Article`` and return it (maybe changed) or a
  ``Drop``: ``Convert`` (script, language, OpenCC), the quality filters, ``Dedup``. A user's own
  filter is a function or an object with the same signature; its ``Drop`` names a reason with
  ``DropReason.of("name")`` and is counted like the built-in ones.
- Dedup holds state across pages and must see records in input order, so it says
  ``corpus_wide = True``; the pipeline runs it, and every stage after it, in the parent process
  (``--jobs``) or on the driver (``--engine ray``). The stages before it run wherever pages are
  cleaned, so they hold only their settings (they are pickled to worker processes).
- The record filters need nothing but records, so ``cleantext filter`` runs
  ``record_stages(config)`` over the JSON lines an earlier run wrote.

>>> [type(stage).__name__ for stage in default_stages(Config(dedup="exact", min_chars=10))]
['Admit', 'Decode', 'Segment', 'Classify', 'Document', 'Convert', 'MinChars', 'LanguageTagger', 'Dedup']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from cleantext.boilerplate import Classifier
from cleantext.config import Config
from cleantext.convert.dedup import ExactDedup, NearDedup
from cleantext.convert.opencc import Converter
from cleantext.convert.quality import page_filters
from cleantext.decode import NOT_TEXT, decode, looks_binary
from cleantext.document import finalize
from cleantext.model import Article, Drop, DropReason, Markup, Page
from cleantext.segment import segment

Stage = Callable[[Any], Any]  # Page → Page before the record exists; Article → Article | Drop after


class Admit:
    """read: pages the reader already judged, or too large, empty or binary, end before decoding."""

    def __init__(self, max_page_bytes: int, encoding: str | None = None) -> None:
        self.max_page_bytes = max_page_bytes
        self.sniff_binary = encoding is None  # a forced encoding is the user's word that it is text

    def __call__(self, page: Page) -> Page:
        drop = self._drop(page)
        return page if drop is None else replace(page, outcome=drop)

    def _drop(self, page: Page) -> Drop | None:
        raw = page.raw
        size = raw.hints.get("too_large") or (len(raw.data) if len(raw.data) > self.max_page_bytes else 0)
        if size:
            return Drop(raw.uri, DropReason.TOO_LARGE, f"{size} bytes > {self.max_page_bytes}", "read")
        if raw.hints.get("skip"):
            return Drop(raw.uri, DropReason.UNSUPPORTED, str(raw.hints["skip"]), "read")
        if not raw.data and not raw.hints.get("text"):
            return Drop(raw.uri, DropReason.EMPTY, "empty input", "read")
        if self.sniff_binary and looks_binary(raw.data):
            return Drop(raw.uri, DropReason.BINARY, "binary data, not text", "decode")
        return None


class Decode:
    """decode: bytes → text (``Page.decoded``); a page no encoding reads as text is dropped."""

    def __init__(self, encoding: str | None = None) -> None:
        self.encoding = encoding

    def __call__(self, page: Page) -> Page:
        decoded = decode(page.raw, forced=self.encoding)
        if decoded.method != NOT_TEXT:
            return replace(page, decoded=decoded)
        detail = f"no text in any encoding (best guess {decoded.encoding}, confidence {decoded.confidence:.2f})"
        return replace(page, decoded=decoded, outcome=Drop(page.raw.uri, DropReason.BINARY, detail, "decode"))


class Segment:
    """segment: text → blocks and head metadata (``Page.blocks``, ``.meta``, ``.format``).

    With ``markup`` (Markdown output) the blocks carry their structure; text output skips that work.
    The page's whole text is let go once its blocks hold it (``Page.decoded`` keeps the encoding and
    its evidence, its ``text`` becomes ""): a huge page's text is not held while it is judged.
    """

    def __init__(self, format: str = "auto", markup: Markup | None = None) -> None:
        self.format = format
        self.markup = markup

    def __call__(self, page: Page) -> Page:
        decoded = page.decoded
        assert decoded is not None, "Segment needs Decode before it"
        blocks, meta, fmt = segment(decoded, self.format, self.markup)
        return replace(page, decoded=replace(decoded, text=""), blocks=blocks, meta=meta, format=fmt)


class Classify:
    """boilerplate: one verdict per block (``Page.verdicts``), each naming the rule that decided.

    Its ``Classifier`` remembers judged blocks across the pages this stage sees (a site's menus
    repeat); a copy sent to a worker starts with an empty memory of its own.
    """

    def __init__(self, comments: bool = False) -> None:
        self.comments = comments
        self.classifier = Classifier(comments)

    def __call__(self, page: Page) -> Page:
        assert page.blocks is not None, "Classify needs Segment before it"
        return replace(page, verdicts=self.classifier(page.blocks, page.meta))

    def __reduce__(self) -> tuple[type[Classify], tuple[bool]]:
        return Classify, (self.comments,)  # the memory stays where it was filled


class Document:
    """document: kept blocks → the Article (or the Drop), and the verdicts as this stage left them."""

    def __init__(self, config: Config) -> None:
        self.config = config

    def __call__(self, page: Page) -> Page:
        assert page.decoded is not None and page.verdicts is not None, "Document needs Classify before it"
        outcome, verdicts = finalize(page.decoded, page.verdicts, page.meta, self.config)
        return replace(page, verdicts=verdicts, outcome=outcome)


class Convert:
    """convert: the record's script and language, and OpenCC's conversion when one is named.

    OpenCC's dictionaries load on the first record, in the process that cleans it (not in a
    parent that only hands pages to workers).
    """

    def __init__(self, opencc: str | None = None) -> None:
        self.opencc = opencc
        self._converter: Converter | None = None

    def __call__(self, article: Article) -> Article:
        converter = self._converter
        if converter is None:
            converter = self._converter = Converter(self.opencc)
        return converter.convert(article)

    def __reduce__(self) -> tuple[type[Convert], tuple[str | None]]:
        return Convert, (self.opencc,)  # a worker loads its own OpenCC


class Dedup:
    """convert: drop exact (then near) copies of an earlier record; input order decides which stays."""

    corpus_wide = True  # state across pages: runs in the parent process, in input order

    def __init__(self, near: bool = False, threshold: float = 0.8) -> None:
        self.exact = ExactDedup()
        self.near: NearDedup | None = NearDedup(threshold) if near else None

    def __call__(self, article: Article) -> Article | Drop:
        kept = self.exact(article)
        if self.near is None or not isinstance(kept, Article):
            return kept
        return self.near(kept)


def page_stages(config: Config) -> list[Stage]:
    """The five stages that turn a raw page into an Article or a Drop."""
    return [
        Admit(config.max_page_bytes, config.encoding),
        Decode(config.encoding),
        Segment(config.format, Markup(config.links, config.images) if config.text_format == "markdown" else None),
        Classify(config.comments),
        Document(config),
    ]


def record_stages(config: Config) -> list[Stage]:
    """The filters over records: conversion, the quality filters that are set, duplicate removal."""
    stages: list[Stage] = [Convert(config.opencc_config()), *page_filters(config)]
    if config.dedup not in ("off", "exact", "near"):
        raise ValueError(f"unknown dedup mode {config.dedup!r} (off, exact, near)")
    if config.dedup != "off":
        stages.append(Dedup(config.dedup == "near", config.near_threshold))
    return stages


def default_stages(config: Config) -> list[Stage]:
    """What ``cleantext run`` does with these settings, as a list to change."""
    return [*page_stages(config), *record_stages(config)]


def split_corpus_wide(stages: Sequence[Stage]) -> tuple[list[Stage], list[Stage]]:
    """The stages before the first corpus-wide one (per page, anywhere), and that one and the rest."""
    for i, stage in enumerate(stages):
        if getattr(stage, "corpus_wide", False):
            return list(stages[:i]), list(stages[i:])
    return list(stages), []
