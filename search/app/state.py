"""The page state and its URL form: every view of the page can be bookmarked, shared and reloaded.

URL parameters (defaults are left out):

* `q` – the query; `<facet>=value` (repeated) – selected values, e.g. `country=Russia`;
* `not_<facet>=value` – excluded values; `all=<facet>` – the facet's values must all match;
* `date_from`, `date_to` – ISO dates, inclusive;
* `sort`, `per_page`, `page`; `article` – the article open; `copies=show` – near-duplicate copies
  listed as hits of their own (by default a story's copies collapse under its best hit);
* `tab` (results, charts, add), `chart` (the facet of the bar chart), `rows`/`cols` (the facets of
  the co-occurrence heat map), `more=<facet>` (all listed values shown), `find_<facet>` (the text
  typed in a facet's own search box).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any
from urllib.parse import urlencode

from search import FACETS  # the public API only (the package is loaded first)
from search.settings import setting

SORT_LABELS = {"relevance": "Most relevant", "newest": "Newest first", "oldest": "Oldest first",
               "source": "Source A–Z"}
PER_PAGE: int = setting("page_size")
PER_PAGE_OPTIONS = tuple(sorted({PER_PAGE, 20, 50, setting("max_page_size")}))  # the default and the most
TABS = {"results": "Results", "charts": "Charts", "add": "Add articles"}
MATCH_LABELS = {"any": "any", "all": "all"}
NOT_PREFIX, FIND_PREFIX = "not_", "find_"
MAX_FIND_CHARS = 100
MAX_PAGE = 100_000
COPIES_SHOWN = "show"


def _default_facet(*preferred: str) -> str:
    """The first of `preferred` that is a facet (else the first facet): chart defaults."""
    return next((name for name in preferred if name in FACETS), next(iter(FACETS)))


DEFAULT_CHART = _default_facet("country", "theme")
DEFAULT_ROWS = _default_facet("country")
DEFAULT_COLS = _default_facet("theme", "region")


@dataclass(frozen=True)
class PageState:
    """Everything the page shows, as stored in the URL."""

    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    exclude: dict[str, list[str]] = field(default_factory=dict)
    match: dict[str, str] = field(default_factory=dict)      # facet -> "all" (any is the default)
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE
    article: str | None = None
    tab: str = "results"
    chart: str = DEFAULT_CHART
    rows: str = DEFAULT_ROWS
    cols: str = DEFAULT_COLS
    more: tuple[str, ...] = ()
    find: dict[str, str] = field(default_factory=dict)
    copies: bool = False  # near-duplicate copies listed as hits of their own, not collapsed into stories

    # --- changes that narrow or widen the results go back to page 1, close the article and leave
    # the Add articles tab for the results (the Charts tab stays: it charts the new results) ---

    def _narrowed(self, **changes: Any) -> PageState:
        tab = "results" if self.tab == "add" else self.tab
        return replace(self, **changes, page=1, article=None, tab=tab)

    def with_filter(self, facet: str, value: str, selected: bool) -> PageState:
        """`value` added to (or removed from) `facet`'s selection; selecting it ends its exclusion."""
        filters = _with_value(self.filters, facet, value, selected)
        exclude = _with_value(self.exclude, facet, value, False) if selected else self.exclude
        return self._narrowed(filters=filters, exclude=exclude)

    def with_exclude(self, facet: str, value: str, excluded: bool) -> PageState:
        """`value` excluded from (or allowed back into) the results; excluding it ends its selection."""
        exclude = _with_value(self.exclude, facet, value, excluded)
        filters = _with_value(self.filters, facet, value, False) if excluded else self.filters
        return self._narrowed(filters=filters, exclude=exclude)

    def with_mode(self, facet: str, mode: str) -> PageState:
        """`facet` matched with `any` (OR) or `all` (AND) of its selected values."""
        match = {name: m for name, m in self.match.items() if name != facet}
        if mode == "all":
            match[facet] = "all"
        return self._narrowed(match=_ordered_modes(match))

    def with_dates(self, date_from: date | None, date_to: date | None) -> PageState:
        """The publication date range (inclusive; None for open-ended), swapped if given backwards."""
        date_from, date_to = _date_range(date_from, date_to)
        return self._narrowed(date_from=date_from, date_to=date_to)

    def cleared(self) -> PageState:
        """No filters, exclusions, match modes or dates (the query, sort and view stay)."""
        return self._narrowed(filters={}, exclude={}, match={}, date_from=None, date_to=None)

    def with_query(self, q: str) -> PageState:
        """A new query (filters kept)."""
        return self._narrowed(q=q.strip())

    # --- view changes: the same results ---

    def with_more(self, facet: str, shown: bool) -> PageState:
        """`facet` listing all of its values (or only the top ones)."""
        more = tuple(name for name in FACETS if (name in self.more and name != facet) or (name == facet and shown))
        return replace(self, more=more)

    def with_find(self, facet: str, text: str) -> PageState:
        """The text typed in `facet`'s search box."""
        find = {name: t for name, t in self.find.items() if name != facet}
        if text.strip():
            find[facet] = text.strip()[:MAX_FIND_CHARS]
        return replace(self, find={name: find[name] for name in FACETS if name in find})

    def results(self) -> PageState:
        """The results page this state belongs to (no article open)."""
        return replace(self, article=None)

    @property
    def has_filters(self) -> bool:
        """Whether any value is selected or excluded, or a date bound is set."""
        return bool(self.filters or self.exclude or self.date_from or self.date_to)

    def mode(self, facet: str) -> str:
        """How `facet`'s selected values combine: "any" (the default) or "all"."""
        return self.match.get(facet, "any")

    def effective_sort(self) -> str:
        """The order results are listed in: without a query there is no relevance, so newest first."""
        return self.sort if self.q or self.sort != "relevance" else "newest"

    def engine_options(self) -> dict[str, Any]:
        """The keyword options of the engine's search-like calls (`exclude`, `match_mode`, dates)."""
        return {"exclude": self.exclude or None, "match_mode": self.match or None,
                "date_from": self.date_from, "date_to": self.date_to}


