"""Quality filters: each drop carries its reason, stage "quality" and the measured value."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cleantext.config import Config
from cleantext.convert import page_filters
from cleantext.convert.quality import (
    MaxRepetition,
    MinAvgLine,
    MinChars,
    MinCjkRatio,
    duplicate_line_share,
    duplicate_ngram_share,
    repetition,
)
from cleantext.model import Article, Drop, DropReason

ARTICLE_TEXT = (
    "国家统计局今天发布数据显示，上半年国内生产总值同比增长百分之五点三。\n"
    "记者从市交通运输局了解到，新建的地铁线路将于明年年底开通运营，沿线设有十二座车站。\n"
    "专家认为，这项政策有助于稳定就业，推动经济高质量发展。"
)
ENGLISH_TEXT = (
    "The city council approved the new budget on Tuesday after a long debate.\n"
    "Officials said the money would go to schools, roads and a new public library.\n"
    "Residents who spoke at the meeting asked for more buses in the evening."
)


def make_article(text: str, **fields: object) -> Article:
    base = Article("id1", text, None, None, None, None, None, None, None, None, None, "in.txt#3", "utf-8")
    return replace(base, **fields)  # type: ignore[arg-type]


def expect_drop(outcome: Article | Drop, reason: DropReason) -> Drop:
    assert isinstance(outcome, Drop), outcome
    assert (outcome.reason, outcome.stage, outcome.uri) == (reason, "quality", "in.txt#3")
    return outcome


def test_good_article_passes_every_filter() -> None:
    config = Config(min_chars=50, min_cjk_ratio=0.8, max_repetition=0.2, min_avg_line=20)
    art = make_article(ARTICLE_TEXT)
    for check in page_filters(config):  # the language tagger adds lang, and keeps the record
        out = check(art)
        assert isinstance(out, Article) and out.text == art.text


def test_filters_are_off_unless_configured() -> None:
    assert [type(f).__name__ for f in page_filters(Config())] == ["LanguageTagger"]  # it never drops
    names = [type(f).__name__ for f in page_filters(Config(min_chars=1, max_repetition=0.5))]
    assert names == ["MinChars", "MaxRepetition", "LanguageTagger"]


def test_min_chars_counts_characters_not_words() -> None:
    art = make_article("这是一句没有空格的中文句子")  # 13 characters, one "word" to str.split()
    assert MinChars(13)(art) is art
    assert expect_drop(MinChars(14)(art), DropReason.TOO_SHORT).detail == "13 chars < 14"


def test_cjk_ratio_ignores_digits_and_punctuation() -> None:
    figures = make_article("2025年7月3日，全年增长5.3%，同比上升1.2个百分点。")
    assert MinCjkRatio(0.99)(figures) is figures
    drop = expect_drop(MinCjkRatio(0.5)(make_article(ENGLISH_TEXT)), DropReason.LOW_CJK_RATIO)
    assert drop.detail == "cjk ratio 0.000 < 0.5"


def test_repetition_of_lines() -> None:
    spam = "\n".join(["点击这里立即领取优惠券"] * 6 + ["正文只有这一句话而已。"])
    drop = expect_drop(MaxRepetition(0.5)(make_article(spam)), DropReason.REPETITION)
    assert drop.detail.startswith("repetition 0.")
    assert duplicate_line_share(spam) == pytest.approx(55 / 77)  # 5 repeated lines of 11, of 7 lines


def test_repetition_of_chinese_phrases_without_line_repeats() -> None:
    phrase = "欢迎访问本站获取最新资讯"
    text = "".join(f"第{i}条：{phrase}，" for i in range(20))  # one line, no spaces
    assert duplicate_line_share(text) == 0
    assert duplicate_ngram_share(text) > 0.8
    assert repetition(ARTICLE_TEXT) < 0.05


def test_repetition_of_english_word_ngrams() -> None:
    text = " ".join(f"Item {i}: buy cheap watches online today." for i in range(30))
    assert duplicate_ngram_share(text) > 0.5
    assert duplicate_ngram_share(ENGLISH_TEXT) == 0


def test_short_lines() -> None:
    menu = make_article("首页\n新闻\n体育\n\n财经\n娱乐")
    assert expect_drop(MinAvgLine(10)(menu), DropReason.LINE_LENGTH).detail == "average line 2.0 chars < 10"
    article = make_article(ARTICLE_TEXT)
    assert MinAvgLine(10)(article) is article


def test_empty_text_measures_zero() -> None:
    assert repetition("") == 0.0
    assert isinstance(MinAvgLine(1)(make_article("")), Drop)
