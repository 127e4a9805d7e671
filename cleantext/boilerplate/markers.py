"""Boilerplate vocabulary: rules are data, the algorithm is code.

Each group is a list of regular-expression fragments, matched case-insensitively against
*short* blocks only (a long paragraph that mentions 分享 or "share" is still an article
paragraph; see ``rules.MAX_MARKER_UNITS``). One comment per group says what it catches.
"""

from __future__ import annotations

import re

from cleantext.model import DropReason

# Previous/next article links, breadcrumbs, back-to-top, pagination, site menus.
NAV = [
    r"上一[篇页条章]",
    r"下一[篇页条章]",
    r"返回(?:首页|顶部|列表|目录)",
    r"回到顶部",
    r"当前位置",
    r"您的位置",
    r"所在位置",
    r"首页\s*[>›»]",
    r"^\s*[>›»]\s*正文",
    r"^(?:首页|主页)$",
    r"网站导航",
    r"^\s*(?:previous|next)\s*(?:article|post|page|story)?\s*[:：]?",
    r"^back to top",
    r"^skip to",
    r"^you are here",
    r"^home\s*[>›»/]",
    r"^(?:menu|navigation|main menu)$",
    r"^\s*page \d+ of \d+",
    r"^(?:article précédent|article suivant|vorheriger artikel|nächster artikel|anterior|siguiente)",
    r"访问主要内容",
    r"添加到主屏幕",
    r"^查看更多$",
    r"^加载更多$",
    r"^更多(?:>>|》|»)?$",
    r"^more\s*(?:>>|»)?$",
]
# Share bars, print/font-size tools, QR prompts, app download prompts.
SHARE = [
    r"分享[到至]",
    r"^分享$",
    r"扫一扫",
    r"扫描二维码",
    r"微信扫",
    r"扫码",
    r"打印本[页文]",
    r"^打印$",
    r"关闭窗口",
    r"字号[:：]?\s*[大中小]",
    r"^字[大小]$",
    r"^【?[大中小]】?$",
    r"收藏本[文页站]",
    r"^[收收]藏$",
    r"^share(?: this| on)?\b",
    r"^tweet$",
    r"^email$",
    r"^print$",
    r"^(?:facebook|twitter|linkedin|whatsapp|reddit|pinterest)$",
    r"^(?:partager|teilen|compartir|condividi)\b",
    r"下载客户端",
    r"^点赞$",
    r"^\d*\s*(?:likes?|shares?)$",
]
# Tag and keyword lines.
TAGS = [r"^(?:标签|关键词|关键字|tags?|keywords?|topics?|schlagwörter|étiquettes|etiquetas)\s*[:：]"]
# Copyright, licences, contact and legal lines, site footers.
FOOTER = [
    r"版权所有",
    r"版权声明",
    r"copyright",
    r"©",
    r"\(c\)\s*\d{4}",
    r"all rights reserved",
    r"icp[备证]",
    r"[京沪粤浙苏]icp",
    r"公网安备",
    r"违法和不良信息举报",
    r"举报电话",
    r"联系我们",
    r"关于我们",
    r"免责声明",
    r"隐私政策",
    r"网站地图",
    r"广告服务",
    r"^(?:privacy policy|terms of (?:use|service)|cookie policy|contact us|about us|sitemap)\b",
    r"未经授权(?:禁止|不得)",
    r"转载请注明",
    r"不得转载",
    r"^本[站网]",
    r"技术支持[:：]",
    r"主办单位",
    r"承办单位",
    r"^powered by\b",
    r"mentions légales",
    r"impressum",
    r"datenschutz",
]
# Editor and photo credits, captions that are credits.
CREDIT = [
    r"责任编辑",
    r"责编[:：]",
    r"^编辑[:：]",
    r"^\[?编辑[:：]",
    r"审核[:：]",
    r"校对[:：]",
    r"供图$",
    r"供图[)）]?$",
    r"图片来源[:：]",
    r"^图[:：]",
    r"^\(?photo(?:graph)?s?\s*(?:by|:)",
    r"^image(?:s)?\s*(?:by|:|credit)",
    r"^(?:photo|image) credit",
    r"^(?:editor|edited by|reporting by|additional reporting)\b",
    r"^\s*\[?作者[:：]",
]
# Headings of related-article and teaser lists, hot lists, recommendations.
RELATED = [
    r"^(?:相关|热门|推荐|最新|精彩|延伸|猜你|更多|热点|排行|往期|今日|近期)"
    r"(?:新闻|阅读|文章|推荐|资讯|专题|报道|图片|视频|内容|喜欢|排行|热点|搜索|评论|链接)?(?:[:：>》]|$)",
    r"^猜你喜欢",
    r"^为您推荐",
    r"^大家都在看",
    r"^热门标签",
    r"^相关(?:新闻|阅读|文章|链接|报道|推荐)",
    r"^(?:related|recommended|popular|trending|more from|more on|read more|see also|you may also like"
    r"|most read|latest)\b",
    r"^(?:à lire aussi|lire aussi|sur le même sujet|mehr zum thema|leer más|lea también"
    r"|artículos relacionados)",
]
# Comment sections and prompts.
COMMENT = [
    r"^(?:发表|网友|全部|最新|热门)?评论(?:\s*\d+|[:：]|$)",
    r"^我要评论",
    r"^已有\d+人",
    r"^(?:登录|注册)(?:\s*[|/]\s*(?:登录|注册))?$",
    r"^(?:leave a (?:reply|comment)|post a comment|\d+\s+comments?|comments?\s*\(\d+\))",
    r"^(?:sign in|log in|register|subscribe)\b",
    r"^(?:reply|répondre|antworten)$",
]

