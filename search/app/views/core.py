"""What every part of the Streamlit page shares: the state in the URL, showing a new state, engine calls.

The URL is the page's only state. Each run reads it (`current_state`), and each widget callback
writes the state it leads to back (`go`); Streamlit then reruns the script, which reads it again.
Nothing but a user's action writes to the URL: a run that finds a value spelled another way
("russia") or a page past the end shows the corrected view and remembers the correction for the
next action, but leaves the URL alone — writing it would add a history entry that the back button
lands on, only to be corrected again.

The other `search.app.views` modules draw the parts of the page with these; the `search.app`
modules above them hold the page logic that does not need Streamlit.
"""

from __future__ import annotations

import logging
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path

import streamlit as st

from search import (  # the public API only
    IndexStats,
    SearchError,
    SearchResult,
    index_identity,
    index_location,
    index_stats,
    search,
    use_index_facets,
)
from search.app import ui
from search.app.state import TABS, PageState, index_change_notice, state_from_params, state_to_params

log = logging.getLogger("news-search.app")
CORRECTED_KEY = "corrected_state"  # (the URL's parameters, the state the engine made of them)
INDEX_KEY = "index_identity"  # the index folder's identity at the last view
TAB_IDS = {label: tab for tab, label in TABS.items()}


def _url_state() -> PageState:
    return state_from_params(st.query_params.get_all)


def current_state() -> PageState:
    """The state in the URL, with the corrections of the last run that showed this URL."""
    state = _url_state()
    remembered = st.session_state.get(CORRECTED_KEY)
    if remembered and remembered[0] == state_to_params(state):
        return remembered[1]
    return state


def go(state: PageState) -> None:
    """Show `state`: write it to the URL (a new history entry; the script reruns and reads it back)."""
    st.query_params.from_dict(state_to_params(state))


# --- callbacks shared by several parts --------------------------------------------------------

def on_state(state: PageState) -> None:
    """Show a state computed when the widget was drawn (a chip's "remove", "Clear all")."""
    go(state)


def on_query(q: str) -> None:
    """Search for `q` (the search box, "did you mean")."""
    go(current_state().with_query(q))


def on_value(field: str, key: str) -> None:
    """A selector of the view changed: widget `key`'s value becomes the state's `field`.

    A new sort or page size starts again at page 1; the tab widget gives a label, stored as its id.
    """
    value = st.session_state[key]
    if field == "tab":
        value = TAB_IDS.get(value, "results")
    changes = {field: value, **({"page": 1} if field in ("sort", "per_page") else {})}
    go(replace(current_state(), **changes))


# --- engine calls with friendly errors --------------------------------------------------------

def friendly_error(exc: Exception, what: str = "The search could not be run.") -> None:
    """Show an engine error as a sentence (never a traceback); unexpected ones go to the server log."""
    if isinstance(exc, (SearchError, ValueError)):
        st.error(f"**{what}** {ui.md_escape(str(exc))}")
    else:
        log.exception("unexpected error in the search engine")
        st.error(f"**{what}** Something unexpected went wrong; please try again, and if it keeps happening, "
                 "check the server log.")


def _search(state: PageState) -> SearchResult:
    return search(state.q, state.filters, state.page, state.per_page, state.sort, collapse=not state.copies,
                  **state.engine_options())


def run_search(state: PageState) -> tuple[SearchResult | None, PageState]:
    """The engine's results for `state` and the state as shown, or (None, state) after an error.

    The state shown has facet values spelled as the index spells them and the page within the
    results; it is remembered for the next action (see the module's docstring), not written.
    """
    identity = index_identity()
    notice = index_change_notice(st.session_state.get(INDEX_KEY), identity)
    st.session_state[INDEX_KEY] = identity
    if notice:
        st.warning(notice)
    location = index_location()  # the engine builds the sample index in the default folder on first use
    first_run = isinstance(location, Path) and not location.exists()
    spinner = st.spinner("Building the search index from the sample articles (first run only)…")
    try:
        with spinner if first_run else nullcontext():
            res = _search(state)
        shown = state
        if state.page > res.pages:  # a bookmarked page that no longer exists: show the last one
            shown = replace(state, page=res.pages)
            res = _search(shown)
        shown = replace(shown, filters={n: list(v) for n, v in res.selection.include.items()},
                        exclude={n: list(v) for n, v in res.selection.exclude.items()})
    except Exception as exc:  # shown to the user, never as a traceback
        friendly_error(exc)
        return None, state
    st.session_state[CORRECTED_KEY] = (state_to_params(_url_state()), shown)
    return res, shown


def use_facets_of_index() -> None:
    """Register the index's metadata facets (its `facets.toml`) before the URL is read, so their
    filters are kept on a reload and the sidebar lists them; an index problem is reported by the search."""
    try:
        use_index_facets()
    except Exception:  # the search that follows reports index problems itself
        log.exception("reading the index's facet settings failed")


def stats_or_none() -> IndexStats | None:
    """The index summary for the header, or None when it cannot be read (the search reports why)."""
    try:
        return index_stats()
    except Exception:  # the summary is a nicety; the search reports index problems itself
        log.exception("index_stats failed")
        return None
