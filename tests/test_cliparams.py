"""Options made from Config's fields, on a small typer app of their own, through typer's CliRunner."""

from __future__ import annotations

import inspect
from dataclasses import fields
from typing import Annotated, Any

import typer
from typer.testing import CliRunner

from cleantext.cliparams import Command, close_options, config_options, given_settings, panel
from cleantext.config import CLEANING, GROUPS, OUTPUT, Config


def make_app(*names: str) -> tuple[typer.Typer, list[dict[str, Any]], Any]:
    """A one-command app with the named settings (all when none): each call records what it was given."""
    calls: list[dict[str, Any]] = []
    app = typer.Typer(rich_markup_mode=None, add_completion=False, pretty_exceptions_enable=False)

    @app.command(cls=Command)
    @config_options(*names)
    def clean(
        ctx: typer.Context,
        quiet: Annotated[bool, typer.Option("-q", rich_help_panel=panel(OUTPUT), help="Say less.")] = False,
        **settings: Any,
    ) -> None:
        """Clean."""
        calls.append({"given": given_settings(ctx), "settings": settings, "quiet": quiet})

    @app.command()
    def other() -> None:  # two commands: the app is a group, as cleantext's is
        """Nothing."""

    return app, calls, clean


def test_every_setting_becomes_a_keyword_parameter_with_config_default() -> None:
    _app, _calls, clean = make_app()
    parameters = inspect.signature(clean).parameters
    assert list(parameters)[:2] == ["ctx", "quiet"]
    assert [name for name in parameters][2:] == [spec.name for spec in fields(Config)]
    assert parameters["dedup"].default == "off" and parameters["lang"].default is None
    assert parameters["max_page_bytes"].kind is inspect.Parameter.KEYWORD_ONLY


def test_only_typed_settings_are_given_and_they_build_a_config() -> None:
    app, calls, _clean = make_app("dedup", "min_chars", "lang", "keep_meta")
    result = CliRunner().invoke(app, ["clean", "--dedup", "near", "--lang", "zh,EN", "--no-keep-meta", "-q"])
    assert result.exit_code == 0, result.output
    [call] = calls
    assert call["given"] == {"dedup": "near", "lang": "zh,EN", "keep_meta": False}
    assert call["settings"]["min_chars"] == 0 and call["quiet"] is True  # a default, not given
    config = Config.from_dict(call["given"])
    assert config.dedup == "near" and config.lang == ("zh", "en") and config.keep_meta is False


def test_types_and_ranges_come_from_the_fields() -> None:
    app, calls, _clean = make_app("min_chars", "near_threshold", "to")
    runner = CliRunner()
    assert runner.invoke(app, ["clean", "--min-chars", "-1"]).exit_code == 2
    assert runner.invoke(app, ["clean", "--near-threshold", "1.5"]).exit_code == 2
    bad = runner.invoke(app, ["clean", "--to", "klingon"])
    assert bad.exit_code == 2 and "simplified" in bad.output
    assert calls == []


def test_help_lists_the_panels_in_config_order_with_the_command_s_own_options() -> None:
    app, _calls, _clean = make_app()
    text = CliRunner().invoke(app, ["clean", "--help"], terminal_width=100).output
    titles = [line[:-1] for line in text.splitlines() if line.endswith(":") and not line.startswith(" ")]
    assert titles == ["Options", *(panel(group) for group in GROUPS)]
    output = text.split(f"{panel(OUTPUT)}:", 1)[1]
    assert output.index("-q") < output.index("--schema")  # a panel keeps the signature's order
    assert "--dedup [off|exact|near]" in text.split(f"{panel(CLEANING)}:", 1)[1]


def test_a_misspelt_option_gets_only_a_close_suggestion() -> None:
    app, _calls, _clean = make_app("jobs", "dedup")
    runner = CliRunner()
    typo = runner.invoke(app, ["clean", "--dedp", "near"])
    assert typo.exit_code == 2 and "--dedup" in typo.output
    bogus = runner.invoke(app, ["clean", "--bogus"])
    assert bogus.exit_code == 2 and "--bogus" in bogus.output and "Did you mean" not in bogus.output
    assert close_options("--near-treshold", ["--near-threshold", "--min-chars"]) == ["--near-threshold"]
