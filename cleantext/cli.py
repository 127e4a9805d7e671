"""The command line: parse options, build one Config, call one library function, map to an exit code.

Commands: ``run`` (the main job), ``filter`` (the record filters again, over records ``run`` wrote),
``explain`` (why each block was kept or dropped), ``detect`` (encoding, format, language and script
of inputs, without cleaning).

Observations this relies on:

- The options of ``run`` are Config's fields (``cliparams.config_options``); the few written
  here are the run's own (where to write, the engine, the config file), not settings.
- click rather than typer: typer (0.2x) converts every value through pydantic, ~160 ms of CPU per
  start-up, half the 0.3 s budget for cleaning one small page from the shell; click's own types
  show choices, ranges and defaults in ``--help`` as they are.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from cleantext import __version__
from cleantext.cliparams import Group, config_options, given_settings, option
from cleantext.config import OUTPUT, SCALE, Config

EXIT_USAGE = 2
CONTEXT = {"help_option_names": ["-h", "--help"], "show_default": True, "max_content_width": 100}


def usage_error(message: str) -> click.exceptions.Exit:
    """One line on stderr and exit 2 (raise what this returns)."""
    click.echo(f"cleantext: {message}", err=True)
    return click.exceptions.Exit(EXIT_USAGE)


@click.group(cls=Group, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="cleantext", message="%(prog)s %(version)s")
def app() -> None:
    """Turn raw web pages (HTML in any encoding, or text dumps) into clean article JSON lines."""


def _load_config_file(path: str) -> dict[str, Any]:
    """Settings from a TOML file (or YAML when PyYAML is installed); a [run] table or top level."""
    text = Path(path).read_text(encoding="utf-8")
    if path.endswith((".yaml", ".yml")):
        try:
            import yaml
        except ImportError as exc:
            raise usage_error("YAML config files need PyYAML (pip install pyyaml); TOML works as is") from exc
        data = yaml.safe_load(text) or {}
    else:
        import tomllib

        data = tomllib.loads(text)
    if not isinstance(data, dict) or not isinstance(data.get("run", {}), dict):
        raise ValueError("expected a table of settings")
    return dict(data.get("run", data))


def build_config(ctx: click.Context, file: str | None = None) -> Config:
    """The config file's settings, then the options typed, as one checked Config (or exit 2)."""
    values: dict[str, Any] = {}
    if file:
        try:
            values.update(_load_config_file(file))
        except OSError as exc:
            raise usage_error(f"{file}: cannot read config file: {exc.strerror}") from exc
        except ValueError as exc:
            raise usage_error(f"{file}: not a valid config file: {exc}") from exc
    values.update(given_settings(ctx))
    try:
        config = Config.from_dict(values)
    except ValueError as exc:
        raise usage_error(f"{file}: {exc}" if file else str(exc)) from exc
    _check_names(config)
    return config


def _check_names(config: Config) -> None:
    """An OpenCC config and an encoding are names only their libraries know: asked once, here."""
    opencc_name = config.opencc_config()
    if opencc_name is not None:
        from cleantext.convert import Converter

        try:
            Converter.check(opencc_name)  # fails here, once, rather than in every worker
        except ValueError as exc:
            raise usage_error(f"--opencc: {exc}") from exc
    if config.encoding is not None:
        from cleantext.decode import codec_name

        if codec_name(config.encoding) is None:
            raise usage_error(f"--encoding: unknown encoding {config.encoding!r}")


def _print_config(config: Config) -> None:
    click.echo("[run]")
    for key, value in config.as_dict().items():
        if value is None:
            click.echo(f"# {key} = (unset)")
        elif isinstance(value, bool):
            click.echo(f"{key} = {'true' if value else 'false'}")
        elif isinstance(value, int | float):
            click.echo(f"{key} = {value}")
        elif isinstance(value, list | tuple):
            click.echo(f"{key} = [{', '.join(repr(str(v)).replace(chr(39), chr(34)) for v in value)}]")
        else:
            click.echo(f'{key} = "{value}"')


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every system
        return os.cpu_count() or 1


def _cap_jobs(config: Config) -> Config:
    """More workers than cores only cost memory (each holds its own parsers): warn once, use the cores."""
    cores = _usable_cores()
    if config.jobs <= cores:
        return config
    click.echo(f"cleantext: warning: --jobs {config.jobs} is more than the {cores} cores here; using {cores}", err=True)
    return config.with_(jobs=cores)


