"""Sections that need other processes: --jobs, scaling with size, start-up, Ray, and the peers.

A child of ``bench.py`` (``--child NAME``) prints one JSON object as its last stdout line; the
parent reads it. Children measure what only a fresh process can: peak RSS for one corpus size,
Ray's cluster, the peers' separate venv.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchlib.corpus import ROOT, SCRATCH, load_paths, save_paths, total_bytes
from benchlib.inproc import OUT, clean_paths
from benchlib.timing import Figure, best_of, best_of_each, peak_rss_mb, say
from cleantext.config import Config
from cleantext.model import Article
from cleantext.pipeline import PageCleaner, Pipeline
from cleantext.read import iter_pages
from cleantext.write import JsonlWriter

BENCH_SCRIPT = ROOT / "scripts" / "bench.py"
VENV_BIN = ROOT / ".venv" / "bin"
PEERS = SCRATCH / "peers"
PEER_PACKAGES = ("trafilatura", "readability-lxml")
PEERS_WORKER = Path(__file__).with_name("peers_worker.py")
IMPORTTIME_ROWS = 12  # imports listed from ``-X importtime``
US_PER_S = 1_000_000
IMPORTTIME_INDENT = 2  # spaces per nesting level in -X importtime's module column
HEAVY_NESTED_IMPORTS = (
    "bs4",
    "soupsieve.css_parser",
    "typer",
    "rich",
    "click",
    "chardet",
    "opencc",
    "lxml.etree",
)
PEER_TIMEOUT_S = 1800  # seconds: a peer run over the whole corpus, several repetitions
CHILD_TIMEOUT_S = 900  # seconds: the longest a child section may take (16x dumps on a slow day)
TERMINATE_GRACE_S = 30  # seconds between SIGTERM and SIGKILL for a child past its time
RAY_CLEAN_CPUS = min(2, os.cpu_count() or 1)  # Ray actors cleaning pages, one CPU each: "2 local CPUs"
# Ray gets exactly these CPUs, no more than the machine has.
RAY_HEAD_TIMEOUT_S = 180  # seconds for ``ray start --head`` to report its cluster up (slow on a loaded machine)
FIRST_POLL_S = 0.01  # seconds between looks for the first shard of the run being timed


def run_child(
    args: list[str], python: str = sys.executable, timeout: float = CHILD_TIMEOUT_S, env: dict[str, str] | None = None
) -> dict[str, Any]:
    """Run ``bench.py --child …`` (or another script) and return the JSON of its last stdout line.

    A child past ``timeout`` gets SIGTERM (so a Ray driver can stop the cluster it started), then
    SIGKILL, and the section fails with a message instead of hanging the run.
    """
    child = subprocess.Popen([python, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        out, err = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.terminate()
        try:
            child.communicate(timeout=TERMINATE_GRACE_S)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
        raise RuntimeError(f"child {args[1:3]} still running after {timeout:g} s; stopped") from None
    lines = out.strip().splitlines()
    if child.returncode != 0 or not lines:
        tail = err.strip().splitlines()[-2:]
        raise RuntimeError(f"child {args[1:3]} failed ({child.returncode}): {' | '.join(tail)}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


# -- (h) --jobs ---------------------------------------------------------------------------------


def pipeline_paths(paths: list[str], jobs: int, out: Path = OUT) -> int:
    """``Pipeline(Config(jobs=…)).run`` over ``paths`` into a JSONL file; articles written."""
    config = Config(jobs=jobs)
    with JsonlWriter(out) as writer:
        for outcome in Pipeline(config).run(iter_pages(paths, config), jobs=jobs):
            if isinstance(outcome, Article):
                writer.write(outcome)
        return writer.count


def measure_jobs(paths: list[str], reps: int) -> list[Figure]:
    """--jobs 1 and --jobs 2 on ``paths``; worker start-up is inside the timing (it is part of a run).

    The two take turns within each repetition, so that another tenant's load falls on both. Each
    row notes the CPU seconds of this process and of its workers, and the load average before the
    runs: on a shared machine a wall-clock speed-up is only as good as the CPUs were free, while
    the CPU split shows what the parallel run itself costs (pickling, the parent's writing).
    """
    load = os.getloadavg()[0]
    cpu: dict[int, list[tuple[float, float]]] = {1: [], 2: []}

    def run(jobs: int) -> None:
        # each run builds its Pipeline, so --jobs 1, which cleans in this process, starts with no
        # block judged yet, like the workers of --jobs 2
        parent, workers = time.process_time(), _children_cpu()
        pipeline_paths(paths, jobs)
        cpu[jobs].append((time.process_time() - parent, _children_cpu() - workers))

    best = best_of_each(reps, {"1": lambda: run(1), "2": lambda: run(2)})
    figures = []
    for jobs in (1, 2):
        parent, workers = min(cpu[jobs])
        note = f"CPU s: this process {parent:.1f}, workers {workers:.1f}; load avg {load:.1f} before"
        extra = {"cpu_s": round(parent + workers, 3)}
        figures.append(Figure(f"HTML --jobs {jobs}", len(paths), total_bytes(paths), best[str(jobs)], note, extra))
    return figures


def _children_cpu() -> float:
    """CPU seconds of this process's finished children (pool workers count once they exit)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# -- (i) scaling with corpus size ----------------------------------------------------------------


def child_scaling(listing: Path, repeat: int) -> dict[str, Any]:
    """In a fresh process: clean the listed pages ``repeat`` times over; time and peak RSS."""
    paths = load_paths(listing) * repeat
    cleaner = PageCleaner(Config())
    clean_paths(cleaner, paths[:1])  # warm-up: lazy imports out of the timing
    ready = peak_rss_mb()
    start = time.process_time()  # CPU seconds: one core, whatever else the machine runs
    written = clean_paths(cleaner, paths)
    seconds = time.process_time() - start
    return {
        "pages": len(paths),
        "bytes": total_bytes(paths),
        "seconds": seconds,
        "written": written,
        "rss_ready_mb": ready,
        "peak_rss_mb": peak_rss_mb(),
    }


def measure_scaling(paths: list[str], sizes: tuple[int, ...]) -> list[Figure]:
    listing = save_paths(paths, "scaling.paths")
    figures = []
    for size in sizes:
        say(f"scaling: {size}x dumps in a fresh process")
        got = run_child([str(BENCH_SCRIPT), "--child", "scaling", "--listing", str(listing), "--repeat", str(size)])
        extra = {"peak_rss_mb": round(got["peak_rss_mb"], 1), "rss_ready_mb": round(got["rss_ready_mb"], 1)}
        figures.append(Figure(f"dumps {size}x", got["pages"], got["bytes"], got["seconds"], "", extra))
    return figures


# -- (k) start-up --------------------------------------------------------------------------------


def measure_startup(page: str, reps: int) -> Figure:
    """Wall time of ``cleantext run PAGE > /dev/null`` from the shell, best of ``reps``."""
    command = [str(VENV_BIN / "cleantext"), "run", page]

    def once() -> None:
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)

    return Figure(f"startup: cleantext run {Path(page).name}", 1, total_bytes([page]), best_of(reps, once))


