"""Headlines run together on one long dump line are a list, not a paragraph."""

from __future__ import annotations

from cleantext.boilerplate import classify
from cleantext.boilerplate.features import features_of
from cleantext.boilerplate.titleruns import title_run
from cleantext.model import Block

PARAS = [
    f"The council met on Tuesday evening, the {n} time this year, to weigh the new plan for the river"
    " path, and most members said they wanted more time to read the report before any vote was taken."
    for n in ("first", "second", "third")
]
RUN = (
    "Mayor Opens Brand New Bridge Over Canal Local Football Team Wins Regional Cup Final Farmers Market"
    " Moves From Friday to Saturday: What Shoppers Should Know Police Appeal For Witnesses After Motorway"
    " Crash Winter Parking Rules Explained For Every Driver Seven Places To Walk This Autumn Weekend!"
)


def test_headlines_run_together_are_dropped() -> None:
    verdicts = classify([Block(i, text, source="text") for i, text in enumerate([*PARAS, RUN])])
    assert [v.keep for v in verdicts] == [True, True, True, False]
    assert verdicts[-1].reason == "related-list"


def test_a_paragraph_naming_people_or_set_in_html_is_no_headline_run() -> None:
    guests = (
        "Guests at the opening included Warren Abbott, Annette Brennan, Richard Dawson, Robert Dunmore,"
        " Carrie Fletcher, Calvin Harper, Martin Jacobs, Sandra Kellerman, Thomas Lambert and Victoria Moreau."
    )
    assert title_run(Block(0, guests, source="text"), features_of(guests)) is None
    assert title_run(Block(0, RUN, source="html"), features_of(RUN)) is None
    for para in PARAS:
        assert title_run(Block(0, para, source="text"), features_of(para)) is None
