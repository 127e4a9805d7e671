"""One frozen Config: every setting of a run, checked once, here, when it is built.

Configuration flows one way: options or a config file → ``cli.py`` → Config → filter constructors.
No stage reads click, sys.argv, environment variables or files; each takes what it needs from here.

- Each field is one setting, and one only: its name is the config-file key (``min_chars``) and,
  with dashes, the command-line option (``--min-chars``); ``cli.py`` builds the options of
  ``cleantext run`` from these fields, so a setting is written once.
- A setting with a fixed set of values is a ``StrEnum``: a string ("near" == Dedup.NEAR), so the
  stages compare with plain strings and the value prints and serialises as itself.
- ``Config(...)`` checks every value (type, choice, range) and converts strings to the enum:
  ``Config(to="klingon")`` raises ``ValueError`` naming the allowed values. Nothing later
  re-checks a setting.

To add a setting: add one field below with ``setting(default, help, group, ...)``; the group is
where ``cleantext run --help`` lists it. That is all: the option, its help, its default, its
range, the config key and the check follow from the field. Give the field a ``StrEnum`` type
for a choice, ``minimum``/``maximum`` for a number's range, ``flags`` for an extra spelling
(a short option, or an old name kept working).

>>> Config(dedup="near").dedup is Dedup.NEAR
True
>>> Config(to="klingon")
Traceback (most recent call last):
...
ValueError: to must be one of simplified, traditional, taiwan, hongkong (got 'klingon')
"""

from __future__ import annotations

import functools
import importlib.util
import types
import typing
from dataclasses import Field, asdict, dataclass, field, fields, replace
from enum import StrEnum
from typing import Any

# ``dedup="near"`` needs MinHash-LSH from datasketch (with NumPy and SciPy, ~200 MB): the ``near``
# extra, which a plain install leaves out. Asked for without it, the Config is refused, before any input.
NEAR_LIBRARY = "datasketch"


class InputFormat(StrEnum):
    AUTO = "auto"  # sniffed per page
    HTML = "html"
    TEXT = "text"


class Target(StrEnum):
    """Named targets of ``--to``; ``TARGETS`` maps them onto OpenCC's configuration names."""

    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"
    TAIWAN = "taiwan"
    HONGKONG = "hongkong"


class Dedup(StrEnum):
    OFF = "off"
    EXACT = "exact"
    NEAR = "near"


class TextFormat(StrEnum):
    TEXT = "text"  # paragraphs joined by newlines
    MARKDOWN = "markdown"  # CommonMark with GitHub tables: headings, lists, tables, code kept


class Schema(StrEnum):
    FLAT = "flat"
    DATATROVE = "datatrove"
    DOLMA = "dolma"


TARGETS = {
    Target.SIMPLIFIED: "t2s",
    Target.TRADITIONAL: "s2t",
    Target.TAIWAN: "s2twp",
    Target.HONGKONG: "s2hk",
}

# Where ``cleantext run --help`` lists a setting, in this order.
INPUT, CLEANING, OUTPUT, SCALE = "Input", "Cleaning", "Output", "Scale"
GROUPS = (INPUT, CLEANING, OUTPUT, SCALE)

MAX_PAGE_BYTES = 64 * 1024 * 1024  # bytes; larger pages are dropped as too-large (a page, not a corpus)
SHARD_SIZE = 100_000  # records per shard of -o DIR/: ~100-300 MB of JSON, a few tens of MB gzipped
PAGE_TIMEOUT = 30.0  # seconds of cleaning per page before it is dropped as timeout


