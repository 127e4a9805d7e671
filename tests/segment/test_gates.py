"""The plain string tests that spare the segmenter a regular expression never turn away a line
the expression would have matched."""

from __future__ import annotations

import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from cleantext.segment.columns import GAP, GAP_PLAIN, LONE_BULLET, LONE_BULLET_ENDS

# the characters the patterns care about: spaces and other whitespace, bullets, box drawing, text
LAYOUT = st.text(alphabet=st.sampled_from("   \t\u3000\u00a0\n\r•·*-–+▶│─a中1.:"), max_size=30)


def test_regex_spaces_are_what_str_strip_strips() -> None:
    space = re.compile(r"\s")
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        assert bool(space.match(ch)) == ch.isspace() == (ch.strip() == ""), hex(cp)


@given(LAYOUT)
def test_a_gap_lies_within_the_stripped_line(line: str) -> None:
    if GAP.search(line):
        assert "   " in line.strip()


@given(LAYOUT)
def test_a_lone_bullet_ends_the_stripped_left_part(left: str) -> None:
    if LONE_BULLET.search(left):
        assert left.rstrip().endswith(LONE_BULLET_ENDS)


@given(LAYOUT)
def test_gap_finds_what_its_plain_statement_finds(line: str) -> None:
    assert [m.span() for m in GAP.finditer(line)] == [m.span() for m in re.finditer(GAP_PLAIN, line)]
