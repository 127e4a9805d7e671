"""The stage sequence as a list a Python user composes: leave out, change, insert."""

from __future__ import annotations

import pickle

import pytest

from cleantext.config import Config
from cleantext.model import Article, Drop, DropReason, Failure, Page, RawPage
from cleantext.pipeline import PageCleaner, Pipeline
from cleantext.stages import (
    Admit,
    Classify,
    Convert,
    Decode,
    Dedup,
    Document,
    Segment,
    default_stages,
    page_stages,
    record_stages,
    split_corpus_wide,
)

PARAGRAPH = "這是一段足夠長的正文內容，它有逗號，也有句號。第二句話繼續說明事情的經過，讀起來像新聞。"
HTML = f"<html><body><h1>標題</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}一</p></body></html>".encode()


def _page(uri: str = "a.html", data: bytes = HTML) -> RawPage:
    return RawPage(uri, data)


def test_default_stages_follow_the_data_path() -> None:
    names = [type(s).__name__ for s in default_stages(Config(dedup="near", min_chars=5, max_repetition=0.5))]
    assert names == ["Admit", "Decode", "Segment", "Classify", "Document", "Convert", "MinChars",
                     "MaxRepetition", "LanguageTagger", "Dedup"]
    # nothing after conversion but the language tag (every record has one) unless asked
    assert [type(s).__name__ for s in default_stages(Config())[-2:]] == ["Convert", "LanguageTagger"]


def test_each_page_stage_fills_its_part_of_the_page() -> None:
    page = Page(_page())
    page = Admit(1000)(page)
    assert page.outcome is None
    page = Decode()(page)
    assert page.decoded is not None and page.decoded.encoding == "utf-8"
    page = Segment()(page)
    assert page.format == "html" and page.blocks
    # the blocks hold the text now: the page's whole text is let go, its encoding and evidence kept
    assert page.decoded.text == "" and page.decoded.encoding == "utf-8" and page.decoded.method == "utf-8"
    page = Classify()(page)
    assert page.verdicts is not None and len(page.verdicts) == len(page.blocks)
    page = Document(Config())(page)
    assert isinstance(page.outcome, Article) and page.outcome.title == "標題"


def test_admit_ends_a_page_early_with_the_reason() -> None:
    assert Admit(10)(Page(_page())).outcome == Drop("a.html", DropReason.TOO_LARGE, f"{len(HTML)} bytes > 10", "read")
    assert Admit(1000)(Page(_page(data=b""))).outcome.reason is DropReason.EMPTY  # type: ignore[union-attr]


def test_leaving_conversion_out_leaves_script_unset() -> None:
    article = Pipeline(stages=page_stages(Config())).clean(_page())
    assert isinstance(article, Article) and article.script is None
    converted = Pipeline().clean(_page())
    assert isinstance(converted, Article) and converted.script == "Hant"


def test_a_stage_with_other_settings_changes_only_what_it_does() -> None:
    stages = [*page_stages(Config()), Convert("t2s")]
    article = Pipeline(stages=stages).clean(_page())
    assert isinstance(article, Article) and article.script == "Hans" and "这是" in article.text
    assert article.id == Pipeline().clean(_page()).id  # type: ignore[union-attr]


def _no_news(article: Article) -> Article | Drop:
    if "新聞" in article.text:
        return Drop(article.input, DropReason.of("news"), "mentions news", "mine")
    return article


def test_an_inserted_drop_rule_is_counted_like_the_built_in_ones() -> None:
    pipeline = Pipeline(stages=[*default_stages(Config()), _no_news])
    pages = [_page("a.html"), _page("b.html", b""), Failure("c.html", "unreadable")]
    outcomes = list(pipeline.run(pages))
    assert [type(o).__name__ for o in outcomes] == ["Drop", "Drop", "Failure"]
    assert pipeline.stats.as_dict()["dropped_by_reason"] == {"empty": 1, "news": 1}
    assert pipeline.stats.as_dict()["dropped_by_filter"] == {"mine": 1, "read": 1}
    assert "dropped (empty 1, news 1)" in pipeline.stats.summary()


def test_an_inserted_rule_runs_in_workers_too() -> None:
    pages = [_page(f"p{i}.html") for i in range(20)]
    one = Pipeline(stages=[*default_stages(Config()), _no_news])
    two = Pipeline(stages=[*default_stages(Config()), _no_news])
    assert list(one.run(pages)) == list(two.run(pages, jobs=2))
    assert two.stats.dropped == {"news": 20}


def test_custom_reason_names_are_checked() -> None:
    assert DropReason.of("too-short") is DropReason.TOO_SHORT
    assert str(DropReason.of("my-rule")) == DropReason.of("my-rule").value == "my-rule"
    with pytest.raises(ValueError, match="lowercase"):
        DropReason.of("My Rule")


def test_corpus_wide_stages_and_all_after_them_run_in_the_parent() -> None:
    stages = default_stages(Config(dedup="exact"))
    per_page, corpus = split_corpus_wide([*stages, _no_news])
    assert [type(s) for s in corpus] == [Dedup, type(_no_news)]
    assert per_page == stages[:-1]
    assert split_corpus_wide(page_stages(Config()))[1] == []


def test_dedup_keeps_the_first_copy() -> None:
    pipeline = Pipeline(Config(dedup="near"))
    outcomes = list(pipeline.run([_page("a.html"), _page("b.html")]))
    assert isinstance(outcomes[0], Article)
    assert isinstance(outcomes[1], Drop) and outcomes[1].duplicate_of == outcomes[0].id


def test_convert_pickles_by_its_setting_not_its_dictionaries() -> None:
    convert = Convert("s2t")
    convert(Article("x", "汉字", *[None] * 9, "a.txt", "utf-8"))  # loads OpenCC
    copy = pickle.loads(pickle.dumps(convert))
    assert copy.opencc == "s2t" and copy._converter is None


def test_a_sequence_without_document_makes_no_record() -> None:
    stages = [Admit(1000), Decode(), Segment(), Classify()]
    outcome = PageCleaner(Config(), stages)(_page())
    assert isinstance(outcome, Failure) and "no Document stage" in outcome.message


def test_record_stages_take_records() -> None:
    article = Pipeline().clean(_page())
    assert isinstance(article, Article)
    outcome, page = PageCleaner(Config(to="simplified"), record_stages(Config(to="simplified"))).trace(article)
    assert page is None and isinstance(outcome, Article) and outcome.script == "Hans"
    with pytest.raises(ValueError, match="dedup"):
        record_stages(Config(dedup="fuzzy"))


def test_classify_keeps_its_comments_setting_when_sent_to_a_worker() -> None:
    import pickle

    assert pickle.loads(pickle.dumps(Classify(comments=True))).comments is True
    assert pickle.loads(pickle.dumps(Classify())).comments is False
