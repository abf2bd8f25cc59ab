"""pantau/prefetch.py: items in order, errors in place, nothing left running when the caller stops."""

from __future__ import annotations

import threading
import time

import pytest

from pantau.prefetch import prefetched


def test_items_come_out_in_order():
    assert list(prefetched(iter(range(1000)), ahead=3)) == list(range(1000))
    assert list(prefetched(iter([]))) == []


def test_an_error_is_raised_after_the_items_made_before_it():
    def items():
        yield 1
        yield 2
        raise ValueError("row 3 unreadable")

    seen = []
    with pytest.raises(ValueError, match="row 3 unreadable"):
        for item in prefetched(items()):
            seen.append(item)
    assert seen == [1, 2]


def test_items_are_made_while_the_caller_works_but_no_more_than_asked_ahead():
    made: list[int] = []

    def items():
        for i in range(10):
            made.append(i)
            yield i

    it = prefetched(items(), ahead=2)
    assert next(it) == 0
    time.sleep(0.5)  # the caller "works" on item 0
    # Item 0 handed out, items 1 and 2 waiting, item 3 made and blocked on the full queue: no further.
    assert made == [0, 1, 2, 3]
    assert list(it) == list(range(1, 10))


def test_a_caller_that_stops_early_stops_the_thread_and_closes_the_source():
    closed = threading.Event()

    def items():
        try:
            yield from range(1_000_000)
        finally:
            closed.set()

    with pytest.raises(RuntimeError):
        for item in prefetched(items()):
            if item == 5:
                raise RuntimeError("validation failed")
    assert closed.is_set()
    assert not any(t.name == "pantau-prefetch" for t in threading.enumerate())
