"""One corpus run: inputs → pipeline → writer, with the accounting and the messages around it.

This is the library function behind ``cleantext run``: the CLI builds a Config and calls
``run_inputs``; tests and other programs can call it too. Data goes to the writer only;
every problem is one line on the ``errors`` stream, naming the input.
"""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, TextIO

from cleantext.config import Config
from cleantext.model import Article, Failure, Outcome, RawPage
from cleantext.pipeline import Pipeline, Stats, problem_line
from cleantext.progress import Progress
from cleantext.stages import Stage
from cleantext.write.targets import OutputFailed

if TYPE_CHECKING:
    from cleantext.read import Place
    from cleantext.write import JsonlWriter
    from cleantext.write.resumable import FilePlan, ResumableFile
    from cleantext.write.shards import ShardPlan, ShardWriter

AUTO_JOBS_MIN_INPUTS = 8  # inputs: fewer than this run in one process (worker start-up costs more)


class StrictStop(Exception):
    """``--strict``: the first failure ends the run."""


class Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, ``timeout``, a scheduler): handled as Ctrl-C is, then exit 143."""


@dataclass
class SigtermSeen:
    """Whether SIGTERM arrived: a library that catches the ``Terminated`` raised inside its own
    code and raises a plain KeyboardInterrupt instead (Ray's ``ray.wait`` does) loses its type."""

    terminated: bool = False


@contextmanager
def sigterm_as_interrupt() -> Iterator[SigtermSeen]:
    """Within this block, SIGTERM raises ``Terminated`` in the main thread (elsewhere: left alone);
    the block gets a ``SigtermSeen`` that says, after any KeyboardInterrupt, whether it was SIGTERM."""
    seen = SigtermSeen()

    def handler(signum: int, frame: object) -> None:
        seen.terminated = True
        raise Terminated()

    try:
        old = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: signals are not ours to handle
        yield seen
        return
    try:
        yield seen
    finally:
        signal.signal(signal.SIGTERM, old)


@dataclass
class RunResult:
    stats: Stats
    interrupted: bool = False
    terminated: bool = False  # the interruption was SIGTERM: exit 143 rather than 130
    broken_pipe: bool = False
    stopped_by: Failure | None = None
    output_failed: bool = False  # an output could not be written (no space left): said in one line
    refused: bool = False  # a usage problem found before any page was read (a shard folder): exit 2

    @property
    def exit_code(self) -> int:
        if self.refused:
            return 2
        if self.interrupted:
            return 143 if self.terminated else 130
        return 1 if self.stats.failed or self.output_failed else 0


def choose_jobs(config: Config, inputs: Sequence[str]) -> int:
    """``--jobs``: as given; 0 means the cores for more than a handful of inputs, else 1."""
    if config.jobs > 0:
        return config.jobs
    many = len(inputs) >= AUTO_JOBS_MIN_INPUTS or any(os.path.isdir(p) for p in inputs)
    return (os.cpu_count() or 1) if many else 1


def _report(outcome: Outcome, errors: TextIO, strict: bool) -> None:
    """One line for a failed input, and for a page dropped because it broke a per-page limit."""
    line = problem_line(outcome)
    if line is not None:
        errors.write(line + "\n")
        errors.flush()
    if strict and isinstance(outcome, Failure):
        raise StrictStop(outcome.uri)


def _say(errors: TextIO, uri: str, message: str) -> None:
    errors.write(f"cleantext: {uri}: {message}\n")
    errors.flush()


def _writer(
    output: str | ShardPlan | FilePlan | None, config: Config, inputs: Sequence[str]
) -> JsonlWriter | ShardWriter | ResumableFile:
    from cleantext.write import JsonlWriter
    from cleantext.write.resumable import FilePlan, ResumableFile
    from cleantext.write.shards import ShardPlan, ShardWriter

    if isinstance(output, ShardPlan):
        return ShardWriter(output, config, inputs)
    if isinstance(output, FilePlan):
        return ResumableFile(output, config, inputs)
    return JsonlWriter(output, config.schema, config.fields, config.source_name)


def _drive(  # noqa: PLR0913 - the run's parts
    pipeline: Pipeline,
    pages: Iterable[RawPage | Article | Failure],
    config: Config,
    inputs: Sequence[str],
    errors: TextIO,
    meter: Progress | None,
    output: str | ShardPlan | FilePlan | None,
    result: RunResult,
    places: deque[Place] | None = None,
) -> None:
    from cleantext.write.resumable import ResumableFile
    from cleantext.write.shards import ShardWriter

    with _writer(output, config, inputs) as writer:
        try:
            jobs = choose_jobs(config, inputs)
            for outcome in pipeline.run(pages, jobs, on_notice=lambda note: _say(errors, note.uri, note.message)):
                if isinstance(writer, ShardWriter | ResumableFile):  # every outcome, with its place in the input
                    assert places is not None
                    writer.take(outcome, places.popleft())
                elif isinstance(outcome, Article):
                    writer.write(outcome)
                if not isinstance(outcome, Article):
                    _report(outcome, errors, config.strict)
                if meter:
                    meter.update(pipeline.stats)
            writer.complete = True
        except StrictStop:
            # what was written so far is kept: complete lines, committed like a normal end
            result.stopped_by = Failure("", "stopped at the first failure (--strict)")
        except BrokenPipeError:
            pipeline.stats.settle_written(writer.count)  # what the reader took, not what was buffered
            raise
        except KeyboardInterrupt as exc:
            result.interrupted, result.terminated = True, isinstance(exc, Terminated)
            # Ctrl-C may land between a record's count and its writing: say what the output holds
            pipeline.stats.settle_written(writer.count)
        finally:
            if meter:
                meter.close()


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run_inputs(  # noqa: PLR0913 - the run's parts, each needed
    inputs: Sequence[str],
    config: Config,
    output: str | None = None,
    stats_path: str | None = None,
    errors: TextIO | None = None,
    stdin: BinaryIO | None = None,
    progress: bool = False,
    stages: Sequence[Stage] | None = None,
) -> RunResult:
    """Clean ``inputs`` into ``output`` (None or "-" for stdout); return what happened.

    ``stages``: the stage sequence, when not ``default_stages(config)`` (a list of your own).
    """
    from cleantext.read import iter_pages
    from cleantext.write.shards import ShardProblem, is_shard_folder, plan_shards

    errors = errors or sys.stderr
    pipeline = Pipeline(config, stages)
    if is_shard_folder(output):
        assert output is not None
        try:
            plan = plan_shards(output, config, list(inputs))
        except ShardProblem as exc:
            return _refuse(str(exc), pipeline, errors)
        return _run_shards(pipeline, plan, inputs, config, stdin, (stats_path, errors, progress))
    if config.resume:
        return _run_file_resume(pipeline, output, inputs, config, stdin, (stats_path, errors, progress))
    pages = iter_pages(list(inputs) or ["-"], config, stdin=stdin)
    return _run(pipeline, pages, inputs, config, (output, stats_path), (errors, progress))


def _refuse(message: str, pipeline: Pipeline, errors: TextIO) -> RunResult:
    errors.write(f"cleantext: {message}\n")
    return RunResult(pipeline.stats, refused=True)


def _run_shards(
    pipeline: Pipeline,
    plan: ShardPlan,
    inputs: Sequence[str],
    config: Config,
    stdin: BinaryIO | None,
    say: tuple[str | None, TextIO, bool],
) -> RunResult:
    """``-o DIR/``: the run into shards; each outcome is handed to the writer with its place."""
    stats_path, errors, progress = say
    resuming = plan.resuming()
    if resuming:
        errors.write(f"cleantext: {resuming}\n")
    places, pages = _placed_pages(inputs, config, stdin, plan.after)
    return _run(pipeline, pages, inputs, config, (plan, stats_path), (errors, progress), places)


def _placed_pages(
    inputs: Sequence[str], config: Config, stdin: BinaryIO | None, after: Place | None
) -> tuple[deque[Place], Iterator[RawPage | Article | Failure]]:
    """The items of the inputs after ``after``, and the queue their places go to as they are read:
    ``_drive`` takes each outcome's place from its front (outcomes come in input order)."""
    from cleantext.read import iter_placed

    places: deque[Place] = deque()

    def pages() -> Iterator[RawPage | Article | Failure]:
        for place, item in iter_placed(list(inputs) or ["-"], config, stdin=stdin, after=after):
            places.append(place)
            yield item

    return places, pages()


def _run_file_resume(
    pipeline: Pipeline,
    output: str | None,
    inputs: Sequence[str],
    config: Config,
    stdin: BinaryIO | None,
    say: tuple[str | None, TextIO, bool],
) -> RunResult:
    """``-o FILE --resume``: the records go to the file's partial copy, with a checkpoint after each
    outcome, until the last input is done; a resumed run starts after the last checkpoint."""
    from cleantext.write.resumable import ResumeProblem, plan_file_resume

    stats_path, errors, progress = say
    try:
        plan = plan_file_resume(output, config, list(inputs))
    except ResumeProblem as exc:
        return _refuse(str(exc), pipeline, errors)
    if plan.note:
        errors.write(f"cleantext: {plan.note}\n")
    if plan.finished:
        plan.forget()
        errors.write(f"cleantext: {plan.path}: an earlier run finished it; nothing to resume\n")
        return _run(pipeline, (), inputs, config, (None, stats_path), (errors, progress))  # nothing to write
    plan.say = lambda message: _said(errors, message)
    if plan.after is not None:
        errors.write(f"cleantext: {plan.path}: resuming after {plan.after.name} ({plan.kept_records} record(s) kept)\n")
    places, pages = _placed_pages(inputs, config, stdin, plan.after)  # never stdin: resume_refusal
    try:
        result = _run(pipeline, pages, inputs, config, (plan, stats_path), (errors, progress), places)
    finally:
        plan.release()  # when the writer never opened, the earlier progress file is unlocked here
    return result


def _said(errors: TextIO, message: str) -> None:
    errors.write(f"cleantext: {message}\n")
    errors.flush()


def filter_records(  # noqa: PLR0913 - the run's parts, as run_inputs takes them
    inputs: Sequence[str],
    config: Config,
    output: str | None = None,
    stats_path: str | None = None,
    errors: TextIO | None = None,
    stdin: BinaryIO | None = None,
    progress: bool = False,
) -> RunResult:
    """``cleantext filter``: the record stages (conversion, quality, dedup) over the flat records an
    earlier run wrote; the same records as one run with these settings would write."""
    from cleantext.read.records import iter_records
    from cleantext.stages import record_stages

    records = iter_records(list(inputs) or ["-"], stdin=stdin)
    pipeline = Pipeline(config, record_stages(config))
    return _run(pipeline, records, inputs, config, (output, stats_path), (errors or sys.stderr, progress))


def _run(  # noqa: PLR0913 - the run's parts
    pipeline: Pipeline,
    items: Iterable[RawPage | Article | Failure],
    inputs: Sequence[str],
    config: Config,
    paths: tuple[str | ShardPlan | FilePlan | None, str | None],
    say: tuple[TextIO, bool],
    places: deque[Place] | None = None,
) -> RunResult:
    """Drive ``items`` through ``pipeline`` into the output (``paths``: output, stats file); then
    the summary line on ``errors`` (``say``: errors, show progress)."""
    from cleantext.read import InputsChanged

    output, stats_path = paths
    errors, progress = say
    result = RunResult(pipeline.stats)
    meter = Progress(errors) if progress else None
    errors = meter.messages() if meter else errors  # a message first erases the progress line
    seen = SigtermSeen()
    try:
        with sigterm_as_interrupt() as seen:
            _drive(pipeline, items, config, inputs, errors, meter, output, result, places)
    except BrokenPipeError:
        # the reader of stdout went away (``| head``): stop quietly, like any Unix filter
        _silence_stdout()
        result.broken_pipe = True
    except KeyboardInterrupt as exc:  # while the output was being finished: the same quiet end
        result.interrupted = True
        result.terminated = result.terminated or seen.terminated or isinstance(exc, Terminated)
    except OutputFailed as exc:  # no space left, an I/O error: one line, exit 1
        _failed_output(exc, pipeline.stats, errors, result, to_stdout=output in (None, "-"))
    except InputsChanged as exc:  # a resumed run found other inputs: nothing was written
        errors.write(f"cleantext: {exc}; start over with --force (without --resume)\n")
        result.refused = True
        return result
    ending = ("; terminated" if result.terminated else "; interrupted") if result.interrupted else ""
    errors.write(pipeline.stats.summary() + ending + "\n")
    if stats_path:
        try:
            pipeline.stats.save(stats_path)
        except OutputFailed as exc:
            errors.write(f"cleantext: {exc}\n")
            result.output_failed = True
    return result


def _failed_output(exc: OutputFailed, stats: Stats, errors: TextIO, result: RunResult, to_stdout: bool) -> None:
    errors.write(f"cleantext: {exc}\n")
    lost = stats.written - exc.written  # cleaned, but not in the output (a file's partial copy is gone)
    stats.written, stats.failed = stats.written - lost, stats.failed + lost
    result.output_failed = True
    if to_stdout:
        _silence_stdout()  # else the interpreter's last flush of stdout fails again, in a traceback
