"""Text wrapped for display, as a dump tool or a person would: the input of the wrap measurements.

A CJK character may end a line anywhere and takes two columns (or one character when counting
characters, as ``textwrap`` and editors do); no line opens with a closing mark (the character
before it moves down with it); Latin words break at spaces and after hyphens.
"""

from __future__ import annotations

import re

CLOSING = set("，。、；：？！）」』】》〉,.;:?!)]}”’")  # marks no line may open with
WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]")
TOKEN = re.compile(r"\s+|" + WIDE.pattern + r"|[^\s" + WIDE.pattern[1:-1] + r"]+?(?:-(?=\w)|(?=\s|$|" + WIDE.pattern + "))")
CJK_INDENT = "\u3000\u3000"
LATIN_INDENT = "    "


def _width(text: str, chars: bool) -> int:
    return len(text) if chars else len(text) + len(WIDE.findall(text))


def wrap(paragraph: str, width: int, chars: bool = False, indent: str = "") -> list[str]:
    """``paragraph`` in lines of at most ``width`` columns (characters when ``chars``), greedy,
    CJK-aware: spaces between words are kept inside a line and dropped at its end; a word longer
    than a line is cut.

    >>> wrap("ab cd-ef 中文字。", 6)
    ['ab cd-', 'ef 中', '文字。']
    """
    lines: list[str] = []
    line, used, space = [indent] if indent else [], _width(indent, chars), False
    for match in TOKEN.finditer(paragraph):
        token = match.group()
        if token.isspace():
            space = True
            continue
        while len(token) > width:  # a word longer than a line is cut, as textwrap's break_long_words
            if used:
                lines.append("".join(line).rstrip())
            lines.append(token[:width])
            token, line, used, space = token[width:], [], 0, False
        gap = " " if space and used else ""
        space, size = False, _width(token, chars)
        if used + len(gap) + size <= width or not "".join(line).strip():
            line.append(gap + token)
            used += len(gap) + size
            continue
        if token[0] in CLOSING and WIDE.match(line[-1][-1]):  # no line opens with a closing mark
            moved = line[-1][-1]
            line[-1] = line[-1][:-1]
            token, size = moved + token, size + _width(moved, chars)
        lines.append("".join(line).rstrip())
        line, used = [token], size
    if "".join(line).strip():
        lines.append("".join(line).rstrip())
    return lines


def rewrap(paragraphs: list[str], width: int, chars: bool, style: str) -> str:
    out: list[str] = []
    for para in paragraphs:
        indent = "" if style == "blank" else (CJK_INDENT if WIDE.search(para) else LATIN_INDENT)
        out.extend(wrap(para, width, chars, indent))
        if style == "blank":
            out.append("")
    return "\n".join(out) + "\n"




# Layout a dump draws, not text: box-drawing characters and the marks of list items. Left in a
# flattened dump, a line that happens to open with one would read as a framed or listed line.
LAYOUT = re.compile(r"[\u2500-\u257f]|(?<!\S)(?:[•·◦▪▫●○■□◆◇►▶▸»*+\-–]|\d{1,3}[.)]|\[\d{1,3}\])(?=\s)")


def flatten(dump: str) -> str:
    """A dump's text as one paragraph, its layout marks left out (``LAYOUT``): a space between
    Latin words, none beside CJK."""
    out: list[str] = []
    for raw in LAYOUT.sub("", dump).split("\n"):
        line = raw.strip()
        if line:
            if out and not (WIDE.match(out[-1][-1]) or WIDE.match(line[0])):
                out.append(" ")
            out.append(line)
    return "".join(out)
