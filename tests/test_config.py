"""Config checks itself on construction: every setting's type, choice and range, once, at the edge."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from cleantext.config import GROUPS, NEAR_LIBRARY, Config, Dedup, InputFormat, Schema, Target
from tests.conftest import ROOT


def test_defaults_build_and_choices_become_enums() -> None:
    config = Config(to="taiwan", dedup="near", schema="dolma", format="text")
    assert config.to is Target.TAIWAN and config.dedup is Dedup.NEAR
    assert config.schema is Schema.DOLMA and config.format is InputFormat.TEXT
    assert config.dedup == "near"  # a StrEnum: the stages compare with plain strings
    assert config.opencc_config() == "s2twp"
    assert Config().opencc_config() is None


@pytest.mark.parametrize(
    ("settings", "named"),
    [
        ({"to": "klingon"}, "to must be one of simplified, traditional, taiwan, hongkong (got 'klingon')"),
        ({"schema": "parquet"}, "schema must be one of flat, datatrove, dolma"),
        ({"format": "pdf"}, "format must be one of auto, html, text"),
        ({"dedup": "fuzzy"}, "dedup must be one of off, exact, near"),
        ({"jobs": "many"}, "jobs must be an integer (got 'many')"),
        ({"jobs": True}, "jobs must be an integer"),
        ({"jobs": -1}, "jobs must be at least 0"),
        ({"near_threshold": 1.5}, "near_threshold must be between 0.0 and 1.0"),
        ({"min_chars": 2.5}, "min_chars must be an integer"),
        ({"strict": "yes"}, "strict must be true or false"),
        ({"fields": ("id", "body")}, "unknown field 'body'"),
        ({"fields": 3}, "fields must be a list of names"),
        ({"to": "simplified", "opencc": "s2t"}, "to and opencc are two ways"),
    ],
)
def test_a_wrong_value_is_a_value_error_naming_the_setting(settings: dict[str, object], named: str) -> None:
    with pytest.raises(ValueError, match="^" + re.escape(named)):
        Config(**settings)  # type: ignore[arg-type]


def test_numbers_and_field_lists_are_normalised() -> None:
    config = Config(min_cjk_ratio=1, fields="id, text,title")  # type: ignore[arg-type]
    assert config.min_cjk_ratio == 1.0 and isinstance(config.min_cjk_ratio, float)
    assert config.fields == ("id", "text", "title")
    assert Config(fields=["url"]).fields == ("url",)  # type: ignore[arg-type]


def test_from_dict_reads_config_keys_with_dashes_and_the_old_names() -> None:
    assert Config.from_dict({"min-chars": 5, "input_format": "html"}) == Config(min_chars=5, format="html")  # type: ignore[arg-type]
    assert Config.from_dict({"format": "text"}).format is InputFormat.TEXT
    with pytest.raises(ValueError, match="unknown setting"):
        Config.from_dict({"nonsense": 1})


def test_with_checks_again() -> None:
    with pytest.raises(ValueError, match="dedup must be one of"):
        Config().with_(dedup="sometimes")


def test_every_setting_has_help_and_a_known_group() -> None:
    for spec in fields(Config):
        assert spec.metadata["help"].endswith("."), spec.name
        assert spec.metadata["group"] in GROUPS, spec.name


def _site_without(tmp_path: Path, library: str) -> Path:
    """A folder of links to every installed package but ``library``: a real interpreter given only
    it (``-S``: no site-packages of its own) runs as on an install without that extra."""
    import site

    folder = tmp_path / "site"
    folder.mkdir()
    for base in site.getsitepackages():
        for entry in Path(base).iterdir():
            if not entry.name.lower().startswith(library) and not (folder / entry.name).exists():
                (folder / entry.name).symlink_to(entry)
    return folder


def test_dedup_near_without_the_near_extra_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("标题\n\n正文第一段，足够长的一句话。\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{_site_without(tmp_path, NEAR_LIBRARY)}"}
    base = [sys.executable, "-S", "-m", "cleantext", "run", str(page)]
    near = subprocess.run([*base, "--dedup", "near"], capture_output=True, text=True, env=env, check=False, timeout=120)
    assert near.returncode == 2 and near.stdout == ""
    assert near.stderr.count("\n") == 1 and "cleantext-pages[near]" in near.stderr
    plain = subprocess.run([*base, "--dedup", "exact"], capture_output=True, text=True, env=env, check=False, timeout=120)
    assert plain.returncode == 0 and '"text"' in plain.stdout  # everything else runs without it
