"""cleantext: raw web pages (HTML in any encoding, or text dumps) → clean article records.

The public API:

- ``clean(data)``: one page (bytes or str) → an ``Article`` or None;
- ``Pipeline(config).run(pages)``: many pages, in order, every outcome accounted for;
- ``Config``: every setting, frozen;
- ``run_inputs(inputs, config, output)``: what ``cleantext run`` does.
"""

from __future__ import annotations

from cleantext.config import Config
from cleantext.model import Article, Drop, DropReason, Failure, RawPage
from cleantext.pipeline import Pipeline, clean

__all__ = ["Article", "Config", "Drop", "DropReason", "Failure", "Pipeline", "RawPage", "clean", "run_inputs"]
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    if name == "run_inputs":  # lazy: the runner pulls in readers and writers
        from cleantext.runner import run_inputs

        return run_inputs
    raise AttributeError(name)
