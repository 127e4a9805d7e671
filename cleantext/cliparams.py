"""Typer's command-line values converted without pydantic: a start-up cost ``cleantext run`` cannot afford.

Observations this relies on:

- Typer (0.2x) converts every value through a pydantic ``TypeAdapter``, built on first use for
  each parameter, unset options included. For ``cleantext run`` that imports pydantic and builds
  ~25 adapters: ~150 ms, half the 0.3 s budget for cleaning one small page from the shell.
- Our parameters are only ``str``, ``int``, ``float``, ``bool`` and ``list[str]``: Python's own
  ``int()`` and ``float()`` convert them as pydantic does (``" 2"``, ``"1_000"``, ``"1e3"``), and a
  bad value gets pydantic's message, so ``--jobs abc`` reads the same as before.
- Typer builds a parameter's converter lazily, in ``_TyperParameter.get_runtime_param``, when
  ``_runtime_param`` is still None. ``PlainTyperCommand`` fills that slot first with a plain one.
  Both names are private to typer: when either is missing (another typer version) nothing is
  replaced and typer converts as it always did, only slower.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, get_args, get_origin

from typer import BadParameter
from typer.core import TyperCommand, TyperGroup

if TYPE_CHECKING:
    from typer._click.core import Context, Parameter

try:
    from typer._coercion import RuntimeParam
except ImportError:  # another typer: its own conversion stays in place
    RuntimeParam = None  # type: ignore[assignment,misc]

# pydantic's wording for the values a person can get wrong on the command line
MESSAGES = {
    int: "Input should be a valid integer, unable to parse string as an integer",
    float: "Input should be a valid number, unable to parse string as a number",
    bool: "Input should be a valid boolean",
}
PLAIN_TYPES = (str, int, float, bool)


def _convert(kind: type, value: Any) -> Any:
    """One value as ``kind``; ValueError when it is not one."""
    if kind is str or isinstance(value, kind):
        return value
    if kind is bool:  # flags arrive as bools; anything else is not a flag value
        raise ValueError(value)
    return kind(value)


def _plain_kind(annotation: Any) -> tuple[type, bool] | None:
    """``(type, is_list)`` for the annotations converted here; None for any other."""
    if get_origin(annotation) is list:
        args = get_args(annotation)
        return (args[0], True) if len(args) == 1 and args[0] in PLAIN_TYPES else None
    return (annotation, False) if annotation in PLAIN_TYPES else None


if RuntimeParam is not None:

    class PlainParam(RuntimeParam):
        """Typer's runtime conversion of one parameter, by ``int()``/``float()`` instead of pydantic."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            kind, is_list = _plain_kind(self.annotation) or (str, False)
            try:
                if is_list:
                    return [_convert(kind, item) for item in value]
                return _convert(kind, value)
            except (TypeError, ValueError):
                raise BadParameter(MESSAGES.get(kind, "Input is not valid"), ctx=ctx, param=param) from None


def _make_plain(param: Any) -> None:
    """Give a typer parameter of a plain type its plain conversion, unless it already has one."""
    descriptor = getattr(param, "type_descriptor", None)
    if RuntimeParam is None or descriptor is None or getattr(param, "_runtime_param", False) is not None:
        return  # not typer's, or not the lazy slot this module knows
    if _plain_kind(descriptor.annotation) is not None:
        param._runtime_param = PlainParam(parameter_info=descriptor.parameter_info, annotation=descriptor.annotation)


class PlainTyperCommand(TyperCommand):
    """A typer command whose plain parameters (str, int, float, bool, list[str]) skip pydantic."""

    def get_params(self, ctx: Context) -> list[Parameter]:
        params = super().get_params(ctx)  # its own and the help option, which typer makes per command
        for param in params:
            _make_plain(param)
        return params


class PlainTyperGroup(TyperGroup):
    """The app's group: its help option skips pydantic too (it is processed before any command)."""

    def get_params(self, ctx: Context) -> list[Parameter]:
        params = super().get_params(ctx)
        for param in params:
            _make_plain(param)
        return params
