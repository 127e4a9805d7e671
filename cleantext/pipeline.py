"""The data path, start to end: the stage sequence run over pages, and the run's accounting.

``stages.default_stages`` is the table of contents: one object per stage, in order.
``PageCleaner.trace`` is the one loop that runs a page through them — for ``run`` (in this
process, in ``--jobs`` workers, in Ray actors), ``explain`` and ``filter``. ``Pipeline.run``
streams pages through it, then settles each outcome in input order (``Ledger``: the corpus-wide
stages such as dedup, then ``Stats``), so that read = written + dropped + failed.

>>> from cleantext.model import RawPage
>>> page = RawPage("a.html", "<title>T</title><p>这是一段足够长的正文内容，用来说明管道的工作方式。</p>".encode())
>>> art = Pipeline().clean(page)
>>> art.text
'这是一段足够长的正文内容，用来说明管道的工作方式。'
"""

from __future__ import annotations

import signal
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from cleantext.config import Config
from cleantext.model import Article, Drop, DropReason, Failure, Outcome, Page, RawPage
from cleantext.stages import Admit, Stage, default_stages, split_corpus_wide


class PageTimeout(BaseException):
    """Raised inside a page's cleaning when it exceeds ``Config.page_timeout``.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` in a stage or a
    library can swallow it and let the page run on unbounded (the timer fires only once).
    """


@dataclass(frozen=True)
class Notice:
    """Something a person should know about a page that was still written: which, what, what was done."""

    uri: str
    message: str


Cleaned = tuple[Outcome, Notice | None]  # a page's outcome and, rarely, a notice about it


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Bound the cleaning of one page (SIGALRM; only where we are the main thread of a process)."""
    usable = seconds > 0 and hasattr(signal, "setitimer")
    if usable:
        try:
            old = signal.signal(signal.SIGALRM, _raise_timeout)
        except ValueError:  # not the main thread: run unbounded rather than fail
            usable = False
    if not usable:
        yield
        return
    try:  # armed inside the try: a timer firing at once must still be disarmed and the handler restored
        signal.setitimer(signal.ITIMER_REAL, seconds)
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _raise_timeout(signum: int, frame: object) -> None:
    raise PageTimeout()


class PageCleaner:
    """The per-page part of the sequence: stateless across pages, so it runs in any worker.

    ``stages`` are the stages before the first corpus-wide one (``stages.split_corpus_wide``);
    by default those of ``default_stages(config)``.
    """

    def __init__(self, config: Config | None = None, stages: Sequence[Stage] | None = None) -> None:
        self.config = config or Config()
        if stages is None:
            stages = split_corpus_wide(default_stages(self.config))[0]
        self.stages = list(stages)

    def clean_page(self, page: RawPage) -> Outcome:
        """read → decode → segment → boilerplate → document → convert, for one page."""
        return self.trace(page)[0]

    def trace(self, item: RawPage | Article) -> tuple[Outcome, Page | None]:
        """The outcome, and the Page as the page stages left it (None when ``item`` is a record).

        The one loop every command runs: ``run`` (here or in a worker), the Ray engine, ``explain``
        (which renders the Page), ``filter`` (records in: the page stages are not in its list).
        """
        page = Page(item) if isinstance(item, RawPage) else None
        value: Any = item if page is None else page
        for stage in self.stages:
            value = stage(value)
            if isinstance(value, Page):
                page = value
                if value.outcome is None:
                    continue
                value = value.outcome
            if not isinstance(value, Article):
                return value, page
        if isinstance(value, Page):  # a list without Document: no record was made
            return Failure(value.raw.uri, "the stages ended before a record was made (no Document stage)"), page
        return value, page

    def early_drop(self, page: RawPage) -> Drop | None:
        """What the ``Admit`` stage decides before decoding (too large, not a page, empty, binary):
        ``detect`` reports a page as ``run`` counts it."""
        outcome = Admit(self.config.max_page_bytes, self.config.encoding)(Page(page)).outcome
        return outcome if isinstance(outcome, Drop) else None

    def __call__(self, page: RawPage | Failure) -> Outcome:
        """Clean one page; any exception becomes a Failure naming the page, never a crash."""
        return self.clean_noted(page)[0]

    def clean_noted(self, page: RawPage | Article | Failure) -> Cleaned:
        """Like calling the cleaner, with the page's notice (replaced bytes) for the run to print."""
        if isinstance(page, Failure):
            return page, None
        try:
            with _time_limit(self.config.page_timeout):
                outcome, traced = self.trace(page)
        except PageTimeout:
            return Drop(_uri(page), DropReason.TIMEOUT, f"over {self.config.page_timeout:g} s", "pipeline"), None
        except RecursionError:
            return Failure(_uri(page), "page nested too deeply to parse; skipped"), None
        except Exception as exc:  # noqa: BLE001 - one bad page must never end the run
            return Failure(_uri(page), f"internal error {type(exc).__name__}: {exc}; skipped"), None
        return outcome, _replacement_notice(traced, outcome) or _read_notice(page, outcome)


