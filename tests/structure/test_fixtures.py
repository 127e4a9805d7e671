"""Labelled structure fixtures: each page beside the Markdown a careful person extracts from it.

Every fixture must give its expected Markdown through the real pipeline (``--markdown``). Those
that do not yet are marked, with the reason: in each, the boilerplate stage drops blocks a reader
keeps (the same blocks in text output); the rendering of what it keeps matches.
``scripts/structeval.py`` scores all of them per element kind, in ``make eval``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cleantext.config import Config
from cleantext.model import Article, RawPage
from cleantext.pipeline import PageCleaner

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAGES = sorted(FIXTURES.glob("*.html"))
LISTS_DROPPED = "the boilerplate stage drops list items without links as related-list"
KNOWN = {
    "en_product_specs": LISTS_DROPPED,
    "zh_course_syllabus": "the syllabus's key-value table and its headings are judged outside the main region",
    "zh_law": "the adoption note under the title (（…会议通过）) is dropped as a short line above the text",
    "zh_nested_list": LISTS_DROPPED,
    "zh_product_specs": "the price line is kept, the package list dropped as a related list",
}


def test_at_least_thirty_fixtures_in_both_languages() -> None:
    names = [page.stem for page in PAGES]
    assert len(names) >= 30
    assert sum(n.startswith("zh_") for n in names) >= 10 and sum(n.startswith("en_") for n in names) >= 10
    assert all(page.with_suffix(".expected.md").is_file() for page in PAGES)
    assert set(KNOWN) <= set(names)


@pytest.fixture(scope="module")
def cleaner() -> PageCleaner:
    return PageCleaner(Config(text_format="markdown", page_timeout=0))


@pytest.mark.parametrize(
    "page",
    [pytest.param(p, marks=pytest.mark.xfail(reason=KNOWN[p.stem], strict=True)) if p.stem in KNOWN else p for p in PAGES],
    ids=lambda p: p.stem,
)
def test_fixture_gives_its_expected_markdown(page: Path, cleaner: PageCleaner) -> None:
    outcome = cleaner(RawPage(page.name, page.read_bytes()))
    assert isinstance(outcome, Article) and outcome.text_format == "markdown"
    assert outcome.text == page.with_suffix(".expected.md").read_text(encoding="utf-8").strip()
