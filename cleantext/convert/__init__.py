"""Optional filters after the document stage: OpenCC conversion, quality filters, dedup.

Per-page filters (conversion, quality) are stateless and run in workers; stream filters (dedup)
hold state across pages and run in the parent process, in input order. Every filter is a small
object with one call, ``filter(article) -> Article | Drop``, built from the frozen ``Config``:

- ``Converter`` (``opencc.py``): the record's script and language, OpenCC when asked;
- ``page_filters`` (``quality.py``): length, CJK share, repetition, line length — each off unless set;
- ``build_stream_filters`` (``dedup.py``): exact, then MinHash-LSH near-duplicate removal;
- ``remove_repeated_paragraphs`` (``repeats.py``): in-document repeats, for the document stage.
"""

from __future__ import annotations

from cleantext.convert.dedup import ExactDedup, NearDedup, StreamFilter, build_stream_filters
from cleantext.convert.opencc import Converter
from cleantext.convert.quality import PageFilter, page_filters
from cleantext.convert.repeats import remove_repeated_paragraphs
from cleantext.convert.script import detect_script, lang_of

__all__ = [
    "Converter",
    "ExactDedup",
    "NearDedup",
    "PageFilter",
    "StreamFilter",
    "build_stream_filters",
    "detect_script",
    "lang_of",
    "page_filters",
    "remove_repeated_paragraphs",
]
