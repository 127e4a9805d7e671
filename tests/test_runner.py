"""runner: ``run`` then ``filter`` gives what one run with both sets of options gives."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from cleantext.config import Config
from cleantext.model import Article, Drop, DropReason
from cleantext.runner import filter_records, run_inputs
from tests.conftest import BENCH, SAMPLES, SEED, json_lines, run_cli

BENCH_PAGES_PER_KIND = 30  # bench pages of each kind (HTML, dump) copied beside the samples
DATASETS = ("cwced-zh", "magic-html")  # Chinese news pages, and mixed-language ones


def _corpus(root: Path) -> Path:
    """The samples and some bench pages in one folder, with a copy and a near copy of one dump."""
    if not BENCH.is_dir():
        pytest.fail(f"{BENCH} is missing: this test needs the shared bench (../shared/bench)")
    pages = root / "pages"
    shutil.copytree(SAMPLES, pages / "samples", ignore=shutil.ignore_patterns("*.jsonl", "*.json"))
    for dataset in DATASETS:
        for ext in ("html", "txt"):
            for page in sorted((BENCH / dataset).rglob(f"*.{ext}"))[:BENCH_PAGES_PER_KIND]:
                target = pages / dataset / page.relative_to(BENCH / dataset)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(page, target)
    seed = SEED.read_text(encoding="utf-8")
    (pages / "copy.txt").write_text(seed, encoding="utf-8")
    (pages / "near.txt").write_text(seed.replace("2025", "2024", 1), encoding="utf-8")
    return pages


def _run(inputs: list[str], config: Config, out: Path, stats: Path, *, filtering: bool = False) -> list[str]:
    go = filter_records if filtering else run_inputs
    go(inputs, config, output=str(out), stats_path=str(stats), errors=io.StringIO())
    return out.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(
    "options",
    [
        {"to": "simplified", "dedup": "near"},
        {"to": "traditional", "dedup": "exact", "min_chars": 300, "max_repetition": 0.3},
        {"opencc": "s2twp", "min_cjk_ratio": 0.5},
    ],
)
def test_filter_over_a_raw_run_gives_one_runs_records(tmp_path: Path, options: dict[str, object]) -> None:
    pages = _corpus(tmp_path)
    config = Config(jobs=1, **options)  # type: ignore[arg-type]
    once = _run([str(pages)], config, tmp_path / "once.jsonl", tmp_path / "once.json")
    raw = _run([str(pages)], Config(jobs=1), tmp_path / "raw.jsonl", tmp_path / "raw.json")
    twice = _run([str(tmp_path / "raw.jsonl")], config, tmp_path / "clean.jsonl", tmp_path / "clean.json",
                 filtering=True)
    assert len(raw) > 80 and len(once) > 20
    assert twice == once
    once_stats = json.loads((tmp_path / "once.json").read_text())
    raw_stats = json.loads((tmp_path / "raw.json").read_text())
    filter_stats = json.loads((tmp_path / "clean.json").read_text())
    assert filter_stats["read"] == raw_stats["written"]
    record_drops = {k: v - raw_stats["dropped_by_reason"].get(k, 0) for k, v in once_stats["dropped_by_reason"].items()}
    assert filter_stats["dropped_by_reason"] == {k: v for k, v in record_drops.items() if v}
    assert filter_stats["dropped"] > 0 and filter_stats["failed"] == 0  # the filters had work to do
    assert filter_stats["duplicates"] == once_stats["duplicates"]


def test_filter_command_through_the_entry_point(tmp_path: Path) -> None:
    raw = tmp_path / "raw.jsonl"
    assert run_cli("run", str(SAMPLES / "dumps"), "-o", str(raw), "-q").returncode == 0
    once = run_cli("run", str(SAMPLES / "dumps"), "--to", "traditional", "--dedup", "near", "-q")
    proc = run_cli("filter", str(raw), "--to", "traditional", "--dedup", "near", "-q")
    assert proc.returncode == 0 and proc.stdout == once.stdout
    assert json_lines(proc.stdout)[0]["script"] == "Hant"
    assert proc.stderr.decode().splitlines()[-1].startswith(f"cleantext: {len(json_lines(raw.read_bytes()))} read")


def test_filter_refuses_records_it_cannot_rebuild_one_line_each(tmp_path: Path) -> None:
    nested = tmp_path / "dolma.jsonl"
    assert run_cli("run", str(SEED), "--schema", "dolma", "-o", str(nested)).returncode == 0
    proc = run_cli("filter", str(nested))
    assert proc.returncode == 1 and proc.stdout == b""
    lines = proc.stderr.decode().splitlines()
    assert lines[0].startswith(f"cleantext: {nested}#1: line 1: not a flat cleantext record (missing ")
    assert "--schema flat" in lines[0] and "1 failed" in lines[-1]


def test_run_with_own_stages_counts_their_drops_in_stats(tmp_path: Path) -> None:
    from cleantext.stages import default_stages

    def no_seed_site(article: Article) -> Article | Drop:
        return Drop(article.input, DropReason.of("mine"), "every record", "custom") if article.site else article

    stats = tmp_path / "stats.json"
    result = run_inputs([str(SEED)], Config(), output=str(tmp_path / "o.jsonl"), stats_path=str(stats),
                        errors=io.StringIO(), stages=[*default_stages(Config()), no_seed_site])
    assert result.exit_code == 0
    assert json.loads(stats.read_text())["dropped_by_reason"] == {"mine": 1}