def setting(
    default: Any,
    help: str,
    group: str,
    *,
    flags: tuple[str, ...] = (),
    minimum: float | None = None,
    maximum: float | None = None,
) -> Any:
    """A Config field with what the command line shows of it (see the module's notes)."""
    meta = {"help": help, "group": group, "flags": flags, "minimum": minimum, "maximum": maximum}
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class Config:
    """Every setting of a run. Defaults are the plain ``cleantext run`` behaviour."""

    # input
    encoding: str | None = setting(None, "Force this encoding (skip detection).", INPUT)
    format: InputFormat = setting(
        InputFormat.AUTO, "Read every input as this (auto: sniffed per page).", INPUT, flags=("--input-format",)
    )
    text_key: str = setting("text", "JSONL field holding text.", INPUT)
    html_key: str = setting("html", "JSONL field holding HTML.", INPUT)
    id_key: str = setting("id", "JSONL field holding the record id.", INPUT)
    url_key: str = setting("url", "JSONL field holding the URL.", INPUT)
    keep_meta: bool = setting(True, "Keep a JSONL input's other fields under meta.", INPUT)
    # cleaning: what the article is
    comments: bool = setting(
        False, "Keep the comments under an article: their text, not names, dates or buttons.", CLEANING
    )
    # cleaning: conversion
    to: Target | None = setting(None, "Convert Chinese to this script (OpenCC).", CLEANING)
    opencc: str | None = setting(None, "Convert with any OpenCC config instead, e.g. s2twp, t2s, hk2s.", CLEANING)
    width_fold: bool = setting(False, "Fold full-width ASCII to half-width.", CLEANING)
    # cleaning: corpus filters (0 = off)
    dedup: Dedup = setting(Dedup.OFF, "Remove duplicate articles.", CLEANING)
    near_threshold: float = setting(
        0.8, "Near duplicates: estimated Jaccard similarity of 5-gram sets.", CLEANING, minimum=0.0, maximum=1.0
    )
    min_chars: int = setting(0, "Drop articles shorter than this many characters.", CLEANING, minimum=0)
    min_cjk_ratio: float = setting(
        0.0, "Drop articles whose CJK share of letters is lower.", CLEANING, minimum=0.0, maximum=1.0
    )
    max_repetition: float = setting(
        0.0, "Drop articles with a larger repeated share of lines.", CLEANING, minimum=0.0, maximum=1.0
    )
    min_avg_line: float = setting(0.0, "Drop articles whose lines are shorter on average.", CLEANING, minimum=0.0)
    min_text_chars: int = setting(1, "Drop pages with less body text as no-content.", CLEANING, minimum=0)
    lang: tuple[str, ...] = setting((), "Keep only records in these languages, e.g. zh,en (ISO 639-1/3).", CLEANING)
    min_lang_score: float = setting(
        0.0, "Drop records whose language identification is less confident (0-1).", CLEANING, minimum=0.0, maximum=1.0
    )
    # output
    schema: Schema = setting(Schema.FLAT, "Output layout.", OUTPUT)
    fields: tuple[str, ...] = setting((), "Comma-separated keys to keep, e.g. id,text,title.", OUTPUT)
    source_name: str = setting("cleantext", "Dolma's source: the dataset name.", OUTPUT)
    text_format: TextFormat = setting(TextFormat.TEXT, "The record's text as paragraphs or as Markdown.", OUTPUT)
    links: bool = setting(False, "Markdown: links as [text](url) (default: their text).", OUTPUT)
    images: bool = setting(False, "Markdown: images as ![alt](src) (default: dropped).", OUTPUT)
    shard_size: int = setting(SHARD_SIZE, "-o DIR/: records per shard at most.", OUTPUT, minimum=1)
    shard_bytes: int = setting(0, "-o DIR/: uncompressed bytes per shard at most (0: no limit).", OUTPUT, minimum=0)
    resume: bool = setting(False, "-o DIR/ or FILE: skip what an interrupted run finished; write the rest.", OUTPUT)
    force: bool = setting(False, "-o DIR/: replace an earlier run's shards; --resume with other settings.", OUTPUT)
    # scale
    max_page_bytes: int = setting(MAX_PAGE_BYTES, "Drop pages larger than this (bytes).", SCALE, minimum=1)
    page_timeout: float = setting(PAGE_TIMEOUT, "Drop pages taking longer than this (seconds).", SCALE, minimum=0.0)
    jobs: int = setting(0, "Worker processes (0: the cores, for many inputs).", SCALE, flags=("-j",), minimum=0)
    strict: bool = setting(False, "Stop at the first failed input (exit 1).", SCALE)

    def __post_init__(self) -> None:
        for spec in fields(self):
            object.__setattr__(self, spec.name, _checked(spec, getattr(self, spec.name)))
        object.__setattr__(self, "lang", lang_codes(self.lang))
        if self.to is not None and self.opencc is not None:
            raise ValueError("to and opencc are two ways to say the same thing: give one")
        if self.dedup is Dedup.NEAR and importlib.util.find_spec(NEAR_LIBRARY) is None:
            raise ValueError(f"dedup near needs {NEAR_LIBRARY}, an optional extra: pip install 'cleantext-pages[near]'")
        if self.fields:
            from cleantext.write.schemas import FIELD_NAMES  # here: only a selection needs the names

            unknown = [name for name in self.fields if name not in FIELD_NAMES]
            if unknown:
                raise ValueError(f"unknown field {unknown[0]!r} (known: {', '.join(FIELD_NAMES)})")

    def opencc_config(self) -> str | None:
        """The OpenCC configuration to apply, or None when no conversion was asked for."""
        if self.opencc:
            return self.opencc.removesuffix(".json")
        if self.to:
            return TARGETS[self.to]
        return None

    def with_(self, **changes: Any) -> Config:
        return replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> Config:
        """Build from a mapping (a config file), rejecting unknown keys; dashes read as underscores."""
        clean = {k.replace("-", "_"): v for k, v in values.items()}
        clean = {ALIASES.get(k, k): v for k, v in clean.items()}
        unknown = sorted(set(clean) - {f.name for f in fields(cls)})
        if unknown:
            raise ValueError(f"unknown setting(s): {', '.join(unknown)}")
        return cls(**clean)


