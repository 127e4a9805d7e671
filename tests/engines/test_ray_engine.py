"""``--engine ray`` on a real local Ray (2 CPUs): the same records and counts as the local engine.

One Ray instance serves the module (start-up is ~10 s); the CLI test joins it by address.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ray = pytest.importorskip("ray")

from cleantext.config import Config  # noqa: E402 - after the skip: these need Ray
from cleantext.engines.ray import clean_on_ray, run_on_ray  # noqa: E402
from cleantext.runner import run_inputs  # noqa: E402
from tests.conftest import run_cli  # noqa: E402

pytestmark = pytest.mark.ray


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A local Ray with 2 CPUs for the module; yields its address for other processes to join."""
    from ray.data import DataContext

    ray.init(num_cpus=2, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
    DataContext.get_current().enable_progress_bars = False
    yield ray.get_runtime_context().gcs_address
    ray.shutdown()


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


def test_ray_writes_the_records_and_counts_of_the_local_engine(
    cluster: str, corpus: list[str], tmp_path: Path
) -> None:
    """Near-duplicate removal (exact, then near) across files and containers, gzipped shards."""
    config = Config(dedup="near")
    errors = io.StringIO()
    out = tmp_path / "out"
    stats = clean_on_ray(corpus, config, str(out), compression="gzip", errors=errors)
    records, local_stats, local_errors = _local(corpus, config, tmp_path)

    assert _canonical(_shard_records(out)) == _canonical(records)
    assert stats.as_dict() == local_stats  # duplicates included, in input order
    assert stats.read == stats.written + stats.dropped_total + stats.failed
    assert stats.failed == 2 and stats.written == len(records)
    assert stats.dropped["near-duplicate"] >= 1 and stats.dropped["exact-duplicate"] >= 1
    assert _failure_lines(errors.getvalue()) == _failure_lines(local_errors)
    assert all(p.name.endswith(".jsonl.gz") for p in out.iterdir())


def test_run_on_ray_refuses_stdin_and_a_full_output_folder(
    cluster: str, corpus: list[str], tmp_path: Path
) -> None:
    errors = io.StringIO()
    assert run_on_ray(["-"], Config(), str(tmp_path / "a"), errors=errors) == 2
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "old.jsonl").write_text("{}\n")
    assert run_on_ray(corpus, Config(), str(tmp_path / "full"), errors=errors) == 2
    assert "cannot read stdin" in errors.getvalue() and "not empty" in errors.getvalue()
    assert run_on_ray(corpus, Config(resume=True), str(tmp_path / "new"), errors=errors) == 2
    assert errors.getvalue().splitlines()[-1] == (
        "cleantext: --resume continues the shards of the local engine; the Ray engine writes its shards in one go"
    )
    assert not (tmp_path / "new").exists()


def test_cli_joins_the_cluster_and_reports_like_the_local_run(
    cluster: str, corpus: list[str], tmp_path: Path
) -> None:
    out, stats = tmp_path / "shards", tmp_path / "stats.json"
    done = run_cli(
        "run", "--engine", "ray", "--ray-address", cluster, "--dedup", "exact",
        *corpus, "-o", str(out), "--stats", str(stats),
    )
    records, local_stats, local_errors = _local(corpus, Config(dedup="exact"), tmp_path)

    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 1, stderr  # two inputs failed; the run went on
    assert done.stdout == b""
    assert _canonical(_shard_records(out)) == _canonical(records)
    assert json.loads(stats.read_text(encoding="utf-8")) == local_stats
    summary = [line for line in stderr.splitlines() if line.startswith("cleantext: 21 read")]
    assert summary == [line for line in local_errors.splitlines() if line.startswith("cleantext: 21 read")]
    assert _failure_lines(stderr) == _failure_lines(local_errors)
    assert all(p.name.startswith("part-") and p.name.endswith(".jsonl") for p in out.iterdir())
