"""Key/value tables of the article: a product's specifications, a notice's facts.

A table of specifications (``重量 | 1.2 kg``, ``Weight | 540 g``) is content, but each of its cells
is too short to judge alone, holds no sentence mark, and sits at the end of the article, where
smoothing sees the footer after it and drops the run. What tells it from a site's tables:

- its shape: rows of exactly two cells, a short label without links (the key) and a short value
  with few links; a menu drawn as a table has links in every cell, a layout table has cells
  holding whole articles, a results table has more columns;
- its place: it touches the article, with only short blocks (a heading: 产品参数, Specifications)
  between it and a block of article text on one side. A key/value table in the footer (address,
  telephone) follows the copyright line, not the article.

In HTML the cells are ``td``/``th`` blocks and a row is their common parent element (the walk
records every block-level element around a block, ``tr`` included). In a dump a row is one line
whose two cells stand apart: a gap of two spaces or more (lynx, w3m, a browser's innerText) with
the values starting in the same column on every line (a dumper pads by display columns or by
characters; the widest label may have one space after it), or a bar between them (``|``); the
rows of one table follow each other with no blank line.

The rows found this way are text (``table``); the heading above them then sits between text and
is kept by smoothing.

A fact sheet is often set as a list instead, each entry a label, a colon and its value
(``Kingdom: Animalia``, ``重量：1.2 kg``), and the ladder drops short list entries as a list of
links. A list of three entries or more that are all so, with short values and labels without
figures, touching the article as a table must, is a table too (``_list_rows``). A teaser list
that labels some of its headlines (``Video: …``) holds others, and a timeline's labels are dates.

A data table of more columns (test results, prices, a timetable) is content too when it stands
inside the article's element with the article's text on both sides (``inner_tables``, called by
the container prior, which knows that element): its cells are short, and where one links its item
(a product's page) it is link-dense, so one by one they cost the region more than the article's
lede above them weighs, and the region would start below the table. A table whose cells mostly
link is a menu, one with long cells a layout.

>>> from cleantext.boilerplate.context import Judged
>>> from cleantext.boilerplate.features import features_of
>>> from cleantext.model import Block, BlockClass, DropReason, KeepReason
>>> prose = "扇叶可以拆下来清洗，底座能向上折起九十度，放在桌上或者挂在帐篷顶上都可以。"
>>> lines = [prose, "重量    1.2 kg", "颜色    白色、浅绿", "电池    5000 mAh"]
>>> blocks = [Block(i, text, source="text") for i, text in enumerate(lines)]
>>> judged = [Judged(BlockClass.GOOD, KeepReason.BODY, features_of(prose), dump=True)]
>>> judged += [Judged(BlockClass.SHORT, DropReason.SHORT, features_of(t), dump=True) for t in lines[1:]]
>>> key_value_tables(blocks, judged)
>>> [str(item.reason) for item in judged]
['body', 'table', 'table', 'table']
"""

from __future__ import annotations

from cleantext.boilerplate.context import Judged
from cleantext.boilerplate.entries import list_item
from cleantext.boilerplate.features import features_of
from cleantext.boilerplate.rules import MARKER, link_dense, short
from cleantext.model import Block, BlockClass, KeepReason, Step
from cleantext.regexes import compiled
from cleantext.segment.wrap import display_width