def _uri(item: RawPage | Article) -> str:
    return item.uri if isinstance(item, RawPage) else item.input


def _replacement_notice(page: Page | None, outcome: Outcome) -> Notice | None:
    """A warning for a written page whose bytes were partly undecodable (the record holds U+FFFD)."""
    decoded = page.decoded if page is not None else None
    if decoded is None or not decoded.replaced or not isinstance(outcome, Article):
        return None
    return Notice(
        decoded.uri,
        f"warning: {decoded.replaced} undecodable character(s) replaced with U+FFFD "
        f"(read as {decoded.encoding}, by {decoded.method}); record written",
    )


def _read_notice(page: RawPage | Article, outcome: Outcome) -> Notice | None:
    """A warning the reader attached to a written page (glued documents it could not split)."""
    if not isinstance(page, RawPage) or not page.hints.get("warning") or not isinstance(outcome, Article):
        return None
    return Notice(page.uri, f"warning: {page.hints['warning']}; record written")


@dataclass
class Stats:
    """What a run did. ``read == written + dropped + failed`` is the invariant."""

    read: int = 0
    written: int = 0
    failed: int = 0
    warned: int = 0  # written records with a notice (replaced characters)
    bytes_read: int = 0  # bytes of page data handed to the pipeline (for MB/s on the progress line)
    dropped: Counter[str] = field(default_factory=Counter)
    dropped_by_stage: Counter[str] = field(default_factory=Counter)
    duplicates: list[tuple[str, str]] = field(default_factory=list)

    @property
    def dropped_total(self) -> int:
        return sum(self.dropped.values())

    def count(self, outcome: Outcome) -> None:
        self.read += 1
        if isinstance(outcome, Article):
            self.written += 1
        elif isinstance(outcome, Drop):
            self.dropped[outcome.reason.value] += 1
            self.dropped_by_stage[outcome.stage or "pipeline"] += 1
            if outcome.duplicate_of:
                self.duplicates.append((outcome.uri, outcome.duplicate_of))
        else:
            self.failed += 1

    def settle_written(self, written: int) -> None:
        """After an interruption: records counted but never written are taken back with their pages
        (the run ended before it finished them), so that ``read == written + dropped + failed`` holds."""
        missing = self.written - written
        if missing > 0:
            self.written -= missing
            self.read -= missing

    def summary(self) -> str:
        drops = ", ".join(f"{k} {v}" for k, v in sorted(self.dropped.items())) or "none"
        warned = f", {self.warned} written with warnings" if self.warned else ""
        return (
            f"cleantext: {self.read} read, {self.written} written, "
            f"{self.dropped_total} dropped ({drops}), {self.failed} failed{warned}"
        )

    def save(self, path: str) -> None:
        """``--stats PATH``: ``as_dict`` as indented JSON, for every engine; OutputFailed when it cannot."""
        import json

        from cleantext.write.targets import write_bytes

        write_bytes(path, json.dumps(self.as_dict(), ensure_ascii=False, indent=2).encode() + b"\n")

    def as_dict(self) -> dict[str, object]:
        return {
            "read": self.read,
            "written": self.written,
            "dropped": self.dropped_total,
            "failed": self.failed,
            "warned": self.warned,
            "dropped_by_reason": dict(sorted(self.dropped.items())),
            "dropped_by_filter": dict(sorted(self.dropped_by_stage.items())),
            "duplicates": [{"input": a, "duplicate_of": b} for a, b in self.duplicates],
        }


# Drops a person should hear of by name: the page may be fine, it only broke a limit of this run
# (binary, empty or boilerplate-only pages are what corpora are full of: counted, not listed).
LIMIT_REASONS = frozenset({DropReason.TOO_LARGE, DropReason.TIMEOUT})


def problem_line(outcome: Outcome) -> str | None:
    """The stderr line a run prints for an outcome, naming the input: failures and broken limits."""
    if isinstance(outcome, Failure):
        return f"cleantext: {outcome.uri}: {outcome.message}"
    if isinstance(outcome, Drop) and outcome.reason in LIMIT_REASONS:
        return f"cleantext: {outcome.uri}: {outcome.reason.value} ({outcome.detail}); skipped"
    return None


