"""The hand-offs between stages, defined once.

Every stage takes one of these frozen dataclasses and returns the next:

    read ──► RawPage ──► decode ──► Decoded ──► segment ──► [Block] ──► boilerplate ──► [Verdict]
         ──► document ──► Article ──► convert ──► Article ──► write

A page that cannot become an Article ends as a ``Drop`` (a counted reason) or a ``Failure``
(an error message naming the input). Nothing else leaves the pipeline, so
``read == written + dropped + failed`` always holds.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

_REASON_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")  # how built-in reasons are spelled: shown and counted as is


class DropReason(enum.StrEnum):
    """Why a block or a whole page was not written. The value is what people see."""

    # block level (boilerplate ladder and context smoothing)
    EMPTY = "empty"
    METADATA = "metadata"  # consumed as title/date/site/author
    NAV = "nav"  # menus, breadcrumbs, 上一篇/下一篇
    RELATED = "related-list"  # teaser lists, 相关新闻
    SHARE = "share"  # share bars, 分享到
    TAGS = "tags"  # 标签:, Tags:
    FOOTER = "footer"  # copyright, ICP licences, contact lines
    CREDIT = "credit"  # 责任编辑, photo credits, captions
    LINK_DENSE = "link-dense"
    SHORT = "short"
    TEASER = "teaser"  # truncated teaser lines
    DUPLICATE_TITLE = "title-repeat"
    COMMENT = "comment"
    POST_CHROME = "post-chrome"  # a thread's user cards, signatures, post buttons, quote headers
    OUTSIDE = "outside-main"  # not in the main-content region
    REPEATED = "repeated-paragraph"
    MARKUP = "markup"  # HTML source a dumper printed as text (ad snippets, templates)
    # page level
    NO_CONTENT = "no-content"
    NO_ARTICLE = "no-article"  # a listing, index or search page: entries and no prose of its own
    TOO_LARGE = "too-large"
    TIMEOUT = "timeout"
    TOO_SHORT = "too-short"
    LOW_CJK_RATIO = "low-cjk-ratio"
    LOW_ALPHA_RATIO = "low-alpha-ratio"
    LANG = "lang"  # not one of the languages asked for (--lang)
    LANG_SCORE = "lang-score"  # language identified with too little confidence (--min-lang-score)
    REPETITION = "repetition"
    LINE_LENGTH = "short-lines"
    EXACT_DUPLICATE = "exact-duplicate"
    NEAR_DUPLICATE = "near-duplicate"
    BINARY = "binary"
    UNSUPPORTED = "unsupported-type"  # a container item that is no page (an image in a WARC)

    @classmethod
    def of(cls, name: str) -> DropReason | CustomReason:
        """The built-in reason called ``name``, or a reason of the user's own filter, counted alike.

        >>> DropReason.of("nav") is DropReason.NAV, DropReason.of("ad").value
        (True, 'ad')
        """
        try:
            return cls(name)
        except ValueError:
            return CustomReason(name)


class CustomReason(str):
    """A drop reason named by a filter a user added: a string with the enum's ``value``, so that
    the summary line and ``--stats`` count it beside the built-in ones."""

    __slots__ = ()

    def __new__(cls, name: str) -> CustomReason:
        if not _REASON_NAME.fullmatch(name):
            raise ValueError(f"a drop reason is lowercase letters, digits and dashes (got {name!r})")
        return super().__new__(cls, name)

    @property
    def value(self) -> str:
        return str(self)


Reason = DropReason | CustomReason


class BlockClass(enum.StrEnum):
    """What the boilerplate stage makes of a block: text, boilerplate, or too little to judge alone."""

    GOOD = "good"  # article text
    BAD = "bad"  # boilerplate
    SHORT = "short"  # undecided: context smoothing decides from the neighbours


class KeepReason(enum.StrEnum):
    """Why a block is text, or why the ladder left it to its neighbours (a drop's reason is a
    ``DropReason``)."""

    BODY = "body"  # punctuated prose, or a long sentence without marks
    PREFORMATTED = "preformatted"  # an HTML <pre> block: code or verse quoted in the article
    CODE = "code"  # a dump's line of program code: undecided, the article around it decides
    CONTEXT = "context"  # a short block between article text (context smoothing)
    FALLBACK = "fallback"  # an undecided block of a page with no text on its own merits
    IN_MAIN = "in-main"  # bare prose or a short line inside the article's container (HTML)
    POST = "post"  # the text of a post in a thread (a forum reply, an answer)
    TABLE = "table"  # a row of a key/value table beside the article's text (specifications)
    CLAUSE = "clause"  # a head of a numbered outline among the article's text (a notice's 一、二、三、)
    SIGNATURE = "signature"  # a notice's issuer and date under its last paragraph (落款)


BlockReason = DropReason | KeepReason  # a block's: why it was dropped or kept (a page's Drop has a Reason)
Answer = tuple[BlockClass, BlockReason] | None  # a rule of the ladder's: a class and a reason, or None (it passes)


class Step(NamedTuple):
    """One decision about a block: the rule of the ladder that answered first, or a later step of
    the pipeline that changed the block's class, with the class and reason it set. (A NamedTuple:
    built for every override, several times faster than a frozen dataclass, and as immutable.)"""

    name: str  # the rule's or the step's function name: "unpunctuated", "smooth", "container_prior"
    cls: BlockClass
    reason: BlockReason
    rule: str = ""  # the ladder rule a step asked again, when it did (``rejudge_thread``)


@dataclass(frozen=True)
class RawPage:
    """One page as the reader found it: where it came from, its bytes, what the container knew.

    ``hints`` holds container facts: ``charset`` (HTTP or JSONL), ``url``, ``date``, ``id``,
    ``format`` ("html"/"text"), ``meta`` (extra JSONL fields), ``text`` (already-decoded text).
    """

    uri: str
    data: bytes
    hints: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Decoded:
    """A page's text and the evidence for the encoding that produced it."""

    uri: str
    text: str
    encoding: str  # codec name as Python knows it, e.g. "utf-8", "gb18030"
    method: str  # "bom" | "declared" | "utf-8" | "detected" | "fallback" | "forced" | "container" | "not-text"
    confidence: float = 1.0
    replaced: int = 0  # characters replaced because the bytes were invalid
    hints: dict[str, Any] = field(default_factory=dict)