MIN_ROWS = 2  # rows: one label and its value is a line of the page, two make a table
# list entries that are each a label and its value (``Kingdom: Animalia``) for the list to be a table:
# two are as often a contact box's lines (``Tel: …``, ``Email: …``)
MIN_LIST_ROWS = 3
# units of a listed value: a measure, a name, a grade (``55 gal (208 L)``, ``Very Hardy``); a teaser
# list's ``Video: …`` and a factbox's ``15 April 2012: …`` hold a headline or a sentence there
MAX_LIST_VALUE_UNITS = 10
LIST_ENTRY = list_item.__name__  # the ladder's rule that drops a list's short entries
MAX_KEY_UNITS = 8  # units of a label: 重量, 电池容量, Weight, Battery life
MAX_VALUE_UNITS = 30  # units of a value: a figure, a material, a short list of colours
MAX_VALUE_LINK_SHARE = 0.5  # of a value's characters in links: a cell of links is a menu's
# Blocks between the table and the article's text: a heading, a caption, a note on units. Only
# undecided blocks may sit there; anything judged boilerplate separates the table from the article.
MAX_GAP = 3
CELLS = ("td", "th")
# What stands between a dump's two cells: a gap of two spaces or more, a tab, or a bar.
CELL_GAP = compiled(r"\s*[|│┃]\s*|\t+|\s{2,}")
BAR = compiled(r"[|│┃]")
COUNT = compiled(r"[(（]?\d{1,6}[)）]?")  # a bare count of posts or items: 74, (12)
BARRED = (-1, -1)  # a dump row's columns when a bar divides its cells
RULE_LINE = compiled(r"[-:|+\s]+")  # a Markdown table's rule under its header row: ---|---
GOOD, SHORT = BlockClass.GOOD, BlockClass.SHORT
TO_TABLE = Step("key_value_tables", GOOD, KeepReason.TABLE)
# A data table between the article's paragraphs (results, prices, a timetable): rows of short cells
# that the ladder drops one by one as too short or, where a cell links its item, as links.
MIN_DATA_CELLS = 4  # cells: two rows of two
MAX_CELL_UNITS = 30  # units of a cell: a name, a figure, a short phrase (as a key/value table's value)
MAX_LINKED_CELL_SHARE = 0.5  # of the cells holding links: more is a menu drawn as a table
# what the ladder says of a data cell, by its rules' names
CELL_RULES = frozenset((short.__name__, link_dense.__name__, list_item.__name__))
# of the cells, those the ladder's vocabulary named (``marker``: a row labelled "twitter" in a table
# of benchmark files) with no link: a few are a data table's words; a toolbar is all links
MAX_NAMED_CELL_SHARE = 0.2
TO_DATA = Step("inner_tables", GOOD, KeepReason.TABLE)


def _is_key(text: str, link_chars: int) -> bool:
    f = features_of(text)
    return 0 < f.units <= MAX_KEY_UNITS and not link_chars and not f.ends_sentence and f.punct <= 1


def _is_value(text: str, link_chars: int, max_units: int = MAX_VALUE_UNITS) -> bool:
    f = features_of(text)
    has_text = f.units > 0 or any(c.isdigit() for c in text)
    return has_text and f.units <= max_units and link_chars <= MAX_VALUE_LINK_SHARE * len(text)


def _html_rows(blocks: list[Block]) -> list[tuple[int, int]]:
    """Runs (first, last index) of consecutive HTML cell blocks that form key/value rows."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(blocks)
    while i < n:
        start, rows = i, 0
        while i + 1 < n and _html_pair(blocks[i], blocks[i + 1]) and _alone(blocks, i):
            rows += 1
            i += 2
        if rows >= MIN_ROWS:
            runs.append((start, i - 1))
        i = i if i > start else i + 1
    return runs


def _alone(blocks: list[Block], i: int) -> bool:
    """Are blocks ``i`` and ``i + 1`` (a pair of cells, ``_html_pair``) their row's only cells? A
    listing's row of four cells (topic, replies, views, activity) holds two pairs side by side."""
    row = blocks[i].containers[-2]
    for j in (i - 1, i + 2):
        if 0 <= j < len(blocks) and blocks[j].kind in CELLS and len(blocks[j].containers) >= 2:
            if blocks[j].containers[-2] == row:
                return False
    return True


def _html_pair(key: Block, value: Block) -> bool:
    """Two blocks that are a row's two cells: a label and its value, alone in one ``tr``."""
    if key.kind not in CELLS or value.kind not in CELLS or len(key.containers) < 2 or len(value.containers) < 2:
        return False
    row = key.containers[-2]
    if value.containers[-2] != row or key.containers[-1] == value.containers[-1]:
        return False
    return _is_key(key.text, key.link_chars) and _is_value(value.text, value.link_chars)


