"""Charts of the current results (Altair specs, rendered by the page with `st.altair_chart`).

* the timeline: matching articles per month, the selected date range in colour; dragging across
  it selects a range (`BRUSH`), read back with `brushed_dates`;
* a bar chart of a facet's top values; clicking a bar (`PICK`) filters by it (`picked`);
* a co-occurrence heat map of two facets; clicking a cell filters by both values.

Text in the charts (facet values from articles) is drawn by Vega as SVG text, never as HTML.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

import altair as alt

# Altair builds every spec with whatever `pandas` module it finds in `sys.modules`. Streamlit imports pandas
# lazily, sometimes in another thread; a chart built meanwhile met a half-imported module and failed with
# "partially initialized module 'pandas' has no attribute 'Timestamp'" (seen under CPU load). Importing it
# here, fully (the import waits for another thread's import to finish), before any chart is built closes
# that race.
import pandas  # type: ignore[import-untyped]  # noqa: F401

from search import CoOccurrence, FacetValue, IndexStats  # the public API only

BRUSH = "range"
PICK = "pick"
SELECTED_COLOUR, OTHER_COLOUR, ACCENT = "#2563c9", "#c3cad6", "#ea8a1a"
BAR_VALUES = 15
TIMELINE_MIN_MONTHS = 12  # a timeline of fewer months is widened: a lone month is not one huge bar


def month_bounds(month: str) -> tuple[date, date]:
    """First and last day of "2022-09"."""
    year, number = int(month[:4]), int(month[5:7])
    return date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1])


def in_range(month: str, date_from: date | None, date_to: date | None) -> bool:
    """Whether any day of `month` lies in the (open-ended) range."""
    first, last = month_bounds(month)
    return (date_from is None or last >= date_from) and (date_to is None or first <= date_to)


def date_bounds(months: list[FacetValue], stats: IndexStats | None, date_from: date | None,
                date_to: date | None) -> tuple[date, date]:
    """The dates the From/To inputs allow: the index's date span, the months charted and any chosen date."""
    first, last = month_bounds(months[0].value)[0], month_bounds(months[-1].value)[1]
    if stats and stats.first_published and stats.last_published:
        first, last = min(first, stats.first_published), max(last, stats.last_published)
    chosen = [d for d in (date_from, date_to) if d]
    return min([first, *chosen]), max([last, *chosen])


def _month_start(number: int) -> alt.DateTime:
    """The first instant (UTC) of month `number` (year * 12 + month - 1)."""
    return alt.DateTime(year=number // 12, month=number % 12 + 1, date=1, utc=True)


def timeline_domain(months: list[FacetValue]) -> list[alt.DateTime]:
    """The x range of the timeline: its months, widened on both sides to at least TIMELINE_MIN_MONTHS."""
    first, last = (int(m.value[:4]) * 12 + int(m.value[5:7]) - 1 for m in (months[0], months[-1]))
    missing = TIMELINE_MIN_MONTHS - (last - first + 1)
    if missing > 0:
        first, last = first - missing // 2, last + missing - missing // 2
    return [_month_start(first), _month_start(last + 1)]


def timeline_chart(months: list[FacetValue], date_from: date | None, date_to: date | None,
                   height: int = 150, unit: str = "Articles") -> alt.Chart:
    """Articles (or `unit`: "Stories" when copies are collapsed) per month as bars; months in the
    date range in colour, the others grey."""
    rows = [{"month": f"{m.value}-01", "articles": m.count, "in_range": in_range(m.value, date_from, date_to),
             "label": f"{month_bounds(m.value)[0]:%B %Y}"} for m in months]
    brush = alt.selection_interval(encodings=["x"], name=BRUSH)
    return (
        alt.Chart(alt.Data(values=rows))
        .mark_bar(cornerRadiusTopLeft=2, cornerRadiusTopRight=2)
        .encode(
            x=alt.X("month:T", timeUnit="utcyearmonth", title=None, scale=alt.Scale(domain=timeline_domain(months)),
                    axis=alt.Axis(format="%b %Y", labelAngle=0, labelOverlap=True, grid=False)),
            y=alt.Y("articles:Q", title=unit, axis=alt.Axis(tickMinStep=1, titleFontWeight="normal")),
            color=alt.condition("datum.in_range", alt.value(SELECTED_COLOUR), alt.value(OTHER_COLOUR)),
            tooltip=[alt.Tooltip("label:N", title="Month"), alt.Tooltip("articles:Q", title=unit)],
        )
        .add_params(brush)
        .properties(height=height)
    )


def _as_date(value: Any) -> date | None:
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value / 1000, tz=UTC).date()
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        except ValueError:
            return None
    return None


