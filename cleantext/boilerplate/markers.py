"""Boilerplate vocabulary: rules are data, the algorithm is code.

Each group is a list of regular-expression fragments, matched case-insensitively against
*short* blocks only (a long paragraph that mentions 分享 or "share" is still an article
paragraph; see ``MAX_MARKER_UNITS``). One comment per group says what it catches.

The vocabulary is written in Simplified Chinese once; Traditional pages (Taiwan, Hong Kong, or a
page converted with OpenCC) write the same words with other characters (時間, 來源, 責任編輯,
上一篇 stays 上一篇). ``both_scripts`` turns each Simplified character of a pattern into a
character class holding its Traditional forms, from the static table ``text.HANT`` — so a pattern
matches both scripts, with no converter run at import.

>>> from cleantext.text import both_scripts
>>> both_scripts("责任编辑[:：]")
'[责責]任[编編][辑輯][:：]'
"""

from __future__ import annotations

import re

from cleantext.model import DropReason
from cleantext.regexes import compiled
from cleantext.text import both_scripts

MAX_MARKER_UNITS = 60  # units: longer blocks that mention 分享/版权/share are prose, not bars
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
    # a link on past a box set inside the story, or on to the rest of it, alone on its line:
    # Continue reading the main story, Continue reading »
    r"^continue reading(?: the (?:main |full |rest of the )?(?:story|article|post))?\s*[»›→>]*$",
    r"^跳[到至](?:主文|正文|主要内容|内容)",  # a skip link: 跳到主文
    r"^you are here",
    r"^home\s*[>›»/]",
    r"^(?:menu|navigation|main menu)$",
    r"^\s*page \d+ of \d+",
    r"^(?:article précédent|article suivant|vorheriger artikel|nächster artikel|anterior|siguiente)",
    r"访问主要内容",
    r"添加到主屏幕",
    r"^查看更多$",
    r"^もっと見る$",  # Japanese: see more
    r"^加载更多$",
    r"^更多(?:>>|》|»)?$",
    r"^more\s*(?:>>|»)?$",
    # a search page's result count: 共找到 1,234 个相关新闻, 找到约 80 条结果, 12 results found
    r"找到\s*(?:约\s*)?\d[\d,，]*\s*(?:个|条|篇|项|份)",
    r"^(?:about\s+)?\d[\d,]*\s+(?:results?|matches)\b",
]
# Share bars, print/font-size tools, QR prompts, app download prompts.
SHARE = [
    r"分享[到至]",
    r"^分享[:：]?$",
    r"扫一扫",
    r"扫描二维码",
    r"微信扫",
    r"扫码",
    r"打印本[页文]",
    r"^打印$",
    r"关闭窗口",
    r"字号[:：]?\s*(?:默认\s*)?[大中小超]",
    r"^(?:调整|设置)字[体号]",  # the font-size tool's label
    r"^字[大小]$",
    r"^【?[大中小]】?$",
    r"收藏本[文页站]",
    r"^已?[收收]藏(?:成功)?[!！]?$",  # the button, and the note it shows once pressed
    r"^share(?: this| on)?\b",
    r"^tweet$",
    r"^email$",
    r"^print$",
    r"^(?:facebook|twitter|linkedin|whatsapp|reddit|pinterest)$",
    r"^(?:partager|teilen|compartir|condividi)\b",
    r"下载客户端",
    r"请下载.{0,12}(?:app|客户端)",  # 更多资讯请下载“X”APP
    r"^点赞$",
    r"^\d*\s*(?:likes?|shares?)$",
    # save-to-favourites prompts
    r"加入收藏",
    r"添加到?收藏",
    r"^(?:save|add) to (?:favou?rites|bookmarks)\b",
]
# A video player's controls and messages, written out by a dumper around the story they play in.
PLAYER = [
    r"播放(?:模式|速度|失败|出错)",
    r"^(?:倍速|全屏|退出全屏|静音|重播|跳过片头|循环播放|画中画)$",
    r"当前视频",
    r"^自动播放",  # the autoplay switch over a clip's title
    r"广告被.{0,6}拦截",
    r"^(?:视频)?时长\s*[:：]\s*\d",  # a clip's duration: 时长：01:45
]
# Promotions beside a story: a product's trial, a limited offer.
PROMO = [
    r"免费试用",
    r"立即(?:试用|抢购|领取|开通)",
    r"限时(?:免费|优惠|特惠|折扣)",
    r"^(?:start (?:your|a) free trial|try (?:it )?(?:for )?free)\b",
    # a newsletter's sign-up line under a story: a call to sign up, join or stay informed that
    # names what arrives by mail (sign up for free email updates; get the news delivered to your inbox)
    r"^(?:sign up|join us|join our|stay (?:up[- ]to[- ]date|informed|in touch|connected)|get (?:the|more|our)\b)"
    r".{0,80}\b(?:newsletters?|e-?mail updates|(?:news )?alerts|(?:to|in) your inbox)\b",
    # a blog's affiliate disclosure over a post: the post may contain affiliate links; as an
    # Amazon Associate I earn from qualifying purchases
    r"^(?:this|the|our) (?:post|article|page|site|blog|content|recipe) (?:may )?contains? affiliate links?\b",
    r"^as an amazon associate\b",
]
# A paywall's notice where the article stops for non-subscribers: the story is for subscribers or
# members only, subscribe or log in to read on (Japanese: 会員限定 members only, 有料会員 paying
# members; 続きをお読みいただけます you can read the rest; 订阅/登录后阅读全文 subscribe or log in to
# read the whole text). Set under the visible part of a story, and in the dialogs its toolbar opens.
PAYWALL = [
    r"会员限定",
    r"有料会员",
    r"続きをお読みいただけます",
    r"订阅后?(?:即可)?(?:阅读|查看)全文",
    r"登录后?(?:即可)?(?:阅读|查看)全文",
    # (English at the line's start: a fragment opening with a word boundary is looked for at every
    # word of every short block, which made the ladder a tenth slower on dumps)
    r"^(?:this|the) (?:article|story|content|page) is (?:only )?(?:available |reserved |exclusive(?:ly)? )?"
    r"(?:for|to) (?:paid |paying )?(?:subscribers|members)\b",
    r"^(?:for|to) (?:paid |paying )?(?:subscribers|members) only\b",
    r"^(?:subscribe|sign in|log in|register)(?: now)? to "
    r"(?:continue reading|read (?:more|(?:the|this) (?:full|whole|rest)))",
    r"^to continue reading\b",
    r"réservée? aux abonnés",
    r"nur für (?:abonnenten|abonnentinnen)",
    r"exclusivo para (?:suscriptores|abonados|socios)",
]
# Tag and keyword lines.
TAGS = [
    r"^(?:标签|关键词|关键字|tags?|keywords?|topics?|schlagwörter|étiquettes|etiquetas)\s*[:：]",
    # the same line naming what it tags: a post's, an article's (文章标签：, Post tags:)
    r"^(?:文章|本文|日志|博文|帖子)(?:标签|关键词)\s*[:：]",
    r"^(?:post|article|entry|story)\s+(?:tags|keywords)\s*[:：]",
    # a post's taxonomy line: its category and tags, under a blog post or a notice
    r"^(?:所属|文章|日志)?分类\s*[:：]",
    r"^(?:categor(?:y|ies)|filed under)\s*[:：]",
    r"^(?:posted|filed) (?:in|under)\b",
]
# Reprint notices: a site's rights over the article, set under it (``articles`` ends the article there).
REPRINT = [
    r"未经授权(?:禁止|不得)",
    r"未经.{0,8}(?:授权|许可|同意).{0,12}(?:转载|使用|复制)",  # 未经书面授权请勿转载
    r"转载请注明",
    r"不得转载",
    r"请勿转载",
    r"禁止转载",
]
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
    r"网站标识码",  # the registration number a government site shows in its footer
    r"违法和不良信息举报",
    r"举报电话",
    r"联系我们",
    r"关于我们",
    r"免责声明",
    r"隐私政策",
    r"网站地图",
    r"广告服务",
    r"^(?:privacy policy|terms of (?:use|service)|cookie policy|contact us|about us|sitemap)\b",
    *REPRINT,
    r"^本[站网]",
    r"技术支持[:：]",
    r"主办单位\s*[:：]",  # a label in a footer; prose says 主办单位表示…
    r"承办单位\s*[:：]",
    r"^powered by\b",
    r"mentions légales",
    r"impressum",
    r"datenschutz",
]
# Editor and photo credits, captions that are credits. A credit's label is set off by a colon or,
# as often on Chinese pages, by a bar (编辑|张三, 责编｜李四).
CREDIT = [
    r"责任编辑",
    r"责编\s*[:：|｜]",
    r"^\[?编辑\s*[:：|｜]",
    r"审核\s*[:：|｜]",
    r"校对\s*[:：|｜]",
    r"供图$",
    r"供图[)）]?$",
    r"图片来源[:：]",
    r"^图[:：]",
    r"^\(?photo(?:graph)?s?\s*(?:by|:)",
    r"^image(?:s)?\s*(?:by|:|credit)",
    r"^(?:photo|image) credit",
    r"^(?:editor|edited by|reporting by|additional reporting)\b",
    r"^\s*\[?作者[:：]",
    # a reprint's note naming the headline the story first ran under: the editor's, not the writer's
    r"^[（(]?(?:本文)?原标题\s*[:：]",
]
# Headings of related-article and teaser lists, hot lists, recommendations.
RELATED = [
    r"^(?:相关|热门|推荐|最新|精彩|延伸|猜你|更多|热点|排行|往期|今日|近期)"
    r"(?:新闻|阅读|文章|推荐|资讯|专题|报道|图片|视频|内容|喜欢|排行|热点|搜索|评论|链接)?(?:[:：>》]|$)",
    r"^猜你喜欢",
    r"^你?可能(?:还|也)?(?:想看|喜欢|感兴趣)",
    r"^为[您你]推荐",  # recommended for you, polite or plain
    r"^大家都在看",
    r"^热门标签",
    r"^相关(?:新闻|阅读|文章|链接|报道|推荐|资讯|内容|话题)",
    r"^(?:related|recommended|popular|trending|more from|more on|read more|see also|you may also like"
    r"|most read|latest)\b",
    r"^(?:à lire aussi|lire aussi|sur le même sujet|mehr zum thema|leer más|lea también"
    r"|artículos relacionados)",
    # German, Italian, Portuguese and Dutch: similar, related or further posts and articles, "you
    # may also like this", "read also"
    r"^(?:ähnliche (?:beiträge|artikel)|verwandte (?:beiträge|artikel)|weitere (?:beiträge|artikel)"
    r"|das könnte (?:sie|dich) auch interessieren|articoli correlati|potrebbe interessarti|leggi anche"
    r"|artigos relacionados|leia também|gerelateerde artikelen|lees ook)",
    # Japanese: related articles or news, recommended articles, popular articles, "read this too",
    # "people who read this article (also read)"
    r"^(?:関連(?:記事|ニュース)|おすすめ(?:の)?記事|人気(?:の)?記事|あわせて読みたい|この記事を(?:見た|読んだ)人)",
]
# A comment section's count: 《标题》已有1件评论, 共23条评论.
COMMENT_COUNT = [r"已有\s*\d+\s*[件条个篇]评论", r"共有?\s*\d+\s*[件条个篇]评论"]
# "comments" in the languages of Europe and beyond, in the forms a count takes (``3 Kommentare``,
# ``Komentarze (10)``, ``1 commento``), for the count forms of a comment section's heading; no
# lowercase letter after it (``commentators``), though a dump may run the next button's label on
# (``7 CommentsEmail Page``)
COMMENTS_WORD = (
    r"(?:comments?|kommentar(?:e|er)?|commentaires?|comment[oi]|coment[aá]rios?|reacties?"
    r"|komentar(?:z[ey]?|i|ji|jev|a)?|komentář[eů]?|yorum(?:lar)?|комментари[йиея]в?)(?-i:(?![a-zß-ÿа-я]))"
)
FORM_HEADINGS = r"leave a (?:reply|comment)|post a comment"  # a comment form's English headings
# The prompt a comment form shows a visitor (You must be logged in to post a comment.), and its
# request (Please sign in to comment, Please log in to post questions, 请先登录后发表评论).
COMMENT_PROMPT = [
    r"^you must (?:be )?(?:logged|signed|log|sign) in to\b",
    r"^please (?:sign up|sign in|log ?in|register)\b.{0,40}\b(?:comment|repl(?:y|ies)|posts?)\b",
    r"^(?:请|您需要|需要)?先?(?:登录|登陆)(?:后|以|并)?(?:才能|即可)?(?:发表|查看|参与)?(?:或(?:发表|查看))?(?:评论|留言|回复)",
]
# Comment sections and prompts.
COMMENT = [
    r"^(?:发表|网友|全部|最新|热门)?评论(?:\s*\d+|[:：]|$)",
    r"^我要评论",
    r"^已有\d+人",
    *COMMENT_COUNT,
    # an account's links alone on a line, a dump's separator between them or none (注册登录, JoinLog In)
    r"^(?:登录|登陆|注册)(?:\s*[|/]?\s*(?:登录|登陆|注册))?$",
    r"^(?:join|sign up)\s*[|/·•]?\s*(?:sign in|log ?in)$",
    rf"^(?:{FORM_HEADINGS}|\d+\s+{COMMENTS_WORD}|{COMMENTS_WORD}\s*\(\d+\))",
    r"^(?:sign in|log in|register|subscribe)\b",
    *COMMENT_PROMPT,
    r"^(?:reply|répondre|antworten)$",
    r"举报.{0,10}回复$",  # a comment's action bar: 5月16日18:14举报查看对话赞494回复
    # a comment box's rules for commenters: keep it civil, the comments are the readers' own view
    r"文明(?:发言|评论|上网|留言)",
    r"理性(?:发言|评论|留言)",
    r"言论文明",
    r"语言文明",
    r"评论仅代表",
    r"留言仅代表",
    r"仅代表(?:网友|用户|评论者|读者)",
]
# The label a Chinese site's legal notice opens with (``【免责声明】本文仅代表作者本人观点…``): under
# it come sentences of any length, so the label decides (``rules.notice``), not the length. Not
# "Disclaimer:": on English pages that opens the writer's own disclosure as often (``Disclaimer: I
# own shares of…``), a paragraph of the post.
NOTICE_LABEL = both_scripts(r"^\W{0,2}(?:免责声明|版权声明|本[站网].{0,2}声明)\s*(?:[】\]）)]\s*[:：]?|[:：])")
# A content platform's hosting disclaimer under each article its users publish (``以上内容…为自媒体平台
# “X号”用户上传并发布，本平台仅提供信息存储服务``): the platform's legal notice in the words Chinese
# law gives a host, whatever label (特别声明, 平台声明) or none opens it; ``rules.notice``.
HOSTING_NOTICE = both_scripts(r"仅提供信息存储")
# Cookie and consent banners: long prose, so they are told by two words together, at any length
# (``rules.consent``): the cookie word and a word of consent, data processing or partners.
CONSENT_COOKIE = r"cookie|ciasteczk|クッキー"
CONSENT_WORDS = (
    r"consent|zgod|zustimm|einwillig|einverstanden|erlaubnis|toestemming|consentement|consenso|consentimiento|"
    r"accept|acept|akzeptier|"
    r"partners?|terze parti|third[- ]part|partenaires|przetwarza|datenschutz|privacy|dati personali|"
    r"personal data|données personnelles|datos personales"
)