class Ledger:
    """Where every engine settles a page's outcome, in input order: the corpus-wide stages (dedup),
    then the count. The local run (one process or ``--jobs``) and the Ray driver both use it, so
    they count alike.
    """

    def __init__(self, stages: Sequence[Stage], stats: Stats | None = None) -> None:
        self.stages = list(stages)
        self.stats = stats if stats is not None else Stats()

    def settle(self, outcome: Outcome, notice: Notice | None = None) -> Outcome:
        """The outcome after the corpus-wide stages, counted (a notice counts for written records)."""
        for stage in self.stages:
            if not isinstance(outcome, Article):
                break
            outcome = stage(outcome)
        self.stats.count(outcome)
        if notice is not None and isinstance(outcome, Article):
            self.stats.warned += 1
        return outcome


class Pipeline:
    """The whole pipeline over many pages: ``Pipeline(config).run(pages)`` yields outcomes in order.

    ``stages`` is the sequence (default: ``default_stages(config)``): leave one out, build one with
    other settings, or insert your own. The stages from the first corpus-wide one (dedup) on run
    here, in the parent, after the per-page work, so ``--jobs N`` never changes a result.
    """

    def __init__(self, config: Config | None = None, stages: Sequence[Stage] | None = None) -> None:
        self.config = config or Config()
        self.stages = list(stages) if stages is not None else default_stages(self.config)
        per_page, corpus_wide = split_corpus_wide(self.stages)
        self.cleaner = PageCleaner(self.config, per_page)
        self.ledger = Ledger(corpus_wide)
        self.stats = self.ledger.stats

    def _metered(self, pages: Iterable[RawPage | Article | Failure]) -> Iterator[RawPage | Article | Failure]:
        for page in pages:
            if isinstance(page, RawPage):
                self.stats.bytes_read += len(page.data)
            yield page

    def clean(self, page: RawPage) -> Outcome:
        """One page, without corpus-wide stages or accounting."""
        return self.cleaner(page)

    def run(
        self,
        pages: Iterable[RawPage | Article | Failure],
        jobs: int = 1,
        on_outcome: Callable[[Outcome], None] | None = None,
        on_notice: Callable[[Notice], None] | None = None,
    ) -> Iterator[Outcome]:
        """Clean a stream of pages (or records); yield every outcome (Article, Drop or Failure) in
        input order.

        ``on_notice`` hears of pages written despite a problem (replaced characters), before
        their outcome is yielded; the outcomes themselves stay plain records.
        """
        cleaned: Iterable[Cleaned]
        if jobs > 1:
            from cleantext.parallel import map_ordered  # here: process pools cost ~20 ms to import

            cleaned = map_ordered(self.cleaner.clean_noted, self._metered(pages), jobs)
        else:
            cleaned = map(self.cleaner.clean_noted, self._metered(pages))
        for page_outcome, notice in cleaned:
            outcome = self.ledger.settle(page_outcome, notice)
            if notice is not None and on_notice is not None and isinstance(outcome, Article):
                on_notice(notice)
            if on_outcome is not None:
                on_outcome(outcome)
            yield outcome


def clean(
    data: bytes | str, *, uri: str = "<data>", config: Config | None = None, text_format: str | None = None
) -> Article | None:
    """Clean one page given as bytes or text; return its Article, or None when nothing is kept.
    ``text_format="markdown"`` writes the text as Markdown (as ``Config.text_format`` does).

    Settings are keyword-only (``clean(data, config=Config(to="simplified"))``); anything but
    bytes or text is a TypeError, a wrong setting a ValueError from Config.

    >>> clean("<p>这是一段足够长的正文内容，用来说明接口的用法和返回值。</p>").text
    '这是一段足够长的正文内容，用来说明接口的用法和返回值。'
    >>> page = "<h2>小标题</h2><p>这是一段足够长的正文内容，用来说明接口的用法和返回值。</p>"
    >>> print(clean(page, text_format="markdown").text)
    ## 小标题
    <BLANKLINE>
    这是一段足够长的正文内容，用来说明接口的用法和返回值。
    >>> clean(None)
    Traceback (most recent call last):
    ...
    TypeError: clean() takes bytes or str, not NoneType
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    elif not isinstance(data, bytes):
        raise TypeError(f"clean() takes bytes or str, not {type(data).__name__}")
    if not isinstance(uri, str):
        raise TypeError(f"clean() takes uri as str, not {type(uri).__name__}")
    if config is not None and not isinstance(config, Config):
        raise TypeError(f"clean() takes config as a Config, not {type(config).__name__}")
    if text_format is not None:
        config = (config or Config()).with_(text_format=text_format)
    outcome = Pipeline(config).clean(RawPage(uri, data))
    return outcome if isinstance(outcome, Article) else None
