"""The top of the search page: title and index summary, the search box, and the active filters as chips."""

from __future__ import annotations

import streamlit as st

from search import IndexStats  # the public API only
from search.app import ui
from search.app.state import PageState
from search.app.views.core import current_state, go, on_state


def header(stats: IndexStats | None) -> None:
    """The product name, tagline and a one-line summary of the index (`stats` None: no summary)."""
    summary = ui.index_summary_html(stats) if stats else ""
    st.html(f'<div class="ns-header"><div><h1>{ui.PRODUCT_NAME}</h1><p>{ui.TAGLINE}</p></div>{summary}</div>')


def _on_search() -> None:
    go(current_state().with_query(st.session_state["q_input"]))


def search_box(state: PageState) -> None:
    """The query box and its button (Enter searches too); a new query goes back to page 1."""
    st.session_state["q_input"] = state.q
    with st.form("search_form", border=False, enter_to_submit=True):
        box, button = st.columns([6, 1], vertical_alignment="bottom")
        box.text_input("Search articles", key="q_input", label_visibility="collapsed",
                       placeholder='Search articles, e.g. cyber, "arms control", Stoltenberg')
        button.form_submit_button("Search", type="primary", on_click=_on_search, width="stretch",
                                  key="search_submit")


def chips_row(state: PageState) -> None:
    """A removable chip per selected value, exclusion (in red, struck through), match mode and date range."""
    chips = ui.chips(state)
    if not chips:
        return
    with st.container(horizontal=True, key="chips", gap="xsmall", vertical_alignment="center"):
        for chip in chips:
            st.button(chip.label, key=chip.key, on_click=on_state, args=(chip.without,), icon=":material/close:",
                      icon_position="right", type="primary" if chip.excluded else "secondary",
                      help="Remove this filter")
        st.button("Clear all", key="clear-all", on_click=on_state, args=(state.cleared(),), type="tertiary")
