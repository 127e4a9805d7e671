"""``--engine ray`` on a real local Ray (2 CPUs): the same shards, manifest, records and counts as
the local engine, also when a worker process is killed mid-run (its batch is retried) or dies on
every try (its inputs are reported as failed), and a run terminated mid-way resumes to the records
of an uninterrupted one.

One Ray instance serves the module (start-up is ~10 s); the CLI test joins it by address.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ray = pytest.importorskip("ray")

from cleantext.config import Config  # noqa: E402 - after the skip: these need Ray
from cleantext.engines.ray import DRIVER_PAGES, LOST, TASK_RETRIES, clean_on_ray, run_on_ray  # noqa: E402
from cleantext.model import Page  # noqa: E402
from cleantext.runner import run_inputs  # noqa: E402
from cleantext.stages import Stage, default_stages, split_corpus_wide  # noqa: E402
from cleantext.write.shards import read_shards  # noqa: E402
from tests.conftest import run_cli  # noqa: E402

pytestmark = pytest.mark.ray


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A local Ray with 2 CPUs for the module; yields its address for other processes to join."""
    ray.init(num_cpus=2, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
    yield ray.get_runtime_context().gcs_address
    ray.shutdown()


class _OnPage:
    """A page stage run by the Ray workers before the usual ones: on the page whose name ends with
    ``name`` it appends its worker's pid to ``folder/pids``, then, unless ``folder/killed`` exists,
    either waits to be killed (``die=False``; up to 60 s) or kills its own process (``die=True``)."""

    def __init__(self, folder: Path, name: str, die: bool) -> None:
        self.folder, self.name, self.die = folder, name, die

    def __call__(self, page: Page) -> Page:
        if not page.raw.uri.endswith(self.name) or (self.folder / "killed").exists():
            return page
        with (self.folder / "pids").open("a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
        if self.die:
            os.kill(os.getpid(), signal.SIGKILL)
        for _ in range(600):
            time.sleep(0.1)
        return page


def _with_first(stage: Stage, config: Config) -> list[Stage]:
    return [stage, *split_corpus_wide(default_stages(config))[0]]


def _pids(folder: Path) -> list[int]:
    path = folder / "pids"
    return [int(line) for line in path.read_text(encoding="utf-8").split()] if path.exists() else []


def _kill_the_waiting_worker(folder: Path, killed: list[int]) -> None:
    """The test's side: once a worker says it waits, mark it killed and SIGKILL its process."""
    for _ in range(1200):
        if pids := _pids(folder):
            (folder / "killed").write_text(str(pids[0]), encoding="utf-8")
            os.kill(pids[0], signal.SIGKILL)
            killed.append(pids[0])
            return
        time.sleep(0.05)


def _canonical(records: list[dict[str, Any]]) -> list[str]:
    return sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records)


def _shard_records(out_dir: Path) -> list[dict[str, Any]]:
    records = []
    for shard in sorted(out_dir.glob("part-*")):
        data = gzip.decompress(shard.read_bytes()) if shard.suffix == ".gz" else shard.read_bytes()
        records.extend(json.loads(line) for line in data.decode("utf-8").splitlines())
    return records


def _failure_lines(stderr: str) -> list[str]:
    return sorted(line for line in stderr.splitlines() if line.startswith("cleantext: /"))


def _local(inputs: list[str], config: Config, tmp: Path) -> tuple[list[dict[str, Any]], dict[str, Any], str]:
    errors = io.StringIO()
    out, stats = tmp / "local.jsonl", tmp / "local-stats.json"
    run_inputs(inputs, config.with_(jobs=1), output=str(out), stats_path=str(stats), errors=errors)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return records, json.loads(stats.read_text(encoding="utf-8")), errors.getvalue()


def test_ray_writes_the_records_and_counts_of_the_local_engine_though_a_worker_is_killed(
    cluster: str, corpus: list[str], tmp_path: Path
) -> None:
    """Near-duplicate removal (exact, then near) across files and containers, gzipped shards; the
    worker cleaning ``single.html`` is killed (SIGKILL) mid-page, and Ray retries its batch."""
    config = Config(dedup="near")
    errors = io.StringIO()
    out, hook = tmp_path / "out", tmp_path / "hook"
    hook.mkdir()
    killed: list[int] = []
    killer = threading.Thread(target=_kill_the_waiting_worker, args=(hook, killed))
    killer.start()
    stages = _with_first(_OnPage(hook, "single.html", die=False), config)
    stats = clean_on_ray(corpus, config, str(out), compression="gzip", errors=errors, stages=stages, driver_pages=0)
    killer.join()
    records, local_stats, local_errors = _local(corpus, config, tmp_path)

    assert len(killed) == 1 and killed[0] != os.getpid()  # a worker process, not this driver
    assert _pids(hook) == killed  # the retried page ran in a new process, after the kill

    assert _canonical(_shard_records(out)) == _canonical(records)
    assert stats.as_dict() == local_stats  # duplicates included, in input order
    assert stats.read == stats.written + stats.dropped_total + stats.failed
    assert stats.failed == 2 and stats.written == len(records)
    assert stats.dropped["near-duplicate"] >= 1 and stats.dropped["exact-duplicate"] >= 1
    assert _failure_lines(errors.getvalue()) == _failure_lines(local_errors)
    assert all(p.name.endswith(".jsonl.gz") for p in out.glob("part-*"))


def test_an_input_whose_worker_dies_on_every_try_is_reported_failed_not_lost(
    cluster: str, corpus: list[str], tmp_path: Path
) -> None:
    config = Config()
    pages = Path(corpus[0])
    inputs = [str(pages / "html"), corpus[1]]  # 5 files; the worker cleaning the second one always dies
    culprit = str(pages / "html" / "market-big5.html")
    hook = tmp_path / "hook"
    hook.mkdir()
    errors = io.StringIO()
    stages = _with_first(_OnPage(hook, "/market-big5.html", die=True), config)
    stats = clean_on_ray(inputs, config, str(tmp_path / "out"), errors=errors, workers=1, stages=stages, driver_pages=0)
    records, local_stats, _ = _local(inputs, config, tmp_path)

    # its batch (the first, of at least FILES_PER_BATCH = 4 files) tried, retried in a new worker
    # each time, then the file alone once more
    assert len(set(_pids(hook))) == 2 + TASK_RETRIES
    lost = [line.split(": ")[1] for line in errors.getvalue().splitlines() if line.endswith(LOST)]
    assert lost == [culprit]  # the other files of its batch were cleaned on their own
    kept = [r for r in records if r["input"] not in lost]
    assert _canonical(_shard_records(tmp_path / "out")) == _canonical(kept)
    assert stats.read == local_stats["read"]  # one page per file here: each one is counted once
    assert stats.failed == local_stats["failed"] + len(lost) and stats.written == len(kept)
    assert stats.read == stats.written + stats.dropped_total + stats.failed


def test_run_on_ray_refuses_stdin_a_uri_and_a_folder_it_cannot_resume(
    cluster: str, corpus: list[str], tmp_path: Path
) -> None:
    errors = io.StringIO()
    assert run_on_ray(["-"], Config(), str(tmp_path / "a"), errors=errors) == 2
    assert run_on_ray(corpus, Config(), "s3://bucket/out/", errors=errors) == 2
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "part-00000.jsonl.gz").write_bytes(gzip.compress(b"{}\n"))
    assert run_on_ray(corpus, Config(), str(tmp_path / "old"), errors=errors) == 2
    lines = errors.getvalue().splitlines()
    assert "cannot read stdin" in lines[0] and "not a URI" in lines[1]
    assert lines[2].endswith("holds the shards of an earlier run; add --resume to continue it or --force to replace it")
    assert sorted(p.name for p in (tmp_path / "old").iterdir()) == ["part-00000.jsonl.gz"]  # untouched


