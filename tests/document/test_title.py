"""Head titles: the site's name parted from the headline, in Chinese as in English."""

from __future__ import annotations

import pytest

from cleantext.document.title import html_title, strip_site


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("市议会决定拓宽沿河人行道-滨江日报网", "市议会决定拓宽沿河人行道"),
        ("市议会决定拓宽沿河人行道--滨江日报网", "市议会决定拓宽沿河人行道"),
        ("市议会决定拓宽沿河人行道（图）--本地新闻--滨江日报网", "市议会决定拓宽沿河人行道（图）"),
        ("“拓宽步道”提案获通过-滨江日报网", "“拓宽步道”提案获通过"),
        ("Spider-Man returns to the city", "Spider-Man returns to the city"),  # English words keep their hyphen
        ("COVID-19 cases rise - The Riverside Post", "COVID-19 cases rise"),
    ],
)
def test_strip_site(title: str, expected: str) -> None:
    assert strip_site(title) == expected


def test_an_unconfirmed_head_title_loses_its_site_suffix() -> None:
    assert html_title("市议会决定拓宽沿河人行道-滨江日报网", None, None) == "市议会决定拓宽沿河人行道"
