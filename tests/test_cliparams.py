"""Command-line values converted without pydantic: the same values and messages as typer's own conversion."""

from __future__ import annotations

import subprocess
import sys
from typing import Annotated

import pytest
import typer
from typer.testing import CliRunner

from cleantext.cliparams import PlainTyperCommand, PlainTyperGroup
from tests.conftest import ROOT, SEED


def _app(command_cls: type[typer.core.TyperCommand] | None) -> typer.Typer:
    """A small app with one parameter of each kind cleantext uses; ``None``: typer's own command."""
    app = typer.Typer(cls=PlainTyperGroup if command_cls else None)

    @app.command(cls=command_cls)
    def show(
        items: Annotated[list[str] | None, typer.Argument()] = None,
        name: str | None = None,
        count: int | None = None,
        share: float | None = None,
        flag: Annotated[bool | None, typer.Option("--flag")] = None,
        switch: bool = False,
    ) -> None:
        typer.echo(repr((items, name, count, share, flag, switch)))

    @app.command()
    def other() -> None:  # two commands, so the group parses the command name
        pass

    return app


ARGUMENTS = [
    ["show"],
    ["show", "a", "b", "--name", "x", "--count", " 7", "--share", "1e-1", "--flag", "--switch"],
    ["show", "--count", "1_000", "--share", "2"],
    ["show", "--count", "abc"],
    ["show", "--count", "1.5"],
    ["show", "--share", "half"],
    ["show", "--help"],
    ["--help"],
]


@pytest.mark.parametrize("args", ARGUMENTS)
def test_plain_conversion_matches_typer(args: list[str]) -> None:
    mine = CliRunner().invoke(_app(PlainTyperCommand), args)
    theirs = CliRunner().invoke(_app(None), args)
    assert (mine.exit_code, mine.output) == (theirs.exit_code, theirs.output)


def test_a_run_does_not_import_pydantic() -> None:
    """The point of the plain conversion (typer imports pydantic only to build its converters)."""
    code = (
        "import sys; from cleantext.cli import main; sys.argv = ['cleantext', 'run', '-q', sys.argv[1]]\n"
        "try: main()\nexcept SystemExit: pass\n"
        "print(any(m.split('.')[0] in ('pydantic', 'pydantic_core') for m in sys.modules), file=sys.stderr)"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(SEED)], capture_output=True, cwd=ROOT, check=True)
    assert proc.stderr.decode().splitlines()[-1] == "False"
