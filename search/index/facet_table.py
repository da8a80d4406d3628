"""Facet counting with NumPy over per-facet (document, value) arrays cached in memory.

Whoosh's own `groupedby` faceting rebuilds values from postings on every search; here each
facet is put together once per index version from per-segment arrays (`facet_cache`) into flat
arrays, and every count afterwards is one `np.bincount` over the matched documents.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

from search.index.arrays import sorted_unique
from search.model import FacetValue


@dataclass(frozen=True)
class FacetTable:
    """All (document, value) pairs of one facet field, grouped by value ordinal."""

    values: list[str]            # ordinal -> value
    ordinals: dict[str, int]     # value -> ordinal
    pair_docs: NDArray[np.int32]  # document number of each pair, grouped by ordinal
    pair_ords: NDArray[np.int32]  # ordinal of each pair
    starts: NDArray[np.int64]     # pairs of ordinal i are pair_docs[starts[i]:starts[i + 1]]
    # indexed spelling -> the value it is counted under (person facets: search/index/person_aliases.py)
    aliases: dict[str, str] = field(default_factory=dict)

    @classmethod
    def combine(cls, segments: list[tuple[list[str], NDArray[np.int32], NDArray[np.int32], int]],
                live: NDArray[np.bool_]) -> FacetTable:
        """One table from per-segment (values, local docs, local ordinals, document offset) parts,
        keeping the pairs of live documents only."""
        ordinals: dict[str, int] = {}
        all_docs, all_ords = [], []
        for values, docs, ords, offset in segments:
            to_global = np.array([ordinals.setdefault(v, len(ordinals)) for v in values], dtype=np.int32)
            all_docs.append(docs.astype(np.int32) + np.int32(offset))
            all_ords.append(to_global[ords] if len(ords) else np.zeros(0, dtype=np.int32))
        docs = np.concatenate(all_docs) if all_docs else np.zeros(0, dtype=np.int32)
        ords = np.concatenate(all_ords) if all_ords else np.zeros(0, dtype=np.int32)
        keep = live[docs]
        docs, ords = docs[keep], ords[keep]
        order = np.argsort(ords, kind="stable")
        pair_docs, pair_ords = docs[order], ords[order]
        starts = np.searchsorted(pair_ords, np.arange(len(ordinals) + 1)).astype(np.int64)
        return cls(list(ordinals), ordinals, pair_docs, pair_ords, starts)

    def merged(self, canonical: dict[str, str]) -> FacetTable:
        """The table with each value counted under `canonical[value]` (itself when absent): a
        document with several spellings of one value has it once."""
        values = list(dict.fromkeys(canonical.get(v, v) for v in self.values))
        ordinals = {v: i for i, v in enumerate(values)}
        remap = np.array([ordinals[canonical.get(v, v)] for v in self.values], dtype=np.int64)
        width = int(self.pair_docs.max()) + 1 if len(self.pair_docs) else 1
        keys = sorted_unique(remap[self.pair_ords] * width + self.pair_docs) if len(self.pair_ords) else \
            np.zeros(0, dtype=np.int64)
        pair_ords, pair_docs = (keys // width).astype(np.int32), (keys % width).astype(np.int32)
        starts = np.searchsorted(pair_ords, np.arange(len(values) + 1)).astype(np.int64)
        aliases = {**{v: canonical.get(c, c) for v, c in self.aliases.items()},
                   **{v: c for v, c in canonical.items() if v != c and v in self.ordinals}}
        return FacetTable(values, ordinals, pair_docs, pair_ords, starts, aliases)

    @cached_property
    def variants(self) -> dict[str, list[str]]:
        """Per value, the other indexed spellings counted under it (the terms a query on it must match)."""
        found: dict[str, list[str]] = {}
        for variant, value in self.aliases.items():
            found.setdefault(value, []).append(variant)
        return found

    @cached_property
    def search_texts(self) -> list[str]:
        """Per ordinal, the case-folded value and its variants (what a value search looks in)."""
        return ["\n".join([v, *self.variants.get(v, [])]).casefold() for v in self.values]

    def spellings(self, values: Iterable[str]) -> list[str]:
        """`values` and every indexed spelling counted under them, each once."""
        found: list[str] = []
        for value in values:
            canonical = self.aliases.get(value, value)
            found += [value, canonical, *self.variants.get(canonical, ())]
        return list(dict.fromkeys(found))

    @cached_property
    def name_rank(self) -> NDArray[np.int64]:
        """Per ordinal, the value's position in name order (ties between equal counts)."""
        return _ranks(sorted(range(len(self.values)), key=self.values.__getitem__))

    @cached_property
    def folded_rank(self) -> NDArray[np.int64]:
        """Per ordinal, the value's position in case-insensitive name order (values equal but for
        case in their exact order, so the order never depends on how the index was written)."""
        return _ranks(sorted(range(len(self.values)), key=lambda o: (self.values[o].casefold(), self.values[o])))

    def lookup(self, value: str) -> str | None:
        """The stored spelling of `value` (the value it is counted under when it is an alias), matched
        exactly, else case-insensitively; None if absent."""
        if value in self.ordinals:
            return value
        if value in self.aliases:
            return self.aliases[value]
        folded = value.casefold()
        found = next((v for v in self.values if v.casefold() == folded), None)
        return found or next((c for v, c in self.aliases.items() if v.casefold() == folded), None)

    def docs_with_any(self, values: Iterable[str], doc_count: int) -> NDArray[np.bool_]:
        """A boolean mask of the documents having at least one of `values`."""
        mask = np.zeros(doc_count, dtype=bool)
        for value in values:
            ordinal = self.ordinals.get(value)
            if ordinal is not None:
                mask[self.pair_docs[self.starts[ordinal]:self.starts[ordinal + 1]]] = True
        return mask

    def counts(self, mask: NDArray[np.bool_]) -> NDArray[np.intp]:
        """How many documents in `mask` have each value (indexed by ordinal)."""
        return np.bincount(self.pair_ords[mask[self.pair_docs]], minlength=len(self.values))

    def top(self, counts: NDArray[np.intp], selected: Iterable[str] = (), excluded: Iterable[str] = (),
            limit: int | None = None, order: str = "count") -> list[FacetValue]:
        """Values with a count, by count then name (or by name); selected and excluded ones always listed."""
        chosen, dropped = set(selected), set(excluded)
        present = np.flatnonzero(counts)
        if order == "name":
            ranked = present[np.argsort(self.folded_rank[present], kind="stable")]
        else:
            ranked = present[np.lexsort((self.name_rank[present], -counts[present]))]
        ranked = ranked[:limit].tolist() if limit is not None else ranked.tolist()
        listed = {self.values[o] for o in ranked}
        extra = [v for v in sorted(chosen | dropped) if v not in listed]
        shown = [FacetValue(self.values[o], int(counts[o]), self.values[o] in chosen, self.values[o] in dropped)
                 for o in ranked]
        for value in extra:
            ordinal = self.ordinals.get(value)
            shown.append(FacetValue(value, int(counts[ordinal]) if ordinal is not None else 0,
                                    value in chosen, value in dropped))
        if order == "name":
            return sorted(shown, key=lambda fv: (fv.value.casefold(), fv.value))
        return sorted(shown, key=lambda fv: (-fv.count, fv.value))


def _ranks(order: list[int]) -> NDArray[np.int64]:
    ranks = np.empty(len(order), dtype=np.int64)
    ranks[order] = np.arange(len(order))
    return ranks
