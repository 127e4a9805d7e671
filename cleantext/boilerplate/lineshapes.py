"""Lines whose shape says they are chrome, whatever their words: rules of the ladder
(``rules.LADDER``) that read how a line is set rather than its vocabulary (``markers``).

- A toolbar written as text: a run of bracketed controls (``【我来说两句】【打印】【关闭】``).
- A menu or a breadcrumb written out as one line: short entries between bars (``首页 | 新闻``) or
  between one repeated mark (``Home » News » Sport``).
- Headlines or keywords run together on one long line of Han, a space between each.
- A dump's form: an empty text box (``[      ]``, ``________``) with its label and button; not a
  rule of the ladder but a test the kept text is filtered by at the end (``form_line``), as a
  dump's stand-in for an embedded frame is (``frame_stand_ins``: lynx's ``IFRAME: <address>``),
  and an advert's label alone on its line (``ad_label``: ``Advertisement``, ``广告``).

Each answers with a class and a reason, or passes (None), as every rule of the ladder.

>>> from cleantext.model import Block
>>> from cleantext.boilerplate.features import features_of
>>> line = "首页 | 新闻 | 体育"
>>> bar_menu(Block(0, line, source="text"), features_of(line))
(<BlockClass.BAD: 'bad'>, <DropReason.NAV: 'nav'>)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cleantext.boilerplate.features import Features, features_of, sparse
from cleantext.boilerplate.markers import MAX_MARKER_UNITS
from cleantext.model import Answer, Block, BlockClass, DropReason
from cleantext.regexes import compiled

# An empty text box as dumps draw it: w3m's brackets around spaces, lynx's underscores (a longer run
# is lynx's horizontal rule)
FORM_FIELD = compiled(r"\[ {3,}\]|(?<!_)_{8,50}(?!_)")
# lynx's stand-in for an embedded frame (a video, a map, an advert slot): ``IFRAME:`` and the frame's
# address, which goes on the next line when it does not fit after the label
FRAME_STAND_IN = compiled(r"IFRAME:(?:\s+\S+)?")
FRAME_LABEL = "IFRAME:"
FRAME_ADDRESS = compiled(r"(?:[a-z]+:)?//\S|[\w-]+$")  # a URL, or a frame's bare name or id
# An advert's label left alone where the advert was: a dump prints the slot's label on a line of
# its own between the story's paragraphs. Not a rule of the ladder: as chrome between paragraphs
# it would cut the story in two at the region step; undecided, it is a picture's place.
AD_LABEL = compiled(
    r"\W*(?:advertisements?|advertising|ads?|sponsored(?: content)?|anzeige|publicité|publicidad|pubblicità"
    r"|reklama|広告|广告|廣告)\W*",
    re.IGNORECASE,
)
MAX_AD_LABEL_CHARS = 24  # characters: a label and its dashes (``— Advertisement —``); a quick test first
# units: a form's line holds a label or two and a button (eight words); a longer one is a form set
# beside a column of text, or a heading with its reply box
MAX_FORM_UNITS = 16
# A run of bracketed controls: 【打印】【关闭】, ［收藏］［推荐］ (full-width brackets: the ones a page's
# own text writes; a dump's ASCII brackets stand for images and buttons and are placeholders).
# A control's text is a word or two (12 characters at most): longer bracketed text is a quote or a lead-in.
CONTROL = compiled(r"[【［〖]([^【】［］〖〗]{0,12})[】］〗]")
MIN_CONTROLS = 2  # bracketed items on a line for it to be a toolbar (a dateline opens with one: 【新华社北京电】)
MIN_CONTROL_SHARE = 0.6  # of a line's letters inside its brackets: the rest is a label (页面功能)
# What separates a line's menu items: a bar between spaces, or a full-width bar (｜) with or without
# them (an ASCII bar between letters is a shell pipe or an alternation: ``a|b``).
MENU_BAR = compiled(r"\s+\|\s+|\s*｜\s*")
DASH_MARKS = (" — ", " » ", " · ", " • ", " – ")
DASH_MARK = compiled("[—»·•–]")  # the marks of DASH_MARKS
MIN_DASH_ITEMS = 4
MAX_DASH_LINE_UNITS = 4 * MAX_MARKER_UNITS  # units: a longer line of entries is text, however set
MAX_DASH_ITEM_UNITS = 12  # units an entry holds on average: a page's or a forum's name (six words)
MAX_MENU_ITEM_UNITS = 6  # units of a menu entry between bars (首页, 新闻, Home, Contact us)
MIN_RUN_PIECES = 6  # pieces between spaces of a line of headlines run together
MAX_RUN_PIECE_CHARS = 16  # characters a piece holds on average: a headline, not a clause of prose
MIN_RUN_HAN_SHARE = 0.8  # of the line's characters: headlines are written in Han

BAD = BlockClass.BAD


def controls(block: Block, f: Features) -> Answer:
    """A toolbar written as text: a run of bracketed controls (``【我来说两句】【打印】【关闭】``), with
    at most a short label beside it. Each control is a word or two; an article's bracketed lead-in
    (``【新华社北京电】``) stands alone before a sentence."""
    if f.units > MAX_MARKER_UNITS or ("【" not in block.text and "［" not in block.text and "〖" not in block.text):
        return None
    items = CONTROL.findall(block.text)  # bracketed text longer than a control's is not one
    if len(items) < MIN_CONTROLS:
        return None
    inside = sum(1 for item in items for c in item if c.isalnum())
    letters = sum(1 for c in block.text if c.isalnum())
    return (BAD, DropReason.SHARE) if inside >= MIN_CONTROL_SHARE * letters else None


def bar_menu(block: Block, f: Features) -> Answer:
    """A line of short entries between bars (``首页 | 新闻 | 体育``, ``Home | News``): a menu or a
    breadcrumb, with no sentence among its entries. (A dump's table rows have their cells drawn
    apart by other characters, or hold numbers and sentences.)"""
    text = block.text
    if ("|" not in text and "｜" not in text) or f.units > MAX_MARKER_UNITS or f.punct:
        return None
    items = [item for item in MENU_BAR.split(text.strip(" |｜")) if item.strip()]
    if len(items) < 2:
        return None
    for item in items:
        size = features_of(item).units
        if size == 0 or size > MAX_MENU_ITEM_UNITS or any(c.isdigit() for c in item):
            return None
    return BAD, DropReason.NAV


def dash_menu(block: Block, f: Features) -> Answer:
    """A line of short entries set apart by one mark between spaces (``Home » News » Sport``,
    ``Forums — Help — Rules — Archive``): a menu, a breadcrumb or a forum's jump list written out
    as a line. A writer's dashes set off a clause or two, not a row of names."""
    text = block.text
    if f.units > MAX_DASH_LINE_UNITS or text.isascii() or DASH_MARK.search(text) is None:
        return None  # (every mark is outside ASCII: most lines leave after one scan)
    if ". " in text or "。" in text:
        return None  # a sentence ends inside: prose set off with dashes
    for mark in DASH_MARKS:
        if text.count(mark) >= MIN_DASH_ITEMS - 1:
            items = [item for item in text.split(mark) if item.strip()]
            sizes = [features_of(item).units for item in items]
            if len(items) >= MIN_DASH_ITEMS and sum(sizes) <= MAX_DASH_ITEM_UNITS * len(items):
                return BAD, DropReason.NAV
    return None


