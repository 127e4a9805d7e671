"""cleantext: raw web pages (HTML in any encoding, or text dumps) → clean article records.

The public API:

- ``clean(data, config=Config(...))``: one page (bytes or str) → an ``Article`` or None;
- ``Pipeline(config).run(pages)``: many pages, in order, every outcome accounted for;
  ``Pipeline(config, stages)`` with a list of your own (``cleantext.stages.default_stages``);
- ``Config``: every setting, frozen, checked when built (a wrong value is a ValueError);
- ``run_inputs(inputs, config, output)``: what ``cleantext run`` does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cleantext.config import Config
from cleantext.model import Article, Drop, DropReason, Failure, RawPage

if TYPE_CHECKING:
    from cleantext.pipeline import Pipeline, clean
    from cleantext.runner import run_inputs

__all__ = ["Article", "Config", "Drop", "DropReason", "Failure", "Pipeline", "RawPage", "clean", "run_inputs"]
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """Lazy: importing ``cleantext`` (as the CLI does first) must not load the parsers."""
    if name in ("Pipeline", "clean"):
        from cleantext import pipeline

        return getattr(pipeline, name)
    if name == "run_inputs":
        from cleantext.runner import run_inputs

        return run_inputs
    raise AttributeError(name)
