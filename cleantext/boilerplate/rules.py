"""The block classifier: an ordered ladder of named, pure rules.

Each rule looks at one block and its features and either answers or passes. The first rule that
answers decides: the block's ``Verdict`` names it (``Verdict.rule``, the rule function's name),
with the reason it gave. A rule answers with a *class* (``BlockClass``):

- ``bad``: boilerplate, whatever the neighbours say (menus, share bars, copyright lines);
- ``good``: article text on its own merits (long, punctuated prose);
- ``short``: too little to judge alone; context smoothing decides from the neighbours.

The ladder is the same for HTML and dumps: features a format lacks keep neutral values (a dump
has no links, HTML has no bullets). A run remembers the ladder's answers (``memory``).

>>> from cleantext.model import Block
>>> step = judge(Block(0, "上一篇：某某新闻", source="text"))
>>> step.name, str(step.cls), str(step.reason)
('marker', 'bad', 'nav')
>>> judge(Block(0, "这是一个足够长的句子，它有标点，也有内容，读起来像正文的一部分，而不是菜单。")).name
'prose'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from cleantext.boilerplate.entries import ATTACHMENT, MAX_LIST_TEASER_UNITS, dated_entry, list_item, teaser
from cleantext.boilerplate.features import MIN_GOOD_UNITS, MIN_SHORT_UNITS, Features, features_of
from cleantext.boilerplate.hints import NEGATIVE_HINTS, hint_word
from cleantext.boilerplate.lineshapes import bar_menu, controls, dash_menu, run_together
from cleantext.boilerplate.markers import (
    ANY_ANYWHERE,
    ANY_ANYWHERE_IN_ASCII,
    CONSENT_COOKIE,
    CONSENT_WORDS,
    GROUPS,
    HOSTING_NOTICE,
    MAX_MARKER_UNITS,
    NOTICE_LABEL,
)
from cleantext.boilerplate.postlinks import post_link
from cleantext.boilerplate.titleruns import title_run
from cleantext.model import Answer, Block, BlockClass, BlockReason, DropReason, KeepReason, Step
from cleantext.regexes import compiled

MAX_LINK_DENSITY = 0.5  # share of a block's characters inside links: more is a menu or list
LONG_LINK_DENSITY = 0.75  # long blocks may carry inline links; this many makes them lists
# A dump line of bracketed stand-ins only: images, buttons, form fields ([4e2062a5cf], [登录]).
PLACEHOLDERS = compiled(r"(?:\[[^\[\]]*\]\s*)+")
MIN_GOOD_PUNCT_DENSITY = 0.02  # punctuation marks per unit below which long text is a menu dump
# units: an alphabetic block this long with any sentence mark is running text whatever its mark
# density (Urdu and Hindi writers often set few marks; a menu written out as one line stays well
# below this). Not for CJK text: Chinese prose is always densely marked, and a long block of Han
# with few marks is a list of names or keywords.
MIN_LONG_TEXT_UNITS = 200
MAX_CONSENT_UNITS = 400  # units: a cookie banner's text, however verbose, is shorter than this
COOKIE = compiled(CONSENT_COOKIE, re.I)
# A piece of each of COOKIE's words, lower-cased, that holds no "i" nor "s": the pattern's case
# folding matches "İ" and "ſ" where ``str.lower`` keeps them, so only these pieces make a test that
# finds every block the pattern can match (a case-blind search costs a dozen times more).
COOKIE_PIECES = ("cook", "teczk", "クッキー")
CONSENT = compiled(CONSENT_WORDS, re.I)
# An HTML tag written out as text: a dumper prints ad snippets and templates verbatim.
TAG = compiled(r"<(?:[a-zA-Z][\w-]*(?:\s[^<>]*)?|/[a-zA-Z][\w-]*\s*)>")
# Grammatical words of written Chinese (both scripts): particles, pronouns, a few adverbs and
# conjunctions. Names, titles and menu entries do without them; a sentence rarely does.
GRAMMATICAL = tuple("的了是在也就都而着著把被这這那我你他她们們很还還又但却卻已将將地得过過让讓给給吗嗎呢吧啊")
MIN_GRAMMATICAL = 3  # grammatical words in an unmarked line for it to read as a sentence (titles have 1-2)
MIN_GRAMMATICAL_SHARE = 0.05  # of its Han characters (prose has 0.1-0.3, name lists about 0)
MIN_CLAUSE_CHARS = 8  # characters between separators, on average, in a line of clauses (menus: 2-4)
ITEM_SEPARATOR = compiled(r"[\s|｜/／·•・\-–—_>»›,，、;；]")  # what a line of menu items puts between them
MIN_DOUBLED_CHARS = 6  # characters each half of a doubled line holds: shorter is "etc.etc."
MIN_MARKUP_SHARE = 0.4  # of a block's characters inside tags: more is page source, not text about it
# A long token of no word: a script's escaped string (``\x27Bs7qUnj…``) or an encoded blob (base64,
# an ad's tracking key: ``DwM+vhG67TwWI6Xhg…``), letters and digits changing places again and again.
# Addresses are left out (an article may print one), and so is any text outside ASCII unless it
# holds a script's escape (``\x26quot;``, ``\u00e7``): a string of a script in any language.
LONG_TOKEN = compiled(r"\S{12,}")
ESCAPE = compiled(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})")
SCRAMBLE = compiled(r"\\|(?:[A-Za-z]+\d+){3}|(?:\d+[A-Za-z]+){3}")
ADDRESS_OPENINGS = ("http", "www.", "(http", "[http", "<http")
MIN_SCRAMBLED_CHARS = 40  # characters, spaces excluded: a shorter line is left to its neighbours
MIN_SCRAMBLED_SHARE = 0.6  # of a line's characters in scrambled tokens: a script or a blob, not text

GOOD, BAD, SHORT = BlockClass.GOOD, BlockClass.BAD, BlockClass.SHORT
Rule = Callable[[Block, Features], Answer]


def empty(block: Block, f: Features) -> Answer:
    """No letters or digits at all: separators, icons, stray punctuation."""
    if f.units == 0 and not any(c.isalnum() for c in block.text):
        return BAD, DropReason.EMPTY
    return None


def marker(block: Block, f: Features) -> Answer:
    """Short blocks holding boilerplate vocabulary (上一篇, 分享到, 版权所有, Related...)."""
    if f.units > MAX_MARKER_UNITS:
        return None
    text = block.text
    # one search for the unanchored fragments of all groups; most short blocks hold none
    any_group = (ANY_ANYWHERE_IN_ASCII if text.isascii() else ANY_ANYWHERE).search(text) is not None
    for reason, at_start, anywhere in GROUPS:
        if (at_start is not None and at_start.match(text)) or (
            any_group and anywhere is not None and compiled(anywhere, re.IGNORECASE).search(text)
        ):
            return BAD, reason
    return None


NOTICE = compiled(NOTICE_LABEL, re.IGNORECASE)
HOSTING = compiled(HOSTING_NOTICE)


def notice(block: Block, f: Features) -> Answer:
    """A site's legal notice, told by the label it opens with (``markers.NOTICE_LABEL``) or, on a
    content platform, by its hosting disclaimer (``markers.HOSTING_NOTICE``), at any length: a
    disclaimer's sentences are as long as an article's, and under a short article they outweigh
    it in the region.

    >>> notice(Block(0, "【免责声明】本文仅代表作者本人观点，与本站无关。" * 4), features_of("x"))
    (<BlockClass.BAD: 'bad'>, <DropReason.FOOTER: 'footer'>)
    """
    text = block.text
    if NOTICE.match(text) or (not text.isascii() and HOSTING.search(text)):
        return BAD, DropReason.FOOTER
    return None


def markup(block: Block, f: Features) -> Answer:
    """Text that is mostly HTML tags: page source a dumper printed verbatim, never article text
    (an article quoting markup quotes a little of it among its sentences)."""
    text = block.text
    if "<" not in text or ">" not in text:
        return None
    inside = sum(m.end() - m.start() for m in TAG.finditer(text))
    return (BAD, DropReason.MARKUP) if inside >= MIN_MARKUP_SHARE * len(text) else None


def scrambled(block: Block, f: Features) -> Answer:
    """Text that is mostly tokens of no language (``SCRAMBLE``): a script's source or an encoded
    blob a dumper printed (lynx prints what some pages write into frames), however long and
    punctuated it looks; a command or an address quoted in an article stands among words. (A line
    of a picture's stand-ins is left to ``placeholder``: its file name is no text, but stands
    where pictures do, between paragraphs.)"""
    if f.chars < MIN_SCRAMBLED_CHARS or stand_ins(block):
        return None
    scrambled = sum(len(token) for token in LONG_TOKEN.findall(block.text) if _scrambled(token))
    return (BAD, DropReason.MARKUP) if scrambled >= MIN_SCRAMBLED_SHARE * f.chars else None


def _scrambled(token: str) -> bool:
    if ESCAPE.search(token):
        return True
    return token.isascii() and not token.startswith(ADDRESS_OPENINGS) and SCRAMBLE.search(token) is not None


def doubled(block: Block, f: Features) -> Answer:
    """A line that says the same thing twice: a teaser's image caption and its link text side by
    side (``魏征生平简介魏征是个怎样的人？魏征生平简介魏征是个怎样的人？``); no writer repeats a
    whole sentence back to back."""
    text = block.text
    if text.find(text[:MIN_DOUBLED_CHARS // 2], 1) < 0:
        return None  # its opening never comes back: most blocks leave here
    text = "".join(text.split())
    half = len(text) // 2
    if half >= MIN_DOUBLED_CHARS and len(text) % 2 == 0 and text[:half] == text[half:]:
        return BAD, DropReason.RELATED
    return None


def consent(block: Block, f: Features) -> Answer:
    """Cookie and consent banners: prose about cookies and consent, data or partners."""
    if f.units > MAX_CONSENT_UNITS:
        return None
    text = block.text
    lower = text.lower()
    for piece in COOKIE_PIECES:
        if piece in lower:
            break
    else:
        return None
    if COOKIE.search(text) and CONSENT.search(text):
        return BAD, DropReason.FOOTER
    return None


def container_hint(block: Block, f: Features) -> Answer:
    """HTML blocks inside containers named like boilerplate; the nearest named ancestor decides
    (``hints.hint_word``)."""
    word = hint_word(block.hint, block.text)
    if word is None:
        return None
    reason = NEGATIVE_HINTS[word]
    # Long prose survives a container name (a "header" div holding the lead), except in comment
    # sections, where long prose is what comments are; a page that is all comments (a forum
    # thread) gets them back as text in ``classify``.
    long_prose = f.units >= 2 * MIN_GOOD_UNITS and f.punct >= 3 and reason != DropReason.COMMENT
    return None if long_prose else (BAD, reason)


def link_dense(block: Block, f: Features) -> Answer:
    """Text that is mostly links: menus, tag clouds, teaser lists. A link to a document file (a
    notice's attachment: ``附件：1. 申请表.doc``) is left to its neighbours: a page links its own
    files in its text, its menus link pages. A short line whose letters are mostly in links is a
    taxonomy line (``分类：生活 | 标签：番茄，阳台``): labels and separators between short links. (In
    HTML only: a Markdown dump's short lines are often pieces of a paragraph around its links.)"""
    if not block.link_chars or not block.text:
        return None
    density = block.link_chars / len(block.text)
    limit = LONG_LINK_DENSITY if f.units >= 2 * MIN_GOOD_UNITS else MAX_LINK_DENSITY
    if density > limit:
        if f.units < MAX_LIST_TEASER_UNITS and ATTACHMENT.search(block.text):
            return SHORT, DropReason.LINK_DENSE
        return BAD, DropReason.LINK_DENSE
    if block.source == "html" and f.units <= MAX_MARKER_UNITS and not f.ends_sentence:
        letters = sum(c.isalnum() for c in block.text)
        if block.link_chars > MAX_LINK_DENSITY * letters:
            return BAD, DropReason.LINK_DENSE
    return None


def preformatted(block: Block, f: Features) -> Answer:
    """HTML ``<pre>`` blocks with some text: code and verse quoted in the article, not menus."""
    if block.kind == "pre" and f.units >= MIN_SHORT_UNITS:
        return GOOD, KeepReason.PREFORMATTED
    return None


def code(block: Block, f: Features) -> Answer:
    """Lines of program code in a dump (an HTML page marks them with ``<pre>``): undecided, so
    that the article around them decides, never a menu for lacking sentence marks."""
    if f.code_like and block.source == "text":
        return SHORT, KeepReason.CODE
    return None


def prose(block: Block, f: Features) -> Answer:
    """Long, punctuated text: article paragraphs."""
    if f.units >= MIN_GOOD_UNITS and f.punct_density >= MIN_GOOD_PUNCT_DENSITY:
        return GOOD, KeepReason.BODY
    return None


def long_text(block: Block, f: Features) -> Answer:
    """Very long alphabetic text with some sentence marks: a paragraph of a sparsely punctuated
    language, never a menu."""
    if f.units >= MIN_LONG_TEXT_UNITS and f.punct > 0 and not f.is_cjk:
        return GOOD, KeepReason.BODY
    return None


def unmarked_sentence(block: Block, f: Features) -> Answer:
    """A long stretch of Han with no sentence mark that reads as a sentence: some writers set no
    marks at all (a line per clause). A list of names run together (a dumper drops a menu's
    separators) has none of the grammatical words every sentence is built with (的, 了, 在, 这...);
    a menu that kept its separators (spaces, bars, dots) has short items between them. One
    grammatical word short of a sentence's (a long title, a writer's terse clause) the line is
    left to its neighbours: between sentences it is one, between menus it leaves."""
    if not (f.is_cjk and f.units >= MIN_GOOD_UNITS and f.punct == 0):
        return None
    pieces = [piece for piece in ITEM_SEPARATOR.split(block.text) if piece]
    if len(pieces) > 1 and sum(map(len, pieces)) < MIN_CLAUSE_CHARS * len(pieces):
        return None  # short items between separators: a menu (a space between clauses is a pause)
    grammatical = sum(block.text.count(word) for word in GRAMMATICAL)
    if grammatical >= MIN_GRAMMATICAL and grammatical >= MIN_GRAMMATICAL_SHARE * f.cjk:
        return GOOD, KeepReason.BODY
    if grammatical >= MIN_GRAMMATICAL - 1:
        return SHORT, DropReason.SHORT
    return None


def placeholder(block: Block, f: Features) -> Answer:
    """A dump's line of bracketed stand-ins only (lynx and w3m write a picture without a caption
    as its file name, ``[0a9f3c~image?w=640&from=article]``): no text however long, so no menu
    either; like a picture between paragraphs it is left to its neighbours."""
    return (SHORT, DropReason.SHORT) if stand_ins(block) else None


def stand_ins(block: Block) -> bool:
    """Is the block a dump's line of bracketed stand-ins only (``PLACEHOLDERS``)?"""
    return block.source == "text" and block.text.startswith("[") and PLACEHOLDERS.fullmatch(block.text) is not None


def unpunctuated(block: Block, f: Features) -> Answer:
    """Long text with no sentence marks: a menu or a keyword list written out as one line."""
    if f.units >= MIN_GOOD_UNITS and f.punct == 0:
        return BAD, DropReason.NAV
    return None


def short(block: Block, f: Features) -> Answer:
    """Everything else is left to context smoothing."""
    return SHORT, DropReason.SHORT


LADDER: tuple[Rule, ...] = (
    empty,
    markup,
    doubled,
    marker,
    notice,
    controls,
    bar_menu,
    dash_menu,
    consent,
    container_hint,
    link_dense,
    list_item,
    dated_entry,
    teaser,
    preformatted,
    code,
    scrambled,
    run_together,
    title_run,
    post_link,
    prose,
    long_text,
    unmarked_sentence,
    placeholder,
    unpunctuated,
    short,
)
# The names later steps know a verdict's first step by (``Judged.rule``), from the functions' names.
MARKER = marker.__name__  # a line of the vocabulary (a tags line, a "Read more")
CONTAINER_HINT = container_hint.__name__  # a block of an element named like boilerplate (comments)
CONSENT_RULE = consent.__name__  # a paragraph of a cookie or consent banner (``banners``)


@functools.cache
def _ruling(name: str, cls: BlockClass, reason: BlockReason) -> Step:
    """One ``Step`` per distinct answer of a rule: verdicts share them rather than each holding its own."""
    return Step(name, cls, reason)


def judge(block: Block, feats: Features | None = None, skip: frozenset[str] = frozenset()) -> Step:
    """Run the ladder; the first rule that answers decides, and the answer names it. Answers whose
    reason is in ``skip`` are passed over (a page that is a comment thread reads its comments as text)."""
    f = feats or features_of(block.text)
    for rule in LADDER:
        answer = rule(block, f)
        if answer is not None and answer[1] not in skip:
            return _ruling(rule.__name__, *answer)
    raise AssertionError("the ladder ends with a rule that always answers")