def test_cli_joins_the_cluster_and_writes_the_local_shards_and_manifest(
    cluster: str, corpus: list[str], tmp_path: Path
) -> None:
    """The same shard files (bytes) and manifest as ``-o DIR/`` with the local engine, several
    shards, exact duplicates removed across them; the same summary, stats and stderr lines."""
    out, stats, local_out = tmp_path / "shards", tmp_path / "stats.json", tmp_path / "local"
    done = run_cli(
        "run", "--engine", "ray", "--ray-address", cluster, "--dedup", "exact", "--shard-size", "4",
        *corpus, "-o", str(out), "--stats", str(stats),
    )
    config = Config(dedup="exact", shard_size=4)
    records, local_stats, local_errors = _local(corpus, config, tmp_path)
    run_inputs(corpus, config.with_(jobs=1), output=f"{local_out}/", errors=io.StringIO())

    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 1, stderr  # two inputs failed; the run went on
    assert done.stdout == b""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest == json.loads((local_out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] and len(manifest["shards"]) >= 3
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(p.name for p in local_out.iterdir())
    assert names == ["manifest.json", *(shard["name"] for shard in manifest["shards"])]
    for name in names:
        assert (out / name).read_bytes() == (local_out / name).read_bytes(), name
    assert [json.loads(line) for line in read_shards(str(out))] == records  # in input order
    assert json.loads(stats.read_text(encoding="utf-8")) == local_stats
    summary = [line for line in stderr.splitlines() if line.startswith("cleantext: 21 read")]
    assert summary == [line for line in local_errors.splitlines() if line.startswith("cleantext: 21 read")]
    assert _failure_lines(stderr) == _failure_lines(local_errors)


def _listed(folder: Path) -> int:
    """How many shards the manifest of ``folder`` lists (0 before it exists)."""
    try:
        return len(json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["shards"])
    except (OSError, ValueError):
        return 0


def _terminate_when_held(hook: Path, out: Path, sent: list[bool]) -> None:
    """The test's side: once a worker holds the last input's page and a shard is listed, SIGTERM
    this process (the driver), as a scheduler would."""
    for _ in range(1200):
        if _pids(hook) and _listed(out):
            sent.append(True)
            os.kill(os.getpid(), signal.SIGTERM)
            return
        time.sleep(0.05)


def test_a_ray_run_terminated_mid_way_resumes_to_the_records_of_an_uninterrupted_run(
    cluster: str, corpus: list[str], tmp_path: Path
) -> None:
    config = Config(shard_size=2)
    out, hook = tmp_path / "out", tmp_path / "hook"
    hook.mkdir()
    sent: list[bool] = []
    terminator = threading.Thread(target=_terminate_when_held, args=(hook, out, sent))
    terminator.start()
    errors = io.StringIO()
    stages = _with_first(_OnPage(hook, "single.html", die=False), config)  # held until the run is ended
    code = run_on_ray(corpus, config, str(out), errors=errors, stages=stages, driver_pages=0)
    terminator.join()
    assert sent and code == 143, errors.getvalue()
    assert errors.getvalue().splitlines()[-1].endswith("; terminated")
    cut = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert not cut["complete"] and cut["shards"]
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no temporary file left

    changed = io.StringIO()
    assert run_on_ray(corpus, config.with_(resume=True, min_chars=5), str(out), errors=changed) == 2
    assert changed.getvalue() == f"cleantext: {out}: cannot resume: min_chars was 0, now 5 (add --force to resume anyway)\n"

    resumed = io.StringIO()
    assert run_on_ray(corpus, config.with_(resume=True), str(out), errors=resumed) == 1  # two inputs fail
    assert f"resuming after {cut['shards'][-1]['last']['name']}" in resumed.getvalue()
    records, local_stats, _ = _local(corpus, config, tmp_path)
    assert _canonical([json.loads(line) for line in read_shards(str(out))]) == _canonical(records)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] and manifest["shards"][: len(cut["shards"])] == cut["shards"]
    counts = manifest["counts"]
    assert {k: counts[k] for k in ("read", "written", "failed")} == {k: local_stats[k] for k in ("read", "written", "failed")}
    assert counts["dropped_by_reason"] == local_stats["dropped_by_reason"]


