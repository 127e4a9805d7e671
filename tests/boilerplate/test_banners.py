"""A consent banner's paragraphs that name no cookie leave with the one that does
(``boilerplate.banners``), and the article beside the banner stays."""

from __future__ import annotations

from cleantext.boilerplate import classify
from cleantext.model import Block

ARTICLE = [
    "The harbour board approved two extra ferry crossings a day from June, its chair said on Monday.",
    "Crews will be hired in spring, and the timetable is to be published in May, the board added.",
]
BANNER = [
    "We value your privacy",
    "By clicking accept you agree that we and our partners store information on your device.",
    "Our partners process personal data such as identifiers to measure and personalise adverts.",
    "Purposes:",
    "Measure content performance",
    "Develop and improve services",
    "You may withdraw your consent at any time by opening the settings again at the foot of the page.",
    "Using the site without changing your browser's cookie settings means you accept this use.",
]


def _kept(texts: list[str]) -> list[str]:
    return [v.block.text for v in classify([Block(i, t, source="text") for i, t in enumerate(texts)]) if v.keep]


def test_a_banners_paragraphs_leave_with_the_one_naming_cookies() -> None:
    assert _kept(ARTICLE + BANNER) == ARTICLE


def test_without_a_paragraph_naming_cookies_nothing_is_a_banner() -> None:
    kept = _kept(ARTICLE + BANNER[:-1])
    assert BANNER[2] in kept  # words of data and partners alone are an article's as well


def test_the_walk_stops_at_text_without_a_consent_word() -> None:
    story = [
        "The board's chair said the new crossings would run from six in the morning until late.",
        "Residents on the far shore had asked for an earlier boat for years, she told reporters.",
        "A later boat will follow in autumn if the first months go well, the chair added in a statement.",
    ]
    assert _kept([*story, *BANNER]) == story
    assert _kept([*BANNER, *story]) == story
