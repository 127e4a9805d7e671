"""Shard folders with real files: shard sizes, whole gzip files, the manifest, and what resuming refuses."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from pathlib import Path

import pytest

from cleantext.config import Config
from cleantext.model import Drop, DropReason, Failure
from cleantext.read import Place
from cleantext.runner import run_inputs
from cleantext.write import JsonlWriter
from cleantext.write.shards import MANIFEST, ShardPlan, ShardProblem, ShardWriter, is_shard_folder, plan_shards
from tests.robustness.pages import write_pages
from tests.write.test_jsonl import make_article


def _manifest(folder: Path) -> dict:
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))


def _take_all(folder: Path, config: Config, outcomes: list) -> ShardWriter:
    with ShardWriter(ShardPlan(str(folder)), config, ["in"]) as writer:
        for number, outcome in enumerate(outcomes):
            writer.take(outcome, Place(number, 0, f"in/{number}"))
        writer.complete = True
    return writer


def test_shards_hold_at_most_shard_size_records_and_the_drops_between_them(tmp_path: Path) -> None:
    drop = Drop("in/x", DropReason.EMPTY, "", "read")
    outcomes = [make_article(1), drop, make_article(2), make_article(3), Failure("in/y", "bad"), make_article(4), drop]
    _take_all(tmp_path, Config(shard_size=2), outcomes)
    manifest = _manifest(tmp_path)
    assert [s["name"] for s in manifest["shards"]] == ["part-00000.jsonl.gz", "part-00001.jsonl.gz"]
    assert [s["records"] for s in manifest["shards"]] == [2, 2]
    assert [s["read"] for s in manifest["shards"]] == [3, 4]  # the drop after a full shard's last record is its own
    assert [(s["first"]["input"], s["last"]["input"]) for s in manifest["shards"]] == [(0, 2), (3, 6)]
    assert manifest["counts"] == {"read": 7, "written": 4, "dropped": 2, "dropped_by_reason": {"empty": 2}, "failed": 1}
    assert manifest["complete"] is True
    for shard in manifest["shards"]:
        data = (tmp_path / shard["name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == shard["sha256"] and len(data) == shard["bytes"]
        lines = gzip.decompress(data).decode("utf-8").splitlines()  # each shard a whole gzip file on its own
        assert len(lines) == shard["records"] and all(json.loads(line)["id"].startswith("id") for line in lines)
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST, "part-00000.jsonl.gz", "part-00001.jsonl.gz"]


def test_shard_bytes_bounds_the_uncompressed_size(tmp_path: Path) -> None:
    line = len(JsonlWriter(None).line(make_article(1)))
    _take_all(tmp_path, Config(shard_bytes=2 * line + 1), [make_article(1) for _ in range(5)])
    assert [s["records"] for s in _manifest(tmp_path)["shards"]] == [2, 2, 1]


def test_an_interrupted_shard_is_closed_with_what_it_took_and_the_manifest_says_incomplete(tmp_path: Path) -> None:
    with ShardWriter(ShardPlan(str(tmp_path)), Config(shard_size=10), ["in"]) as writer:
        for number in range(3):
            writer.take(make_article(number), Place(number, 0, f"in/{number}"))
    manifest = _manifest(tmp_path)
    assert manifest["complete"] is False and manifest["counts"]["written"] == 3
    assert manifest["shards"][0]["last"] == {"input": 2, "item": 0, "name": "in/2"}


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), ShardWriter(ShardPlan(str(tmp_path)), Config(), ["in"]) as writer:
        writer.take(make_article(1), Place(0, 0, "in/0"))
        raise RuntimeError("the run broke")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_what_is_a_shard_folder(tmp_path: Path) -> None:
    (tmp_path / "file.jsonl").write_text("")
    assert is_shard_folder(str(tmp_path)) and is_shard_folder(str(tmp_path / "new") + "/")
    assert not is_shard_folder(str(tmp_path / "file.jsonl")) and not is_shard_folder(str(tmp_path / "new"))


def test_jobs_give_the_same_shards_and_manifest(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages", 60)
    manifests = []
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        result = run_inputs([str(pages)], Config(jobs=jobs, shard_size=25), output=f"{out}/", errors=io.StringIO())
        assert result.exit_code == 0
        manifests.append(_manifest(out))
    assert manifests[0] == manifests[1]
    assert [s["records"] for s in manifests[0]["shards"]] == [25, 25, 10]


def test_what_resuming_refuses(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages", 4)
    out = f"{tmp_path}/out/"
    assert run_inputs([str(pages)], Config(), output=out, errors=io.StringIO()).exit_code == 0
    refusals = {
        "holds the shards of an earlier run; add --resume": (Config(), [str(pages)]),
        "cannot resume: min_chars was 0, now 5 (add --force": (Config(resume=True, min_chars=5), [str(pages)]),
        "cannot resume: other inputs": (Config(resume=True), [str(pages), str(pages)]),
        "cannot continue duplicate removal": (Config(resume=True, dedup="exact"), [str(pages)]),
        "cannot read stdin again": (Config(resume=True), ["-"]),
    }
    for message, (config, inputs) in refusals.items():
        with pytest.raises(ShardProblem, match=message.replace("(", r"\(")):
            plan_shards(out, config, inputs)
        errors = io.StringIO()
        assert run_inputs(inputs, config, output=out, errors=errors).exit_code == 2
        assert errors.getvalue().count("\n") == 1
    assert plan_shards(out, Config(resume=True, min_chars=5, force=True), [str(pages)]).after is not None
    assert plan_shards(out, Config(force=True), [str(pages)]).after is None
    assert plan_shards(out, Config(resume=True, jobs=2, shard_size=7), [str(pages)]).after == Place(3, 0, f"{pages}/p00003.txt")


def test_a_resumed_run_writes_only_the_rest(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages", 30)
    whole, part = tmp_path / "whole", tmp_path / "part"
    run_inputs([str(pages)], Config(shard_size=7), output=f"{whole}/", errors=io.StringIO())
    run_inputs([str(pages)], Config(shard_size=7), output=f"{part}/", errors=io.StringIO())
    manifest = _manifest(part)  # as if the run had died after its second shard
    manifest["shards"] = manifest["shards"][:2]
    (part / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    errors = io.StringIO()
    result = run_inputs([str(pages)], Config(shard_size=7, resume=True), output=f"{part}/", errors=errors)
    assert result.exit_code == 0 and result.stats.read == 16  # 30 less the 14 the two kept shards cover
    assert "resuming after" in errors.getvalue()
    assert _manifest(part) == _manifest(whole)


def test_resuming_over_changed_inputs_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages", 30)
    out = tmp_path / "out"
    run_inputs([str(pages)], Config(shard_size=7), output=f"{out}/", errors=io.StringIO())
    manifest = _manifest(out)  # as if the run had died after its second shard
    manifest["shards"] = manifest["shards"][:2]
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    (out / "part-00002.jsonl.gz").unlink()
    (pages / "p00000.html").unlink()  # every later input moves up one place
    errors = io.StringIO()
    result = run_inputs([str(pages)], Config(shard_size=7, resume=True), output=f"{out}/", errors=errors)
    assert result.exit_code == 2
    assert errors.getvalue().splitlines()[-1] == (
        f"cleantext: input 14 was {pages}/p00013.txt, now {pages}/p00014.html: the inputs changed; "
        "start over with --force (without --resume)"
    )
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "part-00000.jsonl.gz", "part-00001.jsonl.gz"]