def _dump_cells(text: str, columns: tuple[int, int] | None) -> tuple[str, str, tuple[int, int]] | None:
    """A dump line's two cells and the column its value starts in, counted in display columns
    and in characters (dumpers pad by one or the other); (-1, -1) when a bar divides them. A line
    whose label fills its column has one space before the value: it is split at the table's
    ``columns`` when they are known."""
    body = text.strip().strip("|│┃").strip()
    if columns is None and "  " not in body and "\t" not in body and not BAR.search(body):
        return None  # one cell: most lines of a dump leave here, before any split
    parts = [part for part in CELL_GAP.split(body) if part]
    if len(parts) == 2:
        key, value = parts
        if BAR.search(body) or "\t" in body:  # a bar or a tab divides the cells: no column to line up
            return key, value, BARRED
        at = body.rindex(value)
        return key, value, (display_width(body[:at]), at)
    if columns is None or columns == BARRED:
        return None
    for at in (columns[1], _char_at(body, columns[0])):
        if 0 < at < len(body) and body[at - 1] == " " and body[at] != " ":
            key, value = body[:at].strip(), body[at:].strip()
            if "  " not in value and "  " not in key:
                return key, value, (display_width(body[:at]), at)
    return None


def _char_at(text: str, column: int) -> int:
    """The index of the character starting at display ``column`` (-1 when none does)."""
    width = 0
    for i, c in enumerate(text):
        if width == column:
            return i
        width += display_width(c)
    return -1


