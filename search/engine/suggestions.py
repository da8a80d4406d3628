"""Suggested facets: metadata fields of an index that would make useful facets.

As Datasette suggests facets for a table's columns: a field is suggested when most articles
have it (it would filter the collection, not a corner of it) and its values repeat (few distinct
values: a field whose every value is different, an id, a URL, a headline, is no facet). Computed
from the stored metadata of a sample of articles spread over the whole index, so the cost is
bounded whatever its size.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from search.index.arrays import sorted_unique
from search.index.schema import FACETS
from search.index.snapshot import Snapshot

SAMPLE_SIZE = 1_000
MIN_COVERAGE = 0.5        # present in at least half of the sampled articles
MAX_DISTINCT = 50         # at most this many distinct values in the sample …
MAX_DISTINCT_SHARE = 0.5  # … and at most half as many as the values met (each value is met twice on average)


@dataclass(frozen=True)
class FacetSuggestion:
    """A metadata field that would make a useful facet (`build_index(..., facets=[field])`,
    the CLI's `--facet FIELD`): the share of sampled articles that have it, its number of distinct
    values in the sample, and its most frequent values."""

    field: str
    coverage: float
    distinct: int
    examples: tuple[str, ...]


def suggest_facets(snap: Snapshot, sample_size: int = SAMPLE_SIZE) -> list[FacetSuggestion]:
    """Suggested facets, most widespread first; fields that are facets already are left out."""
    live = np.flatnonzero(snap.live)
    if not len(live):
        return []
    sample = live[np.linspace(0, len(live) - 1, min(sample_size, len(live))).astype(int)]
    sample = sorted_unique(sample)
    present: Counter[str] = Counter()
    values: dict[str, Counter[str]] = {}
    for docnum in sample.tolist():
        metadata = snap.stored_fields(docnum).get("metadata") or {}
        for field, field_values in metadata.items():
            present[field] += 1
            values.setdefault(field, Counter()).update(field_values)
    suggestions = []
    for field, count in present.items():
        distinct = len(values[field])
        if (field not in FACETS and count >= MIN_COVERAGE * len(sample) and 2 <= distinct <= MAX_DISTINCT
                and distinct <= MAX_DISTINCT_SHARE * values[field].total()):
            examples = tuple(value for value, _ in values[field].most_common(3))
            suggestions.append(FacetSuggestion(field, count / len(sample), distinct, examples))
    return sorted(suggestions, key=lambda s: (-s.coverage, s.distinct, s.field))
