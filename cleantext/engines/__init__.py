"""Engines: where the pipeline runs when one machine is not enough.

The local engine is ``cleantext.runner.run_inputs`` (one process, or ``--jobs N`` worker
processes). The modules here run the same per-page work elsewhere and keep its promises: the same
records for the same inputs, the same accounting (read = written + dropped + failed), the same
summary line and ``--stats`` JSON.

- ``rows``  what a worker sends back for each page (an outcome row: the outcome of the local
  stage sequence, ``PageCleaner``, and the JSON line ``JsonlWriter.line`` makes), and how the
  driver settles the rows in input order through the local ``Ledger`` (dedup, then ``Stats``).
  No Ray inside: it is tested alone.
- ``ray``   ``--engine ray``: the driver cleans the first pages itself while a pool of actors
  starts, the actors the rest; everything is written, in input order, as the local engine's
  shards. Importing it raises ImportError when Ray is not installed (the ``ray`` extra), which
  the CLI turns into exit 2 with the install command; Ray itself is imported later, by ``raypool``.
- ``raypool``  the Ray side (joining, the actor pool, the actor), imported once the driver joins.

Nothing in this package is imported by the local engine, so a plain ``cleantext run`` never
loads Ray.
"""
