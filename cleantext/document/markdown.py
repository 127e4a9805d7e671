"""Kept blocks → the record's text as Markdown (CommonMark with GitHub's pipe tables).

The boilerplate stage has chosen the blocks; this only writes them, from the structure the
segmenter recorded on each (``Block.depth`` … ``Block.lead``). Blocks without structure (a dump's
lines, a layout table's cells) are paragraphs, so stripping the syntax gives the text output back.

Observations this relies on:

- Paragraphs are separated by a blank line (a single newline would join them into one). List items
  follow each other on single lines; a nested item is indented to its parent's text.
- A run of kept cells of one table is written as a pipe table when it is rectangular enough: most
  rows reach the last column (a cell that spans or an empty cell leaves a gap, written empty).
  The first row is the header: either the page marked it (``<th>``) or a table's first row names
  its columns in practice. Other tables are written a row per line, cells between `` | ``.
- A code block keeps its text as written between fences longer than any run of backticks in it.
- A ``<pre>`` that is no code (verse, an old page set in ``<pre>``) is a paragraph per line.
- A dump has no heading tags; a line is written as a heading only on strong evidence: it opens a
  group (a blank line or the start above it), the block after it is a paragraph of its own at
  least twice as long, it holds no clause punctuation, and it reads as a section head: a Chinese
  numbered head (``第三章 …``, ``一、…``, ``（二）…``) or html2text's ``## …`` (not ``# 73``, a
  comment's number). Numbered lines in a row are a list's items, not headings. The kept blocks
  do not depend on it: it is decided here, on them.

>>> from cleantext.model import Block
>>> blocks = [Block(0, "Steps", kind="h2"), Block(1, "Mix", depth=1, item=1, ordered=True),
...           Block(2, "Bake", depth=1, item=2, ordered=True),
...           Block(3, "print(1)", kind="pre", code="python", md="print(1)")]
>>> print(render_markdown(blocks))
## Steps
<BLANKLINE>
1. Mix
2. Bake
<BLANKLINE>
```python
print(1)
```
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from cleantext.document.escape import escape_inline, escape_line
from cleantext.document.normalize import INVISIBLE, normalize_paragraph
from cleantext.model import MARK_CLOSE, MARK_OPEN, Block

SPAN = re.compile(MARK_OPEN + "(.*?)" + MARK_CLOSE, re.S)
HEADINGS = {f"h{level}": "#" * level for level in range(1, 7)}
MIN_FULL_ROWS = 2 / 3  # share of a table's rows that reach its last column for a pipe table
BACKTICKS = re.compile(r"`{3,}")
# a dump's section heads: chapter (2) or section (3), "一、" (2), "（一）" (3), html2text's "## " (its level)
DUMP_HEAD = re.compile(
    r"第[一二三四五六七八九十百千\d]{1,4}(?P<chapter>[章篇部编])|第[一二三四五六七八九十百千\d]{1,4}(?P<section>节)"
    r"|[一二三四五六七八九十]{1,3}(?P<number>、)|[（(][一二三四五六七八九十]{1,3}(?P<sub>[）)])|(?P<atx>#{1,6}) (?=\D)"
)
CLAUSE = re.compile(r"[，。；！？：,.;!?:、]")  # a heading names its section; it holds no clause
MAX_HEAD_CHARS = 30  # characters of a dump heading, marks included
MIN_BODY_CHARS = 40  # characters of the paragraph under it


def inline(block: Block, width_fold: bool = False, cell: bool = False) -> str:
    """The block's text as escaped inline Markdown, with its marked spans (links, code, math)."""
    text = normalize_paragraph(block.md or block.text, width_fold)
    if MARK_OPEN not in text:
        return escape_inline(text, cell)
    pieces = SPAN.split(text)  # text, span, text, span, ..., text
    out = [escape_inline(piece, cell) if i % 2 == 0 else piece for i, piece in enumerate(pieces)]
    return "".join(out).replace(MARK_OPEN, "").replace(MARK_CLOSE, "")


def _paragraph(block: Block, width_fold: bool) -> str:
    if block.kind == "pre" and block.md:
        if block.code is not None:
            return _fence(block)
        lines = (normalize_paragraph(line, width_fold) for line in block.md.splitlines())
        return "\n\n".join(escape_line(escape_inline(line)) for line in lines if line)
    text = escape_line(inline(block, width_fold))
    marks = HEADINGS.get(block.kind)
    if marks is None:
        return text
    if text.endswith("#"):  # a closing sequence would be read as the heading's end
        text = text[:-1] + "\\#"
    return marks + " " + text


def _fence(block: Block) -> str:
    code = INVISIBLE.sub("", unicodedata.normalize("NFC", block.md.replace("\r\n", "\n")))
    code = "\n".join(line.rstrip() for line in code.strip("\n").splitlines())
    longest = max((len(run) for run in BACKTICKS.findall(code)), default=2)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{block.code or ''}\n{code}\n{fence}"


