"""The Charts tab: a facet's top values as bars, and a co-occurrence heat map of two facets.

Clicking a bar filters the results by its value, clicking a cell by both of its values; either
way the page goes back to the Results tab.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from search import FACETS, SearchResult, cooccurrence  # the public API only
from search.app import charts as ui_charts
from search.app.state import PageState
from search.app.views.core import current_state, friendly_error, go, on_value

HEATMAP_VALUES = 12


def _on_pick(key: str, *facets: str) -> None:
    fields = ("value",) if len(facets) == 1 else ("row", "col")
    values = ui_charts.picked((st.session_state.get(key) or {}).get("selection"), *fields)
    if values:
        state = current_state()
        for facet, value in zip(facets, values, strict=True):
            state = state.with_filter(facet, value, True)
        go(replace(state, tab="results"))


def _facet_picker(label: str, key: str, field: str, value: str) -> None:
    st.session_state[key] = value
    st.selectbox(label, list(FACETS), key=key, format_func=lambda n: FACETS[n].label, on_change=on_value,
                 args=(field, key))


def charts_tab(state: PageState, res: SearchResult) -> None:
    """Both charts of the current results, or a note that nothing matches."""
    if not res.total:
        st.html('<div class="ns-empty"><h3>Nothing to chart — no articles match</h3>'
                '<p>Remove a filter or search for something broader.</p></div>')
        return
    left, right = st.columns([1, 1.35], gap="large")
    with left:
        _top_values(state, res)
    with right:
        _heatmap(state)


def _top_values(state: PageState, res: SearchResult) -> None:
    st.markdown("##### Top values")
    _facet_picker("Facet", "chart_facet", "chart", state.chart)
    values = res.facets.get(state.chart, [])
    if not any(fv.count for fv in values):
        st.caption("No values in these results.")
        return
    key = f"bars:{state.chart}"
    unit = "Stories" if res.collapsed else "Articles"
    st.altair_chart(ui_charts.facet_bar_chart(values, FACETS[state.chart].label, unit=unit), key=key,
                    on_select=lambda: _on_pick(key, state.chart), selection_mode=ui_charts.PICK, width="stretch")
    st.caption("Click a bar to filter the results by that value.")


def _heatmap(state: PageState) -> None:
    st.markdown("##### Co-occurrence")
    rows_col, cols_col = st.columns(2)
    with rows_col:
        _facet_picker("Rows", "heat_rows", "rows", state.rows)
    with cols_col:
        _facet_picker("Columns", "heat_cols", "cols", state.cols)
    try:
        co = cooccurrence(state.rows, state.cols, state.q, state.filters, top=HEATMAP_VALUES,
                          collapse=not state.copies, **state.engine_options())
    except Exception as exc:
        friendly_error(exc, "The co-occurrence could not be computed.")
        return
    if not co.rows or not co.columns:
        st.caption("No articles in these results have values of both facets.")
        return
    key = f"heat:{state.rows}:{state.cols}"
    st.altair_chart(ui_charts.heatmap_chart(co, FACETS[state.rows].label, FACETS[state.cols].label), key=key,
                    on_select=lambda: _on_pick(key, state.rows, state.cols), selection_mode=ui_charts.PICK,
                    width="stretch")
    st.caption(f"{'Stories' if co.collapsed else 'Articles'} having both values. Click a cell to filter by both.")
