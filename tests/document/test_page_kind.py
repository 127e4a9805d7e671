"""Listing, index and search pages have no article: they are dropped as ``no-article``; short
real articles beside lists of links stay. Fixtures are hand-made (``tests/document/pagekind``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleantext.boilerplate import classify
from cleantext.document import finalize
from cleantext.document.page_kind import is_listing
from cleantext.model import Article, Block, Decoded, Drop, DropReason, KeepReason, Verdict
from cleantext.segment import segment

FIXTURES = Path(__file__).parent / "pagekind"


def _record(name: str) -> Article | Drop:
    path = FIXTURES / name
    doc = Decoded(str(path), path.read_text(encoding="utf-8"), "utf-8", "utf-8")
    blocks, meta, _ = segment(doc, "auto")
    return finalize(doc, classify(blocks, meta), meta, None)[0]


@pytest.mark.parametrize("name", ["search-results.html", "channel-index.html", "tag-index.txt"])
def test_listing_pages_have_no_article(name: str) -> None:
    record = _record(name)
    assert isinstance(record, Drop)
    assert record.reason == DropReason.NO_ARTICLE
    assert record.reason.value == "no-article"


@pytest.mark.parametrize(
    ("name", "last"),
    [
        ("brief.html", "The children's section keeps its usual hours."),
        ("blog-post.html", "I just start the dough after breakfast instead of at lunch."),
        ("brief-zh.txt", "观鸟平台每天早上六点开放。"),
    ],
)
def test_short_articles_beside_lists_stay(name: str, last: str) -> None:
    record = _record(name)
    assert isinstance(record, Article)
    assert record.text.endswith(last)


def test_a_songs_lines_beside_a_long_archive_are_an_article() -> None:
    # a blog post of verse, one line after another between <br>, no sentence marks; the sidebar's
    # archive and labels outweigh it many times
    record = _record("lyrics-blog.html")
    assert isinstance(record, Article)
    assert "折成小船放进水里\nZhe cheng xiao chuan fang jin shui li" in record.text
    assert "Blog Archive" not in record.text and "January 2004" not in record.text


def _entries(count: int) -> list[Verdict]:
    return [
        Verdict(Block(i, f"Headline number {i} about the harbour", in_list=True), False, DropReason.RELATED)
        for i in range(count)
    ]


def test_one_sentence_paragraphs_are_prose() -> None:
    brief = [
        Verdict(Block(20 + i, text), True, KeepReason.BODY)
        for i, text in enumerate(["The pool reopens on Monday.", "Lessons start a week later."])
    ]
    assert not is_listing([*_entries(8), *brief])
    assert is_listing([*_entries(8), brief[0]])  # one short sentence beside a long list is not an article


def test_a_truncated_teaser_is_not_prose() -> None:
    teaser = Verdict(
        Block(20, "The council voted on Tuesday to fund new railings, lamps and..."), True, KeepReason.BODY
    )
    assert is_listing([*_entries(12), teaser])
    whole = Verdict(
        Block(20, "The council voted on Tuesday to fund new railings, lamps and paint."), True, KeepReason.BODY
    )
    assert not is_listing([*_entries(12), whole])


def test_a_short_page_without_a_list_is_left_to_other_rules() -> None:
    line = Verdict(Block(0, "Opening hours"), True, KeepReason.FALLBACK)
    assert not is_listing([*_entries(4), line])  # fewer entries than the shortest listing
    assert not is_listing([line])


def test_linked_blocks_count_as_entries() -> None:
    links = [
        Verdict(Block(i, f"Story {i} of the week in pictures", link_chars=30), False, DropReason.SHORT)
        for i in range(6)
    ]
    counter = Verdict(Block(9, "Page 1 of 12"), True, KeepReason.FALLBACK)
    assert is_listing([*links, counter])
    assert not is_listing([*links[:4], counter])


def test_a_quoted_code_block_is_content() -> None:
    code = Verdict(Block(20, "export http_proxy=http://127.0.0.1:8080", kind="pre"), True, KeepReason.PREFORMATTED)
    assert not is_listing([*_entries(8), code])


def test_a_long_text_cut_short_is_prose_a_teaser_is_not() -> None:
    review = (
        "We stayed for a week in June. The rooms were clean, the staff friendly and the pool warm. "
        "On the last day the bus came late, and we nearly..."
    )
    assert not is_listing([*_entries(8), Verdict(Block(20, review), True, KeepReason.BODY)])


def test_one_short_question_with_a_clause_is_prose() -> None:
    post = Verdict(Block(20, "My build fails, what is going on?"), True, KeepReason.IN_MAIN)
    assert not is_listing([*_entries(8), post])


def test_lists_beside_much_other_text_are_no_listing() -> None:
    # an article page whose story the ladder missed: the lists are a sidebar, not the page
    counter = Verdict(Block(30, "Page 1 of 12"), True, KeepReason.FALLBACK)
    story = [
        Verdict(Block(40 + i, "A long unpunctuated line of the story " * 3), False, DropReason.OUTSIDE)
        for i in range(3)
    ]
    assert is_listing([*_entries(8), counter])
    assert not is_listing([*_entries(8), counter, *story])