HEADING_KINDS = frozenset(f"h{level}" for level in range(1, 7))  # the Block kinds of headings


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of text the boilerplate stage judges: a paragraph, a heading, a list item, a line.

    Features that only one format has keep neutral defaults in the other (a dump has no links,
    so ``link_chars`` is 0; an HTML block has no indentation).
    """

    index: int
    text: str
    kind: str = "p"  # "p", "h1".."h6", "li", "title", "pre", "td", "caption", "line"
    tag_path: str = ""  # "body>div.article>p" for HTML; "" for dumps
    link_chars: int = 0  # characters of text inside <a>
    in_list: bool = False
    bullet: bool = False  # dump line starting with a bullet (•, *, -, 1.)
    indent: int = 0  # leading spaces in a dump
    hint: str = ""  # class/id words of the enclosing elements, lowercased
    source: str = "html"  # "html" | "text"
    group: int = 0  # paragraph group: dump lines between blank lines, HTML blocks of one parent
    # HTML: ids of the enclosing block-level elements, outermost first (the innermost few only);
    # ids count elements in document order, so a container's id is below its descendants'. () in dumps.
    containers: tuple[int, ...] = ()
    # Structure facts for Markdown output (``document.markdown``), recorded by the segmenter only
    # when Markdown is asked for; the boilerplate stage never reads them, so both modes keep the
    # same blocks. Neutral defaults: a plain paragraph.
    depth: int = 0  # lists around the block: 1 in a top-level list, 2 in a list inside it...
    item: int = 0  # the first block of a list item: its number in its list (from 1); 0 otherwise
    ordered: bool = False  # the innermost list is numbered (<ol>, "1." in a dump)
    quote: int = 0  # block quotes around the block
    cell: tuple[int, ...] = ()  # a data table's cell: (table, row, column, 1 if a header cell else 0)
    code: str | None = None  # a code block's language ("" when the page names none); None: not code
    md: str = ""  # the block as inline Markdown (escaped, with links, code, math), or a code block's
    # text as written; "" when the text says it all
    lead: str = ""  # Markdown that stood before the block with no text of its own (images, formulas)


@dataclass(frozen=True, slots=True)
class Markup:
    """What Markdown output asks the segmenter to record besides the text (``--links``, ``--images``)."""

    links: bool = False
    images: bool = False


# Markdown spans inside ``Block.md`` (a link, inline code, a formula) sit between these two
# noncharacters, which no page holds as text (the segmenter removes them): the renderer escapes
# the text around the spans and leaves the spans as they are.
MARK_OPEN = "\ufdd0"
MARK_CLOSE = "\ufdd1"


@dataclass(frozen=True, slots=True)
class Verdict:
    """The decision for one block: kept or not, why, and the chain of decisions that led there.

    ``chain`` opens with the ladder's answer (``ruling``: the rule that decided, the class and
    reason it gave), then holds every later step that changed the block (context smoothing, the
    DOM region, the document stage), each with the class and reason it set, in order; ``reason``
    and ``keep`` are the last word. Blocks that no step changed (most) share their opening chain
    with every block the same rule answered the same way: no record is built for them.
    """

    block: Block
    keep: bool
    reason: BlockReason  # a DropReason for drops, a KeepReason for kept blocks
    score: float = 0.0  # the block's units of text (see ``boilerplate.features``)
    chain: tuple[Step, ...] = ()  # the ladder's answer, then each later step that changed the block

    @property
    def ruling(self) -> Step | None:
        """The ladder's answer (None for a verdict made by hand)."""
        return self.chain[0] if self.chain else None

    @property
    def rule(self) -> str:
        """The name of the ladder rule that decided (before any later step)."""
        return self.chain[0].name if self.chain else ""

    @property
    def changes(self) -> tuple[Step, ...]:
        """The steps after the ladder that changed the block."""
        return self.chain[1:]

    @property
    def cls(self) -> BlockClass:
        """The block's final class: after context smoothing none is left undecided."""
        return BlockClass.GOOD if self.keep else BlockClass.BAD


