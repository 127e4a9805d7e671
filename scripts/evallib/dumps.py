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

Those four are the tools the method is developed on. Three more are **held out** (``HOLDOUT_TOOLS``):
no rule, threshold or fixture is ever tuned on their dumps, so they stand for the converters users
run that nobody here has seen: ``elinks -dump`` (tables drawn with box characters, text wrapped
inside the cells), ``links -dump`` (ASCII-framed tables, its own widths) and html-text (a
browser-innerText-like converter from the eval environment, other than inscriptis).

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
HOLDOUT_TOOLS = ("elinks", "links", "htmltext")  # never tuned on: scored apart
VENV_TOOLS = ("inscriptis", "html2text", "htmltext")
PEERS = ("trafilatura", "readability")
# The text browsers, each told the input is UTF-8 and to write UTF-8, without a list of links
COMMANDS = {
    "lynx": ("lynx", "-dump", "-nolist", "-display_charset=utf-8", "-assume_charset=utf-8", "-force_html"),
    "elinks": ("elinks", "-dump", "-no-references", "-no-numbering", "-dump-charset", "utf-8", "-eval",
               "set document.codepage.assume = \"utf-8\"", "-eval", "set document.codepage.force_assumed = 1"),
    "w3m": ("w3m", "-dump", "-T", "text/html", "-I", "utf-8", "-O", "utf-8"),
    "links": ("links", "-dump", "-codepage", "utf-8", "-html-assume-codepage", "utf-8", "-html-hard-assume", "1"),
}
COMMAND_TIMEOUT = 60  # seconds per page: a browser takes well under one; a hang must not stop the eval
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
        if tool in COMMANDS:
            return None if shutil.which(tool) else f"{tool} not installed (apt-get install {tool})"
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
        if tool in COMMANDS:
            if not shutil.which(tool):
                return 0, len(missing)
            return self._browse(tool, missing)
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

    def _browse(self, tool: str, pages: list[Path]) -> tuple[int, int]:
        """Dumps by a text browser (``COMMANDS``), one process a page."""
        made = failed = 0
        for page in pages:
            try:
                run = subprocess.run(
                    [*COMMANDS[tool], str(self.decoded(page))],
                    capture_output=True, timeout=COMMAND_TIMEOUT, check=False, stdin=subprocess.DEVNULL,
                )
            except subprocess.TimeoutExpired:
                print(f"{page}: {tool} timed out after {COMMAND_TIMEOUT} s", file=sys.stderr)
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
