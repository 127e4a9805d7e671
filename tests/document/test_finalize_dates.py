"""The publication date when the page's dateline stands far above the article."""

from __future__ import annotations

from cleantext.document import finalize
from cleantext.model import Block, Decoded, DropReason, KeepReason, Verdict

BODY = "最近，建设部发布了《市政公用事业特许经营管理办法》，规定了特许经营的范围和程序，各地正在抓紧落实。"


def _verdicts(texts: list[tuple[str, bool]]) -> list[Verdict]:
    return [Verdict(Block(i, t, source="text"), keep, KeepReason.BODY if keep else DropReason.SHORT, 20.0) for i, (t, keep) in enumerate(texts)]


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


def _listed(texts: list[tuple[str, bool]]) -> list[Verdict]:
    return [
        Verdict(Block(i, t, source="text", in_list=True), keep, KeepReason.BODY if keep else DropReason.SHORT, 20.0)
        for i, (t, keep) in enumerate(texts)
    ]


def test_a_post_under_a_list_marker_reads_its_own_byline() -> None:
    # a forum post dumped under its "[0]" marker: the byline is a dropped line of the same list
    verdicts = _listed([("主题：你知道导游为什么热衷于购物吗？", False), ("作者：芊草凡凡   时间：2005-08-22 19:13:18", False), (BODY, True)])
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert article.date == "2005-08-22T19:13:18"  # type: ignore[union-attr]
    assert article.author == "芊草凡凡"  # type: ignore[union-attr]


def test_a_dropped_teasers_date_beside_the_article_is_not_taken() -> None:
    verdicts = _listed([("长江经济带发展座谈会在武汉召开 2005-08-22", False), (BODY, True)])
    article, _ = finalize(Decoded("a.txt", "", "utf-8", "utf-8"), verdicts, None, None)
    assert article.date is None  # type: ignore[union-attr]
