"""The folder list is the data path: no stage imports a later one (shared helpers live in
``cleantext.text``, the hand-offs in ``cleantext.model``)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "cleantext"
STAGES = ("read", "decode", "segment", "boilerplate", "document", "convert", "write")


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_stage_imports_a_later_one() -> None:
    later_imports = []
    for position, stage in enumerate(STAGES):
        later = {f"cleantext.{name}" for name in STAGES[position + 1 :]}
        for path in sorted((PACKAGE / stage).glob("*.py")):
            for module in _imported(path):
                if any(module == name or module.startswith(name + ".") for name in later):
                    later_imports.append(f"{path.relative_to(PACKAGE)} imports {module}")
    assert later_imports == []
    assert all((PACKAGE / stage).is_dir() for stage in STAGES)  # the test looks where the stages are
