"""Exact and near-duplicate removal over a stream: the first article wins, later ones point to it."""

from __future__ import annotations

from cleantext.config import Config
from cleantext.convert import ExactDedup, NearDedup, build_stream_filters
from cleantext.convert.dedup import StreamFilter, normalize_for_dedup, shingle_hashes, text_key
from cleantext.model import Article, Drop, DropReason

STORY = (
    "国家统计局今天发布数据显示，上半年国内生产总值同比增长百分之五点三，消费对经济增长的贡献率超过六成。"
    "记者从市交通运输局了解到，新建的地铁线路将于明年年底开通运营，沿线设有十二座车站，全长二十八公里。"
    "专家认为，这项政策有助于稳定就业，推动经济高质量发展，同时也对地方财政提出了更高的要求。"
    "当天下午，来自全国各地的两百多名代表参加了开幕式，会议将持续三天，讨论十余项议题。"
)
OTHER = (
    "气象台发布暴雨蓝色预警，提醒市民注意出行安全，尽量避免前往山区和河道附近。"
    "学校负责人表示，将进一步加强对学生心理健康的关注，并在每个年级配备专职的辅导老师。"
    "图书馆开放时间调整为每天上午九点至晚上八点，周一闭馆进行整理和维护。"
)
ENGLISH = (
    "The city council approved the new budget on Tuesday after a long debate about schools and roads. "
    "Officials said the money would also pay for a new public library in the northern district. "
    "Residents who spoke at the meeting asked for more buses in the evening and safer crossings. "
    "The mayor promised a report on the bus network before the end of the summer."
)


def make_article(text: str, number: int) -> Article:
    empty = dict.fromkeys(("title", "date", "site", "author", "url", "lang", "lang_score", "langs", "script"))
    return Article(id=f"id{number}", text=text, input=f"in.jsonl#{number}", encoding="utf-8", **empty)


def run(filters: list[StreamFilter], texts: list[str]) -> list[Article | Drop]:
    outcomes: list[Article | Drop] = []
    for number, text in enumerate(texts):
        outcome: Article | Drop = make_article(text, number)
        for filt in filters:
            if isinstance(outcome, Article):
                outcome = filt(outcome)
        outcomes.append(outcome)
    return outcomes


def test_normalisation_ignores_spacing_width_case_and_punctuation() -> None:
    assert normalize_for_dedup("Ｈｅｌｌｏ，  World！") == normalize_for_dedup("hello world")
    assert text_key("你好，世界。") == text_key("你好 世界") != text_key("你好，地球。")
    assert len(text_key(STORY)) == 16


def test_exact_copies_point_to_the_first() -> None:
    copy = STORY.replace("，", ", ").replace("。", ".\n")
    out = run([ExactDedup()], [STORY, OTHER, copy, STORY])
    assert isinstance(out[0], Article) and isinstance(out[1], Article)
    for drop in out[2:]:
        assert isinstance(drop, Drop)
        assert (drop.reason, drop.stage, drop.duplicate_of) == (DropReason.EXACT_DUPLICATE, "dedup", "id0")
    assert out[3].uri == "in.jsonl#3"  # type: ignore[union-attr]


def test_near_copy_is_dropped_and_distinct_texts_kept() -> None:
    edited = STORY.replace("两百多名", "三百多名").replace("三天", "四天")
    out = run([NearDedup(0.8)], [STORY, OTHER, ENGLISH, edited])
    assert [type(o).__name__ for o in out] == ["Article", "Article", "Article", "Drop"]
    drop = out[3]
    assert isinstance(drop, Drop)
    assert (drop.reason, drop.duplicate_of) == (DropReason.NEAR_DUPLICATE, "id0")


def test_english_near_copy_uses_word_shingles() -> None:
    edited = ENGLISH.replace("Tuesday", "Wednesday")
    out = run([NearDedup(0.8)], [ENGLISH, edited])
    assert isinstance(out[1], Drop) and out[1].duplicate_of == "id0"


def test_shingles_are_deterministic_and_never_empty() -> None:
    assert shingle_hashes(STORY).tolist() == shingle_hashes(STORY).tolist()
    assert len(shingle_hashes("好")) == 1 and len(shingle_hashes("")) == 1


def test_stream_filters_by_mode() -> None:
    assert build_stream_filters(Config()) == []
    assert [type(f) for f in build_stream_filters(Config(dedup="exact"))] == [ExactDedup]
    assert [type(f) for f in build_stream_filters(Config(dedup="near"))] == [ExactDedup, NearDedup]


def test_filters_of_two_runs_do_not_share_state() -> None:
    first, second = build_stream_filters(Config(dedup="near")), build_stream_filters(Config(dedup="near"))
    assert isinstance(run(first, [STORY])[0], Article)
    assert isinstance(run(second, [STORY])[0], Article)


def test_drop_keeps_the_article_uri() -> None:
    dup = run([ExactDedup()], [STORY, STORY])[1]
    assert isinstance(dup, Drop) and dup.uri == "in.jsonl#1"
