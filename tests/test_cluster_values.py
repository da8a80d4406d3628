"""A cluster's remembered facet values (search/cluster/values.py): when they are due to be asked
again, one thread asks the cluster while the others go on with what is remembered (counting every
value of a facet takes a second on a large cluster; eight searches at once must not all wait)."""

from __future__ import annotations

import threading

import pytest

from search.cluster import values
from search.cluster.values import ValueDirectory


def test_one_thread_asks_again_while_the_others_use_what_is_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    answering = threading.Event()
    done = threading.Event()

    def fetch(facet: str) -> list[str]:
        asked.append(facet)
        if len(asked) == 1:
            return ["Japan", "Canada"]
        answering.set()
        assert done.wait(10), "the other threads were held up by the one asking"
        return ["Japan", "Canada", "Chile"]

    directory = ValueDirectory(fetch, dict)
    assert directory.count("country") == 2
    monkeypatch.setattr(values, "VALUES_TTL_S", 0.0)  # due to be asked again at once
    asking = threading.Thread(target=directory.count, args=("country",))
    asking.start()
    assert answering.wait(10)
    counted = [directory.count("country") for _ in range(5)]  # while the cluster is being asked
    assert directory.lookup("country", "japan") == "Japan"
    done.set()
    asking.join(10)
    assert counted == [2] * 5 and asked == ["country", "country"]
    monkeypatch.setattr(values, "VALUES_TTL_S", 60.0)
    assert directory.count("country") == 3  # the new answer is remembered


def test_a_facet_never_asked_waits_for_its_values() -> None:
    directory = ValueDirectory(lambda facet: [f"{facet} value"], dict)
    found: list[int] = []
    threads = [threading.Thread(target=lambda: found.append(directory.count("theme"))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert found == [1, 1, 1, 1]
