"""Optional filters after the document stage: OpenCC conversion, quality filters, dedup.

Each is a record filter of the stage sequence (``cleantext.stages.record_stages``): a small object
with one method, ``__call__(article) -> Article | Drop``, its settings in its constructor:

- ``Converter`` (``opencc.py``): the record's script and language, OpenCC when asked (the
  ``Convert`` stage wraps it);
- ``page_filters`` (``quality.py``): length, CJK share, repetition, line length — each off unless set;
- ``ExactDedup``, ``NearDedup`` (``dedup.py``): exact, then MinHash-LSH near-duplicate removal
  (the ``Dedup`` stage: corpus-wide, so it runs in the parent process, in input order);
- ``remove_repeated_paragraphs`` (``repeats.py``): in-document repeats, for the document stage.

Per-page filters are stateless and run in workers; dedup holds state across pages.
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
