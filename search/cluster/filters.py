"""A search's conditions as SphinxQL WHERE parts: the MATCH() text, facet filters, date ranges.

The local engine keeps one mask per selected facet (search/engine/selection.py) so that a facet's
counts can leave its own selection out (disjunctive counting); here each facet's selection is its
own list of conditions on `facet_ids` (stable hashes of "facet\\x1fvalue", search/cluster/schema.py),
for the same reason: `Conditions.where(leaving_out=facet)` is the WHERE clause of that facet's
counts. On a multi-valued attribute Sphinx reads `IN (a, b)` as "has any of them" and `NOT IN
(a, b)` as "has none of them"; "all of them" is one `IN` per value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from search.cluster.schema import facet_id
from search.engine.selection import DATE_KEY, Selection

NO_DAY = 0  # `published_day` of an article without a date


def day_number(day: date) -> int:
    """A date as the cluster's `published_day` holds it: YYYYMMDD."""
    return day.year * 10000 + day.month * 100 + day.day


def day_range(low: date | None, high: date | None) -> str:
    """The condition "dated, from `low` to `high`" (inclusive; either may be open)."""
    first = day_number(low) if low else NO_DAY + 1
    last = day_number(high) if high else 99991231
    return f"published_day BETWEEN {first} AND {last}"


def _ids(facet: str, values: list[str]) -> str:
    return ", ".join(str(facet_id(facet, v)) for v in values)


def facet_conditions(selection: Selection, facet: str) -> list[str]:
    """The conditions of one facet's selected and excluded values."""
    conditions = []
    chosen = selection.include.get(facet, [])
    if chosen and selection.mode(facet) == "all":
        conditions += [f"facet_ids IN ({_ids(facet, [v])})" for v in chosen]
    elif chosen:
        conditions.append(f"facet_ids IN ({_ids(facet, chosen)})")
    if selection.exclude.get(facet):
        conditions.append(f"facet_ids NOT IN ({_ids(facet, selection.exclude[facet])})")
    return conditions


@dataclass(frozen=True)
class Conditions:
    """Everything a search selects, kept apart by where it comes from."""

    match: str | None  # the MATCH() text of the query (None: no text condition)
    query_filters: list[str] = field(default_factory=list)  # the query's own date ranges
    selected: dict[str, list[str]] = field(default_factory=dict)  # per facet (and DATE_KEY) of the selection
    nothing: bool = False  # the query matches no document

    @classmethod
    def of(cls, match: str | None, query_filters: list[str], selection: Selection, nothing: bool = False) -> Conditions:
        selected = {name: facet_conditions(selection, name) for name in set(selection.include) | set(selection.exclude)}
        if selection.date_from or selection.date_to:
            selected[DATE_KEY] = [day_range(selection.date_from, selection.date_to)]
        return cls(match, query_filters, {k: v for k, v in selected.items() if v}, nothing)

    def where(self, leaving_out: str | None = None, extra: tuple[str, ...] = ()) -> tuple[str, list[str]]:
        """The WHERE clause (with `%s` for the MATCH text) and its arguments, leaving out the
        selection of `leaving_out` (a facet or DATE_KEY); `extra` conditions are added."""
        parts: list[str] = []
        arguments: list[str] = []
        if self.match is not None:
            parts.append("MATCH(%s)")
            arguments.append(self.match)
        parts += self.query_filters
        for name, conditions in self.selected.items():
            if name != leaving_out:
                parts += conditions
        if self.nothing:
            parts.append("id = 0")  # no document has id 0
        parts += extra
        return (" WHERE " + " AND ".join(parts) if parts else ""), arguments
