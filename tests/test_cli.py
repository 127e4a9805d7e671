"""The command line through the real entry point: stdout holds only JSON lines, stderr the diagnostics."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from cleantext.cli import app
from tests.conftest import ROOT, SEED, json_lines, run_cli

ARTICLE_HTML = (
    "<html><head><title>测试新闻标题_示例网</title></head><body><div class='nav'><a href='/'>首页</a></div>"
    "<h1>测试新闻标题</h1><p>这是一段足够长的正文内容，它有逗号，也有句号。第二句话继续说明事情的经过。</p>"
    "<p>第二段正文同样足够长，读起来像新闻报道的一部分，内容完整，标点齐全。</p>"
    "<div class='footer'>版权所有 © 2025 示例网</div></body></html>"
)


def test_run_file_writes_json_lines_and_summary() -> None:
    proc = run_cli("run", str(SEED))
    assert proc.returncode == 0
    [record] = json_lines(proc.stdout)
    assert list(record) == ["id", "text", "title", "date", "site", "author", "url", "lang", "lang_score", "langs", "script", "input", "encoding", "text_format"]
    assert b"1 read, 1 written" in proc.stderr


def test_missing_input_fails_with_one_line_and_the_run_goes_on(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    proc = run_cli("run", str(tmp_path / "nope.txt"), str(page))
    assert proc.returncode == 1
    assert len(json_lines(proc.stdout)) == 1
    errors = [line for line in proc.stderr.decode().splitlines() if "nope.txt" in line]
    assert len(errors) == 1


def test_usage_error_exits_2() -> None:
    assert run_cli("run", "--to", "klingon", str(SEED)).returncode == 2
    assert run_cli("run", "--no-such-option").returncode == 2
    assert run_cli("run", "--fields", "id,nonsense", str(SEED)).returncode == 2


def test_output_file_and_compression(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl.gz"
    proc = run_cli("run", str(SEED), "-o", str(out))
    assert proc.returncode == 0
    assert proc.stdout == b""
    assert len(json_lines(gzip.decompress(out.read_bytes()))) == 1


def test_closed_stdout_ends_quietly(tmp_path: Path) -> None:
    for i in range(40):
        (tmp_path / f"p{i:02d}.html").write_text(ARTICLE_HTML.replace("测试", f"测试{i}"), encoding="utf-8")
    proc = subprocess.run(
        f"{sys.executable} -m cleantext run {tmp_path} --jobs 1 | head -1",
        shell=True, capture_output=True, cwd=ROOT, timeout=120, check=False,
    )
    assert len(proc.stdout.splitlines()) == 1
    assert b"Traceback" not in proc.stderr


def test_print_config_and_config_file(tmp_path: Path) -> None:
    conf = tmp_path / "pipeline.toml"
    conf.write_text('[run]\nto = "traditional"\ndedup = "exact"\n', encoding="utf-8")
    proc = run_cli("run", "--config", str(conf), "--print-config")
    assert proc.returncode == 0
    text = proc.stdout.decode()
    assert 'to = "traditional"' in text and 'dedup = "exact"' in text
    bad = tmp_path / "bad.toml"
    bad.write_text("nonsense = 1\n", encoding="utf-8")
    assert run_cli("run", "--config", str(bad), str(SEED)).returncode == 2


def test_explain_on_the_seed_through_click_runner() -> None:
    result = CliRunner().invoke(app, ["explain", str(SEED)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert any("KEEP" in line and "以“共建互联" in line for line in lines)
    assert any("drop" in line and "上一篇文章" in line and "nav" in line for line in lines)
    assert any("drop" in line and "标签" in line and "tags" in line for line in lines)
    assert "\x1b[" not in result.output  # plain when piped


def test_explain_says_random_bytes_are_no_text_as_run_drops_them(tmp_path: Path) -> None:
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(range(0x80, 0x100)) * 8 + bytes(reversed(range(0x80, 0x100))) * 8)
    explained = run_cli("explain", str(noise))
    assert explained.returncode == 1 and explained.stdout == b""
    [line] = explained.stderr.decode().splitlines()  # one line, not a listing of mojibake
    assert line.startswith(f"cleantext: {noise}: dropped as binary (no text in any encoding")
    proc = run_cli("run", str(noise))
    assert proc.returncode == 0 and proc.stdout == b"" and b"dropped (binary 1)" in proc.stderr


def test_explain_json_lists_every_block() -> None:
    result = CliRunner().invoke(app, ["explain", "--json", str(SEED)])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert {"index", "keep", "reason", "score", "text"} <= set(rows[0])
    kept = [r["text"] for r in rows if r["keep"]]
    assert len(kept) == 6
    assert all(r["reason"] for r in rows)


def test_detect_reports_encoding_and_why(tmp_path: Path) -> None:
    page = tmp_path / "gbk.txt"
    page.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    proc = run_cli("detect", "--json", str(page), str(SEED))
    assert proc.returncode == 0
    rows = json_lines(proc.stdout)
    assert rows[0]["encoding"] == "gb18030" and rows[0]["method"] == "detected"
    assert rows[1]["encoding"] == "utf-8" and rows[1]["format"] == "text" and rows[1]["script"] == "Hans"


def help_text(*args: str, **env: str) -> str:
    """``cleantext ... --help`` at a fixed width, so that no test depends on the terminal it runs in."""
    environ = {**os.environ, "COLUMNS": "100", "TERMINAL_WIDTH": "100", **env}
    proc = subprocess.run(
        [sys.executable, "-m", "cleantext", *args, "--help"],
        capture_output=True, cwd=ROOT, timeout=120, env=environ, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.decode()


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listing = help_text().split("Commands:\n", 1)[1]
    names = [line.split()[0] for line in listing.splitlines() if line.startswith("  ")]
    assert names == ["run", "filter", "explain", "detect"]
    for name in names:
        assert f"cleantext {name}" in readme
        assert "Example:" in help_text(name)


def test_help_shows_choices_types_defaults_and_groups() -> None:
    text = help_text("run")
    assert "[simplified|traditional|taiwan|hongkong]" in text
    assert "--jobs INTEGER" in text and "--near-threshold FLOAT" in text and "-o, --output FILE" in text
    assert "--input-format, --format [auto|html|text]" in text and "--markdown " in text
    flat = " ".join(text.split())  # a help text may wrap anywhere
    assert "[default: flat]" in flat and "[default: off]" in flat and "[default: 0; x>=0]" in flat
    sections = [line for line in text.splitlines() if line.endswith(":") and not line.startswith(" ")]
    assert sections == ["Options:", "Input options:", "Cleaning options:", "Output options:", "Scale options:"]
    for placeholder in ("<str>", "<int>", "<list[str]>", "{inputs}", "BOOLEAN", "_settings", "--settings"):
        assert placeholder not in text


def test_help_is_plain_text_whether_or_not_rich_is_asked_for() -> None:
    """typer would draw rich boxes: the help stays plain, grep-able and the same either way."""
    plain = help_text("run", TYPER_USE_RICH="0")
    assert help_text("run", TYPER_USE_RICH="1") == plain
    assert not set("╭│╰─") & set(plain) and "\x1b[" not in plain
    assert "links as [text](url)" in plain  # not eaten as rich markup


def test_filter_and_explain_take_only_their_settings() -> None:
    filter_help, explain_help = help_text("filter"), help_text("explain")
    assert "--dedup [off|exact|near]" in filter_help and "--to [" in filter_help and "-j, --jobs" in filter_help
    assert "--encoding" not in filter_help and "--markdown" not in filter_help and "--engine" not in filter_help
    assert "--input-format, --format" in explain_help and "--dedup" not in explain_help
    assert run_cli("filter", "--encoding", "gbk", "-").returncode == 2
    result = CliRunner().invoke(app, ["explain", "--format", "text", "--json", str(SEED)])
    assert result.exit_code == 0 and json.loads(result.output.splitlines()[0])["index"] == 0


# Runs the entry point as the console script does and says, after it, which heavy modules it imported.
IMPORTS = """
import runpy, sys
sys.argv = ["cleantext", *sys.argv[1:]]
try:
    runpy.run_module("cleantext", run_name="__main__", alter_sys=True)
