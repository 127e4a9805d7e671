"""The Python API as a user calls it: clean() takes bytes or str, settings by keyword only."""

from __future__ import annotations

import pytest

import cleantext
from cleantext import Config, clean

PAGE = "<p>这是一段足够长的正文内容，用来说明接口的用法和返回值。</p><p>第二段也说明了這個問題。</p>"


def test_bytes_and_str_give_the_same_article() -> None:
    assert clean(PAGE) == clean(PAGE.encode("utf-8"))


@pytest.mark.parametrize("data", [None, 123, 1.5, ["<p>x</p>"], bytearray(b"<p>x</p>")])
def test_anything_else_is_a_type_error(data: object) -> None:
    with pytest.raises(TypeError, match="bytes or str"):
        clean(data)  # type: ignore[arg-type]


def test_settings_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        clean(PAGE, Config(to="traditional"))  # type: ignore[misc]
    converted = clean(PAGE, config=Config(to="traditional"))
    assert converted is not None and "這是一段" in converted.text and converted.input == "<data>"
    assert clean(PAGE, uri="page.html").input == "page.html"  # type: ignore[union-attr]
    with pytest.raises(TypeError, match="Config"):
        clean(PAGE, config={"to": "traditional"})  # type: ignore[arg-type]


def test_a_wrong_setting_names_the_allowed_values() -> None:
    with pytest.raises(ValueError, match="simplified, traditional, taiwan, hongkong"):
        clean(PAGE, config=Config(to="klingon"))  # type: ignore[arg-type]


def test_the_public_names() -> None:
    assert cleantext.__version__ and set(cleantext.__all__) >= {"clean", "Config", "Pipeline", "run_inputs"}
