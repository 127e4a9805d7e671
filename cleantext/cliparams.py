"""Command-line options made from Config's fields, and help that lists them by group.

Observations this relies on:

- Every Config field is one option (config.py says how to add one): its type gives click's type
  (a ``StrEnum`` → a choice shown as ``[a|b|c]``, ``int`` → INTEGER with its range, ``bool`` →
  ``--x/--no-x``), its metadata the help, group and extra spellings. Written once, in config.py.
- A command knows which options the user typed (click's ``get_parameter_source``): only those
  override a config file; the defaults shown in ``--help`` are Config's own.
- click suggests options by ``difflib`` over the whole spelling, dashes included, so the two
  dashes alone make ``--bogus`` look like ``--jobs`` (ratio 0.62 ≥ click's 0.6). Suggestions
  here compare the names without their dashes.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import MISSING, Field, fields
from enum import StrEnum
from typing import Any, TypeVar

import click
from click.core import ParameterSource

from cleantext.config import GROUPS, Config, value_type

OTHER = "Other"  # help, version, and the options of a command that are not settings
SUGGEST_CUTOFF = 0.7  # difflib ratio of dashless names: "job"→"jobs" 0.86, "bogus"→"jobs" 0.44
F = TypeVar("F", bound=Callable[..., Any])


class GroupedOption(click.Option):
    """A click option that says which group of ``--help`` lists it."""

    def __init__(self, *args: Any, group: str = OTHER, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.group = group


def option(*decls: str, group: str = OTHER, **attrs: Any) -> Callable[[F], F]:
    """``click.option`` for an option that is not a Config setting (``-o``, ``--stats``, ...)."""
    return click.option(*decls, cls=GroupedOption, group=group, **attrs)


def config_options(*names: str) -> Callable[[F], F]:
    """The options of the named Config settings (all of them when none is named), in Config's order."""
    specs = [spec for spec in fields(Config) if not names or spec.name in names]

    def decorate(func: F) -> F:
        for spec in reversed(specs):  # decorators apply bottom-up; help lists top-down
            func = click.option(*_decls(spec), cls=GroupedOption, **_attrs(spec))(func)
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


def _decls(spec: Field[Any]) -> tuple[str, ...]:
    dashed = spec.name.replace("_", "-")
    kind, _optional = value_type(spec)
    main = f"--{dashed}/--no-{dashed}" if kind is bool else f"--{dashed}"
    return (*spec.metadata["flags"], main, spec.name)


def _attrs(spec: Field[Any]) -> dict[str, Any]:
    meta = spec.metadata
    kind, _optional = value_type(spec)
    attrs: dict[str, Any] = {"help": meta["help"], "group": meta["group"]}
    default = spec.default if spec.default is not MISSING else None
    if issubclass(kind, StrEnum):
        attrs["type"] = click.Choice([member.value for member in kind])
        default = None if default is None else str(default)
    elif kind is int or kind is float:
        ranged = meta["minimum"] is not None or meta["maximum"] is not None
        number = click.IntRange if kind is int else click.FloatRange
        attrs["type"] = number(meta["minimum"], meta["maximum"]) if ranged else kind
    elif kind is tuple:
        attrs["metavar"] = "NAME,..."
        default = ",".join(default or ()) or None
    attrs["default"] = default
    return attrs


def close_options(name: str, candidates: Iterable[str]) -> list[str]:
    """The long options that ``name`` probably misspells (compared without dashes).

    >>> close_options("--job", ["--jobs", "--to", "-j"]), close_options("--bogus", ["--jobs", "--to"])
    (['--jobs'], [])
    """
    bare = {option.lstrip("-"): option for option in candidates if option.startswith("--")}
    return [bare[m] for m in difflib.get_close_matches(name.lstrip("-"), bare, n=3, cutoff=SUGGEST_CUTOFF)]


class Command(click.Command):
    """A command whose help lists options by group, and whose misspelt options get a fair suggestion."""

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        sections: dict[str, list[tuple[str, str]]] = {}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx) if isinstance(param, click.Option) else None  # INPUT: in the text
            if record is not None:
                sections.setdefault(getattr(param, "group", OTHER), []).append(record)
        for group in (*GROUPS, OTHER):
            if group in sections:
                with formatter.section(f"{group} options" if group != OTHER else "Options"):
                    formatter.write_dl(sections[group])

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as exc:
            names = [name for param in self.get_params(ctx) for name in (*param.opts, *param.secondary_opts)]
            close = close_options(exc.option_name, names)
            raise click.NoSuchOption(exc.option_name, possibilities=close, ctx=ctx) from None


class Group(click.Group):
    """The ``cleantext`` group: its commands are ``Command``s."""

    command_class = Command