def brushed_dates(selection: Mapping[str, Any] | None) -> tuple[date, date] | None:
    """The whole months a timeline brush covers, as (first day, last day); None without a brush.

    `selection` is the chart's selection state (`{"range": {"month": [start, end]}}`, times in
    milliseconds); a month counts when the brush covers any part of its bar.
    """
    ranges = (selection or {}).get(BRUSH) or {}
    bounds = next((v for v in ranges.values() if isinstance(v, (list, tuple)) and len(v) == 2), None)
    if not bounds:
        return None
    start, end = _as_date(min(bounds)), _as_date(max(bounds))
    if start is None or end is None:
        return None
    if isinstance(max(bounds), (int, float)) and end.day == 1 and end > start:
        end = date.fromordinal(end.toordinal() - 1)  # a brush ending on a month's first instant stops before it
    first = date(start.year, start.month, 1)
    last = month_bounds(f"{end.year:04d}-{end.month:02d}")[1]
    return first, last


def facet_bar_chart(values: list[FacetValue], title: str, limit: int = BAR_VALUES, unit: str = "Articles") -> alt.Chart:
    """Horizontal bars of a facet's top values in the results (counts of `unit`); selected values in colour."""
    rows = [{"value": fv.value, "articles": fv.count, "selected": fv.selected} for fv in values[:limit]
            if fv.count and not fv.excluded]
    pick = alt.selection_point(fields=["value"], name=PICK, on="click")
    bars = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar(cornerRadiusTopRight=2, cornerRadiusBottomRight=2)
        .encode(
            y=alt.Y("value:N", sort="-x", title=None, axis=alt.Axis(labelLimit=220, labelOverlap=False)),
            x=alt.X("articles:Q", title=f"{unit} per {title.lower()}", axis=alt.Axis(tickMinStep=1)),
            color=alt.condition("datum.selected", alt.value(ACCENT), alt.value(SELECTED_COLOUR)),
            tooltip=[alt.Tooltip("value:N", title=title), alt.Tooltip("articles:Q", title=unit)],
        )
        .add_params(pick)
    )
    labels = bars.mark_text(align="left", dx=4, fontSize=11).encode(text="articles:Q", color=alt.value("#555"))
    return (bars + labels).properties(height=alt.Step(24))


def heatmap_chart(co: CoOccurrence, rows_title: str, cols_title: str) -> alt.Chart:
    """Stories (`co.collapsed`) or articles having both a row value and a column value, as shaded
    cells with their counts."""
    unit = "Stories" if co.collapsed else "Articles"
    cells = [{"row": r, "col": c, "articles": co.counts[i][j]}
             for i, r in enumerate(co.rows) for j, c in enumerate(co.columns)]
    pick = alt.selection_point(fields=["row", "col"], name=PICK, on="click")
    base = alt.Chart(alt.Data(values=cells)).encode(
        x=alt.X("col:N", sort=co.columns, title=cols_title,
                  axis=alt.Axis(labelAngle=-40, labelLimit=170, labelOverlap=False, orient="top")),
        y=alt.Y("row:N", sort=co.rows, title=rows_title, axis=alt.Axis(labelLimit=180, labelOverlap=False)),
    )
    rects = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.condition("datum.articles > 0",
                            alt.Color("articles:Q", title=unit, scale=alt.Scale(scheme="blues", domainMin=0)),
                            alt.value("#f1f3f6")),
        tooltip=[alt.Tooltip("row:N", title=rows_title), alt.Tooltip("col:N", title=cols_title),
                 alt.Tooltip("articles:Q", title=unit)],
    ).add_params(pick)
    peak = max((n for row in co.counts for n in row), default=0)
    text = base.mark_text(fontSize=11).encode(
        text=alt.condition("datum.articles > 0", "articles:Q", alt.value("")),
        color=alt.condition(f"datum.articles > {peak / 2}", alt.value("white"), alt.value("#333")),
    )
    return (rects + text).properties(height=alt.Step(28), width="container")


def picked(selection: Mapping[str, Any] | None, *fields: str) -> tuple[str, ...] | None:
    """The values of `fields` of the clicked bar or cell (`{"pick": [{"value": "Russia"}]}`), if any."""
    points = (selection or {}).get(PICK) or []
    if not points or not isinstance(points[0], Mapping):
        return None
    values = tuple(v for f in fields if isinstance(v := points[0].get(f), str) and v)
    return values if len(values) == len(fields) else None
