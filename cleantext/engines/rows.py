"""Outcome rows: what a cluster worker sends back for each page, and how the driver counts them.

A cluster engine cleans pages far from the process that reports on the run, yet the report must be
the local one: the same summary line, the same ``--stats`` JSON, the same duplicates removed.
Observations this module relies on:

- Per-page work (decode → … → convert) is stateless (``PageCleaner``), so any worker may clean any
  page. Duplicate removal is not: which copy survives depends on input order. Workers therefore
  compute only each article's duplicate *keys* — the exact digest (``dedup.text_key``) and, for
  ``--dedup near``, the serialised MinHash (``NearDedup.sketch``) — and the driver runs the filters
  over the rows sorted by input order. The driver never sees the text: 16 bytes per article for
  exact, ~0.5 KB for near (about what the local filters hold anyway).
- Input order is a pair (file ordinal, item ordinal within the file), packed into one integer,
  ``order``, so that the cluster can sort by it and filter by it in one vectorised step.
- The driver hands ``ExactDedup`` a stand-in text, the hex digest of the worker's key: equal keys
  give equal stand-ins, so the very same filter decides, with the same messages. ``NearDedup``
  is given the worker's sketch through its ``sketch`` method.
- A file's bytes arrive whole (Ray reads files as binary rows), so container parsing runs over an
  in-memory stream with the read package's own functions, and items get the names they get
  locally: ``path`` for a page, ``path#N`` for the N-th record of a JSONL or WARC file.

>>> from cleantext.config import Config
>>> worker = OutcomeRows(Config())
>>> rows = worker.rows_of_file(0, "a.jsonl", b'{"text": ""}\\nnot json\\n')
>>> [(row["order"], row["uri"], row["kind"]) for row in rows]
[(0, 'a.jsonl#1', 'drop'), (1, 'a.jsonl#2', 'failure')]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from cleantext.config import Config
from cleantext.convert.dedup import ExactDedup, NearDedup, text_key
from cleantext.model import Article, Drop, DropReason, Failure, Outcome, RawPage
from cleantext.pipeline import PageCleaner, Stats
from cleantext.read import pages_from_bytes
from cleantext.write.schemas import to_record

ITEM_BITS = 32  # low bits of ``order``: up to 4.29e9 items per file; the high 31 bits number files
MAX_FILES = 1 << (63 - ITEM_BITS)  # files per run that fit a signed 64-bit ``order``

ARTICLE = "article"
DROP = "drop"
FAILURE = "failure"

ROW_FIELDS = (
    "order",  # int: input order, (file ordinal << ITEM_BITS) | item ordinal
    "kind",  # "article" | "drop" | "failure"
    "uri",  # the page (``path`` or ``path#N``); the article's ``input`` for articles
    "line",  # the JSON line to write (articles)
    "id",  # the article's id (articles)
    "reason",  # DropReason value (drops)
    "stage",  # the stage that dropped it (drops)
    "duplicate_of",  # (drops)
    "message",  # what went wrong (failures)
    "key",  # bytes: exact-duplicate digest (articles, with --dedup)
    "sketch",  # bytes: the serialised MinHash (articles, with --dedup near)
)


def order_of(file_index: int, item_index: int) -> int:
    """One sortable integer for an item's place in the input.

    >>> order_of(0, 5), order_of(1, 0) > order_of(0, 10**6)
    (5, True)
    """
    return (file_index << ITEM_BITS) | item_index


def file_pages(uri: str, data: bytes, config: Config) -> Iterator[RawPage | Failure]:
    """The items of one input file given as bytes: what ``cleantext.read`` yields for the path.

    >>> [page.uri for page in file_pages("x.jsonl", b'{"text": "a"}\\n{"text": "b"}\\n', Config())]
    ['x.jsonl#1', 'x.jsonl#2']
    """
    return pages_from_bytes(uri, data, config)


class OutcomeRows:
    """Worker side: files in, one outcome row per page out. Built once per worker."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.cleaner = PageCleaner(config)
        self.keyed = config.dedup != "off"
        self.near = NearDedup(config.near_threshold) if config.dedup == "near" else None

    def rows_of_file(self, file_index: int, uri: str, data: bytes) -> Iterator[dict[str, Any]]:
        """The outcome row of every item of one file, in the file's order.

        A reader that breaks unexpectedly costs one failure row for the rest of the file, not the job.
        """
        item_index = -1
        try:
            for item_index, page in enumerate(file_pages(uri, data, self.config)):
                yield self.row(order_of(file_index, item_index), self.cleaner(page))
        except Exception as exc:  # noqa: BLE001 - on a cluster, one bad file must never end the job
            message = f"internal error {type(exc).__name__}: {exc}; the rest of this input is skipped"
            yield self.row(order_of(file_index, item_index + 1), Failure(uri, message))

    def row(self, order: int, outcome: Outcome) -> dict[str, Any]:
        row: dict[str, Any] = dict.fromkeys(ROW_FIELDS)
        row["order"] = order
        if isinstance(outcome, Article):
            row.update(kind=ARTICLE, uri=outcome.input, id=outcome.id, line=self._line(outcome))
            if self.keyed:
                row["key"] = text_key(outcome.text)
            if self.near is not None:
                row["sketch"] = _sketch_bytes(self.near.sketch(outcome.text))
        elif isinstance(outcome, Drop):
            row.update(kind=DROP, uri=outcome.uri, reason=outcome.reason.value, stage=outcome.stage)
            row["duplicate_of"] = outcome.duplicate_of
        else:
            row.update(kind=FAILURE, uri=outcome.uri, message=outcome.message)
        return row

    def _line(self, article: Article) -> str:
        cfg = self.config
        record = to_record(article, cfg.schema, cfg.fields, cfg.source_name)
        line = json.dumps(record, ensure_ascii=False)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: kept, escaped, as JsonlWriter does
            line = json.dumps(record)
        return line


