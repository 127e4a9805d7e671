"""A blog's links to the previous and the next post (``« title``, ``title »``) are no part of the post."""

from __future__ import annotations

from cleantext.boilerplate import classify
from cleantext.boilerplate.features import features_of
from cleantext.boilerplate.postlinks import post_link
from cleantext.model import Block

PARAS = [
    f"The council met on Tuesday evening, the {n} time this year, to weigh the new plan for the river"
    " path, and most members said they wanted more time to read the report before any vote was taken."
    for n in ("first", "second", "third")
]
OLDER = "« Why the Old Ferry Landing Closed After Forty Years: A Look Back at the Harbour"
NEWER = "Seven Quiet Walks Along the River Before the Winter Sets In, With Maps »"


def test_links_to_the_older_and_the_newer_post_are_dropped() -> None:
    blocks = [Block(i, text, source="text") for i, text in enumerate([OLDER, NEWER, *PARAS])]
    assert [v.keep for v in classify(blocks)] == [False, False, True, True, True]


def test_a_quotation_in_guillemets_or_a_sentence_is_no_post_link() -> None:
    for line in ("« Oui », dit-il, avant de quitter la salle du conseil municipal", "« Here the river ends."):
        assert post_link(Block(0, line, source="text"), features_of(line)) is None
    assert post_link(Block(0, OLDER, source="html"), features_of(OLDER)) is None
