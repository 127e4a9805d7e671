"""The publication date when the page's dateline stands far above the article."""

from __future__ import annotations

from cleantext.document import finalize
from cleantext.model import Block, Decoded, Verdict

BODY = "最近，建设部发布了《市政公用事业特许经营管理办法》，规定了特许经营的范围和程序，各地正在抓紧落实。"


def _verdicts(texts: list[tuple[str, bool]]) -> list[Verdict]:
    return [Verdict(Block(i, t, source="text"), keep, "body" if keep else "short", 20.0) for i, (t, keep) in enumerate(texts)]


def test_a_dateline_far_above_the_article_dates_it() -> None:
    menus = [(f"栏目{i}", False) for i in range(30)]
    verdicts = _verdicts([("时间：2004年10月21日14:18 作者：郭励弘", False), *menus, (BODY, True)])
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert article.date == "2004-10-21T14:18"  # type: ignore[union-attr]


def test_a_date_in_a_menu_far_above_is_not_taken() -> None:
    menus = [(f"栏目{i}", False) for i in range(30)]
    verdicts = _verdicts([("2006年12月(5) 热门文章排行榜单第一名的文章标题在这里", False), *menus, (BODY, True)])
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert article.date is None  # type: ignore[union-attr]
