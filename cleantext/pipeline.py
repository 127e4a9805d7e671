"""The data path, start to end.

``clean_page`` is the table of contents: one call per stage, in order. ``Pipeline.run`` streams
pages through it (locally, in order, optionally on worker processes), then through the stateful
corpus filters (dedup), counting every outcome so that read = written + dropped + failed.

>>> from cleantext.model import RawPage
>>> page = RawPage("a.html", "<title>T</title><p>这是一段足够长的正文内容，用来说明管道的工作方式。</p>".encode())
>>> art = Pipeline().clean(page)
>>> art.text
'这是一段足够长的正文内容，用来说明管道的工作方式。'
"""

from __future__ import annotations

import signal
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from cleantext.boilerplate import Classifier
from cleantext.config import Config
from cleantext.convert.dedup import StreamFilter, build_stream_filters
from cleantext.convert.opencc import Converter
from cleantext.convert.quality import page_filters
from cleantext.decode import NOT_TEXT, decode, looks_binary
from cleantext.document import build_article
from cleantext.model import Article, Decoded, Drop, DropReason, Failure, Outcome, RawPage
from cleantext.segment import segment


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
    """The per-page part of the pipeline: stateless across pages, so it runs in any worker."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.converter = Converter.from_config(self.config)
        self.filters = page_filters(self.config)
        self.classify = Classifier()  # remembers judged blocks for this cleaner's pages

    def clean_page(self, page: RawPage) -> Outcome:
        """read → decode → segment → boilerplate → document → convert, for one page."""
        return self._clean(page)[0]

    def _clean(self, page: RawPage) -> Cleaned:
        cfg = self.config
        early = self.early_drop(page)
        if early is not None:
            return early, None
        decoded = decode(page, forced=cfg.encoding)
        if decoded.method == NOT_TEXT:
            detail = f"no text in any encoding (best guess {decoded.encoding}, confidence {decoded.confidence:.2f})"
            return Drop(page.uri, DropReason.BINARY, detail, "decode"), None
        blocks, meta, _fmt = segment(decoded, cfg.format)
        verdicts = self.classify(blocks, meta)
        outcome = build_article(decoded, verdicts, meta, cfg)
        if isinstance(outcome, Article):
            outcome = self.converter.convert(outcome)
            for check in self.filters:
                outcome = check(outcome)
                if not isinstance(outcome, Article):
                    break
        return outcome, _replacement_notice(decoded, outcome) or _read_notice(page, outcome)

    def early_drop(self, page: RawPage) -> Drop | None:
        """Pages the reader already judged, or that are too large or not text at all."""
        size = page.hints.get("too_large") or (len(page.data) if len(page.data) > self.config.max_page_bytes else 0)
        if size:
            return Drop(page.uri, DropReason.TOO_LARGE, f"{size} bytes > {self.config.max_page_bytes}", "read")
        if page.hints.get("skip"):
            return Drop(page.uri, DropReason.UNSUPPORTED, str(page.hints["skip"]), "read")
        if not page.data and not page.hints.get("text"):
            return Drop(page.uri, DropReason.EMPTY, "empty input", "read")
        if self.config.encoding is None and looks_binary(page.data):
            return Drop(page.uri, DropReason.BINARY, "binary data, not text", "decode")
        return None

    def __call__(self, page: RawPage | Failure) -> Outcome:
        """Clean one page; any exception becomes a Failure naming the page, never a crash."""
        return self.clean_noted(page)[0]

    def clean_noted(self, page: RawPage | Failure) -> Cleaned:
        """Like calling the cleaner, with the page's notice (replaced bytes) for the run to print."""
        if isinstance(page, Failure):
            return page, None
        try:
            with _time_limit(self.config.page_timeout):
                return self._clean(page)
        except PageTimeout:
            return Drop(page.uri, DropReason.TIMEOUT, f"over {self.config.page_timeout:g} s", "pipeline"), None
        except RecursionError:
            return Failure(page.uri, "page nested too deeply to parse; skipped"), None
        except Exception as exc:  # noqa: BLE001 - one bad page must never end the run
            return Failure(page.uri, f"internal error {type(exc).__name__}: {exc}; skipped"), None


