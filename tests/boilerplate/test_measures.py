"""A dump's list of measures (a recipe's ingredients) between lines of the article is the article's."""

from __future__ import annotations

from cleantext.boilerplate import classify
from cleantext.boilerplate.measures import MEASURE
from cleantext.model import Block

INTRO = "These little cakes keep for a week in a tin, and they taste even better on the second day, I find."
METHOD = "Heat the oven, then beat the butter and the sugar together until pale before you fold in the flour."


def _page(*lines: str | tuple[str]) -> list[Block]:
    """Blocks of a dump: a 1-tuple is a list entry."""
    blocks = []
    for i, line in enumerate(lines):
        if isinstance(line, tuple):
            blocks.append(Block(i, line[0], kind="li", in_list=True, bullet=True, source="text"))
        else:
            blocks.append(Block(i, line, source="text"))
    return blocks


def _kept(blocks: list[Block]) -> list[str]:
    return [v.block.text for v in classify(blocks) if v.keep]


def test_measures() -> None:
    for line in (
        "2 cups flour",
        "1 ½ teaspoon salt",
        "2-1/2 cups Flour",
        "½ cup milk",
        "4 ounces, weight dark chocolate",
    ):
        assert MEASURE.match(line), line
    for line in ("10 Ways to Bake Bread", "5 Best Cakes of the Year", "Home", "2012 Archives"):
        assert not MEASURE.match(line), line


def test_an_ingredient_list_inside_the_article_is_kept() -> None:
    items = ["2 cups flour", "1 cup sugar", "3 tablespoons butter, soft", "1 ½ teaspoon salt", "Icing sugar, to dust"]
    kept = _kept(_page(INTRO, "Ingredients", *[(t,) for t in items], "Method", METHOD))
    assert all(item in kept for item in items)


def test_measured_lines_of_their_own_inside_the_article_are_kept() -> None:
    lines = ["2 cups flour", "1 cup sugar", "3 tablespoons butter, soft", "2 pears, diced", "½ cup milk", "1 tsp salt"]
    kept = _kept(_page(INTRO, "[cake-photo]", "For the cake", *lines, "[oven-photo]", "Method", METHOD))
    assert all(line in kept for line in lines)


def test_a_recipes_name_yield_and_time_may_stand_between_the_article_and_its_list() -> None:
    story = [f"{INTRO} We baked it for the {n} time last {day}." for n, day in (("first", "May"), ("tenth", "June"))]
    items = ["2 cups flour", "1 cup sugar", "3 tablespoons butter, soft", "1 ½ teaspoon salt"]
    head = ["[cake-photo]", "Honey Cake", "Makes one loaf", "Ready in one hour", "Serves eight", "[flour-photo]"]
    method = [f"{METHOD} Then bake it for {n} minutes." for n in ("forty", "fifty")]
    kept = _kept(_page(*story, *head, "Ingredients", *[(t,) for t in items], "Method", *method))
    assert all(item in kept for item in items)


def test_a_list_of_headlines_inside_the_article_stays_a_list() -> None:
    items = ["10 Ways to Bake Bread", "5 Best Cakes of the Year", "7 Pies for Autumn"]
    kept = _kept(_page(INTRO, *[(t,) for t in items], METHOD))
    assert not any(item in kept for item in items)


def test_a_list_of_measures_away_from_the_article_is_not_kept() -> None:
    items = ["2 cups flour", "1 cup sugar", "3 tablespoons butter"]
    menu = [(t,) for t in ("Home", "Recipes", "About", "Contact", "Shop")]
    kept = _kept(_page(*[(t,) for t in items], *menu, INTRO, METHOD))
    assert not any(item in kept for item in items)
