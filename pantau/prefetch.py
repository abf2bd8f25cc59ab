"""An iterator's next items made in a thread while the caller works on the current one.

The ingest reads a file in batches (pyarrow parses, pantau.readers lays out) and validates each in
DuckDB; one after the other, each left a core idle. Both release the GIL, so reading batch k+1 while
DuckDB checks batch k overlaps them. Items come out in order; an exception raised while making an
item is raised to the caller at that item's place, after the items made before it.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")

_END = object()
_POLL_SECONDS = 0.1


def prefetched(items: Iterator[T], ahead: int = 1) -> Iterator[T]:
    """`items`, with up to `ahead` of them made before they are asked for.

    If the caller stops early (an exception, or it stops iterating), the thread stops after the item
    it is making and `items` is closed there.
    """
    ready: queue.Queue = queue.Queue(maxsize=ahead)
    stop = threading.Event()

    def put(entry: tuple[object, BaseException | None]) -> bool:
        while not stop.is_set():
            try:
                ready.put(entry, timeout=_POLL_SECONDS)
                return True
            except queue.Full:
                continue
        return False

    def make() -> None:
        try:
            for item in items:
                if not put((item, None)):
                    return
            put((_END, None))
        except BaseException as error:  # noqa: BLE001 - handed to the caller, raised there
            put((_END, error))
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()

    thread = threading.Thread(target=make, name="pantau-prefetch", daemon=True)
    thread.start()
    try:
        while True:
            item, error = ready.get()
            if item is _END:
                if error is not None:
                    raise error
                return
            yield item
    finally:
        stop.set()
        thread.join()