ALIASES = {"input_format": "format"}  # the option's new name, as a config key too


@functools.cache
def _hints() -> dict[str, Any]:
    return typing.get_type_hints(Config)


def value_type(spec: Field[Any]) -> tuple[type, bool]:
    """``(type, optional)`` of a field: ``int | None`` → ``(int, True)``; ``tuple[str, ...]`` → ``(tuple, False)``."""
    hint = _hints()[spec.name]
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType):
        return next(a for a in args if a is not type(None)), type(None) in args
    return typing.get_origin(hint) or hint, False


def _checked(spec: Field[Any], value: Any) -> Any:
    """``value`` as the field's type (an enum member, a float, a tuple), or a ValueError naming the setting."""
    kind, optional = value_type(spec)
    if value is None and optional:
        return None
    name = spec.name
    if issubclass(kind, StrEnum):
        try:
            return kind(value)
        except ValueError:
            raise ValueError(f"{name} must be one of {', '.join(kind)} (got {value!r})") from None
    if kind is tuple:
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list | tuple) or not all(isinstance(item, str) for item in items):
            raise ValueError(f"{name} must be a list of names (got {value!r})")
        return tuple(item.strip() for item in items if item.strip())
    ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value, ok = float(value), True
    if not ok:
        raise ValueError(f"{name} must be {_ARTICLES.get(kind, kind.__name__)} (got {value!r})")
    _check_range(spec, value)
    return value


_ARTICLES = {int: "an integer", float: "a number", bool: "true or false", str: "a string"}


def _check_range(spec: Field[Any], value: Any) -> None:
    low, high = spec.metadata["minimum"], spec.metadata["maximum"]
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = f"at least {low}" if high is None else f"between {low} and {high}"
        raise ValueError(f"{spec.name} must be {bounds} (got {value!r})")


def lang_codes(value: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Language codes from "zh,en" or a list, lower-cased; a code that is no code is a ValueError.

    >>> lang_codes("zh, EN")
    ('zh', 'en')
    """
    items = value.split(",") if isinstance(value, str) else list(value)
    codes = tuple(str(item).strip().lower() for item in items if str(item).strip())
    bad = [code for code in codes if not (code.isascii() and code.isalpha() and 2 <= len(code) <= 3)]
    if bad:
        raise ValueError(f"lang: {', '.join(bad)} is not an ISO 639-1 or 639-3 code (e.g. zh,en,yue)")
    return codes
