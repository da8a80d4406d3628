"""Work spread over worker processes in rounds: what parallel indexing into a local index
(search/index/writers.py: each worker enriches and writes a segment) and into a cluster
(search/cluster/load.py: each worker enriches and analyses) share.

The workers are "spawn" processes (safe inside a threaded server such as Streamlit) that end as
soon as the process that started them is gone (`kill -9`). Rounds overlap: the next round is
read and queued before the current one is waited for, so workers never wait for reading or
for what the caller does with a round (commit, send to the cluster).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TypeVar

from search.model import Article

Item = TypeVar("Item")
Result = TypeVar("Result")
Enrich = Callable[[Article], Article]


def _exit_with_parent(parent: int) -> None:
    """Worker initializer: end this worker as soon as the indexing process `parent` is gone
    (`kill -9`), even when that happened while the worker was still starting."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def warm_up(enrich: Enrich) -> None:
    """Worker task run first: start the process, import the extractors and build their word lists
    (about a second), while the indexing process reads the first round."""
    enrich(Article(id="warm-up", title="Warm up", body="Officials in Paris said on Monday that it was ready."))


def chunks(items: list[Item], parts: int) -> list[list[Item]]:
    """`items` cut into at most `parts` runs of (nearly) equal length, in order."""
    size = max(1, -(-len(items) // parts))
    return [items[i:i + size] for i in range(0, len(items), size)]


def in_rounds(items: Iterable[Item], workers: int, round_size: int, task: Callable[[list[Item]], Result],
              on_round: Callable[[list[Result], list[Item]], None], warm: Callable[[], object] | None = None) -> None:
    """Run `task` (picklable: a module-level function or a `functools.partial` of one) over
    `items` in rounds of `round_size`, each split over `workers` processes.

    `on_round(results, items)` runs in this process after every round, with the round's results
    (one per chunk, in order) and its items, while the workers already work on the next round.
    `warm` is submitted once per worker first (imports, word lists).
    """
    iterator: Iterator[Item] = iter(items)
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_exit_with_parent, initargs=(os.getpid(),)) as pool:
        if warm is not None:
            for _ in range(workers):
                pool.submit(warm)
        running: tuple[list[Future[Result]], list[Item]] | None = None
        while True:
            batch = list(islice(iterator, round_size))
            queued = [pool.submit(task, chunk) for chunk in chunks(batch, workers)]
            if running:
                on_round([future.result() for future in running[0]], running[1])
            if not batch:
                return
            running = (queued, batch)
