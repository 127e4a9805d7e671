"""The seed dump must stay exact: segment → classify → finalize on the seed file, which the
repository carries (``samples/dumps``, a copy of the shared seed)."""

from __future__ import annotations

from cleantext.boilerplate import classify
from cleantext.document import finalize
from cleantext.model import Article, BlockClass, Decoded, DropReason, Step
from cleantext.segment import segment
from tests.conftest import SEED


def test_seed_dump_is_exact() -> None:
    doc = Decoded(SEED.name, SEED.read_text(encoding="utf-8"), "utf-8", "utf-8")
    blocks, meta, fmt = segment(doc, "auto")
    article, verdicts = finalize(doc, classify(blocks, meta), meta, None)
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
    # the headline and the date line leave the body as metadata, each step naming why
    assert verdicts[0].chain[-1] == Step("title", BlockClass.BAD, DropReason.METADATA)
    assert verdicts[1].chain[-1] == Step("metadata", BlockClass.BAD, DropReason.METADATA)
    assert verdicts[0].reason == verdicts[1].reason == DropReason.METADATA
