"""News Search: the Streamlit page. Run with `streamlit run app.py` (index: $SEARCH_INDEX_DIR).

All page state lives in the URL (see `search.ui.PageState`): `q`, one parameter per facet
(`country=South Korea&country=Russia`), `sort`, `page` and `article`. Widgets are set from the
URL on every run and write back to it in their callbacks, so any view can be bookmarked,
shared and reloaded.
"""

from __future__ import annotations

import html
import logging
from contextlib import nullcontext
from dataclasses import replace

import streamlit as st

from search import FACETS, SearchError, default_index_dir, get_article, search
from search import ui

log = logging.getLogger("news-search.app")
SCROLL_TO_TOP = "document.querySelector('[data-testid=\"stMain\"]')?.scrollTo({top: 0}); window.scrollTo(0, 0);"


def current_state() -> ui.PageState:
    return ui.state_from_params(st.query_params.get_all)


def go(state: ui.PageState) -> None:
    """Show `state`: write it to the URL (the script reruns and reads it back)."""
    st.query_params.from_dict(ui.state_to_params(state))


# --- widget callbacks: each turns a widget change into a new URL -----------------------------

def on_search() -> None:
    go(replace(current_state(), q=st.session_state["q_input"].strip(), page=1, article=None))


def on_sort() -> None:
    go(replace(current_state(), sort=st.session_state["sort_select"], page=1))


def on_facet(facet: str, value: str, key: str) -> None:
    go(current_state().with_filter(facet, value, bool(st.session_state[key])))


def on_page(page: int) -> None:
    go(replace(current_state(), page=page))
    st.session_state["scroll_to_top"] = st.session_state.get("scroll_to_top", 0) + 1


def on_query(q: str) -> None:
    go(replace(current_state(), q=q, page=1))


def on_clear_filters() -> None:
    go(replace(current_state(), filters={}, page=1))


def on_toggle_more(key: str) -> None:
    st.session_state[key] = not st.session_state.get(key, False)


# --- engine calls with friendly errors --------------------------------------------------------

def friendly_error(exc: Exception) -> None:
    if isinstance(exc, (SearchError, ValueError)):
        st.error(f"**The search could not be run.** {ui.md_escape(str(exc))}")
    else:
        log.exception("unexpected error in the search engine")
        st.error("**Something went wrong while searching.** Please try again; if it keeps happening, "
                 "check the server log.")


def run_search(state: ui.PageState):
    """The engine's results for `state`, or None after showing a friendly error."""
    first_run = not default_index_dir().exists()  # the engine builds the sample index on first use
    try:
        with st.spinner("Building the search index from the sample articles (first run only)…") if first_run \
                else nullcontext():
            res = search(state.q, state.filters, state.page, ui.PER_PAGE, state.sort)
        if state.page > res.pages:  # a bookmarked page that no longer exists: show the last one
            go(replace(state, page=res.pages))
            res = search(state.q, state.filters, res.pages, ui.PER_PAGE, state.sort)
        return res
    except Exception as exc:  # shown to the user, never as a traceback
        friendly_error(exc)
        return None


# --- page parts -----------------------------------------------------------------------------

def header() -> None:
    st.html(f'<div class="ns-header"><h1>{ui.PRODUCT_NAME}</h1><p>{ui.TAGLINE}</p></div>')


def search_box(state: ui.PageState) -> None:
    st.session_state["q_input"] = state.q
    with st.form("search_form", border=False, enter_to_submit=True):
        box, button = st.columns([6, 1], vertical_alignment="bottom")
        box.text_input("Search articles", key="q_input", label_visibility="collapsed",
                       placeholder='Search articles, e.g. cyber, "arms control", Stoltenberg')
        button.form_submit_button("Search", type="primary", on_click=on_search, width="stretch",
                                  key="search_submit")