@dataclass(frozen=True)
class PageMeta:
    """What the page says about itself outside its blocks (HTML head, JSON-LD, container)."""

    title: str | None = None  # <title>
    og_title: str | None = None  # og:title, twitter:title, JSON-LD headline
    h1: str | None = None
    date: str | None = None
    site: str | None = None
    author: str | None = None
    url: str | None = None
    lang: str | None = None
    # a date the page's scripts name (``"pubtime": "2024-05-06 08:30:00"``): trusted after every
    # date the page prints, as some pages print theirs only from it
    script_date: str | None = None


@dataclass(frozen=True)
class Article:
    """The record one page becomes. Field order is the output's key order."""

    id: str
    text: str
    title: str | None
    date: str | None
    site: str | None
    author: str | None
    url: str | None
    lang: str | None  # ISO 639-1 where one exists, else 639-3; "und" when the text is too short to tell
    lang_score: float | None  # 0–1: the language identifier's confidence in ``lang``
    langs: dict[str, float] | None  # share of text per language (top 3), for mixed text only
    script: str | None
    input: str
    encoding: str | None
    text_format: str = "text"  # "text" (paragraphs joined by \n) or "markdown" (CommonMark + GitHub tables)
    meta: dict[str, Any] | None = None


@dataclass(frozen=True)
class Drop:
    """A page that was read and handled, but not written, with its reason."""

    uri: str
    reason: Reason
    detail: str = ""
    stage: str = ""
    duplicate_of: str | None = None


@dataclass(frozen=True)
class Failure:
    """A page or input that could not be handled: the message says which, what, and what was done."""

    uri: str
    message: str


Outcome = Article | Drop | Failure


@dataclass(frozen=True, slots=True)
class Page:
    """One page on its way to a record: what the page stages found so far, one field per stage.

    ``Admit`` and ``Decode`` may end it early (``outcome`` a Drop); ``Segment`` fills ``blocks``,
    ``meta`` and ``format``; ``Classify`` the ``verdicts``; ``Document`` replaces them with the
    verdicts as it left them and sets ``outcome``, the Article (or the Drop) that the record
    filters take on. ``explain`` reads this record, so it shows what ``run`` decided.
    """

    raw: RawPage
    decoded: Decoded | None = None
    blocks: list[Block] | None = None
    meta: PageMeta | None = None
    format: str = ""  # "html" | "text" once segmented
    verdicts: list[Verdict] | None = None
    outcome: Article | Drop | None = None
