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

# The last word of a site's name (``新华网``, ``晨报``, ``财经频道``, ``The Harbour Times``): general
# kinds of publisher, never a publisher's name. A title part ending in one is a site name.
SITE_WORDS_CJK = tuple(sorted({
    form
    for word in (
        "网 报 站 刊 台 社 新闻 在线 频道 传媒 媒体 资讯 论坛 社区 博客 官网 门户 之声 广播 电视 百科 "
        "网站 杂志 周刊 日报 晚报 时报 商报 晨报 网络版 电子版"
    ).split()
    for form in word_forms(word)
}))
SITE_WORDS_LATIN = frozenset(
    "times news post daily online tribune herald journal gazette magazine blog weekly "
    "chronicle telegraph observer network radio tv media".split()
)

# Labels a page sets on an advertisement or a sponsored line: a word of its own at the line's
# start or end (the English ones at the end only: ``Ad spending rises`` is a headline).
AD_LABELS = frozenset(form for word in "广告 推广 赞助".split() for form in word_forms(word))
AD_LABELS_END = AD_LABELS | {"advertisement", "advertising", "sponsored", "ad", "promoted"}

# What a source label says when it names no publisher (``来源：本站原创``, ``来源：网络``,
# ``Source: Internet``): the page itself, a reprint, the web at large, or nobody known. Such a value
# is no site's name; the line is still a metadata line.
NAMELESS_SOURCES = frozenset(
    form
    for word in (
        "本站 本网 原创 本站原创 本网原创 网络 互联网 网友 网友投稿 投稿 转载 转载文章 网络转载 综合 "
        "网络综合 整理 网络整理 本站整理 未知 不详 佚名 其他 其它 internet web unknown"
    ).split()
    for form in word_forms(word)
)
