"""The document stage's words: rules are data, the algorithm is code.

Written in Simplified Chinese once; each word also matches its Traditional spellings
(``text.word_forms``), as the boilerplate vocabulary does.

>>> "滾動" in CHANNEL_TAGS
True
"""

from __future__ import annotations

from cleantext.text import word_forms

# Channel labels that dumps glue to the end of a headline ("…电商生态 滚动").
CHANNEL_TAGS = frozenset(
    form
    for word in (
        "滚动 原创 独家 热门 推荐 置顶 最新 头条 图文 视频 快讯 专题 组图 荐 热 新 直播 深度 评论 "
        "国际 国内 社会 财经"
    ).split()
    for form in word_forms(word)
)