def _replacement_notice(decoded: Decoded, outcome: Outcome) -> Notice | None:
    """A warning for a written page whose bytes were partly undecodable (the record holds U+FFFD)."""
    if not decoded.replaced or not isinstance(outcome, Article):
        return None
    return Notice(
        decoded.uri,
        f"warning: {decoded.replaced} undecodable character(s) replaced with U+FFFD "
        f"(read as {decoded.encoding}, by {decoded.method}); record written",
    )


def _read_notice(page: RawPage, outcome: Outcome) -> Notice | None:
    """A warning the reader attached to a written page (glued documents it could not split)."""
    warning = page.hints.get("warning")
    if not warning or not isinstance(outcome, Article):
        return None
    return Notice(page.uri, f"warning: {warning}; record written")


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


class Pipeline:
    """The whole pipeline over many pages: ``Pipeline(config).run(pages)`` yields outcomes in order.

    Stateful corpus filters (dedup) run here, in the parent, after the per-page work, so
    ``--jobs N`` never changes a result.
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.stats = Stats()
        self._cleaner: PageCleaner | None = None

    @property
    def cleaner(self) -> PageCleaner:
        if self._cleaner is None:
            self._cleaner = PageCleaner(self.config)
        return self._cleaner

    def _metered(self, pages: Iterable[RawPage | Failure]) -> Iterator[RawPage | Failure]:
        for page in pages:
            if isinstance(page, RawPage):
                self.stats.bytes_read += len(page.data)
            yield page

    def clean(self, page: RawPage) -> Outcome:
        """One page, without corpus filters or accounting."""
        return self.cleaner(page)

    def run(
        self,
        pages: Iterable[RawPage | Failure],
        jobs: int = 1,
        on_outcome: Callable[[Outcome], None] | None = None,
        on_notice: Callable[[Notice], None] | None = None,
    ) -> Iterator[Outcome]:
        """Clean a stream of pages; yield every outcome (Article, Drop or Failure) in input order.

        ``on_notice`` hears of pages written despite a problem (replaced characters), before
        their outcome is yielded; the outcomes themselves stay plain records.
        """
        if jobs > 1:
            from cleantext.parallel import map_ordered  # here: process pools cost ~20 ms to import

            cleaned = map_ordered(self.config, self._metered(pages), jobs)
        else:
            cleaned = map(self.cleaner.clean_noted, self._metered(pages))
        stream_filters: list[StreamFilter] = build_stream_filters(self.config)
        for page_outcome, notice in cleaned:
            outcome = _through(page_outcome, stream_filters)
            self.stats.count(outcome)
            if notice is not None and isinstance(outcome, Article):
                self.stats.warned += 1
                if on_notice is not None:
                    on_notice(notice)
            if on_outcome is not None:
                on_outcome(outcome)
            yield outcome


def _through(outcome: Outcome, stream_filters: list[StreamFilter]) -> Outcome:
    """An article through the corpus filters (dedup), until one drops it."""
    for filt in stream_filters:
        if isinstance(outcome, Article):
            outcome = filt(outcome)
    return outcome


def clean(data: bytes | str, *, uri: str = "<data>", config: Config | None = None) -> Article | None:
    """Clean one page given as bytes or text; return its Article, or None when nothing is kept.

    Settings are keyword-only (``clean(data, config=Config(to="simplified"))``); anything but
    bytes or text is a TypeError, a wrong setting a ValueError from Config.

    >>> clean("<p>这是一段足够长的正文内容，用来说明接口的用法和返回值。</p>").text
    '这是一段足够长的正文内容，用来说明接口的用法和返回值。'
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
    outcome = Pipeline(config).clean(RawPage(uri, data))
    return outcome if isinstance(outcome, Article) else None