GROUPS: list[tuple[DropReason, re.Pattern[str]]] = [
    (reason, re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE))
    for reason, patterns in (
        (DropReason.NAV, NAV),
        (DropReason.SHARE, SHARE),
        (DropReason.TAGS, TAGS),
        (DropReason.FOOTER, FOOTER),
        (DropReason.CREDIT, CREDIT),
        (DropReason.RELATED, RELATED),
        (DropReason.COMMENT, COMMENT),
    )
]

# Words in class/id attributes (HTML), nearest ancestor first, that mark boilerplate containers.
NEGATIVE_HINTS = {
    "nav": DropReason.NAV,
    "navbar": DropReason.NAV,
    "menu": DropReason.NAV,
    "breadcrumb": DropReason.NAV,
    "breadcrumbs": DropReason.NAV,
    "crumb": DropReason.NAV,
    "pagination": DropReason.NAV,
    "pager": DropReason.NAV,
    "header": DropReason.NAV,
    "topbar": DropReason.NAV,
    "masthead": DropReason.NAV,
    "toolbar": DropReason.NAV,
    "footer": DropReason.FOOTER,
    "foot": DropReason.FOOTER,
    "copyright": DropReason.FOOTER,
    "bottom": DropReason.FOOTER,
    "sidebar": DropReason.RELATED,
    "aside": DropReason.RELATED,
    "related": DropReason.RELATED,
    "recommend": DropReason.RELATED,
    "hot": DropReason.RELATED,
    "rank": DropReason.RELATED,
    "ranking": DropReason.RELATED,
    "popular": DropReason.RELATED,
    "trending": DropReason.RELATED,
    "widget": DropReason.RELATED,
    "share": DropReason.SHARE,
    "social": DropReason.SHARE,
    "sharing": DropReason.SHARE,
    "comment": DropReason.COMMENT,
    "comments": DropReason.COMMENT,
    "reply": DropReason.COMMENT,
    "tags": DropReason.TAGS,
    "tag": DropReason.TAGS,
    "keywords": DropReason.TAGS,
    "ad": DropReason.RELATED,
    "ads": DropReason.RELATED,
    "advert": DropReason.RELATED,
    "banner": DropReason.RELATED,
    "promo": DropReason.RELATED,
    "sponsor": DropReason.RELATED,
    "login": DropReason.NAV,
    "signup": DropReason.NAV,
    "newsletter": DropReason.RELATED,
    "subscribe": DropReason.RELATED,
    "cookie": DropReason.FOOTER,
}
POSITIVE_HINTS = frozenset(
    "article content post entry text body story main detail details news contents artibody "
    "articlebody postbody maintext zoom blog".split()
)

# Channel labels that dumps glue to the end of a headline ("…电商生态 滚动").
CHANNEL_TAGS = frozenset(
    "滚动 原创 独家 热门 推荐 置顶 最新 头条 图文 视频 快讯 专题 组图 荐 热 新 直播 深度 评论 "
    "国际 国内 社会 财经".split()
)