class _Cleaners:
    """A page stage that appends ``pid uri`` to ``folder/pages`` for every page it sees: which
    process (the driver, or which actor) cleaned which page."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __call__(self, page: Page) -> Page:
        with (self.folder / "pages").open("a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {page.raw.uri}\n")
        return page


def _cleaned_by(folder: Path) -> dict[str, int]:
    lines = (folder / "pages").read_text(encoding="utf-8").splitlines()
    return {uri: int(pid) for pid, uri in (line.split(" ", 1) for line in lines)}


def test_the_driver_cleans_the_first_pages_the_pool_the_rest_into_the_local_shards(
    cluster: str, corpus: list[str], tmp_path: Path
) -> None:
    """The driver's own pages come first and end inside a container, whose other records the
    actors clean; the shards and manifest are still, byte for byte, those of the local engine."""
    config = Config(dedup="exact", shard_size=3)
    out, local_out, hook = tmp_path / "out", tmp_path / "local", tmp_path / "hook"
    hook.mkdir()
    stages = _with_first(_Cleaners(hook), config)
    stats = clean_on_ray(corpus, config, str(out), errors=io.StringIO(), stages=stages, driver_pages=3)
    run_inputs(corpus, config.with_(jobs=1), output=f"{local_out}/", errors=io.StringIO())

    by = _cleaned_by(hook)
    order = [json.loads(line)["input"] for line in read_shards(str(local_out))]
    assert by[order[0]] == os.getpid()  # the first record: cleaned by the driver, not an actor
    driver = [uri for uri, pid in by.items() if pid == os.getpid()]
    assert 1 <= len(driver) <= 3
    assert len(by) - len(driver) >= 10  # the pool cleaned the rest
    warc = [uri for uri in by if ".warc.gz#" in uri]
    assert {by[uri] == os.getpid() for uri in warc} == {True, False}  # the driver stopped inside it

    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(p.name for p in local_out.iterdir())
    for name in names:
        assert (out / name).read_bytes() == (local_out / name).read_bytes(), name
    assert stats.read == stats.written + stats.dropped_total + stats.failed


def test_a_ray_run_terminated_while_the_driver_cleans_ends_143_with_its_shards_listed(
    cluster: str, corpus: list[str], tmp_path: Path
) -> None:
    config = Config(shard_size=1)
    out, hook = tmp_path / "out", tmp_path / "hook"
    hook.mkdir()
    held = "/" + sorted((Path(corpus[0]) / "dumps").glob("*.txt"))[0].name  # after two articles of the WARC
    sent: list[bool] = []
    terminator = threading.Thread(target=_terminate_when_held, args=(hook, out, sent))
    terminator.start()
    errors = io.StringIO()
    stages = _with_first(_OnPage(hook, held, die=False), config)  # held by the driver until SIGTERM
    code = run_on_ray(corpus, config, str(out), errors=errors, stages=stages)
    terminator.join()
    assert sent and code == 143, errors.getvalue()
    assert _pids(hook) == [os.getpid()]  # the driver held it: the run ended during its own cleaning
    assert errors.getvalue().splitlines()[-1].endswith("; terminated")
    cut = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert not cut["complete"] and cut["shards"]
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no temporary file left

    assert run_on_ray(corpus, config.with_(resume=True), str(out), errors=io.StringIO()) == 1  # two inputs fail
    records, _, _ = _local(corpus, config, tmp_path)
    assert [json.loads(line) for line in read_shards(str(out))] == records


def _dead_address() -> str:
    """A local ``host:port`` where nothing listens (a port just bound, then let go)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"127.0.0.1:{sock.getsockname()[1]}"