def _list(blocks: list[Block], width_fold: bool) -> str:
    lines: list[str] = []
    widths: list[int] = []  # per depth: the columns its items' text starts after the parent's
    for block in blocks:
        depth = block.depth
        del widths[depth:]
        while len(widths) < depth - 1:
            widths.append(2)
        indent = " " * sum(widths[: depth - 1])
        if block.item:
            marker = f"{block.item}." if block.ordered else "-"
            widths[depth - 1 :] = [len(marker) + 1]
            body = _paragraph(block, width_fold)
            lines.append(indent + marker + " " + body.replace("\n", "\n" + indent + " " * (len(marker) + 1)))
        else:
            inner = indent + " " * (widths[depth - 1] if len(widths) >= depth else 2)
            lines.append(inner + _paragraph(block, width_fold).replace("\n", "\n" + inner))
    return "\n".join(lines)


def _table(blocks: list[Block], width_fold: bool) -> str:
    rows: dict[int, dict[int, list[str]]] = {}
    for block in blocks:
        _, row, col, _head = block.cell
        if col == 0:  # a dump's drawn row: its cells, tab-separated, in ``md``
            cells = (escape_inline(normalize_paragraph(c, width_fold), cell=True) for c in block.md.split("\t"))
            rows[row] = {j: [text] for j, text in enumerate(cells, 1)}
            continue
        rows.setdefault(row, {}).setdefault(col, []).append(inline(block, width_fold, cell=True))
    columns = max(max(cells) for cells in rows.values())
    table = [[" ".join(cells.get(col, [])) for col in range(1, columns + 1)] for _, cells in sorted(rows.items())]
    full = sum(1 for _, cells in rows.items() if max(cells) == columns)
    if columns < 2 or full < MIN_FULL_ROWS * len(rows):
        return "\n".join(escape_line(" | ".join(cell for cell in row if cell)) for row in table)
    lines = ["| " + " | ".join(row) + " |" for row in table]
    lines.insert(1, "|" + " --- |" * columns)
    return "\n".join(lines)


def _run(blocks: list[Block], start: int) -> int:
    """The end of the run of blocks that are written together with ``blocks[start]``."""
    first, end = blocks[start], start + 1
    if first.cell:
        while end < len(blocks) and blocks[end].cell[:1] == first.cell[:1] and not blocks[end].lead:
            end += 1
    elif first.depth:
        while end < len(blocks) and blocks[end].depth and not blocks[end].cell and not blocks[end].lead:
            nxt = blocks[end]
            if nxt.depth == 1 and nxt.item and nxt.ordered != first.ordered:
                break  # bullets, then numbers: two lists, a blank line apart
            end += 1
    return end


def _quoted(text: str, depth: int) -> str:
    prefix = "> " * depth
    return "\n".join((prefix + line).rstrip() for line in text.split("\n"))


def render_markdown(blocks: list[Block], width_fold: bool = False) -> str:
    """The blocks as one Markdown text (see the module's notes)."""
    chunks: list[str] = []
    i = 0
    while i < len(blocks):
        end = _run(blocks, i)
        first = blocks[i]
        if first.lead:  # images and formulas that stood alone before the block: a paragraph each
            lead = "\n\n".join(span.strip() for span in SPAN.findall(first.lead) if span.strip())
            chunks.append(_quoted(lead, first.quote))
        if first.cell:
            chunk = _table(blocks[i:end], width_fold)
        elif first.depth:
            chunk = _list(blocks[i:end], width_fold)
        else:
            head = _dump_heading(blocks, i, width_fold)
            chunk = head or _paragraph(first, width_fold)
        chunks.append(_quoted(chunk, first.quote) if first.quote else chunk)
        i = end
    return "\n\n".join(chunk for chunk in chunks if chunk)


def _head_level(block: Block) -> tuple[int, str]:
    """A dump line's heading level and text, when it reads as a section head; (0, "") otherwise."""
    text = block.text
    if block.source != "text" or block.depth or block.cell or block.kind != "line" or len(text) > MAX_HEAD_CHARS:
        return 0, ""
    match = DUMP_HEAD.match(text)
    if match is None:
        return 0, ""
    body = text[match.end() :] if match.group("atx") else text[match.end("number") :] if match.group("number") else text
    if not body.strip() or CLAUSE.search(body):
        return 0, ""
    if match.group("atx"):
        return len(match.group("atx")), body.strip()
    return (3 if match.group("section") or match.group("sub") else 2), text


def _dump_heading(blocks: list[Block], i: int, width_fold: bool) -> str:
    """``blocks[i]`` written as a heading when it is a dump's section head (see the module's notes)."""
    level, text = _head_level(blocks[i])
    if not level or i + 1 >= len(blocks) or (i and blocks[i - 1].group == blocks[i].group):
        return ""
    if i and _head_level(blocks[i - 1])[0]:  # numbered lines in a row: a list's items
        return ""
    body = blocks[i + 1]
    if body.source != "text" or body.depth or body.cell or len(body.text) < max(MIN_BODY_CHARS, 2 * len(text)):
        return ""
    if _head_level(body)[0]:
        return ""
    return _paragraph(replace(blocks[i], text=text, kind=f"h{level}", md=""), width_fold)
