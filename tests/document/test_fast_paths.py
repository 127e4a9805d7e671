"""The document stage's shortcuts give what the plain statement of each step gives."""

from __future__ import annotations

import re
import sys
import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from cleantext.document.dates import DMY, DMY_NAMED, MDY_NAMED, YEAR_DIGITS, YMD
from cleantext.document.lines import AUTHOR, MAY_NAME, SITE, may_name
from cleantext.document.normalize import INVISIBLE, SPACES, STRAY_JOINER, normalize_paragraph
from cleantext.text import fold

LABELLED = st.text(alphabet=st.sampled_from("来源作者记者By bY:：Jane Doe 文|，2025-/／张三通讯员）"), max_size=30)


def test_spaces_are_what_str_split_splits_at() -> None:
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        assert bool(SPACES.fullmatch(ch)) == ch.isspace() == (len(f"a{ch}a".split()) == 2), hex(cp)


@given(st.text(max_size=40))
@example("\u200c")  # a stray joiner leaves (STRAY_JOINER); this test once forgot that step
@example("a\u200c\u0628")
def test_normalize_and_fold_match_their_substitutions(text: str) -> None:
    visible = INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    reference = SPACES.sub(" ", STRAY_JOINER.sub("", visible)).strip()
    assert normalize_paragraph(text) == reference
    assert fold(text) == re.sub(r"\s+", "", text).lower()


@given(LABELLED)
def test_a_line_naming_a_site_or_author_passes_the_precheck(text: str) -> None:
    if SITE.search(text) or AUTHOR.search(text):
        assert may_name(text)


@given(LABELLED)
def test_the_name_precheck_is_the_pattern(text: str) -> None:
    assert may_name(text) == (re.search(MAY_NAME, text, re.I) is not None)


@given(st.text(alphabet=st.sampled_from("0123456789 -/.年月日:Jan sept 3rd,"), max_size=30))
def test_every_date_form_holds_a_four_digit_year(text: str) -> None:
    if YEAR_DIGITS.search(text) is None:
        assert not any(p.search(text) for p in (YMD, DMY, MDY_NAMED, DMY_NAMED))