def import_costs(page: str) -> list[tuple[str, float]]:
    """``-X importtime`` of ``python -m cleantext run PAGE``: (module, cumulative s) of the imports
    the run makes itself (nesting level 0), largest first, then a few known heavy nested ones."""
    command = [str(VENV_BIN / "python"), "-X", "importtime", "-m", "cleantext", "run", page]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    top, nested = [], []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, raw_name = line.removeprefix("import time:").split("|")
        name, seconds = raw_name.strip(), int(cumulative) / US_PER_S
        depth = (len(raw_name) - len(raw_name.lstrip()) - 1) // IMPORTTIME_INDENT
        if depth == 0:
            top.append((name, seconds))
        elif name in HEAVY_NESTED_IMPORTS:
            nested.append((name, seconds))
    return sorted(top, key=lambda row: -row[1])[:IMPORTTIME_ROWS] + nested


# -- (l) Ray -------------------------------------------------------------------------------------


def child_ray(folder: Path) -> dict[str, Any]:
    """In a fresh process: the Ray engine with ``RAY_CLEAN_CPUS`` cleaning actors on as many CPUs (``bench_ray``)."""
    import shutil

    out = SCRATCH / "ray-out"
    shutil.rmtree(out, ignore_errors=True)
    return bench_ray(str(folder), str(out), Config(jobs=RAY_CLEAN_CPUS), num_cpus=RAY_CLEAN_CPUS)


# -- (l) Ray: the first record, joining a cluster already running ---------------------------------


def ray_env() -> dict[str, str]:
    """The environment of the head and the runs: Ray's token authentication off, unless asked for
    (a token left in the home folder would otherwise turn it on for ``ray start`` alone)."""
    return {**os.environ, "RAY_AUTH_MODE": os.environ.get("RAY_AUTH_MODE", "disabled")}


