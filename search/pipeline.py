"""Run a function over a stream of items in worker processes, keeping order and bounded memory.

Used by `build_index` to enrich articles on every core while the main process writes to the
index. Workers are started with the "spawn" method, so this is safe inside threaded programs
(a Streamlit server); small inputs (less than one batch) never start a pool.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import TypeVar

In = TypeVar("In")
Out = TypeVar("Out")

BATCH_SIZE = 200


def _batches(items: Iterable[In], size: int) -> Iterator[list[In]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _apply(fn: Callable[[In], Out], batch: list[In]) -> list[Out]:
    return [fn(item) for item in batch]


def parallel_map(fn: Callable[[In], Out], items: Iterable[In], workers: int = 1,
                 batch_size: int = BATCH_SIZE) -> Iterator[Out]:
    """`map(fn, items)` in order; with `workers > 1`, batches run in that many processes.

    `fn` must be a module-level function and the items picklable. At most `2 * workers` batches
    are in flight, so memory stays bounded however long the input is.
    """
    batches = _batches(items, batch_size)
    first = next(batches, [])
    if workers <= 1 or len(first) < batch_size:
        yield from map(fn, chain(first, chain.from_iterable(batches)))
        return
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        pending: deque[Future[list[Out]]] = deque()
        for batch in chain([first], batches):
            pending.append(pool.submit(_apply, fn, batch))
            while len(pending) > 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
