"""The shared text helpers: each fast form agrees with the plain statement of what it computes,
and the named CJK sets are the sets the stages used before they shared them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleantext.text import (
    CJK_BLOCKS,
    CJK_LETTERS,
    HAN_BLOCKS,
    HANGUL,
    OWN_MARKS,
    UNSPACED,
    UNSPACED_CHAR,
    UNSPACED_WORD_CHARS,
    WORD,
    WORD_UNITS,
    both_scripts,
    ends_sentence,
    fold,
    letter_counts,
    looks_like_code,
    pages_of,
    units_of,
    word_forms,
)

# The rules as first written, one pattern each: the reference the faster forms must agree with.
CODE_LIKE = re.compile(
    r"[\\;{}(]\s*$"
    r"|^\s*(?:--?[a-zA-Z][\w-]*|[\w.\[\]]+\s*[:+-]?=|#!|//|/\*|[$#>] |<\w+)"
    r"|&&|\|\||\$\{?[A-Za-z_]|\w\(\)"
)
SENTENCE_END = re.compile(rf"[。！？!?.…」』”\"’)）{OWN_MARKS}]\s*$")
# a whole line that is a statement (an import, a lowercase call, a block's opening, a return), no
# stand-in of a dump (``embed(http://…)``: an address outside quotes)
STATEMENT = re.compile(
    r"\s*(?![^'\"]*://[^'\"]*$)(?:import [\w.]+(?: as \w+)?(?:, ?[\w.]+)*|from [\w.]+ import [\w*, ()]+"
    r"|[a-z_]\w*(?:\.[A-Za-z_]\w*)*\(.*\);?|(?:try|else|finally):|except\b[\w., ()]*:"
    r"|(?:def|class) \w+(?:\(.*\))?:|for [\w, ]+ in \S+:|with \S.* as \w+:"
    r"|(?:if|elif|while) (?:not )?\S+(?: (?:[=!<>]=?|in|is|and|or|not) \S+)*:|return(?: \S+)?)\s*"
)

TRICKY = st.text(alphabet=st.sampled_from("ab Zé_9,.!?;:“”‘’\"')]([中文，。、…」؟\n\t&|$_{}\\-=#/<>）】\u3000"), max_size=30)
MIXED = st.text(alphabet=st.sampled_from("ab Zé 中文한글かな䷀，。、1_\U00020000\uff21"), max_size=30)


def _members(ranges: str) -> set[int]:
    return {cp for cp in range(0x10000) if re.fullmatch(f"[{ranges}]", chr(cp))}


def test_the_cjk_sets_differ_only_where_their_names_say() -> None:
    letters, blocks, unspaced = _members(CJK_LETTERS), _members(CJK_BLOCKS), _members(UNSPACED)
    assert blocks - letters == set(range(0x4DC0, 0x4E00))  # the Yijing hexagram symbols
    assert letters <= blocks
    assert not unspaced & _members(HANGUL)  # Korean is written with spaces
    assert set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0)) <= unspaced  # CJK punctuation, full width
    assert _members(HAN_BLOCKS) <= unspaced


def test_pages_of_are_the_pages_the_ranges_touch() -> None:
    assert pages_of(HAN_BLOCKS) == bytes(range(0x34, 0xA0)) + b"\xf9\xfa"
    assert pages_of(HANGUL) == bytes(range(0xAC, 0xD8))


# pieces of statements and of sentences, joined at random
CODE_PIECES = st.lists(
    st.sampled_from(["import ", "from ", "if ", "not ", "for ", " in ", "return", "try", "except", "def ", "with ",
                     " as ", "a", "B", "(", ")", ":", ";", "'", "中", ".", ",", " ", "://", "_", "=", "\n"]),
    max_size=12,
).map("".join)


@given(TRICKY | CODE_PIECES)
def test_code_and_sentence_ends_agree_with_the_reference_patterns(text: str) -> None:
    plain = CODE_LIKE.search(text) is not None or (len(text.strip()) <= 200 and STATEMENT.fullmatch(text) is not None)
    assert looks_like_code(text) == plain
    assert ends_sentence(text) == (SENTENCE_END.search(text) is not None)


def test_code_examples() -> None:
    assert looks_like_code("foo()") and looks_like_code("x = 1") and not looks_like_code("()")
    # a shell variable opens with a letter or "_"; a price opens with a digit
    assert looks_like_code("echo $HOME") and looks_like_code("cp ${SRC} .")
    assert not looks_like_code("$750 in current dollars, most of it covered by grants")


def test_statements_in_a_programs_own_words_are_code() -> None:
    for line in ("import json", "from os import path", "print('done')", "stack.callback(f, 100);",
                 "if not data:", "while True:", "for k, v in d.items():", "except KeyError:", "try:",
                 "def parse():", "with open(p) as f:", "return", "return x"):
        assert looks_like_code(line), line
    # a sentence's start, a button's count, a dump's stand-in for a video are no statements
    for line in ("for people in the area:", "for example:", "Comments(3)", "return to top",
                 "embed(http://www.example.com/v/1)", "If not now, when:"):
        assert not looks_like_code(line), line


@given(MIXED)
def test_letter_counts_are_the_cjk_characters_and_the_words(text: str) -> None:
    cjk, words = letter_counts(text)
    assert cjk == len(re.findall(f"[{CJK_LETTERS}]", text))
    assert words == len(WORD.findall(text))
    assert units_of(text) == cjk + WORD_UNITS * words


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_words_count_like_any_words(text: str) -> None:
    assert letter_counts(text) == (0, len(WORD.findall(text)))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("हिन्दी भाषा", 2),  # Devanagari vowel signs and virama inside the words
        ("ผู้สื่อข่าว ได้รับแจ้ง", 2),  # Thai vowel and tone marks
        ("မြန်မာ သတင်း", 2),  # Myanmar medials, vowel signs and asat
        ("cafe\u0301 ok", 2),  # a decomposed accent
        ("\u0964 १२३", 0),  # a danda and Devanagari digits: no letter opens a word
    ],
)
def test_combining_marks_stay_inside_their_word(text: str, words: int) -> None:
    assert letter_counts(text) == (0, words)


def test_unspaced_char_is_the_unspaced_set() -> None:
    assert UNSPACED_CHAR.match("，") and UNSPACED_CHAR.match("中") and UNSPACED_CHAR.match("Ａ")
    assert not UNSPACED_CHAR.match("한") and not UNSPACED_CHAR.match("a")


@given(st.text(max_size=40))
def test_fold_drops_whitespace_and_case(text: str) -> None:
    assert fold(text) == re.sub(r"\s+", "", text).lower()


def test_both_scripts_respects_classes_and_escapes() -> None:
    assert both_scripts("[时间]") == "[时時间間]"
    assert both_scripts(r"\[时") == r"\[[时時]"
    assert re.fullmatch(both_scripts("上一[篇页]"), "上一頁")
    assert word_forms("页") == {"页", "頁"}


def test_a_run_of_a_script_written_without_spaces_counts_a_word_every_few_characters() -> None:
    # Thai writes a clause without spaces: one run of 24 characters is four words' worth, not one
    clause = "ผู้สื่อข่าวรายงานว่าตำรวจได้รับแจ้ง"
    assert letter_counts(clause) == (0, len(clause) // UNSPACED_WORD_CHARS)
    assert letter_counts("ข่าว") == (0, 1)  # a short run is one word, as a menu entry is
    assert letter_counts("news " * 3) == (0, 3)  # spaced scripts are counted as before
