"""Real local clusters for the tests: `searchd` processes on free ports in temp folders.

* `make_cluster(shards=2, name="news")`: start a new, empty local cluster (its own folder and
  ports) and return its layout (`search.cluster.config.LocalCluster`; `.url` is its
  `sphinx://…` URL). Every cluster started is stopped at the end of the session, whatever happened.
* `cluster`: a new, empty two-shard cluster for one test (starting one takes about half a second).

A test that uses either is marked `cluster` (tests/conftest.py). `searchd` must be installed
(Debian's `sphinxsearch`; `.ci/run` installs it): without it these tests fail, they do not skip.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

import pytest

from search.cluster import process
from search.cluster.config import LocalCluster


@pytest.fixture(scope="session")
def make_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., LocalCluster]]:
    """A function starting a new local cluster; all are stopped at the end of the session."""
    started: list[LocalCluster] = []

    def start(shards: int = 2, name: str = "news") -> LocalCluster:
        folder = tmp_path_factory.mktemp("cluster")
        # a random place to look for free ports from, so parallel test runs rarely race for the same ones
        port = process.free_ports("127.0.0.1", 2 * shards, start=random.randrange(20_000, 60_000, 2 * shards))
        cluster = process.start(folder / "nodes", shards=shards, port=port, name=name)
        started.append(cluster)
        return cluster

    yield start
    for cluster in started:
        process.stop(cluster.folder)


@pytest.fixture
def cluster(make_cluster: Callable[..., LocalCluster]) -> LocalCluster:
    """A new, empty local cluster of two shards (stopped at the end of the session)."""
    return make_cluster(2)