def _pages(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        text = f"Page {i} has a sentence long enough to be kept as the body of an article. Another one follows it."
        (folder / f"p{i:03}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def test_an_address_where_nothing_listens_ends_the_run_2_at_once_keeping_the_drivers_pages(tmp_path: Path) -> None:
    """Ray's own join would retry such an address for minutes; the run says so in one line as
    soon as it needs the cluster, and the pages the driver cleaned stay in listed shards."""
    address, out = _dead_address(), tmp_path / "out"
    proc = run_cli("run", str(_pages(tmp_path / "pages", 80)), "--engine", "ray", "--ray-address", address, "-o", str(out))
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert f"cannot join the Ray cluster at {address}: nothing answers at {address}" in err
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert not manifest["complete"]
    kept = len(list(read_shards(str(out))))  # as many as it cleaned in its first half second, at most DRIVER_PAGES
    assert 0 < kept <= DRIVER_PAGES
    assert f"the {kept} page(s) cleaned before are kept (--resume continues)" in err


def test_a_run_the_driver_cleans_alone_does_not_need_the_cluster(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = run_cli("run", str(_pages(tmp_path / "pages", 3)), "--engine", "ray", "--ray-address", _dead_address(), "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["complete"]
    assert len(list(read_shards(str(out)))) == 3
