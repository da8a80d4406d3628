"""What the user has selected besides the query: facet values (any/all), exclusions, a date range.

A `Selection` turns into one boolean mask per facet (and one for the date range) over document
numbers. Results are the text matches AND every mask; a facet's counts in `any` mode leave out
that facet's own mask (disjunctive counting), in `all` mode they keep it (conjunctive).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from numpy.typing import NDArray

from search.engine.collapse import story_counts
from search.errors import check_choice
from search.index.schema import FACETS
from search.index.snapshot import Snapshot
from search.model import MATCH_MODES, FacetValue

DATE_KEY = "published"  # the mask key of the date range

FacetFilter = Mapping[str, Iterable[str] | str]


def _values_by_facet(mapping: FacetFilter | None, what: str) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for name, values in (mapping or {}).items():
        check_choice("facet", name, FACETS, f"in {what}")
        items = [values] if isinstance(values, str) else list(values)
        cleaned = list(dict.fromkeys(str(v).strip() for v in items if str(v).strip()))
        if cleaned:
            result[name] = cleaned
    return result


@dataclass(frozen=True)
class Selection:
    """Validated filters: included and excluded values per facet, match modes, a date range."""

    include: dict[str, list[str]] = field(default_factory=dict)
    exclude: dict[str, list[str]] = field(default_factory=dict)
    match: dict[str, str] = field(default_factory=dict)
    date_from: date | None = None
    date_to: date | None = None

    @classmethod
    def build(cls, filters: FacetFilter | None = None, exclude: FacetFilter | None = None,
              match_mode: Mapping[str, str] | None = None, date_from: date | None = None,
              date_to: date | None = None) -> Selection:
        """Check facet names, modes and dates; raises `ValueError` naming what is valid."""
        modes = {}
        for name, mode in (match_mode or {}).items():
            check_choice("facet", name, FACETS, "in match_mode")
            check_choice("match mode", mode, MATCH_MODES, f"for {name}")
            modes[name] = mode
        for value in (date_from, date_to):
            if value is not None and not isinstance(value, date):
                raise ValueError(f"date_from and date_to must be dates, got {value!r}")
        return cls(_values_by_facet(filters, "filters"), _values_by_facet(exclude, "exclude"), modes,
                   date_from, date_to)

    def resolved(self, snap: Snapshot) -> Selection:
        """The same selection with each value spelled as in the index (matched case-insensitively)."""
        def fix(chosen: dict[str, list[str]]) -> dict[str, list[str]]:
            return {n: list(dict.fromkeys(snap.table(n).lookup(v) or v for v in vs)) for n, vs in chosen.items()}
        return Selection(fix(self.include), fix(self.exclude), self.match, self.date_from, self.date_to)

    def mode(self, facet: str) -> str:
        """`any` (OR, the default) or `all` (AND) for this facet."""
        return self.match.get(facet, "any")

    def masks(self, snap: Snapshot) -> dict[str, NDArray[np.bool_]]:
        """One mask per constrained facet (and `published` for the date range)."""
        masks: dict[str, NDArray[np.bool_]] = {}
        for name in set(self.include) | set(self.exclude):
            table, mask = snap.table(name), np.ones(snap.doc_count, dtype=bool)
            values = self.include.get(name, [])
            if values and self.mode(name) == "all":
                for value in values:
                    mask &= table.docs_with_any([value], snap.doc_count)
            elif values:
                mask = table.docs_with_any(values, snap.doc_count)
            if name in self.exclude:
                mask &= ~table.docs_with_any(self.exclude[name], snap.doc_count)
            masks[name] = mask
        if self.date_from or self.date_to:
            low = np.datetime64(self.date_from or date.min, "D").astype(np.int64)
            high = np.datetime64(self.date_to or date.max, "D").astype(np.int64)
            masks[DATE_KEY] = (snap.day >= low) & (snap.day <= high)
        return masks

    def counting_mask(self, base: NDArray[np.bool_], masks: dict[str, NDArray[np.bool_]],
                      facet: str) -> NDArray[np.bool_]:
        """The documents whose values a facet counts: every mask but the facet's own in `any` mode."""
        result = base.copy()
        for name, mask in masks.items():
            if name != facet or (facet in FACETS and self.mode(facet) == "all"):
                result &= mask
        return result

    def facet_values(self, snap: Snapshot, base: NDArray[np.bool_], masks: dict[str, NDArray[np.bool_]], facet: str,
                     limit: int | None, order: str,
                     stories: bool = False) -> tuple[list[FacetValue], int]:
        """A facet's shown values (selected and excluded ones always included) and its distinct
        count; with `stories` each value counts stories (near-duplicates once), not articles."""
        table, counted = snap.table(facet), self.counting_mask(base, masks, facet)
        counts = story_counts(snap, facet, counted) if stories else table.counts(counted)
        values = table.top(counts, self.include.get(facet, ()), self.exclude.get(facet, ()), limit, order)
        return values, int(np.count_nonzero(counts))