@contextmanager
def ray_head(cpus: int) -> Iterator[str]:
    """A head node as ``ray start --head`` makes one, on its own port and temporary folder, for the
    block; its address. ``--block`` keeps ``ray start`` in the foreground: ending it (SIGTERM, by
    its pid) stops the processes it started, and no other Ray on the machine."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    temp = Path(tempfile.mkdtemp(prefix="ray-", dir="/tmp"))  # short: Ray's sockets live under it
    log = temp / "head.log"
    command = [
        str(VENV_BIN / "ray"), "start", "--head", "--block", f"--port={port}", "--node-ip-address=127.0.0.1",
        f"--num-cpus={cpus}", "--include-dashboard=false", "--disable-usage-stats", f"--temp-dir={temp}",
    ]
    with log.open("w", encoding="utf-8") as sink:
        head = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, env=ray_env())
    try:
        deadline = time.monotonic() + RAY_HEAD_TIMEOUT_S
        while "Ray runtime started" not in log.read_text(encoding="utf-8", errors="replace"):
            if head.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"ray start --head did not start: {log.read_text(errors='replace')[-300:]}")
            time.sleep(0.2)
        yield f"127.0.0.1:{port}"
    finally:
        head.terminate()
        try:
            head.wait(timeout=TERMINATE_GRACE_S)
        except subprocess.TimeoutExpired:
            head.kill()
            head.wait()
        shutil.rmtree(temp, ignore_errors=True)


def ray_first_record(folder: Path, address: str) -> tuple[float, float]:
    """``cleantext run --engine ray --ray-address ADDRESS FOLDER -o OUT/ --shard-size 1``: wall
    seconds from the command's start until its first shard is on disk (two records taken: the
    first shard is finished when the second record arrives), and until it exits."""
    out = SCRATCH / "rayfirst-out"
    shutil.rmtree(out, ignore_errors=True)
    command = [str(VENV_BIN / "cleantext"), "run", "--engine", "ray", "--ray-address", address, str(folder),
               "-o", f"{out}/", "--shard-size", "1", "-q"]
    start = time.perf_counter()
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ray_env())
    first = None
    while run.poll() is None:
        if first is None and out.is_dir() and any(name.startswith("part-") for name in os.listdir(out)):
            first = time.perf_counter() - start
        time.sleep(FIRST_POLL_S)
    end = time.perf_counter() - start
    _, err = run.communicate()
    if run.returncode not in (0, 1) or first is None:
        raise RuntimeError(f"cleantext --engine ray failed ({run.returncode}): {err.decode(errors='replace')[-300:]}")
    return first, end


def child_ray_phases(address: str) -> dict[str, Any]:
    """In a fresh process: what joining a running cluster costs before any cleantext code runs:
    ``import ray`` (wall and CPU seconds), ``ray.init`` (connect), and the first reply of a bare
    actor (a worker process started and connected)."""
    import logging

    start, cpu = time.perf_counter(), time.process_time()
    import ray

    imported, imported_cpu = time.perf_counter(), time.process_time()
    ray.init(address=address, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
    connected = time.perf_counter()

    @ray.remote(num_cpus=1)
    class Bare:
        def pid(self) -> int:
            return os.getpid()

    ray.get(Bare.remote().pid.remote())  # type: ignore[attr-defined]
    replied = time.perf_counter()
    ray.shutdown()
    return {
        "import_s": round(imported - start, 3),
        "import_cpu_s": round(imported_cpu - cpu, 3),
        "connect_s": round(connected - imported, 3),
        "bare_actor_s": round(replied - connected, 3),
    }


def measure_local_engine(folder: Path, jobs: int, reps: int) -> Figure:
    """``run_inputs`` (the local engine behind ``cleantext run``) on a folder, best of ``reps``."""
    from cleantext.runner import run_inputs

    errors = open(os.devnull, "w", encoding="utf-8")
    try:
        seconds = best_of(reps, lambda: run_inputs([str(folder)], Config(jobs=jobs), str(OUT), errors=errors))
    finally:
        errors.close()
    files = [str(p) for p in folder.iterdir()]
    return Figure(f"local engine run_inputs --jobs {jobs}", len(files), total_bytes(files), seconds)


# -- (g) peers ------------------------------------------------------------------------------------


def peers_python(create: bool) -> Path | None:
    """The peers venv's python (created with ``create``), or None when there is none."""
    python = PEERS / "bin" / "python"
    if create:
        if not python.exists():
            say("creating .bench/peers (a separate venv; never a project dependency)")
            subprocess.run([sys.executable, "-m", "venv", str(PEERS)], check=True)
        # the pip a venv starts with trips over lxml[html-clean] in readability-lxml: upgrade first
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *PEER_PACKAGES], check=True)
    return python if python.exists() else None


def measure_peers(python: Path, paths: list[str], reps: int) -> dict[str, Any]:
    listing = save_paths(paths, "peers.paths")
    args = [str(PEERS_WORKER), str(listing), str(reps)]
    return run_child(args, python=str(python), timeout=PEER_TIMEOUT_S)


def bench_ray(
    pages_dir: str, output_dir: str, config: Config | None = None, num_cpus: int = 2
) -> dict[str, Any]:
    """Time the ray engine on a folder of pages, Ray's start-up excluded; for ``make bench``.

    Starts a local Ray with ``num_cpus`` CPUs when none is connected (and stops it after).
    Returns ``{"pages": read, "written": …, "seconds": …, "pages_per_s": …, "startup_seconds": …}``.
    """
    from cleantext.engines import raypool
    from cleantext.engines.ray import clean_on_ray

    start = time.perf_counter()
    started = not raypool.connected()
    if started:
        raypool.connect_local(num_cpus)
    ready = time.perf_counter()
    try:
        stats = clean_on_ray([pages_dir], config or Config(), output_dir, errors=sys.stderr)
    finally:
        if started:
            raypool.disconnect()
    seconds = time.perf_counter() - ready
    return {
        "pages": stats.read,
        "written": stats.written,
        "seconds": round(seconds, 3),
        "pages_per_s": round(stats.read / seconds, 1) if seconds else 0.0,
        "startup_seconds": round(ready - start, 3),
    }
