"""The command line: parse options, build one Config, call one library function, map to an exit code.

Commands: ``run`` (the main job), ``explain`` (why each block was kept or dropped), ``detect``
(encoding, format, language and script of inputs, without cleaning).
"""

# No ``from __future__ import annotations`` here: typer would evaluate every parameter's annotation
# string on each invocation (~12 ms of start-up); evaluated once at import they cost ~2 ms.
import os
import sys
import warnings
from pathlib import Path
from typing import Annotated, Any

import typer
from typer import Argument, Option

from cleantext.cliparams import PlainTyperCommand, PlainTyperGroup
from cleantext.config import TARGETS, Config

app = typer.Typer(
    cls=PlainTyperGroup,  # values converted without pydantic: ~150 ms of start-up (cliparams.py)
    add_completion=False,
    no_args_is_help=True,
    help="Turn raw web pages (HTML in any encoding, or text dumps) into clean article JSON lines.",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_USAGE = 2
SCHEMAS = ("flat", "datatrove", "dolma")
DEDUP = ("off", "exact", "near")
FORMATS = ("auto", "html", "text")
TEXT_FORMATS = ("text", "markdown")


def _usage_error(message: str) -> typer.Exit:
    typer.echo(f"cleantext: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


def _load_config_file(path: str) -> dict[str, Any]:
    """Settings from a TOML file (or YAML when PyYAML is installed); a [run] table or top level."""
    text = Path(path).read_text(encoding="utf-8")
    if path.endswith((".yaml", ".yml")):
        try:
            import yaml
        except ImportError as exc:
            raise _usage_error("YAML config files need PyYAML (pip install pyyaml); TOML works as is") from exc
        data = yaml.safe_load(text) or {}
    else:
        import tomllib

        data = tomllib.loads(text)
    return dict(data.get("run", data))


def _check_choice(name: str, value: str | None, choices: tuple[str, ...] | list[str]) -> None:
    if value is not None and value not in choices:
        raise _usage_error(f"{name} must be one of {', '.join(choices)} (got {value!r})")


def _build_config(file: str | None, options: dict[str, Any]) -> Config:
    values: dict[str, Any] = {}
    if file:
        try:
            values.update(_load_config_file(file))
        except OSError as exc:
            raise _usage_error(f"{file}: cannot read config file: {exc.strerror}") from exc
        except ValueError as exc:
            raise _usage_error(f"{file}: not a valid config file: {exc}") from exc
    values.update({k: v for k, v in options.items() if v is not None})
    try:
        config = Config.from_dict(values)
    except (TypeError, ValueError) as exc:
        raise _usage_error(str(exc)) from exc
    _check_choice("--to", config.to, list(TARGETS))
    _check_choice("--schema", config.schema, SCHEMAS)
    _check_choice("--dedup", config.dedup, DEDUP)
    _check_choice("--format", config.format, FORMATS)
    _check_choice("--text-format", config.text_format, TEXT_FORMATS)
    opencc_name = config.opencc_config()
    if opencc_name is not None:
        from cleantext.convert import Converter

        try:
            Converter.check(opencc_name)  # fails here, once, rather than in every worker
        except ValueError as exc:
            raise _usage_error(f"--opencc: {exc}") from exc
    if config.encoding is not None:
        from cleantext.decode import codec_name

        if codec_name(config.encoding) is None:
            raise _usage_error(f"--encoding: unknown encoding {config.encoding!r}")
    return config


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


@app.command(cls=PlainTyperCommand)
def run(  # noqa: PLR0913 - one parameter per documented option
    inputs: Annotated[list[str] | None, Argument(help="Files, folders, quoted globs, or - for stdin.")] = None,
    output: Annotated[str | None, Option("-o", "--output", help="Write here (.gz/.zst/.bz2/.xz compress).")] = None,
    to: Annotated[str | None, Option(help="Convert Chinese: simplified|traditional|taiwan|hongkong.")] = None,
    opencc: Annotated[str | None, Option(help="Any OpenCC config, e.g. s2twp, t2s, hk2s.")] = None,
    encoding: Annotated[str | None, Option(help="Force this encoding (skip detection).")] = None,
    format: Annotated[str | None, Option("--format", help="auto|html|text (default: sniffed).")] = None,
    jobs: Annotated[int | None, Option("-j", "--jobs", help="Worker processes (default: cores).")] = None,
    dedup: Annotated[str | None, Option(help="off|exact|near duplicate removal.")] = None,
    min_chars: Annotated[int | None, Option(help="Drop records shorter than this many characters.")] = None,
    min_cjk_ratio: Annotated[float | None, Option(help="Drop records whose CJK share of letters is lower.")] = None,
    max_repetition: Annotated[float | None, Option(help="Drop records with a larger repeated share.")] = None,
    schema: Annotated[str | None, Option(help="flat|datatrove|dolma output layout.")] = None,
    fields: Annotated[str | None, Option(help="Comma-separated keys to keep, e.g. id,text,title.")] = None,
    text_format: Annotated[str | None, Option(help="text|markdown: the text as paragraphs or Markdown.")] = None,
    markdown: Annotated[bool, Option("--markdown", help="Same as --text-format markdown.")] = False,
    links: Annotated[bool | None, Option("--links", help="Markdown: links as [text](url).")] = None,
    images: Annotated[bool | None, Option("--images", help="Markdown: images as ![alt](src).")] = None,
    text_key: Annotated[str | None, Option(help="JSONL field holding text.")] = None,
    html_key: Annotated[str | None, Option(help="JSONL field holding HTML.")] = None,
    id_key: Annotated[str | None, Option(help="JSONL field holding the record id.")] = None,
    url_key: Annotated[str | None, Option(help="JSONL field holding the URL.")] = None,
    width_fold: Annotated[bool | None, Option("--width-fold", help="Fold full-width ASCII to half-width.")] = None,
    max_page_bytes: Annotated[int | None, Option(help="Drop pages larger than this (bytes).")] = None,
    page_timeout: Annotated[float | None, Option(help="Drop pages taking longer than this (seconds).")] = None,
    stats: Annotated[str | None, Option(help="Write run statistics as JSON to this file.")] = None,
    strict: Annotated[bool, Option("--strict", help="Stop at the first failed input (exit 1).")] = False,
    quiet: Annotated[bool, Option("-q", "--quiet", help="No progress line.")] = False,
    config: Annotated[str | None, Option("--config", help="TOML (or YAML) file with these settings.")] = None,
    print_config: Annotated[bool, Option("--print-config", help="Print the effective settings and exit.")] = False,
    engine: Annotated[str, Option(help="local (default) or ray.")] = "local",
    ray_address: Annotated[str | None, Option(help="Ray cluster address (with --engine ray).")] = None,
    output_compression: Annotated[str | None, Option(help="Ray shards: gzip|zstd|bz2.")] = None,
) -> None:
    """Clean pages into JSON lines: one line per article on stdout (or -o FILE), problems on stderr.

    Example: cleantext run pages/ "dumps/*.txt" -o corpus.jsonl.gz --to simplified
    (add --markdown to keep headings, lists, tables and code as Markdown)
    """
    options = {
        "to": to, "opencc": opencc, "encoding": encoding, "format": format, "jobs": jobs, "dedup": dedup,
        "min_chars": min_chars, "min_cjk_ratio": min_cjk_ratio, "max_repetition": max_repetition,
        "schema": schema, "fields": tuple(f.strip() for f in fields.split(",") if f.strip()) if fields else None,
        "text_key": text_key, "html_key": html_key, "id_key": id_key, "url_key": url_key,
        "width_fold": width_fold, "max_page_bytes": max_page_bytes, "page_timeout": page_timeout,
        "strict": strict or None, "links": links, "images": images,
        "text_format": "markdown" if markdown else text_format,
    }
    cfg = _build_config(config, options)
    if print_config:
        _print_config(cfg)
        raise typer.Exit(0)
    _check_fields(cfg)
    if engine not in ("local", "ray"):
        raise _usage_error(f"--engine must be local or ray (got {engine!r})")
    _check_outputs([stats] if engine == "ray" else [output, stats])  # before the first page is read
    if engine == "ray":
        raise typer.Exit(_run_ray(inputs or ["-"], cfg, output, stats, (ray_address, output_compression)))
    from cleantext.runner import run_inputs

    progress = not quiet and sys.stderr.isatty()
    result = run_inputs(inputs or ["-"], cfg, output=output, stats_path=stats, progress=progress)
    raise typer.Exit(result.exit_code)


def _check_outputs(paths: list[str | None]) -> None:
    from cleantext.write import check_outputs

    problem = check_outputs(paths)
    if problem:
        raise _usage_error(problem)


def _check_fields(cfg: Config) -> None:
    from cleantext.write import check_output

    try:
        check_output(cfg.schema, cfg.fields)
    except ValueError as exc:
        raise _usage_error(str(exc)) from exc


def _run_ray(
    inputs: list[str], cfg: Config, output: str | None, stats: str | None, ray: tuple[str | None, str | None]
) -> int:
    try:
        from cleantext.engines.ray import run_on_ray
    except ImportError as exc:
        raise _usage_error(
            "--engine ray needs Ray: pip install 'cleantext-pages[ray]'"
            + (f" ({exc})" if "ray" not in str(exc) else "")
        ) from exc
    if not output or output == "-":
        raise _usage_error("--engine ray writes shards: give an output folder with -o OUT_DIR")
    address, compression = ray
    return run_on_ray(inputs, cfg, output, stats_path=stats, address=address, compression=compression)


@app.command(cls=PlainTyperCommand)
def explain(
    inputs: Annotated[list[str], Argument(help="Pages: files, folders, globs, or - for stdin; each is explained.")],
    json_out: Annotated[bool, Option("--json", help="One JSON object per block, for tools.")] = False,
    encoding: Annotated[str | None, Option(help="Force this encoding.")] = None,
    format: Annotated[str | None, Option("--format", help="auto|html|text.")] = None,
    color: Annotated[bool | None, Option("--color/--no-color", help="Colour (default: on a terminal).")] = None,
) -> None:
    """Show every block of a page with keep/drop, its score and the rule that decided.

    Example: cleantext explain raw.txt | less -R
    """
    from cleantext.explain import explain_input

    cfg = _build_config(None, {"encoding": encoding, "format": format})
    use_color = color if color is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    raise typer.Exit(explain_input(inputs, cfg, json_out=json_out, color=use_color))


@app.command(cls=PlainTyperCommand)
def detect(
    inputs: Annotated[list[str], Argument(help="Files, folders, globs, or - for stdin.")],
    json_out: Annotated[bool, Option("--json", help="One JSON object per input.")] = False,
) -> None:
    """Print each input's encoding (and why), format, language and script, without cleaning.

    Example: cleantext detect pages/*.html
    """
    from cleantext.explain import detect_inputs

    raise typer.Exit(detect_inputs(inputs, Config(), json_out=json_out))


def main() -> None:
    """Console-script entry point: a closed stdout (``| head``) ends the run quietly."""
    # This process never uses CSS selectors; keeping bs4 from importing soupsieve saves ~85 ms
    # of start-up (bs4 supports its absence). Only the command does this, never the library.
    sys.modules.setdefault("soupsieve", None)  # type: ignore[arg-type]
    warnings.filterwarnings("ignore", message="The soupsieve package is not installed", category=UserWarning)
    try:
        app()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
