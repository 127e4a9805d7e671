"""Paragraph normalization: what leaves a paragraph's text and what is spelling that stays."""

from __future__ import annotations

from cleantext.document.normalize import normalize_paragraph


def test_joiners_inside_a_word_are_spelling_and_stay() -> None:
    # Persian writes a non-joiner inside words; an emoji family is one character joined by ZWJ
    assert normalize_paragraph("هم\u200cتیمی\u200cها") == "هم\u200cتیمی\u200cها"
    assert normalize_paragraph("👨\u200d👩\u200d👧") == "👨\u200d👩\u200d👧"


def test_stray_joiners_and_invisible_characters_leave() -> None:
    # beside ASCII, CJK or a space a joiner joins nothing; a zero-width space and a BOM never do
    assert normalize_paragraph("a\u200cb 正\u200d文 \u200cب") == "ab 正文 ب"
    assert normalize_paragraph("\ufeffword\u200bs\u00ad") == "words"
