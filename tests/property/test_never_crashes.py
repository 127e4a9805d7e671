"""Contracts over any input: no bytes crash the pipeline, output is valid JSON, results are deterministic."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleantext.config import Config
from cleantext.document.normalize import normalize_paragraph
from cleantext.model import Article, Drop, Failure, RawPage
from cleantext.pipeline import PageCleaner
from cleantext.write.schemas import to_record

CLEANER = PageCleaner(Config(page_timeout=0))
FRAGMENTS = st.sampled_from(
    ["<p>", "</p>", "<div class='nav'>", "</div>", "<a href=x>", "</a>", "<br>", "<h1>", "</h1>", "<li>",
     "上一篇：", "标签:", "  • ", "\n\n", "正文内容，有标点。", "Copyright ©", "\x00", "\ufeff", "<meta charset=gbk>",
     "2025年7月3日", "来源：新华网", "<script>x</script>", "&amp;", "&#0;", "\ud7ff", "滚动"]
)
PAGES = st.one_of(
    st.binary(max_size=4000),
    st.lists(FRAGMENTS, max_size=60).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass")),
    st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(PAGES)
def test_any_bytes_give_an_outcome_and_valid_json(data: bytes) -> None:
    outcome = CLEANER(RawPage("fuzz", data))
    assert isinstance(outcome, Article | Drop | Failure)
    if isinstance(outcome, Failure):
        raise AssertionError(outcome.message)  # an internal error is a bug, even when contained
    if isinstance(outcome, Article):
        line = json.dumps(to_record(outcome, "flat", (), "cleantext"), ensure_ascii=False)
        assert json.loads(line)["text"] == outcome.text
        line.encode("utf-8")  # no lone surrogates


@FAST
@given(PAGES)
def test_cleaning_is_deterministic(data: bytes) -> None:
    assert CLEANER(RawPage("a", data)) == CLEANER(RawPage("a", data))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalize_paragraph(text)
    assert normalize_paragraph(once) == once
