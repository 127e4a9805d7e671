"""The OpenCC filter with real OpenCC: conversion when asked, pass-through when already there."""

from __future__ import annotations

import functools
from dataclasses import replace

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.config import Config
from cleantext.convert import Converter
from cleantext.model import Article

NEWS = (
    "国家统计局今天发布数据显示，上半年国内生产总值同比增长百分之五点三，"
    "消费对经济增长的贡献率超过六成。记者从市交通运输局了解到，新建的地铁线路将于明年年底开通运营，"
    "沿线设有十二座车站。专家认为，这项政策有助于稳定就业，推动经济高质量发展。"
)

POOL = [
    "国家统计局今天发布数据显示，上半年国内生产总值同比增长百分之五点三。",
    "记者从市交通运输局了解到，新建的地铁线路将于明年年底开通运营。",
    "专家认为，这项政策有助于稳定就业，推动经济高质量发展。",
    "当天下午，来自全国各地的两百多名代表参加了开幕式。",
    "气象台发布暴雨蓝色预警，提醒市民注意出行安全。",
    "这座城市的软件产业近年来发展迅速，吸引了大量年轻人才。",
    "警方随后对事故原因展开调查，目前没有人员伤亡的报告。",
    "他说：“我们会继续关注这件事的进展。”",
    "图书馆开放时间调整为每天上午九点至晚上八点。",
    "据介绍，该项目总投资约十二亿元，预计三年内完工。",
]


def make_article(text: str, **fields: object) -> Article:
    """A record as the document stage hands it over."""
    base = Article("id1", text, None, None, None, None, None, None, None, None, None, "in.txt", "utf-8")
    return replace(base, **fields)  # type: ignore[arg-type]


@functools.cache
def shared(config_name: str) -> Converter:
    """One converter per configuration for the property tests (loading dictionaries takes ~30 ms)."""
    return Converter(config_name)


def test_short_text_is_converted_even_without_evidence() -> None:
    assert Converter("s2t").convert(make_article("汉字")).text == "漢字"


def test_simplified_to_traditional_sets_script() -> None:
    out = Converter("s2t").convert(make_article(NEWS))
    assert out.text == opencc.OpenCC("s2t.json").convert(NEWS)
    assert (out.script, out.lang) == ("Hant", None)  # lang is the language tagger's (convert/lang.py)


def test_taiwan_phrases() -> None:
    out = Converter("s2twp").convert(make_article("这个软件可以用鼠标操作，出租车司机也在用。"))
    assert out.text == "這個軟體可以用滑鼠操作，計程車司機也在用。"


def test_title_site_author_follow_the_text_and_url_does_not() -> None:
    art = make_article(NEWS, title="汉字简化", site="中国新闻网", author="张记者", url="http://x.cn/国")
    out = Converter("s2t").convert(art)
    assert (out.title, out.site, out.author) == ("漢字簡化", "中國新聞網", "張記者")
    assert out.url == "http://x.cn/国"


def test_round_trip_restores_the_paragraph() -> None:
    to_hant, to_hans = Converter("s2t"), Converter("t2s")
    assert to_hans.convert(to_hant.convert(make_article(NEWS))).text == NEWS


def test_record_already_in_target_script_passes_untouched() -> None:
    hant = "我們了解這件事的來龍去脈，大家都很關心後續的發展。"
    assert opencc.OpenCC("s2t.json").convert(hant) != hant  # OpenCC alone would rewrite 了解
    out = Converter("s2t").convert(make_article(hant))
    assert out.text == hant and out.script == "Hant"


def test_never_converted_twice() -> None:
    conv = Converter("s2twp")
    once = conv.convert(make_article(NEWS + "程序设计"))
    assert conv.convert(once) is once


def test_regional_variant_configs_always_run() -> None:
    text = "這裏的大學生們都很喜歡這個節目，羣眾也越來越多。"
    out = Converter("t2tw").convert(make_article(text))  # already Traditional, still converted
    assert out.text == "這裡的大學生們都很喜歡這個節目，群眾也越來越多。"


def test_japanese_is_left_alone_by_chinese_configs() -> None:
    text = "東京の図書館で働いています。広い部屋を借りました。"
    out = Converter("t2s").convert(make_article(text))
    assert (out.text, out.script) == (text, "Jpan")
    converted = Converter("jp2t").convert(make_article(text)).text
    assert converted == "東京の圖書館で働いています。廣い部屋を借りました。"


def test_declared_language_is_kept() -> None:
    assert Converter("s2t").convert(make_article(NEWS, lang="zh-CN")).lang == "zh-CN"


def test_without_conversion_only_script_is_set() -> None:
    conv = Converter.from_config(Config())
    out = conv.convert(make_article(NEWS))
    assert (out.text, out.script, out.lang) == (NEWS, "Hans", None)
    assert conv.convert(out) is out


def test_config_names() -> None:
    assert Converter.from_config(Config(to="taiwan")).config_name == "s2twp"
    assert Converter.from_config(Config(opencc="hk2s.json")).target == "Hans"
    with pytest.raises(ValueError, match="unknown OpenCC configuration 'x2y'"):
        Converter("x2y")


def test_check_knows_shipped_configurations_and_rejects_others() -> None:
    Converter.check("s2twp")  # shipped: known without loading its dictionaries
    with pytest.raises(ValueError, match="unknown OpenCC configuration 'x2y'"):
        Converter.check("x2y")


def test_record_without_a_script_is_converted_only_when_it_holds_han() -> None:
    english = "The museum said the painting, long thought lost, was found in a private collection. " * 4
    named = make_article(english + "It was signed 张大千 in the corner.")
    assert shared("s2t").convert(named).text.endswith("It was signed 張大千 in the corner.")
    plain = make_article(english + "It was signed “Zhang Daqian” in the corner.")
    assert shared("s2t").convert(plain).text is plain.text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=12), st.sampled_from(["", "\n"]))
def test_conversion_to_simplified_leaves_simplified_text_unchanged(sentences: list[str], sep: str) -> None:
    text = sep.join(sentences)
    assert shared("t2s").convert(make_article(text)).text == text


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=12))
def test_converted_text_reports_and_detects_the_target(sentences: list[str]) -> None:
    out = shared("s2hk").convert(make_article("".join(sentences)))
    assert out.script == "Hant"
    assert shared("s2hk").convert(out).text == out.text
