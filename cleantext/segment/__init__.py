"""Segment: decoded text → blocks, for HTML (``html.py``, with bs4 as ``soup.py`` imports it) and
text dumps (``dump.py``: its wrap width read by ``wrap.py``, its wrapped lines joined by
``joins.py``; side-by-side columns are read one after the other first, ``columns.py``; Markdown
dumps lose their markup and keep their links as a feature, ``markdown.py``).

The format is sniffed (``page_format.py``) unless the caller or the container says which it is.

>>> from cleantext.model import Decoded
>>> blocks, meta, fmt = segment(Decoded("a.txt", "标题\\n\\n正文第一段。", "utf-8", "utf-8"), "auto")
>>> fmt, [b.text for b in blocks]
('text', ['标题', '正文第一段。'])
"""

from __future__ import annotations

from cleantext.model import Block, Decoded, Markup, PageMeta
from cleantext.segment.page_format import sniff


def segment(doc: Decoded, fmt: str = "auto", markup: Markup | None = None) -> tuple[list[Block], PageMeta, str]:
    """Blocks, head metadata and the format used ('html' or 'text'). With ``markup`` (Markdown
    output), the same blocks carry their structure too."""
    if fmt not in ("html", "text"):
        fmt = sniff(doc.text)  # file extensions lie too often to be trusted over the bytes
    if fmt == "html":
        from cleantext.segment.html import parse_html  # bs4 costs ~0.2 s to import: only when needed

        blocks, meta = parse_html(doc.text, markup)
        return blocks, meta, fmt
    # here, not at the top: an HTML run never compiles the dump stage's patterns (~15 ms)
    from cleantext.segment.columns import unfold_columns
    from cleantext.segment.dump import split_dump
    from cleantext.segment.markdown import is_markdown, unmark_all

    markdown = is_markdown(doc.text)
    blocks = split_dump(unfold_columns(doc.text), markdown)  # columns first: borders tell tables; then frames go
    if markdown:
        blocks = unmark_all(blocks)
    if markup is not None:
        from cleantext.segment.dumplists import dump_lists

        blocks = dump_lists(blocks)
    return blocks, PageMeta(), fmt
