"""Text dumps of the bench HTML made by other tools, so the method is scored on more layouts than w3m's.

The bench ships one dump per page, from ``w3m -dump``: its 80-column wrapping, its link markers
and its drawn tables. Pages reach cleantext from other converters too, so the same HTML is also
dumped by

- ``lynx -dump -nolist -display_charset=utf-8`` (another text browser: other wrapping, other
  table and list layout);
- ``w3m -dump`` for pages that come without the bench's w3m dump (``scripts/unseen.py``'s sets),
  when w3m is installed; a shipped dump beside the HTML is always the one used;
- inscriptis (text laid out like a browser's innerText) and html2text (Markdown-flavoured), both
  from the eval environment ``.eval-venv`` (``make eval-setup``), never project dependencies.

Every tool reads the same input: the page decoded by cleantext's own decode stage and saved as
UTF-8, its charset declarations rewritten to say so (a tool that trusted a stale ``gb2312`` label
on UTF-8 text would score the tool's decoding, not the method). Dumps are cached under
``.eval/dumps/<tool>/<dataset>/<id>.txt`` and made only when missing; a tool that is not
installed is skipped with a note, never an error.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from cleantext.decode import decode
from cleantext.model import RawPage

DUMP_TOOLS = ("w3m", "lynx", "inscriptis", "html2text")  # w3m: the dumps the bench ships
VENV_TOOLS = ("inscriptis", "html2text")
PEERS = ("trafilatura", "readability")
LYNX = ("lynx", "-dump", "-nolist", "-display_charset=utf-8", "-assume_charset=utf-8", "-force_html")
W3M = ("w3m", "-dump", "-T", "text/html", "-I", "utf-8", "-O", "utf-8")
LYNX_TIMEOUT = 60  # seconds per page (lynx and w3m): they take well under one; a hang must not stop the eval
CHARSET_DECL = re.compile(r"""(?i)(<meta\b[^>]*?charset\s*=\s*["']?)[\w.:-]+|(<\?xml\b[^>]*?encoding\s*=\s*["'])[\w.:-]+""")


def _utf8_label(m: re.Match[str]) -> str:
    return (m.group(1) or m.group(2)) + "utf-8"


class DumpMaker:
    """Makes and caches dumps and peer outputs under ``root`` (the ``.eval`` folder)."""

    def __init__(self, root: Path, eval_python: Path) -> None:
        self.root = root
        self.eval_python = eval_python

    def available(self, tool: str) -> str | None:
        """None when ``tool`` can run here, else why not (printed as the reason it was skipped)."""
        if tool == "w3m":
            return None  # the bench ships its dumps; pages without one need w3m installed (``make``)
        if tool == "lynx":
            return None if shutil.which("lynx") else "lynx not installed (apt-get install lynx)"
        if not self.eval_python.exists():
            return f"no eval environment {self.eval_python.parent.parent.name} (make eval-setup)"
        return None

    def dump_path(self, tool: str, html: Path) -> Path:
        if tool == "w3m" and html.with_suffix(".txt").exists():
            return html.with_suffix(".txt")  # shipped with the bench
        return self.root / "dumps" / tool / html.parent.name / f"{html.stem}.txt"

    def peer_path(self, tool: str, html: Path) -> Path:
        return self.root / "peers" / tool / html.parent.name / f"{html.stem}.json"

    def decoded(self, html: Path) -> Path:
        """The page as UTF-8 (see the module docstring), cached."""
        out = self.root / "decoded" / html.parent.name / html.name
        if not out.exists():
            text = decode(RawPage(html.name, html.read_bytes())).text
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(CHARSET_DECL.sub(_utf8_label, text), encoding="utf-8")
        return out

    def make(self, tool: str, pages: list[Path]) -> tuple[int, int]:
        """Make the missing outputs of ``tool`` (a dump tool or a peer); (made, failed)."""
        target = self.peer_path if tool in PEERS else self.dump_path
        missing = [p for p in pages if not target(tool, p).exists()]
        if not missing:
            return 0, 0
        if tool in ("lynx", "w3m"):
            if not shutil.which(tool):
                return 0, len(missing)
            return self._browser(tool, missing)
        jobs = "".join(
            json.dumps({"tool": tool, "src": str(self.decoded(p)), "out": str(target(tool, p))}) + "\n"
            for p in missing
        )
        script = Path(__file__).with_name("convert.py")
        run = subprocess.run(
            [str(self.eval_python), str(script)], input=jobs, capture_output=True, text=True, check=False
        )
        if run.stderr:
            sys.stderr.write(run.stderr)
        last = run.stdout.strip().splitlines()[-1:] or ['{"done": 0, "failed": 0}']
        counts = json.loads(last[0])
        return counts["done"], len(missing) - counts["done"]

    def _browser(self, tool: str, pages: list[Path]) -> tuple[int, int]:
        """Dumps by a text browser (lynx, w3m), one process per page."""
        made = failed = 0
        command = LYNX if tool == "lynx" else W3M
        for page in pages:
            try:
                run = subprocess.run(
                    [*command, str(self.decoded(page))], capture_output=True, timeout=LYNX_TIMEOUT, check=False
                )
            except subprocess.TimeoutExpired:
                print(f"{page}: {tool} timed out after {LYNX_TIMEOUT} s", file=sys.stderr)
                failed += 1
                continue
            if run.returncode != 0:
                print(f"{page}: {tool} exited {run.returncode}", file=sys.stderr)
                failed += 1
                continue
            out = self.dump_path(tool, page)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(run.stdout)
            made += 1
        return made, failed
