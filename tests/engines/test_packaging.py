"""Ray is an optional extra: the local engine never loads it, and without it ``--engine ray`` says
how to install it (exit 2). Each check runs in a fresh interpreter, with Ray hidden where needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HIDE_RAY = "import sys; sys.modules['ray'] = None  # as if the extra were not installed\n"


def _python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, timeout=120, check=False
    )


def test_without_ray_importing_the_engine_raises_import_error(tmp_path: Path) -> None:
    done = _python(HIDE_RAY + "try: import cleantext.engines.ray\nexcept ImportError: print('ok')", tmp_path)
    assert done.stdout.strip() == "ok", done.stderr


def test_without_ray_the_cli_exits_2_saying_how_to_install(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text("<p>正文。</p>", encoding="utf-8")
    argv = ["cleantext", "run", "--engine", "ray", str(page), "-o", str(tmp_path / "out")]
    done = _python(HIDE_RAY + f"sys.argv = {argv!r}\nfrom cleantext.cli import main\nmain()", tmp_path)
    assert done.returncode == 2, done.stderr
    assert "pip install 'cleantext-pages[ray]'" in done.stderr
    assert not (tmp_path / "out").exists()


def test_the_local_engine_never_imports_ray(corpus: list[str], tmp_path: Path) -> None:
    code = (
        "import io, sys\n"
        "from cleantext.config import Config\n"
        "from cleantext.runner import run_inputs\n"
        f"run_inputs({corpus!r}, Config(dedup='near'), output={str(tmp_path / 'o.jsonl')!r}, errors=io.StringIO())\n"
        "print(sorted(m for m in sys.modules if m == 'ray' or m.startswith(('ray.', 'cleantext.engines'))))\n"
    )
    done = _python(code, tmp_path)
    assert done.stdout.strip() == "[]", done.stderr
