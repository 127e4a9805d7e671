"""Helpers of ``scripts/bench.py``: the corpus, the timed sections, the child processes, the table.

- ``corpus``    which pages are measured (samples/ and the shared bench), streamed from disk.
- ``timing``    best-of-N timing, throughput figures and peak RSS.
- ``inproc``    the sections measured inside this process (one core): cleantext, floor, bs4, OpenCC,
  one large page.
- ``procs``     the sections that need other processes: --jobs, scaling, start-up, Ray, peers.
- ``peers_worker``  runs inside the separate peers venv (trafilatura, readability-lxml); imports
  nothing from cleantext.
- ``report``    the table, the ratios against their targets, and the profile.
"""
