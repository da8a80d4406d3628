"""Facet counting with NumPy over per-facet (document, value) arrays cached in memory.

Whoosh's own `groupedby` faceting rebuilds values from postings on every search; here each
facet is read once per index version into flat arrays, and every count afterwards is one
`np.bincount` over the matched documents (see docs/benchmarks.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from whoosh.reading import IndexReader


@dataclass(frozen=True)
class FacetValue:
    """One facet value with its count in the current results; `selected`/`excluded` if filtered on."""

    value: str
    count: int
    selected: bool = False
    excluded: bool = False


@dataclass(frozen=True)
class FacetTable:
    """All (document, value) pairs of one facet field, grouped by value ordinal."""

    values: list[str]            # ordinal -> value
    ordinals: dict[str, int]     # value -> ordinal
    pair_docs: np.ndarray        # document number of each pair, grouped by ordinal
    pair_ords: np.ndarray        # ordinal of each pair
    starts: np.ndarray           # pairs of ordinal i are pair_docs[starts[i]:starts[i + 1]]

    @classmethod
    def read(cls, reader: IndexReader, field: str) -> FacetTable:
        """Read every value of `field` and the live documents that have it."""
        values: list[str] = []
        chunks: list[np.ndarray] = []
        for term in reader.field_terms(field):
            docs = np.fromiter(reader.postings(field, term).all_ids(), dtype=np.int32)
            if len(docs):
                values.append(term)
                chunks.append(docs)
        lengths = np.array([len(c) for c in chunks], dtype=np.int64)
        starts = np.zeros(len(chunks) + 1, dtype=np.int64)
        np.cumsum(lengths, out=starts[1:])
        pair_docs = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int32)
        pair_ords = np.repeat(np.arange(len(chunks), dtype=np.int32), lengths)
        return cls(values, {v: i for i, v in enumerate(values)}, pair_docs, pair_ords, starts)

    def lookup(self, value: str) -> str | None:
        """The stored spelling of `value`, matched exactly, else case-insensitively; None if absent."""
        if value in self.ordinals:
            return value
        folded = value.casefold()
        return next((v for v in self.values if v.casefold() == folded), None)

    def docs_with_any(self, values: Iterable[str], doc_count: int) -> np.ndarray:
        """A boolean mask of the documents having at least one of `values`."""
        mask = np.zeros(doc_count, dtype=bool)
        for value in values:
            ordinal = self.ordinals.get(value)
            if ordinal is not None:
                mask[self.pair_docs[self.starts[ordinal]:self.starts[ordinal + 1]]] = True
        return mask

    def counts(self, mask: np.ndarray) -> np.ndarray:
        """How many documents in `mask` have each value (indexed by ordinal)."""
        return np.bincount(self.pair_ords[mask[self.pair_docs]], minlength=len(self.values))

    def top(self, counts: np.ndarray, selected: Iterable[str] = (), excluded: Iterable[str] = (),
            limit: int | None = None, order: str = "count") -> list[FacetValue]:
        """Values with a count, by count then name (or by name); selected and excluded ones always listed."""
        chosen, dropped = set(selected), set(excluded)
        present = np.flatnonzero(counts).tolist()
        if order == "name":
            ranked = sorted(present, key=lambda o: self.values[o].casefold())
        else:
            ranked = sorted(present, key=lambda o: (-counts[o], self.values[o]))
        if limit is not None:
            ranked = ranked[:limit]
        listed = {self.values[o] for o in ranked}
        extra = [v for v in sorted(chosen | dropped) if v not in listed]
        shown = [FacetValue(self.values[o], int(counts[o]), self.values[o] in chosen, self.values[o] in dropped)
                 for o in ranked]
        for value in extra:
            ordinal = self.ordinals.get(value)
            shown.append(FacetValue(value, int(counts[ordinal]) if ordinal is not None else 0,
                                    value in chosen, value in dropped))
        if order == "name":
            return sorted(shown, key=lambda fv: fv.value.casefold())
        return sorted(shown, key=lambda fv: (-fv.count, fv.value))