class Tally:
    """Driver side: outcome rows in input order → Stats, stderr lines, and the duplicates to remove.

    >>> import io
    >>> tally = Tally(Config(), io.StringIO())
    >>> tally.add({"order": 0, "kind": "failure", "uri": "a.html", "message": "bad"})
    >>> tally.errors.getvalue(), tally.stats.failed
    ('cleantext: a.html: bad\\n', 1)
    """

    def __init__(self, config: Config, errors: TextIO) -> None:
        self.errors = errors
        self.stats = Stats()
        self.removed: list[int] = []  # ``order`` of the articles the duplicate filters dropped
        self._exact = ExactDedup() if config.dedup != "off" else None
        self._near = _GivenSketchNearDedup(config.near_threshold) if config.dedup == "near" else None

    def add_all(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            self.add(row)

    def add(self, row: dict[str, Any]) -> None:
        """Count one row; rows must come in input order when duplicates are removed."""
        outcome = _outcome_of(row)
        if isinstance(outcome, Article):
            outcome = self._dedup(outcome, row)
            if isinstance(outcome, Drop):
                self.removed.append(row["order"])
        elif isinstance(outcome, Failure):
            self.report(outcome)
        self.stats.count(outcome)

    def add_failure(self, failure: Failure) -> None:
        """Count a Failure found outside the rows (an input the driver could not list)."""
        self.report(failure)
        self.stats.count(failure)

    def report(self, failure: Failure) -> None:
        """The local engine's one line per problem, naming the input."""
        self.errors.write(f"cleantext: {failure.uri}: {failure.message}\n")
        self.errors.flush()

    def _dedup(self, article: Article, row: dict[str, Any]) -> Article | Drop:
        """Exact, then near, as ``build_stream_filters`` orders them."""
        if self._exact is not None:
            judged = self._exact(article)
            if isinstance(judged, Drop):
                return judged
        if self._near is not None:
            return self._near.judge(article, row["sketch"])
        return article


class _GivenSketchNearDedup(NearDedup):
    """``NearDedup`` on the driver: each article's sketch was computed by a worker."""

    def __init__(self, threshold: float) -> None:
        super().__init__(threshold)
        self._given: Any = None

    def judge(self, article: Article, sketch: bytes) -> Article | Drop:
        from datasketch import LeanMinHash

        self._given = LeanMinHash.deserialize(sketch)
        return self(article)

    def sketch(self, text: str) -> Any:
        return self._given


def _sketch_bytes(sketch: Any) -> bytes:
    """A MinHash as bytes: its values, seed and permutation scheme (datasketch's own format)."""
    from datasketch import LeanMinHash

    lean = LeanMinHash(sketch)
    buffer = bytearray(lean.bytesize())
    lean.serialize(buffer)
    return bytes(buffer)


def _outcome_of(row: dict[str, Any]) -> Outcome:
    """The Outcome a row stands for; an article keeps only what counting and dedup look at."""
    if row["kind"] == ARTICLE:
        stand_in = row["key"].hex() if row.get("key") else ""
        return Article(row["id"], stand_in, None, None, None, None, None, None, None, row["uri"], None)
    if row["kind"] == DROP:
        return Drop(row["uri"], DropReason(row["reason"]), "", row["stage"] or "", row["duplicate_of"])
    return Failure(row["uri"], row["message"])
