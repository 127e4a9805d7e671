"""HTML → blocks, with beautifulsoup4 (lxml tree builder).

Observations this relies on:

- Text that belongs together sits in one block-level element (``p``, ``li``, ``td``, ``h2``...);
  inline elements (``a``, ``span``, ``b``) continue the current block. Old Chinese pages put whole
  articles in one ``td`` split by ``<br>``: a ``<br>`` ends a block too.
- Boilerplate announces itself in the markup: ``nav``/``footer``/``aside`` elements, class and id
  words (``menu``, ``footer``, ``related``, ``share``...), and text that is mostly links. Those are
  recorded as features here; the boilerplate stage decides.
- ``script``, ``style`` and similar elements hold no visible text.
- Deeply nested pages exist (10^6 nested tags): the walk is iterative, never recursive.
- An article sits in one element (a ``div`` or ``td`` holding its paragraphs). Each block-level
  element gets a number in document order, and each block the numbers of the innermost
  ``MAX_CONTAINERS`` block-level elements around it, so the boilerplate stage can weigh whole
  containers (``boilerplate.dom``) without walking the tree again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from cleantext.model import Block, PageMeta
from cleantext.segment.head import read_head

INVISIBLE = frozenset(
    "script style noscript template svg math iframe object embed canvas select option button "
    "textarea head video audio map".split()
)
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd td th tr table tbody thead tfoot blockquote pre "
    "section article header footer nav aside main figure figcaption caption form fieldset legend "
    "address center hr details summary body html title".split()
)
HINT_TAGS = frozenset("nav footer aside header article main figure figcaption form".split())
HINT_WORDS = re.compile(r"[a-z]+")
MAX_HINT_CHARS = 400  # characters of class/id words kept per block: the nearest ancestors matter
SPACE = re.compile(r"\s+")
# Enclosing block-level elements recorded per block: an article's container sits a few levels
# above its paragraphs (div > div > p); deeper ancestors are page frames, and a bound keeps the
# walk linear on pathologically nested pages.
MAX_CONTAINERS = 16  # elements


@dataclass
class _Frame:
    """What the walk knows about the element it is inside."""

    tag: str
    block: str  # nearest block-level element: the block's kind
    hint: str
    path: str
    in_list: bool
    in_link: bool
    heading: str
    containers: tuple[int, ...] = ()


@dataclass
class _Acc:
    """Text gathered for the current block."""

    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    frame: _Frame | None = None


def _hint_of(tag: Tag) -> str:
    words = []
    for attr in ("id", "class"):
        value = tag.get(attr)
        if isinstance(value, list):
            value = " ".join(value)
        if value:
            words.extend(HINT_WORDS.findall(value.lower()))
    if tag.name in HINT_TAGS:
        words.append(tag.name)
    return " ".join(words)


def _child_frame(parent: _Frame, tag: Tag, number: int) -> _Frame:
    """The frame of ``tag`` inside ``parent``; ``number`` is the element's place in document order."""
    name = tag.name
    # Only block-level containers name what a block is: inline elements inside it (a code
    # highlighter's <span class="comment">, a <a class="share"> in a sentence) say nothing about
    # the block as a whole.
    hint = _hint_of(tag) if name in BLOCK_TAGS else ""
    label = name + ("." + hint.split()[0] if hint else "")
    return _Frame(
        tag=name,
        block=name if name in BLOCK_TAGS else parent.block,
        hint=(hint + " " + parent.hint)[:MAX_HINT_CHARS] if hint else parent.hint,
        path=(parent.path + ">" + label)[-120:],
        in_list=parent.in_list or name in ("li", "ul", "ol", "dl"),
        in_link=parent.in_link or name == "a",
        heading=name if name in ("h1", "h2", "h3", "h4", "h5", "h6", "title") else parent.heading,
        containers=(
            (*parent.containers[1 - MAX_CONTAINERS :], number) if name in BLOCK_TAGS else parent.containers
        ),
    )


class _Builder:
    """Turns the walk's events into blocks."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.acc = _Acc()
        self.group = 0

    def text(self, frame: _Frame, value: str) -> None:
        if self.acc.frame is None:
            self.acc.frame = frame
        self.acc.parts.append(value)
        if frame.in_link:
            self.acc.link_chars += len(value.strip())

    def flush(self) -> None:
        acc, self.acc = self.acc, _Acc()
        text = SPACE.sub(" ", "".join(acc.parts)).strip()
        if not text or acc.frame is None:
            return
        frame = acc.frame
        self.blocks.append(
            Block(
                index=len(self.blocks),
                text=text,
                kind=frame.heading or frame.block,
                tag_path=frame.path,
                link_chars=min(acc.link_chars, len(text)),
                in_list=frame.in_list,
                hint=frame.hint,
                source="html",
                group=self.group,
                containers=frame.containers,
            )
        )


def _walk(root: Tag) -> Iterator[tuple[str, _Frame, object]]:
    """Iterative pre-order walk: ("text", frame, str) and ("open"/"close", frame, tag) events."""
    top = _Frame("body", "body", "", "body", False, False, "", (0,))
    stack: list[tuple[_Frame, Iterator[object], Tag]] = [(top, iter(root.contents), root)]
    number = 0
    while stack:
        frame, children, tag = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            yield "close", frame, tag
            continue
        if isinstance(child, Tag):
            if child.name in INVISIBLE:
                continue
            number += 1
            sub = _child_frame(frame, child, number)
            yield "open", sub, child
            stack.append((sub, iter(child.contents), child))
        elif isinstance(child, NavigableString) and not isinstance(child, Comment):
            if type(child) is NavigableString:
                yield "text", frame, str(child)


def html_blocks(soup: BeautifulSoup) -> list[Block]:
    """Blocks of the visible body text, in document order."""
    root = soup.body or soup
    builder = _Builder()
    for event, frame, value in _walk(root):
        if event == "text":
            builder.text(frame, value)  # type: ignore[arg-type]
            continue
        name = frame.tag
        if name == "br":
            builder.flush()
        elif name in BLOCK_TAGS:
            builder.flush()
            if event == "close":
                builder.group += 1
    builder.flush()
    return builder.blocks


def parse_html(text: str) -> tuple[list[Block], PageMeta]:
    """Parse a page; return its blocks and what its head says. The tree is dropped on return."""
    soup = BeautifulSoup(text, "lxml")
    try:
        meta = read_head(soup)
        blocks = html_blocks(soup)
    finally:
        soup.decompose()
    return blocks, meta