finally:
    sys.stderr.write(f"imported: {sorted(m for m in ('rich', 'pydantic') if m in sys.modules)}\\n")
"""


def test_help_and_a_run_import_neither_rich_nor_pydantic(tmp_path: Path) -> None:
    wrapper = tmp_path / "imports.py"
    wrapper.write_text(IMPORTS, encoding="utf-8")
    for args in (["--help"], ["run", "--help"], ["run", "--bogus"], ["run", "-q", str(SEED)]):
        proc = subprocess.run([sys.executable, str(wrapper), *args], capture_output=True, cwd=ROOT, timeout=120, check=False)
        assert proc.returncode in (0, 2) and b"imported: []" in proc.stderr, (args, proc.stderr)


def test_version() -> None:
    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.decode().startswith("cleantext 0.")


def test_unknown_option_suggests_only_a_close_one() -> None:
    bogus = run_cli("run", "--bogus", str(SEED))
    assert bogus.returncode == 2 and b"--bogus" in bogus.stderr and b"--jobs" not in bogus.stderr
    typo = run_cli("run", "--job", "2", str(SEED))
    assert typo.returncode == 2 and b"--jobs" in typo.stderr  # click quotes it from 8.2 on
    command = run_cli("runn", str(SEED))
    assert command.returncode == 2 and command.stderr.count(b"Did you mean") == 1 and b"'run'" in command.stderr


def test_to_with_opencc_is_a_usage_error_in_one_line() -> None:
    proc = run_cli("run", "--to", "simplified", "--opencc", "s2t", str(SEED))
    assert proc.returncode == 2 and proc.stdout == b""
    assert len(proc.stderr.decode().splitlines()) == 1 and b"opencc" in proc.stderr


def test_a_config_file_with_a_wrong_type_is_one_line_and_exit_2(tmp_path: Path) -> None:
    conf = tmp_path / "c.toml"
    conf.write_text('jobs = "many"\n', encoding="utf-8")
    proc = run_cli("run", "--config", str(conf), str(SEED))
    assert proc.returncode == 2 and proc.stdout == b""
    [line] = proc.stderr.decode().splitlines()
    assert "c.toml" in line and "jobs must be an integer" in line
    conf.write_text('schema = "parquet"\n', encoding="utf-8")
    proc = run_cli("run", "--config", str(conf), str(SEED))
    assert proc.returncode == 2 and "schema must be one of flat, datatrove, dolma" in proc.stderr.decode()


def test_options_override_the_config_file_and_format_keeps_its_old_name(tmp_path: Path) -> None:
    conf = tmp_path / "c.toml"
    conf.write_text('[run]\ndedup = "exact"\nformat = "text"\nmin_chars = 5\n', encoding="utf-8")
    proc = run_cli("run", "--config", str(conf), "--dedup", "near", "--print-config")
    text = proc.stdout.decode()
    assert 'dedup = "near"' in text and 'format = "text"' in text and "min_chars = 5" in text
    for flag in ("--format", "--input-format"):
        assert 'format = "html"' in run_cli("run", flag, "html", "--print-config").stdout.decode()


def test_every_setting_is_an_option_and_a_config_key(tmp_path: Path) -> None:
    """The one-to-one map: what --print-config writes reads back as the same settings."""
    proc = run_cli("run", "--to", "taiwan", "--fields", "id,text", "--no-keep-meta", "--print-config")
    conf = tmp_path / "c.toml"
    conf.write_bytes(proc.stdout)
    again = run_cli("run", "--config", str(conf), "--print-config")
    assert again.returncode == 0 and again.stdout == proc.stdout
    help_text = run_cli("run", "--help").stdout.decode()
    for line in proc.stdout.decode().splitlines()[1:]:
        key = line.lstrip("# ").split(" = ")[0]
        assert f"--{key.replace('_', '-')}" in help_text


def test_jobs_above_the_cores_warns_once_and_is_capped(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"p{i}.html").write_text(ARTICLE_HTML.replace("测试", f"测试{i}"), encoding="utf-8")
    proc = run_cli("run", "--jobs", "512", str(tmp_path))
    assert proc.returncode == 0 and len(json_lines(proc.stdout)) == 3
    warnings = [line for line in proc.stderr.decode().splitlines() if "--jobs 512" in line]
    assert len(warnings) == 1 and "cores" in warnings[0]


def test_unknown_field_fails_before_any_file_exists(tmp_path: Path) -> None:
    proc = run_cli("run", "--fields", "id,body", str(SEED), "-o", str(tmp_path / "out.jsonl"))
    assert proc.returncode == 2 and "unknown field 'body'" in proc.stderr.decode()
    assert list(tmp_path.iterdir()) == []


MARKDOWN_HTML = (
    "<html><head><title>标题</title></head><body><div class='article'>"
    "<p>这是正文的第一段，介绍了本文要讲的内容，足够长以便被保留下来作为正文。</p>"
    "<h2>安装步骤</h2><pre><code class='language-bash'>pip install demo\ndemo --help</code></pre>"
    "<p>第二段正文说明命令的输出结果，同样足够长，可以被判断为正文内容保留。<a href='/more'>更多</a></p>"
    "</div></body></html>"
)


def test_markdown_output_and_its_options(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text(MARKDOWN_HTML, encoding="utf-8")
    [plain] = json_lines(run_cli("run", str(page)).stdout)
    [marked] = json_lines(run_cli("run", "--markdown", str(page)).stdout)
    [linked] = json_lines(run_cli("run", "--text-format", "markdown", "--links", str(page)).stdout)
    assert plain["text_format"] == "text" and marked["text_format"] == "markdown"
    assert "```bash\npip install demo\ndemo --help\n```" in marked["text"] and "## 安装步骤" in marked["text"]
    assert "[更多](/more)" in linked["text"] and "/more" not in marked["text"]
    assert marked["id"] == plain["id"]  # the same article in either format
    assert run_cli("run", "--text-format", "html", str(page)).returncode == 2


def test_nested_schemas_carry_the_markdown_unchanged(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text(MARKDOWN_HTML, encoding="utf-8")
    [flat] = json_lines(run_cli("run", "--markdown", str(page)).stdout)
    for schema in ("dolma", "datatrove"):
        [record] = json_lines(run_cli("run", "--markdown", "--schema", schema, str(page)).stdout)
        assert record["text"] == flat["text"] and record["metadata"]["text_format"] == "markdown"


def test_comments_flag_keeps_an_articles_comments(tmp_path: Path) -> None:
    page = ROOT / "tests" / "boilerplate" / "posts" / "news-comments-en.html"
    comment = "About time. Working parents have been asking for weekend hours"
    plain = json_lines(run_cli("run", str(page)).stdout)
    wanted = json_lines(run_cli("run", str(page), "--comments").stdout)
    assert comment not in plain[0]["text"] and comment in wanted[0]["text"]
    assert "Reply Report" not in wanted[0]["text"]
    assert plain[0]["text"] in wanted[0]["text"]  # the article itself as without the flag