def run_together(block: Block, f: Features) -> Answer:
    """Headlines or keywords run together on one line, a space between each: a long line of Han
    too sparsely marked for prose (``features.sparse``) whose pieces between spaces are short.
    (Chinese prose sets no spaces between its words; a teaser grid's dump sets one between cells.)"""
    if not sparse(f) or f.cjk < MIN_RUN_HAN_SHARE * f.chars:
        return None  # (program code with comments in Chinese, joined by a dumper, is mostly ASCII)
    pieces = block.text.split()
    if len(pieces) >= MIN_RUN_PIECES and f.chars < MAX_RUN_PIECE_CHARS * len(pieces):
        return BAD, DropReason.RELATED
    return None


def frame_stand_ins(blocks: list[Block]) -> Iterator[int]:
    """The indexes of a dump's stand-ins for embedded frames (``FRAME_STAND_IN``): the label with
    its address, or the bare label and the line under it that opens with the address. A frame's
    address is no text of the page, as an image's file name is none."""
    label = False  # the block before is a bare label, its address on this line
    for block in blocks:
        text = block.text
        if label and block.source == "text" and FRAME_ADDRESS.match(text) and len(text.split()) <= 2:
            yield block.index  # (lynx may break a long address once more, at a character it can)
        elif text.startswith(FRAME_LABEL) and block.source == "text" and FRAME_STAND_IN.fullmatch(text):
            yield block.index
        label = text == FRAME_LABEL and block.source == "text"


def ad_label(block: Block) -> bool:
    """A dump's line that is only an advert's label (``AD_LABEL``: ``Advertisement``, ``广告``)."""
    text = block.text
    return block.source == "text" and len(text) <= MAX_AD_LABEL_CHARS and AD_LABEL.fullmatch(text) is not None


def form_line(block: Block, f: Features) -> bool:
    """A dump's short line holding an empty text box (``FORM_FIELD``): a search box, a sign-up or
    login form, with its labels and button (``MAX_FORM_UNITS``). No sentence ends it (the blanks
    of a fill-in-the-blank exercise stand in sentences). Not a rule of the ladder: such a line is
    undecided there, like any short line, and leaves the kept text at the end
    (``boilerplate.drop_placeholders``)."""
    text = block.text
    return (
        block.source == "text"
        and ("[" in text or "_" in text)
        and f.units <= MAX_FORM_UNITS
        and not f.ends_sentence
        and FORM_FIELD.search(text) is not None
    )
