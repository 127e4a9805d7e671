"""HTML → blocks, with beautifulsoup4 (lxml tree builder).

Observations this relies on:

- Text that belongs together sits in one block-level element (``p``, ``li``, ``td``, ``h2``...);
  inline elements (``a``, ``span``, ``b``) continue the current block. Old Chinese pages put whole
  articles in one ``td`` split by ``<br>``: a ``<br>`` ends a block too. A page that breaks
  every display line so (or sets each in a ``<p>``) has them joined back into paragraphs
  (``htmlwrap``), for which the walk notes empty lines and the indents a browser shows.
- Boilerplate announces itself in the markup: ``nav``/``footer``/``aside`` elements, class and id
  words (``menu``, ``footer``, ``related``, ``share``...), and text that is mostly links. Those are
  recorded as features here; the boilerplate stage decides. A class that styles a side of the
  element's box (``padding-bottom``, ``ipsMargin_top``) names no part of the page: its side word
  is left out (``bottom`` would read as a footer on every post of some forums).
- ``script``, ``style`` and similar elements hold no visible text.
- Deeply nested pages exist (10^6 nested tags): the walk is iterative, never recursive.
- A stray ``</html>`` mid-page makes lxml start a second ``<html>`` next to the first: the walk
  goes on past the body into whatever follows it, so the rest of the page is not lost.
- An article sits in one element (a ``div`` or ``td`` holding its paragraphs). Each block-level
  element gets a number in document order, and each block the numbers of the innermost
  ``MAX_CONTAINERS`` block-level elements around it, so the boilerplate stage can weigh whole
  containers (``boilerplate.dom``) without walking the tree again.

Speed: the parse (bs4 over lxml) is most of a page's cost, so the rest stays a small fraction of
it. The page is parsed with no multi-valued attributes (``class`` stays one string: we only read
its words), the head's tags are gathered in one pass (``head.gather``), the walk makes a frame
only per block-level element (remembering class words per page), and the tree is torn down on
return: a bs4 tree is full of reference cycles (parent, sibling and next-element links) that
would otherwise wait for the cyclic GC.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import NamedTuple

from cleantext.model import Block, Markup, PageMeta
from cleantext.regexes import compiled
from cleantext.segment.head import gather, read_head
from cleantext.segment.htmlwrap import join_display_lines, visible_indent
from cleantext.segment.soup import BeautifulSoup, NavigableString, PageElement, Tag

INVISIBLE = frozenset(
    "script style noscript template svg math iframe object embed canvas select option button "
    "textarea head video audio map".split()
)
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd td th tr table tbody thead tfoot blockquote pre "
    "section article header footer nav aside main figure figcaption caption form fieldset legend "
    "address center hr details summary body html title".split()
)
# The attribute that hides an element from assistive technology; on a block-level element a page
# sets it on what is not shown (a lightbox's copy of a caption, a carousel's other slides).
ARIA_HIDDEN = "aria-hidden"
HINT_TAGS = frozenset("nav footer aside header article main figure figcaption form".split())
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6 title".split())
LIST_TAGS = frozenset("li ul ol dl".split())
BREAK_TAGS = BLOCK_TAGS | {"br"}  # elements that end the current block where they open and close
# A quote's source (``<blockquote><div><cite>X wrote:</cite>…``, as forum software sets a quoted
# post's header) is a line of its own: inline by its tag, it would run into the quoted words
# (``…9:02 pmMeasure it…``). The blockquote is its parent or its grandparent.
CITE = "cite"
QUOTE_LABEL = "blockquote"
HINT_WORDS = compiled(r"[a-z]+")
# A class that styles a side of the element's box (``ipsPadding_bottom``, ``margin-bottom``,
# ``border-top``, ``ui-corner-bottom``) names where the padding or the line goes, not what the
# element holds: its side word is no hint (``bottom`` alone would read as a footer). Other words
# of such a class still count (``nav-border`` is a menu's border).
BOX_STYLE = compiled(r"padding|margin|border|spac(?:er|ing)|corner")
BOX_SIDES = frozenset(("top", "bottom", "left", "right"))
MAX_HINT_CHARS = 400  # characters of class/id words kept per block: the nearest ancestors matter
# bs4 splits ``class`` and a few other attributes into lists unless told which are multi-valued:
# none are, so they stay strings (cheaper to parse; ``class`` is read only for its words). An
# empty universal set costs less than ``None``, which makes bs4 copy every attribute dictionary.
SINGLE_VALUED: dict[str, set[str]] = {"*": set()}
MAX_PATH_CHARS = 120  # characters of tag path kept per block: its innermost elements
# Enclosing block-level elements recorded per block: an article's container sits a few levels
# above its paragraphs (div > div > p); deeper ancestors are page frames, and a bound keeps the
# walk linear on pathologically nested pages.
MAX_CONTAINERS = 16  # elements


class _Frame(NamedTuple):
    """What the walk knows about the block-level element it is inside (one per block element;
    inline elements share their parent's: they change only the path and link state, which the
    builder tracks)."""

    kind: str  # a block starting here: its heading, else its nearest block-level element
    heading: str  # nearest enclosing heading ("h1".."h6", "title"), or ""
    hint: str
    in_list: bool
    containers: tuple[int, ...]


TOP = _Frame("body", "", "", False, (0,))
TOP_LABEL = "body"
# Labels in a path take at least two characters each (a name and its ">"): the innermost ones
# fill the kept end of the path.
PATH_LABELS = MAX_PATH_CHARS // 2 + 1  # labels


def quote_source(labels: list[str]) -> bool:
    """Is the ``CITE`` element whose path label closes ``labels`` a quote's source (right inside a
    blockquote)?"""
    return any(label.startswith(QUOTE_LABEL) for label in labels[-3:-1])


def _hint_words(tag: Tag, name: str) -> list[str]:
    words: list[str] = []
    if tag.attrs:
        for attr in ("id", "class"):
            value = tag.attrs.get(attr)
            if isinstance(value, list):  # only if parsed with bs4's multi-valued attributes
                value = " ".join(value)
            if value:
                value = value.lower()
                if BOX_STYLE.search(value) is None:
                    words.extend(HINT_WORDS.findall(value))
                else:
                    words.extend(_unstyled_words(value))
    if name in HINT_TAGS:
        words.append(name)
    return words


def _unstyled_words(value: str) -> list[str]:
    """The hint words of a class or id value, less the box sides its box-style classes name."""
    words: list[str] = []
    for token in value.split():
        found = HINT_WORDS.findall(token)
        if BOX_STYLE.search(token):
            found = [word for word in found if word not in BOX_SIDES]
        words.extend(found)
    return words


Hints = dict[tuple[str, object, object], tuple[str, str]]  # (name, id, class) → (hint, path label)


def _hint_and_label(tag: Tag, name: str, seen: Hints) -> tuple[str, str]:
    """A block element's hint words and its label in the path (``div.article``), remembered per
    page: pages repeat the same classes on hundreds of elements (list items, utility CSS)."""
    key = (name, tag.attrs.get("id"), tag.attrs.get("class"))
    found = seen.get(key)
    if found is None:
        words = _hint_words(tag, name)
        found = seen[key] = (" ".join(words), name + "." + words[0] if words else name)
    return found


def _enter(parent: _Frame, tag: Tag, number: int, seen: Hints) -> tuple[_Frame, str]:
    """The frame of ``tag`` inside ``parent`` and its path label; ``number`` is the element's place
    in document order.

    Only block-level containers name what a block is: inline elements inside it (a code
    highlighter's <span class="comment">, a <a class="share"> in a sentence) say nothing about
    the block as a whole, and keep their parent's frame.
    """
    name = tag.name
    if name not in BLOCK_TAGS:
        return parent, name
    hint, label = _hint_and_label(tag, name, seen)
    heading = name if name in HEADING_TAGS else parent.heading
    frame = _Frame(
        heading or name,
        heading,
        (hint + " " + parent.hint)[:MAX_HINT_CHARS] if hint else parent.hint,
        parent.in_list or name in LIST_TAGS,
        (*parent.containers[1 - MAX_CONTAINERS :], number),
    )
    return frame, label


class _Builder:
    """Turns the walk's events into blocks: text accumulates until a block boundary flushes it."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.labels = [TOP_LABEL]  # path labels of the open elements, outermost first
        self.links = 0  # open <a> elements: text inside counts as link text
        self.parts: list[str] = []  # text gathered for the current block
        self.link_chars = 0
        self.frame, self.path = TOP, TOP_LABEL  # where the current block's first text sat
        self.group = 0
        # Empty lines, for joining display lines (``htmlwrap``): the blocks an empty line stands
        # above (a ``<br>`` right after another break, or a block element that held no text).
        self.breaks: set[int] = set()
        self.indents: dict[int, int] = {}  # the indent a block's first line shows (``htmlwrap.visible_indent``)
        self.blank = False  # an empty line since the last block
        self.mark = 0  # blocks made before the last break
        self.starts: list[int] = []  # blocks made before each open block-level element

    def text(self, frame: _Frame, value: str) -> None:
        if not self.parts:
            self.frame = frame
            self.path = ">".join(self.labels[-PATH_LABELS:])[-MAX_PATH_CHARS:]
        self.parts.append(value)
        if self.links:
            self.link_chars += len(value.strip())

    def open(self, tag: Tag, label: str) -> None:
        name = tag.name
        self.labels.append(label)
        if name in BREAK_TAGS:
            self.flush()
            self.opened(name)
        elif name == CITE and quote_source(self.labels):
            self.flush()
        elif name == "a":
            self.links += 1

    def close(self, name: str) -> None:
        source = name == CITE and quote_source(self.labels)  # (a name test first: this runs for every element)
        self.labels.pop()
        if name in BREAK_TAGS:
            self.flush()
            if name != "br":
                self.group += 1
                self.closed()
        elif name == "a":
            self.links -= 1
        elif source:
            self.flush()

    def opened(self, name: str) -> None:
        """A break opened (its text flushed): a ``<br>`` with no block since the last break is an
        empty line; a block-level element notes how many blocks came before it."""
        made = len(self.blocks)
        if name == "br":
            self.blank = self.blank or made == self.mark
        else:
            self.starts.append(made)
        self.mark = made

    def lines(self, raw: str) -> None:
        """What joining display lines needs to know of the block about to be made of ``raw``:
        whether an empty line stands above it, and the indent its first line shows."""
        index = len(self.blocks)
        if self.blank:
            self.breaks.add(index)
            self.blank = False
        if indent := visible_indent(raw):
            self.indents[index] = indent

    def closed(self) -> None:
        """A block-level element closed (its text flushed): one that made no block is an empty line."""
        made = len(self.blocks)
        if self.starts and self.starts.pop() == made:
            self.blank = True
        self.mark = made

    def hidden(self, tag: Tag) -> None:
        """An invisible element (``math``, ``script``): no text; Markdown output reads some of them."""

    def flush(self) -> None:
        if not self.parts:
            return
        raw = "".join(self.parts)
        text = " ".join(raw.split())
        link_chars, frame = self.link_chars, self.frame
        self.parts, self.link_chars = [], 0
        if not text:
            return
        self.lines(raw)
        self.blocks.append(
            Block(
                index=len(self.blocks),
                text=text,
                kind=frame.kind,
                tag_path=self.path,
                link_chars=min(link_chars, len(text)),
                in_list=frame.in_list,
                hint=frame.hint,
                source="html",
                group=self.group,
                containers=frame.containers,
            )
        )


def _hidden_box(tag: Tag) -> bool:
    """A block-level element the page hides from readers (``aria-hidden="true"``): a lightbox's copy
    of a caption, a carousel's other slides. Inline ones are left: a formula's drawing (KaTeX,
    MathJax) is hidden from screen readers beside its MathML, and is the formula's only text here."""
    return tag.name in BLOCK_TAGS and bool(tag.attrs) and tag.attrs.get(ARIA_HIDDEN) == "true"


def _after(root: Tag) -> Iterator[PageElement]:
    """What follows ``root`` outside it: the later siblings of ``root`` and of each of its
    ancestors. A stray ``</html>`` after a page's header makes lxml close the document there and
    open a second ``<html>`` for the rest, next to the first: the article sits there."""
    node: Tag | None = root
    while node is not None and node.parent is not None:
        yield from node.next_siblings
        node = node.parent


def _walk(root: Tag, builder: _Builder) -> None:
    """Iterative pre-order walk (deep pages must not overflow the stack), feeding the builder:
    ``root``'s contents, then whatever the parser left after it (see ``_after``)."""
    top = chain(root.contents, _after(root))
    stack: list[tuple[_Frame, Iterator[PageElement], str]] = [(TOP, top, TOP_LABEL)]
    number = 0
    seen: Hints = {}
    while stack:
        frame, children, _ = stack[-1]
        for child in children:
            if type(child) is NavigableString:  # not a Comment, Doctype, Script or Stylesheet string
                builder.text(frame, child)
            elif isinstance(child, Tag):
                if child.name in INVISIBLE:
                    builder.hidden(child)
                    continue
                if _hidden_box(child):  # not shown: no text, and no formula for Markdown either
                    continue
                number += 1
                sub, label = _enter(frame, child, number, seen)
                builder.open(child, label)
                stack.append((sub, iter(child.contents), child.name))
                break
        else:
            builder.close(stack.pop()[2])


def html_blocks(root: Tag, markup: Markup | None = None) -> list[Block]:
    """Blocks of the visible text under ``root`` (the page's body), in document order; with
    ``markup``, the same blocks carrying their structure for Markdown output."""
    if markup is None:
        builder = _Builder()
    else:
        from cleantext.segment.structure import StructureBuilder  # only Markdown runs pay for it

        builder = StructureBuilder(markup)
    _walk(root, builder)
    builder.flush()
    return join_display_lines(builder.blocks, builder.breaks, builder.indents)


def _drop(soup: BeautifulSoup) -> None:
    """Tear the tree down now: its reference cycles would otherwise wait for the cyclic GC."""
    for child in list(soup.contents):
        child.decompose()
    soup.decompose()


def parse_html(text: str, markup: Markup | None = None) -> tuple[list[Block], PageMeta]:
    """Parse a page; return its blocks and what its head says. The tree is dropped on return.
    ``markup`` asks for the blocks' structure (Markdown output); the blocks are the same."""
    if "\x00" in text:  # lxml turns NUL into U+FFFD; a NUL is never visible text
        text = text.replace("\x00", "")
    soup = BeautifulSoup(text, "lxml", multi_valued_attributes=SINGLE_VALUED)
    try:
        tags = gather(soup)
        meta = read_head(tags)
        blocks = html_blocks(tags.first.get("body") or soup, markup)
    finally:
        _drop(soup)
    return blocks, meta
