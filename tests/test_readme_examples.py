"""The README's Python examples run, and say what they print."""

from __future__ import annotations

import contextlib
import io
import re

from tests.conftest import ROOT


def _python_block_after(heading: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(heading, 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, f"no python example after {heading!r}"
    return match.group(1)


def test_the_custom_drop_rule_example_runs_and_counts_its_drop() -> None:
    code = _python_block_after("### Composing the pipeline")
    assert len([line for line in code.splitlines() if line.strip()]) <= 10  # as short as the README says
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})  # the example is the test
    promised = re.search(r"# (cleantext: .*)", code)
    assert promised and out.getvalue().strip() == promised.group(1)