def _source(fragments: list[str]) -> str | None:
    """One regular expression (its source) for the fragments, or None when there are none."""
    return both_scripts("|".join(f"(?:{p})" for p in fragments)) if fragments else None


def _group(reason: DropReason, fragments: list[str]) -> tuple[DropReason, re.Pattern[str] | None, str | None]:
    """A group as (reason, fragments anchored at the start, the others): the anchored ones are
    tried with ``match`` at the start only, not at every position of the block. The others are
    searched only in the few blocks where ``ANY_ANYWHERE`` finds something: they are kept as a
    source, compiled on first use rather than at start-up)."""
    anchored = _source([p[1:] for p in fragments if p.startswith("^")])
    anywhere = _source([p for p in fragments if not p.startswith("^")])
    return reason, compiled(anchored, re.IGNORECASE) if anchored else None, anywhere


VOCABULARY = (
    (DropReason.NAV, NAV + PLAYER),
    (DropReason.SHARE, SHARE),
    (DropReason.TAGS, TAGS),
    (DropReason.FOOTER, FOOTER),
    (DropReason.CREDIT, CREDIT),
    (DropReason.RELATED, RELATED + PROMO + PAYWALL),
    (DropReason.COMMENT, COMMENT),
)
GROUPS: list[tuple[DropReason, re.Pattern[str] | None, str | None]] = [
    _group(reason, fragments) for reason, fragments in VOCABULARY
]
REPRINT_NOTICE = compiled(_source(REPRINT) or "(?!)")
# The heading a comment section opens with (not its buttons: sign in, reply, a bare 评论 tab).
COMMENTS_OPENING = [
    r"^(?:发表|网友|全部|最新|热门)评论(?:\s*\d+|[:：(（]|$)",
    r"^我要评论",
    *COMMENT_COUNT,
    rf"^(?:{FORM_HEADINGS}|\d+\s+{COMMENTS_WORD}\s*[:：]?$|{COMMENTS_WORD}\s*\(\d+\))",
]
COMMENTS_HEADING = compiled(_source(COMMENTS_OPENING) or "(?!)", re.IGNORECASE)
# A comment form's heading (Leave a Reply, 发表评论) or its prompt: the form under the article,
# which ends it whatever its length (a count of comments ends only a long one).
COMMENT_FORM_OPENING = [rf"^(?:{FORM_HEADINGS})\b", r"^(?:发表评论|我要评论)(?:[:：]|$)", *COMMENT_PROMPT]
COMMENT_FORM = compiled(_source(COMMENT_FORM_OPENING) or "(?!)", re.IGNORECASE)
# The heading a question's answers open with, a count and the word (``3 Answers``, ``Answers (34)``,
# ``5 个回答``, ``回答(3)``): the list under it answers the question above, however long that is.
# Not "replies": a blog's comment section is headed so as often as a forum's posts.
ANSWERS_OPENING = [
    r"^\d[\d,.]*\s*answers?$",
    r"^answers?\s*[(（]\d[\d,.]*[)）]$",
    r"^(?:共\s*)?\d[\d,]*\s*(?:个|条)?(?:回答|答案)$",
    r"^(?:全部)?(?:回答|答案)\s*[(（]?\d[\d,]*[)）]?$",
]
ANSWERS_HEADING = compiled(_source(ANSWERS_OPENING) or "(?!)", re.IGNORECASE)

