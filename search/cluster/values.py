"""A cluster's facet values, for matching a typed value to the stored one and for ordering counts.

The local engine matches `filters={"country": ["south korea"]}` and `country:"south korea"` to
the indexed spelling case-insensitively, and a person's other spellings to the person's one
value (search/index/facet_table.py `lookup`); a cluster does the same from the values it counts
(one GROUP BY per facet, remembered for `VALUES_TTL_S`) and its person alias maps
(search/cluster/meta.py). Counts fetched from the cluster are ordered and cut by the local
engine's own `FacetTable.top`, so ties, selected and excluded values come out the same.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Mapping

import numpy as np

from search.index.facet_table import FacetTable
from search.model import FacetValue

# how long a facet's list of values is trusted (a value loaded meanwhile is found by its exact spelling)
VALUES_TTL_S = 30.0


def top_values(counts: Mapping[str, int], selected: Iterable[str] = (), excluded: Iterable[str] = (),
               limit: int | None = None, order: str = "count") -> list[FacetValue]:
    """`FacetTable.top` over counts by value: by count then name (or by name), `limit` of them,
    selected and excluded values always listed (at count 0 when absent)."""
    values = list(counts)
    empty = np.zeros(0, dtype=np.int32)
    table = FacetTable(values, {v: i for i, v in enumerate(values)}, empty, empty, np.zeros(len(values) + 1, np.int64))
    return table.top(np.array([counts[v] for v in values], dtype=np.intp), selected, excluded, limit, order)


class ValueDirectory:
    """Per facet, the values a cluster holds and the person aliases, for `lookup`."""

    def __init__(self, fetch_values: Callable[[str], list[str]], fetch_aliases: Callable[[], dict[str, dict[str, str]]]
                 ) -> None:
        self._fetch_values = fetch_values
        self._fetch_aliases = fetch_aliases
        self._values: dict[str, tuple[float, set[str], dict[str, str]]] = {}  # facet -> (time, values, folded -> value)
        self._aliases: tuple[float, dict[str, dict[str, str]]] | None = None
        self._lock = threading.Lock()
        self._asking: dict[str, threading.Lock] = {}  # facet -> held while one thread asks for its values

    def _known(self, facet: str) -> tuple[set[str], dict[str, str]]:
        with self._lock:
            found = self._values.get(facet)
            asking = self._asking.setdefault(facet, threading.Lock())
        if found is not None and time.monotonic() - found[0] <= VALUES_TTL_S:
            return found[1], found[2]
        # one thread asks the cluster again (counting every value of a facet takes a while on a large
        # cluster); the others go on with what is remembered meanwhile, or wait when nothing is
        if found is not None and not asking.acquire(blocking=False):
            return found[1], found[2]
        if found is None:
            asking.acquire()
        try:
            with self._lock:
                found = self._values.get(facet)
            if found is None or time.monotonic() - found[0] > VALUES_TTL_S:
                values = self._fetch_values(facet)
                folded: dict[str, str] = {}
                for value in values:
                    folded.setdefault(value.casefold(), value)
                found = (time.monotonic(), set(values), folded)
                with self._lock:
                    self._values[facet] = found
        finally:
            asking.release()
        return found[1], found[2]

    def forget(self) -> None:
        """Drop what is remembered (after this process changed the cluster)."""
        with self._lock:
            self._values.clear()
            self._aliases = None

    def aliases(self, facet: str) -> dict[str, str]:
        """A person facet's spelling → the person's one value (empty for other facets)."""
        with self._lock:
            found = self._aliases
        if found is None or time.monotonic() - found[0] > VALUES_TTL_S:
            found = (time.monotonic(), self._fetch_aliases())
            with self._lock:
                self._aliases = found
        return found[1].get(facet, {})

    def held(self, facet: str) -> set[str]:
        """The facet's values in the cluster (as last asked)."""
        return set(self._known(facet)[0])

    def count(self, facet: str) -> int:
        """How many distinct values the facet has in the cluster (as last asked)."""
        return len(self._known(facet)[0])

    def lookup(self, facet: str, value: str) -> str | None:
        """The stored spelling of `value` (its person's value when it is an alias): exact, else
        case-insensitive; None when the cluster has no such value."""
        exact, folded = self._known(facet)
        aliases = self.aliases(facet)
        if value in exact:
            return value
        if value in aliases:
            return aliases[value]
        found = folded.get(value.casefold())
        if found is not None:
            return found
        return next((c for v, c in aliases.items() if v.casefold() == value.casefold()), None)

    def resolve(self, facet: str, values: Iterable[str]) -> list[str]:
        """`values` spelled as stored (a value the cluster does not hold kept as typed), each once."""
        return list(dict.fromkeys(self.lookup(facet, v) or v for v in values))