def _aligned(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a == b == BARRED or (a != BARRED and b != BARRED and (a[0] == b[0] or a[1] == b[1]))


def _dump_rows(blocks: list[Block]) -> list[tuple[int, int]]:
    """Runs of consecutive dump lines that are key/value rows with their values in one column."""
    runs: list[tuple[int, int]] = []
    start, column, rows, end, group = -1, None, 0, -1, -1
    for block in [*blocks, None]:
        if block is not None and column is not None and (
            not block.text or (column == BARRED and RULE_LINE.fullmatch(block.text) and "-" in block.text)
        ):
            continue  # a Markdown table's rule line (emptied when the dump was read as Markdown)
        cells = _dump_cells(block.text, column) if block is not None and block.source == "text" else None
        ok = cells is not None and _is_key(cells[0], 0) and _is_value(cells[1], 0)
        if (
            ok and cells is not None and block is not None
            and (column is None or (block.group == group and _aligned(cells[2], column)))
        ):
            if column is None:
                start, group = block.index, block.group
            column, rows, end = cells[2], rows + 1, block.index
            continue
        if rows >= MIN_ROWS:
            runs.append((start, end))
        if column is None:
            continue  # no table was open: the line was read on its own already, and is no row
        start, column, rows = -1, None, 0
        cells = _dump_cells(block.text, None) if block is not None and block.source == "text" else None
        if cells is not None and block is not None and _is_key(cells[0], 0) and _is_value(cells[1], 0):
            start, column, rows, end, group = block.index, cells[2], 1, block.index, block.group  # a new table
    return runs


def _touches_text(judged: list[Judged], first: int, last: int) -> bool:
    """Is article text within ``MAX_GAP`` undecided blocks of the run, on either side?"""
    for step, edge in ((-1, first), (1, last)):
        i = edge + step
        for _ in range(MAX_GAP + 1):
            if not 0 <= i < len(judged) or judged[i].cls is not SHORT:
                break
            i += step
        if 0 <= i < len(judged) and judged[i].cls is GOOD:
            return True
    return False


def _counts(blocks: list[Block], first: int, last: int) -> bool:
    """Are the run's values all bare counts (``Fun 74``, ``Archives 12``)? A sidebar's category
    or archive list with its post counts, not specifications (a measure carries its unit)."""
    values = []
    for block in blocks[first : last + 1]:
        cells = _dump_cells(block.text, None) if block.source == "text" else None
        if cells is not None:
            values.append(cells[1])
        elif block.source == "html" and block.kind in CELLS and (block.index - first) % 2:
            values.append(block.text)
    return bool(values) and all(COUNT.fullmatch(value) for value in values)


def _list_pair(text: str) -> bool:
    """A list entry that is a label, a colon and a short value (``Kingdom: Animalia``, ``重量：1.2
    kg``): a label names an attribute, with no figure in it (a timeline's ``13 Aug 2008: …`` is
    no label), and the value is a measure, a name or a grade, not a headline."""
    key, colon, value = text.partition(": ") if ": " in text else text.partition("：")
    value = value.strip()
    return (
        bool(colon)
        and _is_key(key, 0)
        and not any(c.isdigit() for c in key)
        and _is_value(value, 0, MAX_LIST_VALUE_UNITS)
    )


def _list_rows(blocks: list[Block]) -> list[tuple[int, int]]:
    """Lists (runs of consecutive list entries) of ``MIN_LIST_ROWS`` entries or more, every one a
    label and its value (``_list_pair``) with no link: a fact sheet set as a list, a table in all
    but its markup. A teaser list that labels some of its headlines (``Video: …``) holds others."""
    runs: list[tuple[int, int]] = []
    start, facts = -1, True
    for block in [*blocks, None]:
        if block is not None and block.in_list:
            start = block.index if start < 0 else start
            facts = facts and not block.link_chars and _list_pair(block.text)
            continue
        end = (block.index if block is not None else len(blocks)) - 1
        if start >= 0 and facts and end - start + 1 >= MIN_LIST_ROWS:
            runs.append((start, end))
        start, facts = -1, True
    return runs


def key_value_tables(blocks: list[Block], judged: list[Judged]) -> None:
    """Make the rows of key/value tables that touch the article text (in place)."""
    runs = _html_rows(blocks) if any(b.kind in CELLS for b in blocks) else []
    if any(b.source == "text" for b in blocks):
        runs += _dump_rows(blocks)
    lists = [run for run in _list_rows(blocks) if _touches_text(judged, *run)]
    runs = [run for run in runs if _touches_text(judged, *run) and not _counts(blocks, *run)]  # before any change
    for first, last in runs:
        for item in judged[first : last + 1]:
            if item.cls is SHORT:
                item.set(TO_TABLE)
    for first, last in lists:
        for item in judged[first : last + 1]:
            if item.cls is SHORT or item.rule == LIST_ENTRY:
                item.set(TO_TABLE)


def _data_cells(blocks: list[Block], judged: list[Judged], first: int, last: int) -> bool:
    """Is the run of cell blocks a data table: enough short cells, most of them without links,
    none that the ladder called anything but short, linked or a list entry, but for a few it named
    by a word of its vocabulary (``MAX_NAMED_CELL_SHARE``)?"""
    cells = range(first, last + 1)
    if len(cells) < MIN_DATA_CELLS:
        return False
    named = 0  # cells the ladder named by a word of its vocabulary (a row's label "twitter", "Share")
    for i in cells:
        item = judged[i]
        if item.feats.units > MAX_CELL_UNITS:
            return False
        if item.cls is not GOOD and item.rule not in CELL_RULES:
            if item.rule != MARKER or blocks[i].link_chars:
                return False
            named += 1
    if named > MAX_NAMED_CELL_SHARE * len(cells):
        return False
    return sum(1 for i in cells if blocks[i].link_chars) <= MAX_LINKED_CELL_SHARE * len(cells)


def inner_tables(blocks: list[Block], judged: list[Judged], lo: int, hi: int) -> None:
    """Make the cells of data tables strictly between the article's text (``lo`` and ``hi``, the
    first and last block of its text in its element) text (in place): a results or price table
    inside an article is part of it, and its many short cells must not cut the article in two."""
    i = lo + 1
    while i < hi:
        if blocks[i].kind not in CELLS:
            i += 1
            continue
        end = i
        while end + 1 < hi and blocks[end + 1].kind in CELLS:
            end += 1
        if _data_cells(blocks, judged, i, end):
            for item in judged[i : end + 1]:
                if item.cls is not GOOD:
                    item.set(TO_DATA)
        i = end + 1
