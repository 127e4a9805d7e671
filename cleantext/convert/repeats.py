"""Paragraphs repeated inside one document: keep the first, drop the copies.

Observations: templates repeat whole paragraphs within a page (a subscription notice above and
below the article, a caption repeated under a gallery, a lead paragraph printed twice). A copy
adds nothing to the text a model learns from. Short paragraphs repeat legitimately (dialogue
lines such as 是的。, list labels, 图1), so only paragraphs of ``MIN_REPEAT_CHARS`` or more
characters are compared; paragraphs are compared with their whitespace runs collapsed.
"""

from __future__ import annotations

MIN_REPEAT_CHARS = 10  # characters: shorter paragraphs repeat in honest text (是的。, 图1, 答：)


def remove_repeated_paragraphs(paragraphs: list[str]) -> tuple[list[str], int]:
    """Return the paragraphs without later copies of long ones, and how many copies were removed.

    >>> notice = "扫码关注公众号获取更多资讯"
    >>> remove_repeated_paragraphs([notice, "正文。", "正文。", notice])
    (['扫码关注公众号获取更多资讯', '正文。', '正文。'], 1)
    """
    seen: set[str] = set()
    kept: list[str] = []
    for paragraph in paragraphs:
        key = " ".join(paragraph.split())  # whitespace only; no word counting here
        if len(key) >= MIN_REPEAT_CHARS:
            if key in seen:
                continue
            seen.add(key)
        kept.append(paragraph)
    return kept, len(paragraphs) - len(kept)