def _ordered(values_by_facet: Mapping[str, list[str]]) -> dict[str, list[str]]:
    return {name: list(values_by_facet[name]) for name in FACETS if values_by_facet.get(name)}


def _ordered_modes(match: Mapping[str, str]) -> dict[str, str]:
    return {name: match[name] for name in FACETS if match.get(name) == "all"}


def _with_value(values_by_facet: Mapping[str, list[str]], facet: str, value: str,
                present: bool) -> dict[str, list[str]]:
    values = [v for v in values_by_facet.get(facet, []) if v != value]
    if present:
        values.append(value)
    result = {name: list(vals) for name, vals in values_by_facet.items() if name != facet and vals}
    if values:
        result[facet] = values
    return _ordered(result)


def _date_range(date_from: date | None, date_to: date | None) -> tuple[date | None, date | None]:
    if date_from and date_to and date_from > date_to:
        return date_to, date_from
    return date_from, date_to


def _last(values: list[str]) -> str:
    return values[-1].strip() if values else ""


def _values(get_all: Callable[[str], list[str]], name: str) -> list[str]:
    return list(dict.fromkeys(v.strip() for v in get_all(name) if v and v.strip()))


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _int(text: str, default: int) -> int:
    try:
        return int(text) if text else default
    except ValueError:
        return default


def _facet(text: str, default: str) -> str:
    return text if text in FACETS else default


def index_change_notice(shown: tuple[int, int] | None, now: tuple[int, int] | None) -> str | None:
    """What to tell a reader whose index folder changed identity since the last view (`shown`,
    None on a first view): results from another index must not pass for the ones they browsed."""
    if shown is None or shown == now:
        return None
    if now is None:
        return "The index this page was showing is gone (its folder was deleted or moved)."
    return "The index was replaced since your last view (rebuilt or swapped): the results now come from the new one."


def state_from_params(get_all: Callable[[str], list[str]]) -> PageState:
    """Read the page state from URL parameters (`get_all(name)` lists a parameter's values).

    Anything malformed falls back to its default: a bad page number means page 1, an unknown
    sort means relevance, an unreadable date means no bound, an unknown facet is ignored.
    A value both selected and excluded counts as selected.
    """
    filters = {name: vals for name in FACETS if (vals := _values(get_all, name))}
    exclude = {name: [v for v in vals if v not in filters.get(name, [])]
               for name in FACETS if (vals := _values(get_all, NOT_PREFIX + name))}
    modes = {name: "all" for name in _values(get_all, "all") if name in FACETS}
    per_page = _int(_last(get_all("per_page")), PER_PAGE)
    tab = _last(get_all("tab"))
    state = PageState(
        q=_last(get_all("q")),
        filters=filters,
        exclude={name: vals for name, vals in exclude.items() if vals},
        match=_ordered_modes(modes),
        sort=s if (s := _last(get_all("sort"))) in SORT_LABELS else "relevance",
        page=min(max(1, _int(_last(get_all("page")), 1)), MAX_PAGE),
        per_page=per_page if per_page in PER_PAGE_OPTIONS else PER_PAGE,
        article=_last(get_all("article")) or None,
        tab=tab if tab in TABS else "results",
        chart=_facet(_last(get_all("chart")), DEFAULT_CHART),
        rows=_facet(_last(get_all("rows")), DEFAULT_ROWS),
        cols=_facet(_last(get_all("cols")), DEFAULT_COLS),
        more=tuple(name for name in FACETS if name in _values(get_all, "more")),
        find={name: text[:MAX_FIND_CHARS] for name in FACETS if (text := _last(get_all(FIND_PREFIX + name)))},
        copies=_last(get_all("copies")) == COPIES_SHOWN,
    )
    date_from, date_to = _date_range(_date(_last(get_all("date_from"))), _date(_last(get_all("date_to"))))
    return replace(state, date_from=date_from, date_to=date_to)


def state_to_params(state: PageState) -> dict[str, str | list[str]]:
    """The URL parameters of a state, defaults left out, in a stable order."""
    params: dict[str, str | list[str]] = {}
    if state.q:
        params["q"] = state.q
    for name, values in _ordered(state.filters).items():
        params[name] = list(values)
    for name, values in _ordered(state.exclude).items():
        params[NOT_PREFIX + name] = list(values)
    if modes := list(_ordered_modes(state.match)):
        params["all"] = modes
    if state.date_from:
        params["date_from"] = state.date_from.isoformat()
    if state.date_to:
        params["date_to"] = state.date_to.isoformat()
    if state.sort != "relevance":
        params["sort"] = state.sort
    if state.per_page != PER_PAGE:
        params["per_page"] = str(state.per_page)
    if state.page > 1:
        params["page"] = str(state.page)
    if state.copies:
        params["copies"] = COPIES_SHOWN
    if state.tab != "results":
        params["tab"] = state.tab
    for name, value, default in (("chart", state.chart, DEFAULT_CHART), ("rows", state.rows, DEFAULT_ROWS),
                                 ("cols", state.cols, DEFAULT_COLS)):
        if value != default:
            params[name] = value
    if state.more:
        params["more"] = list(state.more)
    for name, text in state.find.items():
        params[FIND_PREFIX + name] = text
    if state.article:
        params["article"] = state.article
    return params


def href(state: PageState) -> str:
    """A relative link ("?q=…&country=…") that opens this state; "?" alone for the start page."""
    return "?" + urlencode(state_to_params(state), doseq=True)
