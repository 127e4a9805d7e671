"""A dump's bullet and numbered lines as list items (Markdown output)."""

from __future__ import annotations

from cleantext.document.markdown import render_markdown
from cleantext.model import Decoded, Markup
from cleantext.segment import segment

DUMP = """Notes

This is the introduction paragraph of the page, long enough to be kept as body text.

  • flour, five hundred grams
  • water, three hundred millilitres
      ○ filtered if you can
  • salt, ten grams

  3. Mix the flour and the water.
  4. Knead the dough for ten minutes.
"""


def test_bullets_and_numbers_become_nested_list_items() -> None:
    blocks, _, _ = segment(Decoded("d.txt", DUMP, "utf-8", "utf-8"), "text", Markup())
    assert render_markdown(blocks).split("\n\n")[2:] == [
        "- flour, five hundred grams\n- water, three hundred millilitres\n  - filtered if you can\n- salt, ten grams",
        "3. Mix the flour and the water.\n4. Knead the dough for ten minutes.",
    ]


def test_text_output_blocks_are_unchanged_by_the_list_facts() -> None:
    plain, _, _ = segment(Decoded("d.txt", DUMP, "utf-8", "utf-8"), "text")
    marked, _, _ = segment(Decoded("d.txt", DUMP, "utf-8", "utf-8"), "text", Markup())
    assert [(b.text, b.kind, b.bullet, b.in_list, b.indent, b.group) for b in plain] == [
        (b.text, b.kind, b.bullet, b.in_list, b.indent, b.group) for b in marked
    ]
    assert all(b.depth == 0 for b in plain)


def test_drawn_table_rows_become_a_table() -> None:
    dump = "Intro paragraph of the page.\n\n│ Item │ Value │\n│ Weight │ 254 g │\n│ Colour │ Black │\n\nAfter.\n"
    blocks, _, _ = segment(Decoded("t.txt", dump, "utf-8", "utf-8"), "text", Markup())
    assert render_markdown(blocks) == (
        "Intro paragraph of the page.\n\n| Item | Value |\n| --- | --- |\n| Weight | 254 g |\n| Colour | Black |\n\nAfter."
    )
