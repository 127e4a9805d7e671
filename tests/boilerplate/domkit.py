"""What the container-prior tests share (``test_dom``, ``test_extent``, ``test_leaning``): text
of each kind, blocks judged by the ladder alone, and the hand-written pages in ``region``."""

from __future__ import annotations

from pathlib import Path

from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.dom import block_weights
from cleantext.boilerplate.features import features_of
from cleantext.boilerplate.rules import judge
from cleantext.config import Config
from cleantext.model import Article, Block, RawPage
from cleantext.pipeline import PageCleaner

PROSE = "这是正文的一段，内容足够长，有逗号，也有句号。这是第二句，它让这一段读起来像文章的一部分。"
MENU = "首页 国内 国际 财经 科技 体育 娱乐 汽车 房产 教育 健康 旅游 文化 军事 图片 视频 专题 评论 地方 博客 论坛"
TEASER = "另一篇文章的摘要，内容足够长，有逗号，也有句号。这是第二句，它读起来也像一篇文章的开头。"
# An author's note: prose without links, like a section of the article, but after the share bar.
BIO = "她长期关注城市交通与环境，写过很多报道，也出版过两本书。她住在北京，业余时间喜欢骑车和读书。"
SHARE = "分享到：微信 微博 QQ空间"
# Hand-written pages, each with what it must keep and drop stated by its test.
REGION = Path(__file__).parent / "region"


def judged_by_ladder(blocks: list[Block]) -> list[Judged]:
    out = []
    for block in blocks:
        feats = features_of(block.text)
        ruling = judge(block, feats)
        out.append(Judged(ruling.cls, ruling.reason, feats, (ruling,), in_list=block.in_list))
    return out


def weights_of(blocks: list[Block]) -> tuple[list[Judged], list[float]]:
    judged = judged_by_ladder(blocks)
    return judged, block_weights(blocks, judged)


def kept_text(name: str) -> str:
    """The text cleantext keeps of the page ``region/name``."""
    outcome = PageCleaner(Config(page_timeout=0))(RawPage(name, (REGION / name).read_bytes()))
    assert isinstance(outcome, Article)
    return outcome.text
