"""Command-line options made from Config's fields, and a typer command whose help lists them by panel.

Observations this relies on:

- Every Config field is one option (config.py says how to add one). ``config_options`` writes the
  options into the command function's signature (``__signature__``, which ``inspect.signature``
  and so typer read) as ``Annotated[type, typer.Option(...)]`` parameters: a ``StrEnum`` field
  becomes a choice shown as ``[a|b|c]``, a number with bounds an INTEGER or FLOAT range, a
  ``bool`` a ``--x/--no-x`` flag; the field's metadata gives the help, the panel and the extra
  spellings. So a setting is written once, in config.py; the function takes them as ``**settings``.
- A command knows which options the user typed (click's ``get_parameter_source``): only those
  override a config file; the defaults shown in ``--help`` are Config's own.
- typer's rich help groups options by ``rich_help_panel``; its plain help (``TYPER_USE_RICH=0``,
  or no rich) lists them all under "Options", so ``Command.format_options`` groups them by the
  same panels. Both list the panels in the order of ``GROUPS``: ``Command`` sorts its parameters.
- click suggests options by ``difflib`` over the whole spelling, dashes included, so the two
  dashes alone make ``--bogus`` look like ``--jobs`` (ratio 0.62 ≥ click's 0.6). Suggestions
  here compare the names without their dashes.
- typer 0.26 and later no longer build on the click package (they ship a copy of their own), so
  click's types, exceptions and ``ParameterSource`` would no longer be typer's: pyproject pins
  typer < 0.26, the versions whose public API is click's.
"""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Callable, Iterable
from dataclasses import MISSING, Field, fields
from typing import Annotated, Any, TypeVar

import click
import typer
from click.core import ParameterSource
from typer.core import TyperCommand

from cleantext.config import GROUPS, Config, value_type

OPTIONS = "Options"  # the panel of help, --version, and a command's options that are not settings
SUGGEST_CUTOFF = 0.7  # difflib ratio of dashless names: "job"→"jobs" 0.86, "bogus"→"jobs" 0.44
F = TypeVar("F", bound=Callable[..., Any])


def panel(group: str) -> str:
    """The help panel of a Config group: "Input" → "Input options"."""
    return f"{group} options"


PANELS = (OPTIONS, *(panel(group) for group in GROUPS))


def config_options(*names: str) -> Callable[[F], F]:
    """Add the options of the named Config settings (all when none is named) to a command function.

    They take the place of the function's ``**settings`` (which receives them) in its signature.
    """
    specs = [spec for spec in fields(Config) if not names or spec.name in names]

    def decorate(func: F) -> F:
        own = inspect.signature(func, eval_str=True)
        kept = [p for p in own.parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD]
        settings = [
            inspect.Parameter(spec.name, inspect.Parameter.KEYWORD_ONLY, default=_default(spec),
                              annotation=Annotated[_annotation(spec), _option(spec)])
            for spec in specs
        ]
        func.__signature__ = own.replace(parameters=[*kept, *settings])  # type: ignore[attr-defined]
        return func

    return decorate


def given_settings(ctx: click.Context) -> dict[str, Any]:
    """The Config settings the user typed on the command line (not the defaults)."""
    names = {spec.name for spec in fields(Config)}
    return {
        name: value
        for name, value in ctx.params.items()
        if name in names and ctx.get_parameter_source(name) is not ParameterSource.DEFAULT
    }


def _annotation(spec: Field[Any]) -> Any:
    """The type typer makes the option from: the field's own, a list of names read as one string."""
    kind, optional = value_type(spec)
    if kind is tuple:
        return str | None
    return kind | None if optional else kind


def _default(spec: Field[Any]) -> Any:
    default = spec.default if spec.default is not MISSING else None
    if isinstance(default, tuple):
        return ",".join(default) or None
    return default


def _option(spec: Field[Any]) -> Any:
    meta = spec.metadata
    kind, _optional = value_type(spec)
    dashed = spec.name.replace("_", "-")
    main = f"--{dashed}/--no-{dashed}" if kind is bool else f"--{dashed}"
    extra: dict[str, Any] = {}
    if kind is tuple:
        extra["metavar"] = "NAME,..."
    elif kind is int or kind is float:
        extra.update(min=meta["minimum"], max=meta["maximum"])
    return typer.Option(*meta["flags"], main, help=meta["help"], rich_help_panel=panel(meta["group"]), **extra)


def close_options(name: str, candidates: Iterable[str]) -> list[str]:
    """The long options that ``name`` probably misspells (compared without dashes).

    >>> close_options("--job", ["--jobs", "--to", "-j"]), close_options("--bogus", ["--jobs", "--to"])
    (['--jobs'], [])
    """
    bare = {option.lstrip("-"): option for option in candidates if option.startswith("--")}
    return [bare[m] for m in difflib.get_close_matches(name.lstrip("-"), bare, n=3, cutoff=SUGGEST_CUTOFF)]


def _panel_rank(param: click.Parameter) -> int:
    """Arguments first, then the options of each panel in ``PANELS`` order."""
    if not isinstance(param, click.Option):
        return -1
    name = getattr(param, "rich_help_panel", None) or OPTIONS
    return PANELS.index(name) if name in PANELS else len(PANELS)


class Command(TyperCommand):
    """A typer command whose help lists options by panel, and whose misspelt options get a fair suggestion."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.sort(key=_panel_rank)  # stable: a panel keeps the signature's order

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Plain help (rich's has panels of its own): one section per panel, INPUT in the text."""
        sections: dict[str, list[tuple[str, str]]] = {}
        for param in sorted(self.get_params(ctx), key=_panel_rank):
            record = param.get_help_record(ctx) if isinstance(param, click.Option) else None
            if record is not None:
                sections.setdefault(getattr(param, "rich_help_panel", None) or OPTIONS, []).append(record)
        for title, records in sections.items():
            with formatter.section(title):
                formatter.write_dl(records)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as exc:
            names = [name for param in self.get_params(ctx) for name in (*param.opts, *param.secondary_opts)]
            close = close_options(exc.option_name, names)
            raise click.NoSuchOption(exc.option_name, possibilities=close, ctx=ctx) from None
