"""Outcome rows: what a cluster worker sends back for each page, and how the driver counts them.

A cluster engine cleans pages far from the process that reports on the run, yet the report must be
the local one: the same summary line, the same ``--stats`` JSON, the same duplicates removed.
Observations this module relies on:

- Per-page work (decode → … → convert) is stateless (``PageCleaner``), so any worker may clean any
  page. Duplicate removal is not: which copy survives depends on input order. Workers therefore
  compute only each article's duplicate *keys* — the exact digest (``dedup.text_key``) and, for
  ``--dedup near``, the serialised MinHash (``NearDedup.sketch``) — and the driver runs the filters
  over the rows in input order. The driver never sees the text: 16 bytes per article for
  exact, ~0.5 KB for near (about what the local filters hold anyway).
- Input order is a pair (file ordinal, item ordinal within the file), packed into one integer,
  ``order``: the row's place in the run (``Place.input``, ``Place.item``), in one field.
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

from collections.abc import Callable, Generator, Iterator, Sequence
from typing import Any, TextIO

from cleantext.config import Config
from cleantext.convert.dedup import NearDedup, text_key
from cleantext.model import Article, Drop, DropReason, Failure, Outcome, RawPage
from cleantext.pipeline import Ledger, PageCleaner, problem_line
from cleantext.read import pages_from_bytes
from cleantext.stages import Dedup, Stage
from cleantext.write import JsonlWriter

ITEM_BITS = 32  # low bits of ``order``: up to 4.29e9 items per file; the high 31 bits number files
MAX_FILES = 1 << (63 - ITEM_BITS)  # files per run that fit a signed 64-bit ``order``

ARTICLE = "article"
DROP = "drop"
FAILURE = "failure"

ROW_FIELDS = (
    "order",  # int: input order, (file ordinal << ITEM_BITS) | item ordinal
    "kind",  # "article" | "drop" | "failure"
    "uri",  # the page (``path`` or ``path#N``); the article's ``input`` for articles
    "line",  # bytes: the JSON line to write, newline included, as JsonlWriter writes it (articles)
    "id",  # the article's id (articles)
    "reason",  # DropReason value, or a user's own reason (drops)
    "detail",  # what the drop measured, for the stderr line of a broken limit (drops)
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


def failure_row(order: int, failure: Failure) -> dict[str, Any]:
    """The row of a failure, at ``order``.

    >>> failure_row(3, Failure("a.html", "bad"))["kind"]
    'failure'
    """
    row: dict[str, Any] = dict.fromkeys(ROW_FIELDS)
    row.update(order=order, kind=FAILURE, uri=failure.uri, message=failure.message)
    return row


def file_pages(uri: str, data: bytes, config: Config) -> Iterator[RawPage | Failure]:
    """The items of one input file given as bytes: what ``cleantext.read`` yields for the path.

    >>> [page.uri for page in file_pages("x.jsonl", b'{"text": "a"}\\n{"text": "b"}\\n', Config())]
    ['x.jsonl#1', 'x.jsonl#2']
    """
    return pages_from_bytes(uri, data, config)


class OutcomeRows:
    """Worker side: files in, one outcome row per page out. Built once per worker.

    ``stages`` are the per-page stages (``PageCleaner``'s); by default those ``config`` implies.
    """

    def __init__(self, config: Config, stages: Sequence[Stage] | None = None) -> None:
        self.config = config
        self.cleaner = PageCleaner(config, stages)
        self.writer = JsonlWriter(None, config.schema, config.fields, config.source_name)  # lines only, never opened
        self.keyed = config.dedup != "off"
        self.near = NearDedup(config.near_threshold) if config.dedup == "near" else None

    def rows_of_file(
        self, file_index: int, uri: str, data: bytes, first: int = 0, stop: Callable[[], bool] | None = None
    ) -> Generator[dict[str, Any], None, int | None]:
        """The outcome row of every item of one file from item ``first`` on, in the file's order.

        ``stop`` is asked before each page is cleaned (the page read, not cleaned): when it says
        True the rows end there, and the generator returns that page's item ordinal, where a worker
        may go on (``first``); None when the file was done. A reader that breaks unexpectedly costs
        one failure row for the rest of the file, not the job.

        >>> rows = OutcomeRows(Config()).rows_of_file(0, "b.jsonl", b'{"text": ""}\\n' * 3, first=1)
        >>> [row["order"] for row in rows]
        [1, 2]
        """
        item_index = -1
        try:
            for item_index, page in enumerate(file_pages(uri, data, self.config)):
                if item_index < first:
                    continue  # read again, not cleaned: its row was made elsewhere or by an earlier run
                if stop is not None and stop():
                    return item_index
                yield self.row(order_of(file_index, item_index), self.cleaner(page))
        except Exception as exc:  # noqa: BLE001 - on a cluster, one bad file must never end the job
            message = f"internal error {type(exc).__name__}: {exc}; the rest of this input is skipped"
            yield self.row(order_of(file_index, max(first, item_index + 1)), Failure(uri, message))
        return None

    def row(self, order: int, outcome: Outcome) -> dict[str, Any]:
        row: dict[str, Any] = dict.fromkeys(ROW_FIELDS)
        row["order"] = order
        if isinstance(outcome, Article):
            row.update(kind=ARTICLE, uri=outcome.input, id=outcome.id, line=self.writer.line(outcome))
            if self.keyed:
                row["key"] = text_key(outcome.text)
            if self.near is not None:
                row["sketch"] = _sketch_bytes(self.near.sketch(outcome.text))
        elif isinstance(outcome, Drop):
            row.update(kind=DROP, uri=outcome.uri, reason=str(outcome.reason), detail=outcome.detail)
            row["stage"] = outcome.stage
            row["duplicate_of"] = outcome.duplicate_of
        else:
            row = failure_row(order, outcome)
        return row


class Tally:
    """Driver side: outcome rows in input order → Stats, stderr lines, and the duplicates to remove.

    >>> import io
    >>> tally = Tally(Config(), io.StringIO())
    >>> tally.add({"order": 0, "kind": "failure", "uri": "a.html", "message": "bad"})
    Failure(uri='a.html', message='bad')
    >>> tally.errors.getvalue(), tally.stats.failed
    ('cleantext: a.html: bad\\n', 1)
    """

    def __init__(self, config: Config, errors: TextIO) -> None:
        self.errors = errors
        self.removed: list[int] = []  # ``order`` of the articles the duplicate filters dropped
        self._near: _GivenSketchNearDedup | None = None
        stages = []
        if config.dedup != "off":  # the local run's Dedup, told each article's sketch by its row
            dedup = Dedup()
            if config.dedup == "near":
                dedup.near = self._near = _GivenSketchNearDedup(config.near_threshold)
            stages.append(dedup)
        self.ledger = Ledger(stages)
        self.stats = self.ledger.stats

    def add(self, row: dict[str, Any]) -> Outcome:
        """Count one row; rows must come in input order when duplicates are removed. The outcome
        as settled: an article stands for the row's ``line``, unless a filter dropped it."""
        outcome = _outcome_of(row)
        if self._near is not None and isinstance(outcome, Article):
            self._near.given(row["sketch"])
        settled = self.ledger.settle(outcome)
        if isinstance(outcome, Article) and isinstance(settled, Drop):
            self.removed.append(row["order"])
        self.report(settled)
        return settled

    def report(self, outcome: Outcome) -> None:
        """The local engine's one line per problem, naming the input."""
        line = problem_line(outcome)
        if line is not None:
            self.errors.write(line + "\n")
            self.errors.flush()


class _GivenSketchNearDedup(NearDedup):
    """``NearDedup`` on the driver: each article's sketch was computed by a worker."""

    def __init__(self, threshold: float) -> None:
        super().__init__(threshold)
        self._given: Any = None

    def given(self, sketch: bytes) -> None:
        """The sketch of the next article judged."""
        from datasketch import LeanMinHash

        self._given = LeanMinHash.deserialize(sketch)

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
        return Article(row["id"], stand_in, None, None, None, None, None, None, None, None, None, row["uri"], None)
    if row["kind"] == DROP:
        reason = DropReason.of(row["reason"])
        return Drop(row["uri"], reason, row.get("detail") or "", row["stage"] or "", row["duplicate_of"])
    return Failure(row["uri"], row["message"])
