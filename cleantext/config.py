"""One frozen Config: options or a config file → cli.py → Config → filter constructors.

No stage reads typer, sys.argv, environment variables or files; each takes what it needs from here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

# Named targets of ``--to``, mapped onto OpenCC's own configuration names.
TARGETS = {
    "simplified": "t2s",
    "traditional": "s2t",
    "taiwan": "s2twp",
    "hongkong": "s2hk",
}

MAX_PAGE_BYTES = 64 * 1024 * 1024  # bytes; larger pages are dropped as too-large (a page, not a corpus)
PAGE_TIMEOUT = 30.0  # seconds of cleaning per page before it is dropped as timeout


@dataclass(frozen=True)
class Config:
    """Every setting of a run. Defaults are the plain ``cleantext run`` behaviour."""

    # decode / segment
    encoding: str | None = None  # force a codec
    format: str = "auto"  # "auto" | "html" | "text"
    # convert
    to: str | None = None  # "simplified" | "traditional" | "taiwan" | "hongkong"
    opencc: str | None = None  # any OpenCC config name, e.g. "s2twp"
    width_fold: bool = False  # fold full-width ASCII to half-width
    # containers
    text_key: str = "text"
    html_key: str = "html"
    id_key: str = "id"
    url_key: str = "url"
    keep_meta: bool = True  # keep other JSONL fields under "meta"
    # corpus filters
    dedup: str = "off"  # "off" | "exact" | "near"
    near_threshold: float = 0.8  # estimated Jaccard similarity of character 5-gram sets
    min_chars: int = 0  # characters of text; 0 = off
    min_cjk_ratio: float = 0.0  # share of CJK among letters; 0 = off
    max_repetition: float = 0.0  # share of duplicated lines/n-grams; 0 = off
    min_avg_line: float = 0.0  # average characters per line; 0 = off
    min_text_chars: int = 1  # pages with less body text are dropped as no-content
    # limits
    max_page_bytes: int = MAX_PAGE_BYTES
    page_timeout: float = PAGE_TIMEOUT
    # output
    schema: str = "flat"  # "flat" | "datatrove" | "dolma"
    fields: tuple[str, ...] = ()
    text_format: str = "text"  # "text" | "markdown": the record's text as plain paragraphs or Markdown
    links: bool = False  # Markdown: links as [text](url) rather than their text
    images: bool = False  # Markdown: images as ![alt](src) rather than dropped
    source_name: str = "cleantext"  # Dolma's "source": the dataset name
    # run
    jobs: int = 0  # 0 = auto
    strict: bool = False

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
        """Build from a mapping (a config file), rejecting unknown keys."""
        known = {f.name for f in fields(cls)}
        clean = {k.replace("-", "_"): v for k, v in values.items()}
        unknown = sorted(set(clean) - known)
        if unknown:
            raise ValueError(f"unknown setting(s): {', '.join(unknown)}")
        if "fields" in clean:
            clean["fields"] = tuple(clean["fields"])
        return cls(**clean)
