"""News Search: the Streamlit page (`streamlit run app.py` runs `main()`; index: $SEARCH_INDEX_DIR).

All page state lives in the URL (see `search.app.state`): the query, selected and excluded facet
values, match modes, the date range, sort, page size and page, the open article, the tab and the
chart settings. Widgets are set from the URL on every run and write back to it in their callbacks,
so any view can be bookmarked, shared, reloaded and reached again with the back button (see
`search.app.views.core`). Links inside the page ("?q=…") keep the same session (`search.app.style`).

This module sets the page up and routes; the parts are drawn by the `search.app.views` modules.
"""

from __future__ import annotations

import streamlit as st

from search.app import ui
from search.app.state import TABS, PageState
from search.app.style import CSS, FAVICON_SVG, NAV_SCRIPT
from search.app.views.article import article_page
from search.app.views.charts import charts_tab
from search.app.views.core import current_state, on_value, run_search, stats_or_none, use_facets_of_index
from search.app.views.results import results_tab
from search.app.views.search_bar import chips_row, header, search_box
from search.app.views.sidebar import facet_sidebar
from search.app.views.upload import add_articles_tab


def search_page(state: PageState) -> None:
    """Header, search box, facets and chips, then the open tab (only that one is drawn)."""
    stats = stats_or_none()
    header(stats)
    search_box(state)
    res, state = run_search(state)
    facet_sidebar(state, res)
    chips_row(state)
    st.session_state["tab"] = TABS[state.tab]
    results, charts, add = st.tabs(list(TABS.values()), key="tab", on_change=on_value, args=("tab", "tab"))
    with results:
        if results.open and res is not None:
            results_tab(state, res, stats)
    with charts:
        if charts.open and res is not None:
            charts_tab(state, res)
    with add:
        if add.open:
            add_articles_tab()


def main() -> None:
    """Set the page up and show the article or the search page, as the URL says."""
    st.set_page_config(page_title=ui.PRODUCT_NAME, page_icon=FAVICON_SVG, layout="wide",
                       initial_sidebar_state=ui.SIDEBAR_WIDTH)
    st.html(CSS)
    st.html(NAV_SCRIPT, unsafe_allow_javascript=True)
    use_facets_of_index()
    state = current_state()
    if state.article:
        article_page(state, state.article)
    else:
        search_page(state)
