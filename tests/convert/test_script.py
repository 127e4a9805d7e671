"""Script and language detection: Hans/Hant by OpenCC-derived evidence, None without Han text."""

from __future__ import annotations

import re

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.convert import script
from cleantext.convert.script import detect_script, lang_of, profile
from cleantext.convert.script_data import OPENCC_VERSION, SIMPLIFIED_ONLY, TRADITIONAL_ONLY
from scripts.gen_script_data import compute_sets

NEWS_HANS = (
    "国家统计局今天发布数据显示，上半年国内生产总值同比增长百分之五点三。"
    "记者从市交通运输局了解到，新建的地铁线路将于明年年底开通运营。"
    "专家认为，这项政策有助于稳定就业，推动经济高质量发展。"
)


def test_simplified_news_is_hans() -> None:
    assert detect_script(NEWS_HANS) == "Hans"


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2twp", "s2hk"])
def test_every_traditional_standard_is_hant(config: str) -> None:
    assert detect_script(opencc.OpenCC(f"{config}.json").convert(NEWS_HANS)) == "Hant"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Plain English text without any Chinese at all, long enough to matter.",
        "An English report that names one city, 北京, and nothing else in Chinese characters at all.",
        "1234567890，。！？",
    ],
)
def test_no_han_text_is_none(text: str) -> None:
    assert detect_script(text) is None


def test_few_han_characters_among_many_letters_is_none() -> None:
    english = "The committee met again on Tuesday to discuss the budget for next year. " * 10
    assert detect_script(english + "中华人民共和国国务院新闻办公室") is None  # 15 Han, < 5 % of letters


def test_shared_characters_only_is_undecided() -> None:
    no_evidence = "大家好，今天天色很好，一起去山上走走吧，好不好？"  # only characters both scripts use
    assert detect_script(no_evidence) is None


def test_long_text_is_sampled_but_counts_are_scaled() -> None:
    p = profile(NEWS_HANS * 100)
    assert abs(p.han - profile(NEWS_HANS * 100, None).han) / p.han < 0.1
    assert p.simplified > 0 and p.traditional == 0


def test_code_heavy_page_is_settled_on_the_whole_text() -> None:
    code = "x = compute(a, b)\nprint(x)\n" * 6
    text = ("本文介绍如何使用这个工具。\n" + code) * 20
    assert profile(text).simplified == 0  # the sparse evidence sample hits only code
    assert detect_script(text) == "Hans"


def test_mixed_text_follows_the_majority() -> None:
    assert detect_script(NEWS_HANS + "（原文：「這是繁體引文」）") == "Hans"


def test_lang_guesses() -> None:
    assert lang_of(NEWS_HANS) == "zh"
    assert lang_of("東京都は今日、新しい地下鉄の路線を来年に開業すると発表しました。") == "ja"
    assert lang_of("서울시는 오늘 새로운 지하철 노선을 내년에 개통한다고 발표했습니다.") == "ko"
    english = "The city said that the new line will open at the end of the year, and that it is on time."
    assert lang_of(english) == "en"
    assert lang_of("Le maire a annoncé lundi que la nouvelle ligne ouvrira l'année prochaine.") is None
    assert lang_of("") is None and lang_of("12345 !!!") is None


def test_chinese_name_separator_is_not_kana() -> None:
    assert lang_of("美国篮球运动员迈克尔・乔丹昨天出席了在北京举行的活动。") == "zh"


def test_chinese_with_english_terms_is_still_chinese() -> None:
    text = "我们使用 Docker 和 Kubernetes 部署服务，再用 Prometheus 监控各个节点的运行状态。"
    assert lang_of(text) == "zh"


def test_script_only_lists_are_disjoint_and_cover_common_characters() -> None:
    simplified, traditional = set(SIMPLIFIED_ONLY), set(TRADITIONAL_ONLY)
    assert not simplified & traditional
    assert set("这国说们为时") <= simplified
    assert set("這國說們為時") <= traditional
    assert not set("的是在中大人") & (simplified | traditional)  # shared characters are no evidence


def test_shipped_lists_match_installed_opencc() -> None:
    """Fails after an OpenCC upgrade: run ``python scripts/gen_script_data.py``."""
    assert OPENCC_VERSION == opencc.__version__
    assert compute_sets() == (SIMPLIFIED_ONLY, TRADITIONAL_ONLY)


def test_evidence_weights_are_built_once() -> None:
    assert script._evidence_weights() is script._evidence_weights()


def test_script_evidence_counts_each_group_apart() -> None:
    simplified, traditional = SIMPLIFIED_ONLY[:3], TRADITIONAL_ONLY[:2]
    assert script._script_evidence(f"{simplified}的是{traditional}{simplified}") == (6, 2)
    assert script._script_evidence("") == (0, 0)


HAN_RANGES = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")  # what has_han answers, as a regex
EDGES = "\u33ff\u3400\u9fff\ua000\uf8ff\uf900\ufaff\ufb00\U00020000\ud800’é、ア，\u4000\u3fff"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None) | st.sampled_from(EDGES), max_size=40))
def test_has_han_answers_as_the_han_ranges_do(text: str) -> None:
    assert script.has_han(text) == bool(HAN_RANGES.search(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(SIMPLIFIED_ONLY[:5] + TRADITIONAL_ONLY[:5] + "的是a "), max_size=60))
def test_script_evidence_counts_as_character_classes_do(text: str) -> None:
    expected = sum(c in SIMPLIFIED_ONLY for c in text), sum(c in TRADITIONAL_ONLY for c in text)
    assert script._script_evidence(text) == expected


def test_has_han_with_only_non_han_characters_of_the_han_lead_bytes() -> None:
    """、ア，share their UTF-8 lead bytes (E3, EF) with Han characters, and are not Han."""
    assert not script.has_han("Tokyo、アニメ，ok")
    assert script.has_han("Tokyo、アニメ，東") and script.has_han("ok \uf900") and script.has_han("ok \u3400")


LATIN_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")  # the word pattern latin_word_counts counts by


def latin_words_by_regex(text: str) -> tuple[int, int]:
    words = LATIN_WORD.findall(text)
    return len(words), sum(w.lower() in script.EN_FUNCTION_WORDS for w in words)


@pytest.mark.parametrize("text", ["", "'", "it's", "a'b'c", "don'T", "'the'", "x''y", "The l'année é'the", "AND?and"])
def test_latin_word_counts_cut_apostrophes_as_the_word_pattern_does(text: str) -> None:
    assert script.latin_word_counts(text) == latin_words_by_regex(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"aZ' ?-\n’éİK\u212a\ud800中", "the", "THE", "It", "s"]), max_size=30))
def test_latin_word_counts_count_as_the_word_pattern_does(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert script.latin_word_counts(text) == latin_words_by_regex(text)
