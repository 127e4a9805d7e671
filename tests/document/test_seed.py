"""The seed dump must stay exact: segment → classify → finalize on the shared seed file."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleantext.boilerplate import classify
from cleantext.document import finalize
from cleantext.model import Article, Decoded
from cleantext.segment import segment

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_547391f3b4e202b1.txt"


@pytest.mark.skipif(not SEED.exists(), reason="shared seed file absent")
def test_seed_dump_is_exact() -> None:
    doc = Decoded(SEED.name, SEED.read_text(encoding="utf-8"), "utf-8", "utf-8")
    blocks, meta, fmt = segment(doc, "auto")
    article, _ = finalize(doc, classify(blocks, meta), meta, None)
    assert fmt == "text"
    assert isinstance(article, Article)
    assert article.title == "在沪直销企业和电商平台企业签署备忘录 打造规范、活力的上海电商生态"
    assert article.date == "2025-07-03T09:55:12"
    assert article.site == "中国新闻网"
    paragraphs = article.text.split("\n")
    assert len(paragraphs) == 6
    assert paragraphs[0].startswith("以“共建互联")
    assert paragraphs[-1].endswith("实现经营业务的焕新发展。")
    assert "供图" not in article.text
    assert "标签" not in article.text
