"""Which short lines inside the article's element lean to text: list items that are its points,
headings of its sections. Each hand-written page states what is kept and what is dropped."""

from __future__ import annotations

from tests.boilerplate.domkit import kept_text


def test_a_label_heading_its_list_items_text_is_kept() -> None:
    # each tip is one list item: a short bold label, then its paragraph; the label is the
    # item's heading, not a menu entry
    text = kept_text("labelled-tips.html")
    for kept in ("Wake with daylight", "Water first", "No screens at breakfast", "think about the kettle"):
        assert kept in text, kept
    assert "Home life" not in text


def test_section_headings_that_open_the_article_are_kept() -> None:
    # the post opens on a section heading (with its permalink) and a subheading, right under the
    # byline: they head the first paragraph, as the later heading heads the next one
    text = kept_text("opening-section-heads.html")
    for kept in ("一、选盆和土", "盆要深", "二、浇水和施肥", "番茄的根扎得很深"):
        assert kept in text, kept
    for dropped in ("阅读 187", "阳台种辣椒", "首页"):
        assert dropped not in text, dropped


def test_a_list_announced_by_a_colon_after_the_last_paragraph_is_kept() -> None:
    # the last paragraph ends with a colon and a plain list (no links) follows it, then an
    # embedded post of links: the list is what the paragraph announced, not a menu
    text = kept_text("announced-list.html")
    for kept in ("the recipe was simple enough:", "Get up before the ferries", "Show one boat", "Keep it short"):
        assert kept in text, kept
    for dropped in ("#harbour", "Fog over the pier", "Walks"):
        assert dropped not in text, dropped


def test_a_section_heading_after_a_dropped_credit_is_kept() -> None:
    # a picture's credit (dropped) stands between two paragraphs and a section heading: the
    # heading heads the text under it, though smoothing sees boilerplate on one side of it
    text = kept_text("heading-after-credit.html")
    assert "Flour from the next village" in text
    for dropped in ("Photo: Valley Times", "all rights reserved", "Local"):
        assert dropped not in text, dropped


def test_one_line_paragraphs_ending_a_sentence_are_kept() -> None:
    # a three-word question between the paragraphs and a two-word sign-off after the last one:
    # too short to judge alone, but they end a sentence, carry no link, and stand among the text
    text = kept_text("one-line-paragraphs.html")
    for kept in ("Does it have to pay?", "Just an idea.", "keep the island alive"):
        assert kept in text, kept
    for dropped in ("Home", "Notes", "all rights reserved"):
        assert dropped not in text, dropped


def test_a_section_heading_with_an_edit_link_after_a_table_of_contents_is_kept() -> None:
    # a wiki's heading carries its edit control ([edit], a link) and follows the table of
    # contents (links): the link is a small part of the heading, which heads the text under it
    text = kept_text("wiki-edit-links.html")
    assert any(line.startswith("History") for line in text.splitlines())
    for dropped in ("Random article", "Netherford Lock", "Buildings completed in 1794"):
        assert dropped not in text, dropped