def facet_sidebar(state: ui.PageState, res) -> None:
    with st.sidebar:
        st.markdown("### Refine results")
        if state.filters:
            st.button("Clear all filters", on_click=on_clear_filters, type="tertiary", icon=":material/close:")
        for name, facet in FACETS.items():
            selected = state.filters.get(name, [])
            values = ui.facet_values(res.facets.get(name, []) if res else [], selected)
            title = f"{facet.label} · {len(selected)} selected" if selected else facet.label
            with st.expander(title, expanded=bool(values)):
                if not values:
                    st.caption("No values in these results.")
                    continue
                more_key = f"more:{name}"
                show_all = st.session_state.get(more_key, False)
                shown = [fv for i, fv in enumerate(values) if show_all or i < ui.FACET_SHOWN or fv.value in selected]
                for fv in shown:
                    key = f"facet:{name}:{fv.value}"
                    st.session_state[key] = fv.value in selected
                    st.checkbox(ui.facet_label(fv), key=key, on_change=on_facet, args=(name, fv.value, key))
                if len(values) > ui.FACET_SHOWN:
                    label = "Show fewer" if show_all else f"Show all {len(values)}"
                    st.button(label, key=f"btn-{more_key}", type="tertiary", on_click=on_toggle_more, args=(more_key,))


def results(state: ui.PageState, res) -> None:
    stats, sort = st.columns([3, 1.3], vertical_alignment="center")
    stats.html(ui.stats_html(res.total, state.q, res.elapsed_ms, res.page, res.per_page))
    # without a query there is no relevance: the engine lists newest first, and so does the selector
    options = list(ui.SORT_LABELS) if state.q else [s for s in ui.SORT_LABELS if s != "relevance"]
    st.session_state["sort_select"] = state.sort if state.sort in options else options[0]
    sort.selectbox("Sort by", options, key="sort_select", format_func=ui.SORT_LABELS.get,
                   on_change=on_sort, label_visibility="collapsed")
    if res.suggestion:
        st.button(f"Did you mean **{ui.md_escape(res.suggestion)}**?", type="tertiary",
                  on_click=on_query, args=(res.suggestion,), key="suggestion")
    if res.notice:
        st.info(ui.md_escape(res.notice), icon=":material/info:")
    hits = res.hits if res.total else []  # never show hits the count says do not match
    if not hits:
        hint = "try removing a filter" if state.filters else "try other or fewer words"
        st.html(f'<div class="ns-empty"><h3>No articles match — {hint}</h3>'
                f'<p>Check the spelling, or search for something broader.</p></div>')
        if state.filters:
            st.button("Clear all filters", on_click=on_clear_filters, key="clear-empty")
        return
    st.html(ui.results_html(hits, replace(state, page=res.page)))
    if res.pages > 1:
        prev, info, nxt = st.columns([1, 2, 1], vertical_alignment="center")
        prev.button("← Previous", on_click=on_page, args=(res.page - 1,), disabled=res.page <= 1,
                    width="stretch", key="prev")
        info.html(f'<div class="ns-pageinfo">Page {res.page:,} of {res.pages:,}</div>')
        nxt.button("Next →", on_click=on_page, args=(res.page + 1,), disabled=res.page >= res.pages,
                   width="stretch", key="next")
        if st.session_state.get("scroll_to_top"):  # a new page starts at its top, not where "Next" was
            st.html(f"<script>/* {st.session_state['scroll_to_top']} */ {SCROLL_TO_TOP}</script>",
                    unsafe_allow_javascript=True)


def results_page(state: ui.PageState) -> None:
    header()
    search_box(state)
    res = run_search(state)
    facet_sidebar(state, res)
    if res is not None:
        results(state, res)


def article_page(state: ui.PageState) -> None:
    back = ui.href(state.results())
    try:
        view = get_article(state.article, query=state.q)
    except Exception as exc:
        st.html(f'<a class="ns-back" href="{html.escape(back, quote=True)}" target="_self">← Back to results</a>')
        friendly_error(exc)
        return
    if view is None:
        st.html(f'<a class="ns-back" href="{html.escape(back, quote=True)}" target="_self">← Back to results</a>')
        st.warning("This article is not in the index: it may have been removed, or the link is incomplete.")
        return
    with st.sidebar:
        st.markdown("### About this article")
        st.caption("Select a value to see every article that shares it.")
        st.html(ui.article_facets_html(view, state))
    st.html(ui.article_html(view, back))
    st.html(f'<a class="ns-back" href="{html.escape(back, quote=True)}" target="_self">← Back to results</a>')


def main() -> None:
    st.set_page_config(page_title=ui.PRODUCT_NAME, page_icon=":material/newspaper:", layout="centered")
    st.html(ui.CSS)
    state = current_state()
    if state.article:
        article_page(state)
    else:
        results_page(state)


main()
