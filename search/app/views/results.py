"""The Results tab: count, sort, collapsing copies, downloads; the timeline with its dates; cards; pages, page size."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import streamlit as st

from search import IndexStats, SearchResult, export  # the public API only
from search.app import charts as ui_charts
from search.app import ui
from search.app.state import PER_PAGE_OPTIONS, SORT_LABELS, PageState
from search.app.style import SCROLL_TO_TOP
from search.app.views.core import current_state, go, on_query, on_state, on_value

DATE_KEYS = ("date_from_input", "date_to_input")


# --- callbacks: each turns a widget change into a new URL --------------------------------------

def _on_dates() -> None:
    go(current_state().with_dates(*(st.session_state.get(key) for key in DATE_KEYS)))


def _on_brush(key: str) -> None:
    dates = ui_charts.brushed_dates((st.session_state.get(key) or {}).get("selection"))
    if dates:
        go(current_state().with_dates(*dates))


def _on_collapse() -> None:
    go(replace(current_state(), copies=not st.session_state.get("collapse_toggle", True), page=1))


def _stories(res: SearchResult) -> bool:
    """Whether the results count stories with copies collapsed into them."""
    return res.collapsed and res.total != res.total_articles


def _on_page(page: int) -> None:
    go(replace(current_state(), page=page))
    st.session_state["scroll_to_top"] = st.session_state.get("scroll_to_top", 0) + 1


# --- drawing ------------------------------------------------------------------------------------

def results_tab(state: PageState, res: SearchResult, stats: IndexStats | None) -> None:
    """The Results tab for `state`: toolbar, hints about the query, timeline, result cards, pagination."""
    _toolbar(state, res)
    if res.suggestion:
        st.button(f"Did you mean **{ui.md_escape(res.suggestion)}**?", type="tertiary",
                  on_click=on_query, args=(res.suggestion,), key="suggestion")
    if res.notice:
        st.info(ui.md_escape(res.notice), icon=":material/info:")
    _timeline(state, res, stats)
    hits = res.hits if res.total else []  # never show hits the count says do not match
    if not hits:
        hint = "try removing a filter" if state.has_filters else "try other or fewer words"
        st.html(f'<div class="ns-empty"><h3>No articles match — {hint}</h3>'
                f'<p>Check the spelling, or search for something broader.</p></div>')
        if state.has_filters:
            st.button("Clear all filters", on_click=on_state, args=(state.cleared(),), key="clear-empty")
        return
    st.html(ui.results_html(hits, replace(state, page=res.page)))
    _pagination(state, res)


def _toolbar(state: PageState, res: SearchResult) -> None:
    with st.container(horizontal=True, vertical_alignment="center", gap="small", key="toolbar", wrap=False):
        st.html(ui.stats_html(res.total, state.q, res.elapsed_ms, res.page, res.per_page,
                              res.total_articles if res.collapsed else None))
        options = list(SORT_LABELS) if state.q else [s for s in SORT_LABELS if s != "relevance"]
        st.session_state["sort_select"] = state.sort if state.sort in options else options[0]
        st.selectbox("Sort by", options, key="sort_select", format_func=SORT_LABELS.__getitem__, width=145,
                     on_change=on_value, args=("sort", "sort_select"), label_visibility="collapsed")
        st.toggle("Collapse copies", value=not state.copies, key="collapse_toggle", on_change=_on_collapse,
                  help="One result per story: near-identical articles (the same story from several outlets) "
                       "are listed under the first of them")
        with st.popover("Download", icon=":material/download:", disabled=not res.total, key="downloads",
                        help=f"Download all {ui.count_text(res.total)}"):
            shown = f"{res.total:,} stories (copies left out)" if _stories(res) else ui.count_text(res.total)
            st.caption(f"All {shown}, with their facets and full text")
            for fmt, mime in (("csv", "text/csv"), ("json", "application/json")):
                st.download_button(fmt.upper(), data=_exporter(state, fmt), file_name=ui.export_filename(state, fmt),
                                   mime=mime, key=f"download_{fmt}", on_click="ignore", icon=":material/download:",
                                   width="stretch")


def _exporter(state: PageState, fmt: str) -> Callable[[], str]:
    """The download's data, made only when the button is clicked: every matching article."""
    def make() -> str:
        return "".join(export(state.q, state.filters, format=fmt, sort=state.effective_sort(),
                              collapse=not state.copies, **state.engine_options()))
    return make


def _timeline(state: PageState, res: SearchResult, stats: IndexStats | None) -> None:
    """Matching stories (or articles) per month (drag to choose dates) beside From/To inputs for the same range."""
    months = res.dates.months
    if not months:
        return
    chart_col, dates_col = st.columns([4.6, 1.4], vertical_alignment="bottom")
    with chart_col:
        unit = "Stories" if res.collapsed else "Articles"
        st.html(f'<div class="ns-section">{unit} per month — drag across the bars to narrow the dates</div>')
        key = f"timeline:{state.date_from}:{state.date_to}"
        st.altair_chart(ui_charts.timeline_chart(months, state.date_from, state.date_to, unit=unit), key=key,
                        on_select=lambda: _on_brush(key), selection_mode=ui_charts.BRUSH, width="stretch")
    low, high = ui_charts.date_bounds(months, stats, state.date_from, state.date_to)
    with dates_col:
        for label, key, value in zip(("From", "To"), DATE_KEYS, (state.date_from, state.date_to), strict=True):
            st.session_state[key] = value
            st.date_input(label, key=key, min_value=low, max_value=high, on_change=_on_dates, format="YYYY-MM-DD")


def _pagination(state: PageState, res: SearchResult) -> None:
    """Previous / "Page 2 of 5" / Next when there are several pages, and the page size when it matters."""
    if res.total <= min(PER_PAGE_OPTIONS):
        return
    with st.container(horizontal=True, vertical_alignment="center", key="pages"):
        if res.pages > 1:
            st.button("← Previous", on_click=_on_page, args=(res.page - 1,), disabled=res.page <= 1, key="prev")
            st.html(f'<div class="ns-pageinfo">Page {res.page:,} of {res.pages:,}</div>', width="content")
            st.button("Next →", on_click=_on_page, args=(res.page + 1,), disabled=res.page >= res.pages, key="next")
        st.space("stretch")
        st.session_state["per_page_select"] = state.per_page
        st.selectbox("Results per page", PER_PAGE_OPTIONS, key="per_page_select", width=130,
                     format_func=lambda n: f"{n} per page", on_change=on_value,
                     args=("per_page", "per_page_select"), label_visibility="collapsed")
    if res.pages > 1 and st.session_state.get("scroll_to_top"):  # a new page starts at its top
        st.html(f"<script>/* {st.session_state['scroll_to_top']} */ {SCROLL_TO_TOP}</script>",
                unsafe_allow_javascript=True)
