"""Optional filters after the document stage: OpenCC conversion, quality filters, dedup.

Per-page filters (conversion, quality) are stateless and run in workers; stream filters (dedup)
hold state across pages and run in the parent process, in input order.
"""

from __future__ import annotations

from collections.abc import Callable

from cleantext.config import Config
from cleantext.model import Article, Drop

PageFilter = Callable[[Article], Article | Drop]
StreamFilter = Callable[[Article], Article | Drop]


class Converter:
    """Placeholder until the OpenCC filter lands: passes records through."""

    def __init__(self, config_name: str | None) -> None:
        self.config_name = config_name

    @classmethod
    def from_config(cls, config: Config) -> Converter:
        return cls(config.opencc_config())

    def convert(self, article: Article) -> Article:
        return article


def page_filters(config: Config) -> list[PageFilter]:
    return []


def build_stream_filters(config: Config) -> list[StreamFilter]:
    return []
