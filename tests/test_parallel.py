"""parallel: any picklable function over items on worker processes, results in input order."""

from __future__ import annotations

import pytest

from cleantext.parallel import map_ordered


def _square_or_fail(n: int) -> int:
    if n == 13:
        raise ValueError("thirteen")
    return n * n


def test_results_come_in_input_order() -> None:
    items = list(range(100))
    assert list(map_ordered(_square_or_fail, (i for i in items if i != 13), 2)) == [i * i for i in items if i != 13]


def test_an_exception_in_a_worker_reaches_the_caller_and_stops_the_pool() -> None:
    with pytest.raises(ValueError, match="thirteen"):
        list(map_ordered(_square_or_fail, range(40), 2))
