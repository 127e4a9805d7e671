"""Text dumps of pages (w3m/lynx -dump, html2text, a browser's innerText) → blocks.

What such dumps look like, and what this module relies on:

- Paragraphs are separated by blank lines; menus and teaser lists are bullet lines
  (``•``, ``*``, ``-``, ``1.``), often indented, with a teaser's summary indented under its bullet.
- A terminal dumper wraps long paragraphs at a fixed display width (CJK characters count two
  columns), so a line that reaches the widest lines of the page continues on the next line.
  Wrapped lines are joined back (without a space between CJK characters).
- Lines that are not wrapped are real line breaks: each becomes its own block, and the blank-line
  group it belongs to is kept in ``Block.group`` so that context smoothing can see paragraphs.

>>> [b.text for b in split_dump("Title\\n\\n  • Home\\n  • News\\n\\nBody text.")]
['Title', 'Home', 'News', 'Body text.']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from cleantext.model import Block

BULLET = re.compile(r"^(?:[•·◦▪▫●○■□◆◇►▶▸»*+\-–]|\d{1,3}[.)]|\[\d{1,3}\])\s+")
MIN_WRAP_WIDTH = 60  # display columns; narrower pages are not treated as hard-wrapped
WRAP_SLACK = 4  # display columns: a line this close to the page's widest width was wrapped
LIST_CONTINUATION_INDENT = 2  # columns deeper than its bullet: a teaser's summary line
CJK_CHAR = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


@dataclass
class _Line:
    text: str
    indent: int
    width: int
    bullet: bool
    group: int


def display_width(text: str) -> int:
    """Columns a terminal gives the text: wide (CJK) characters take two.

    >>> display_width("ab中文")
    6
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _lines(text: str) -> list[_Line | None]:
    """Lines with their layout; None stands for a blank line."""
    out: list[_Line | None] = []
    group = 0
    for raw in text.splitlines():
        line = raw.rstrip().replace("\t", "    ")
        stripped = line.lstrip(" \u3000\u00a0")
        if not stripped:
            if out and out[-1] is not None:
                group += 1
            out.append(None)
            continue
        indent = len(line) - len(stripped)
        match = BULLET.match(stripped)
        bullet = match is not None
        if match:
            stripped = stripped[match.end():]
        out.append(_Line(stripped, indent, display_width(line), bullet, group))
    return out


def _wrap_width(lines: list[_Line | None]) -> int:
    """The width the dumper wrapped at: the widest lines' width, when enough lines reach it."""
    widths = sorted((ln.width for ln in lines if ln is not None), reverse=True)
    if len(widths) < 3 or widths[2] < MIN_WRAP_WIDTH:
        return 0
    return widths[2]


def _join(left: str, right: str) -> str:
    if CJK_CHAR.match(left[-1:]) or CJK_CHAR.match(right[:1]):
        return left + right
    return left + " " + right


def _merge_wrapped(lines: list[_Line | None]) -> list[_Line | None]:
    wrap = _wrap_width(lines)
    if not wrap:
        return lines
    out: list[_Line | None] = []
    for line in lines:
        prev = out[-1] if out else None
        if (
            line is not None
            and prev is not None
            and not line.bullet
            and prev.width >= wrap - WRAP_SLACK
            and line.indent <= prev.indent + (LIST_CONTINUATION_INDENT if prev.bullet else 0)
        ):
            prev.text = _join(prev.text, line.text)
            prev.width = line.width
            continue
        out.append(line)
    return out


def split_dump(text: str) -> list[Block]:
    """Split a text dump into line blocks with their layout features."""
    blocks: list[Block] = []
    list_indent = -1  # indent of the bullet whose item we are in, -1 outside lists
    for line in _merge_wrapped(_lines(text)):
        if line is None:
            continue
        if line.bullet:
            list_indent = line.indent
        elif list_indent >= 0 and line.indent < list_indent + LIST_CONTINUATION_INDENT:
            list_indent = -1
        blocks.append(
            Block(
                index=len(blocks),
                text=line.text,
                kind="li" if line.bullet else "line",
                in_list=list_indent >= 0,
                bullet=line.bullet,
                indent=line.indent,
                source="text",
                group=line.group,
            )
        )
    return blocks