@app.command()
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@option("-o", "--output", metavar="FILE", group=OUTPUT, help="Write here, not stdout (.gz/.zst/.bz2/.xz compress).")
@option("--stats", metavar="FILE", group=OUTPUT, help="Write run statistics as JSON to this file.")
@option("-q", "--quiet", is_flag=True, group=OUTPUT, help="No progress line.")
@option("--markdown", is_flag=True, group=OUTPUT, help="Same as --text-format markdown.")
@config_options()
@option("--engine", type=click.Choice(["local", "ray"]), default="local", group=SCALE, help="Where pages are cleaned.")
@option("--ray-address", metavar="ADDRESS", group=SCALE, help="Ray cluster address (with --engine ray).")
@option("--output-compression", type=click.Choice(["gzip", "zstd", "bz2"]), group=SCALE, help="Ray shards' codec.")
@option("--config", "config_file", metavar="FILE", help="TOML (or YAML) file of these settings (options override it).")
@option("--print-config", is_flag=True, help="Print the effective settings as a config file and exit.")
@click.pass_context
def run(ctx: click.Context, **params: Any) -> None:
    """Clean pages into JSON lines: one line per article on stdout (or -o FILE), problems on stderr.

    INPUT: files, folders, quoted globs, or - for stdin (the default).

    Example: cleantext run pages/ "dumps/*.txt" -o corpus.jsonl.gz --to simplified
    (add --markdown to keep headings, lists, tables and code as Markdown)
    """
    config = build_config(ctx, params["config_file"])
    if params["markdown"]:
        config = config.with_(text_format="markdown")
    if params["print_config"]:
        _print_config(config)
        ctx.exit(0)
    inputs = list(params["inputs"]) or ["-"]
    ray = params["engine"] == "ray"
    from cleantext.write.shards import is_shard_folder  # a folder (-o DIR/) is checked by run_inputs, before reading

    shards = ray or is_shard_folder(params["output"])
    _check_outputs([params["stats"]] if shards else [params["output"], params["stats"]])  # before any page is read
    if ray:
        ctx.exit(_run_ray(inputs, config, params))
    from cleantext.runner import run_inputs

    progress = not params["quiet"] and sys.stderr.isatty()
    config = _cap_jobs(config)
    result = run_inputs(inputs, config, output=params["output"], stats_path=params["stats"], progress=progress)
    ctx.exit(result.exit_code)


def _check_outputs(paths: list[str | None]) -> None:
    from cleantext.write import check_outputs

    problem = check_outputs(paths)
    if problem:
        raise usage_error(problem)


def _run_ray(inputs: list[str], config: Config, params: dict[str, Any]) -> int:
    try:
        from cleantext.engines.ray import run_on_ray
    except ImportError as exc:
        raise usage_error(
            "--engine ray needs Ray: pip install 'cleantext-pages[ray]'"
            + (f" ({exc})" if "ray" not in str(exc) else "")
        ) from exc
    output = params["output"]
    if not output or output == "-":
        raise usage_error("--engine ray writes shards: give an output folder with -o OUT_DIR")
    return run_on_ray(
        inputs, config, output, stats_path=params["stats"],
        address=params["ray_address"], compression=params["output_compression"],
    )


@app.command(name="filter")
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@option("-o", "--output", metavar="FILE", group=OUTPUT, help="Write here, not stdout (.gz/.zst/.bz2/.xz compress).")
@option("--stats", metavar="FILE", group=OUTPUT, help="Write run statistics as JSON to this file.")
@option("-q", "--quiet", is_flag=True, group=OUTPUT, help="No progress line.")
@config_options("to", "opencc", "dedup", "near_threshold", "min_chars", "min_cjk_ratio", "max_repetition",
                "min_avg_line", "schema", "fields", "source_name", "jobs")
@option("--config", "config_file", metavar="FILE", help="TOML (or YAML) file of these settings (options override it).")
@click.pass_context
def filter_(ctx: click.Context, **params: Any) -> None:
    """Run the record filters (conversion, quality, dedup) again, over records an earlier run wrote.

    INPUT: JSONL files that run wrote with the flat schema and all fields, or - for stdin. The
    records are those one run with these options would give, without extracting again.

    Example: cleantext run pages/ -o raw.jsonl; cleantext filter raw.jsonl --to simplified --dedup near
    """
    config = build_config(ctx, params["config_file"])
    _check_outputs([params["output"], params["stats"]])  # before any record is read
    from cleantext.runner import filter_records

    progress = not params["quiet"] and sys.stderr.isatty()
    inputs = list(params["inputs"]) or ["-"]
    result = filter_records(inputs, _cap_jobs(config), output=params["output"], stats_path=params["stats"],
                            progress=progress)
    ctx.exit(result.exit_code)


@app.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@option("--json", "json_out", is_flag=True, help="One JSON object per block, for tools.")
@config_options("encoding", "format")
@option("--color/--no-color", default=None, show_default="on a terminal", help="Colour the verdicts.")
@click.pass_context
def explain(ctx: click.Context, inputs: tuple[str, ...], json_out: bool, color: bool | None, **_settings: Any) -> None:
    """Show every block of a page with keep/drop, its score and the rule that decided.

    INPUT: pages, as files, folders, globs, or - for stdin; each is explained.

    Example: cleantext explain raw.txt | less -R
    """
    from cleantext.explain import explain_input

    config = build_config(ctx)
    use_color = color if color is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    ctx.exit(explain_input(list(inputs), config, json_out=json_out, color=use_color))


@app.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@option("--json", "json_out", is_flag=True, help="One JSON object per input.")
@click.pass_context
def detect(ctx: click.Context, inputs: tuple[str, ...], json_out: bool) -> None:
    """Print each input's encoding (and why), format, language and script, without cleaning.

    INPUT: files, folders, globs, or - for stdin.

    Example: cleantext detect pages/*.html
    """
    from cleantext.explain import detect_inputs

    ctx.exit(detect_inputs(list(inputs), Config(), json_out=json_out))


def main() -> None:
    """Console-script entry point: a closed stdout (``| head``) ends the run quietly."""
    try:
        app(prog_name="cleantext")
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
