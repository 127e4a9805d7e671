"""The command line: parse options, build one Config, call one library function, map to an exit code.

Commands: ``run`` (the main job), ``filter`` (the record filters again, over records ``run`` wrote),
``explain`` (why each block was kept or dropped), ``detect`` (encoding, format, language and script
of inputs, without cleaning).

Observations this relies on:

- The options of ``run`` are Config's fields (``cliparams.config_options``); the few written
  here are the run's own (where to write, the engine, the config file), not settings.
- typer builds the commands from these functions' signatures. Nothing heavy is imported before
  a command runs: the cleaning modules are imported inside the commands, and rich (typer's help
  boxes) not at all. typer 0.26+ would bring pydantic and its own click: see cliparams.py.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from cleantext import __version__
from cleantext.cliparams import Command, config_options, given_settings, panel
from cleantext.config import OUTPUT, SCALE, Config

EXIT_USAGE = 2
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Engine(StrEnum):
    LOCAL = "local"
    RAY = "ray"


class Compression(StrEnum):
    GZIP = "gzip"
    ZSTD = "zstd"
    BZ2 = "bz2"


def usage_error(message: str) -> typer.Exit:
    """One line on stderr and exit 2 (raise what this returns)."""
    typer.echo(f"cleantext: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"cleantext {__version__}")
        raise typer.Exit()


# Plain help and errors (rich_markup_mode=None): rich's boxes take three times the start-up of
# ``--help`` (about 280 ms of CPU against 110), cut long option names short in 80 columns and
# read ``[text](url)`` in a help text as markup. The panels are the same either way.
# click (8.4+) suggests a command for a misspelt one itself: typer's own would say it twice.
app = typer.Typer(
    name="cleantext", context_settings=CONTEXT, rich_markup_mode=None, add_completion=False,
    pretty_exceptions_enable=False, suggest_commands=False,
)


@app.callback()
def group(
    version: Annotated[bool, typer.Option(
        "-V", "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
    )] = False,
) -> None:
    """Turn raw web pages (HTML in any encoding, or text dumps) into clean article JSON lines."""


# The options the commands share, each written once.
Inputs = Annotated[list[str] | None, typer.Argument(metavar="[INPUT]...", show_default=False)]
RequiredInputs = Annotated[list[str], typer.Argument(metavar="INPUT...", show_default=False)]
Output = Annotated[str | None, typer.Option(
    "-o", "--output", metavar="FILE", rich_help_panel=panel(OUTPUT),
    help="Write here, not stdout (.gz/.zst/.bz2/.xz compress).",
)]
Stats = Annotated[str | None, typer.Option(
    "--stats", metavar="FILE", rich_help_panel=panel(OUTPUT), help="Write run statistics as JSON to this file."
)]
Quiet = Annotated[bool, typer.Option("-q", "--quiet", rich_help_panel=panel(OUTPUT), help="No progress line.")]
ConfigFile = Annotated[str | None, typer.Option(
    "--config", metavar="FILE", help="TOML (or YAML) file of these settings (options override it)."
)]


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


def build_config(ctx: typer.Context, file: str | None = None) -> Config:
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
    typer.echo("[run]")
    for key, value in config.as_dict().items():
        if value is None:
            typer.echo(f"# {key} = (unset)")
        elif isinstance(value, bool):
            typer.echo(f"{key} = {'true' if value else 'false'}")
        elif isinstance(value, int | float):
            typer.echo(f"{key} = {value}")
        elif isinstance(value, list | tuple):
            typer.echo(f"{key} = [{', '.join(repr(str(v)).replace(chr(39), chr(34)) for v in value)}]")
        else:
            typer.echo(f'{key} = "{value}"')


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
    typer.echo(f"cleantext: warning: --jobs {config.jobs} is more than the {cores} cores here; using {cores}", err=True)
    return config.with_(jobs=cores)


@app.command(cls=Command)
@config_options()
def run(  # noqa: PLR0913 - typer: each of the run's own options is a parameter
    ctx: typer.Context,
    inputs: Inputs = None,
    output: Output = None,
    stats: Stats = None,
    quiet: Quiet = False,
    markdown: Annotated[bool, typer.Option(
        "--markdown", rich_help_panel=panel(OUTPUT), help="Same as --text-format markdown."
    )] = False,
    engine: Annotated[Engine, typer.Option(
        rich_help_panel=panel(SCALE), help="Where pages are cleaned."
    )] = Engine.LOCAL,
    ray_address: Annotated[str | None, typer.Option(
        metavar="ADDRESS", rich_help_panel=panel(SCALE), help="Ray cluster address (with --engine ray)."
    )] = None,
    output_compression: Annotated[Compression | None, typer.Option(
        rich_help_panel=panel(SCALE), help="Ray shards' codec."
    )] = None,
    config_file: ConfigFile = None,
    print_config: Annotated[bool, typer.Option(
        "--print-config", help="Print the effective settings as a config file and exit."
    )] = False,
    **_settings: Any,
) -> None:
    """Clean pages into JSON lines: one line per article on stdout (or -o FILE), problems on stderr.

    INPUT: files, folders, quoted globs, or - for stdin (the default).

    Example: cleantext run pages/ "dumps/*.txt" -o corpus.jsonl.gz --to simplified
    (add --markdown to keep headings, lists, tables and code as Markdown)
    """
    config = build_config(ctx, config_file)
    if markdown:
        config = config.with_(text_format="markdown")
    if print_config:
        _print_config(config)
        raise typer.Exit(0)
    paths = inputs or ["-"]
    ray = engine == Engine.RAY
    from cleantext.write.shards import is_shard_folder  # a folder (-o DIR/) is checked by run_inputs, before reading

    shards = ray or is_shard_folder(output)
    _check_outputs([stats] if shards else [output, stats])  # before any page is read
    if ray:
        raise typer.Exit(_run_ray(paths, config, output, stats, ray_address, output_compression))
    from cleantext.runner import run_inputs

    progress = not quiet and sys.stderr.isatty()
    result = run_inputs(paths, _cap_jobs(config), output=output, stats_path=stats, progress=progress)
    raise typer.Exit(result.exit_code)


def _check_outputs(paths: list[str | None]) -> None:
    from cleantext.write import check_outputs

    problem = check_outputs(paths)
    if problem:
        raise usage_error(problem)


def _run_ray(
    inputs: list[str], config: Config, output: str | None, stats: str | None,
    address: str | None, compression: Compression | None,
) -> int:
    try:
        from cleantext.engines.ray import run_on_ray
    except ImportError as exc:
        raise usage_error(
            "--engine ray needs Ray: pip install 'cleantext-pages[ray]'"
            + (f" ({exc})" if "ray" not in str(exc) else "")
        ) from exc
    if not output or output == "-":
        raise usage_error("--engine ray writes shards: give an output folder with -o OUT_DIR")
    return run_on_ray(
        inputs, config, output, stats_path=stats, address=address,
        compression=None if compression is None else str(compression),  # a plain str for the workers
    )


@app.command(name="filter", cls=Command)
@config_options("to", "opencc", "dedup", "near_threshold", "min_chars", "min_cjk_ratio", "max_repetition",
                "min_avg_line", "lang", "min_lang_score", "schema", "fields", "source_name", "jobs")
def filter_(
    ctx: typer.Context,
    inputs: Inputs = None,
    output: Output = None,
    stats: Stats = None,
    quiet: Quiet = False,
    config_file: ConfigFile = None,
    **_settings: Any,
) -> None:
    """Run the record filters (conversion, quality, dedup) again, over records an earlier run wrote.

    INPUT: JSONL files that run wrote with the flat schema and all fields, or - for stdin. The
    records are those one run with these options would give, without extracting again.

    Example: cleantext run pages/ -o raw.jsonl; cleantext filter raw.jsonl --to simplified --dedup near
    """
    config = build_config(ctx, config_file)
    _check_outputs([output, stats])  # before any record is read
    from cleantext.runner import filter_records

    progress = not quiet and sys.stderr.isatty()
    result = filter_records(inputs or ["-"], _cap_jobs(config), output=output, stats_path=stats, progress=progress)
    raise typer.Exit(result.exit_code)


@app.command(cls=Command)
@config_options("encoding", "format", "comments")
def explain(
    ctx: typer.Context,
    inputs: RequiredInputs,
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object per block, for tools.")] = False,
    color: Annotated[bool | None, typer.Option(
        "--color/--no-color", show_default=False, help="Colour the verdicts (default: on a terminal)."
    )] = None,
    **_settings: Any,
) -> None:
    """Show every block of a page with keep/drop, its score and the rule that decided.

    INPUT: pages, as files, folders, globs, or - for stdin; each is explained.

    Example: cleantext explain raw.txt | less -R
    """
    from cleantext.explain import explain_input

    config = build_config(ctx)
    use_color = color if color is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    raise typer.Exit(explain_input(inputs, config, json_out=json_out, color=use_color))


@app.command(cls=Command)
def detect(
    inputs: RequiredInputs,
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object per input.")] = False,
) -> None:
    """Print each input's encoding (and why), format, language and script, without cleaning.

    INPUT: files, folders, globs, or - for stdin.

    Example: cleantext detect pages/*.html
    """
    from cleantext.explain import detect_inputs

    raise typer.Exit(detect_inputs(inputs, Config(), json_out=json_out))


def main() -> None:
    """Console-script entry point: a closed stdout (``| head``) ends the run quietly."""
    try:
        app(prog_name="cleantext")
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