# One element of a pattern: an escaped character, a character class, or any other character.
ELEMENT = compiled(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|.", re.S)


def _opening(fragment: str) -> str | None:
    r"""The element every match of ``fragment`` starts with (a character, an escaped character
    or a class), or None when a match may start otherwise: the fragment opens with a group or
    an optional element, or is an alternation.

    >>> _opening("[分份]享到"), _opening(r"\(c\)\s*\d{4}"), _opening(r"\d*\s*likes"), _opening("a|b")
    ('[分份]', '\\(', None, None)
    """
    elements = ELEMENT.findall(fragment)
    if not elements or elements[0] in ("(", ")", "|", "?", "*", "+", "{"):
        return None
    if len(elements) > 1 and elements[1] in ("?", "*", "{"):
        return None  # the opening element may be absent
    depth = 0
    for element in elements:
        depth += {"(": 1, ")": -1}.get(element, 0)
        if element == "|" and depth == 0:
            return None
    return elements[0]


def _any_of(fragments: list[str]) -> re.Pattern[str]:
    """One pattern matching wherever one of the fragments matches. A lookahead for the elements
    the fragments open with lets the regular-expression engine pass over most positions with one
    test instead of one per fragment (a sixth of the time on short Chinese blocks)."""
    if not fragments:
        return compiled(r"(?!)")  # matches nothing
    pattern = "|".join(f"(?:{both_scripts(p)})" for p in fragments)
    openings = {_opening(both_scripts(p)) for p in fragments}
    if None not in openings:
        pattern = f"(?=(?:{'|'.join(sorted(str(o) for o in openings))}))(?:{pattern})"
    return compiled(pattern, re.IGNORECASE)


def _may_open_in_ascii(fragment: str) -> bool:
    """Can a match of the fragment start at an ASCII character? (When it cannot, ASCII text,
    most of an English page, never holds it.)"""
    opening = _opening(both_scripts(fragment))
    return opening is None or compiled(opening, re.IGNORECASE).search(ASCII) is not None


ASCII = "".join(map(chr, range(128)))
_ANYWHERE = [p for _, fragments in VOCABULARY for p in fragments if not p.startswith("^")]
# The unanchored fragments of every group at once: when this finds nothing, as in most short
# blocks, no group's search can. (The anchored fragments are tried at one position only, where
# the groups' own patterns cost little more than one pattern for all, which takes ~10 ms to compile.)
ANY_ANYWHERE = _any_of(_ANYWHERE)
ANY_ANYWHERE_IN_ASCII = _any_of([p for p in _ANYWHERE if _may_open_in_ascii(p)])  # for ASCII text
