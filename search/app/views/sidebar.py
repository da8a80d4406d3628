"""The search page's sidebar: one section per facet, with a checkbox and an exclude button per value.

A section lists the facet's top values in the current results (selected and excluded values
always), a "Show more" button for the rest, its own search box when it has many values, and an
any/all switch when several values of a multi-valued facet are selected.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import replace

import streamlit as st

from search import FACETS, FacetValue, SearchResult, facet_values  # the public API only
from search.app import ui
from search.app.state import MATCH_LABELS, PageState
from search.app.views.core import current_state, friendly_error, go, on_state

# --- callbacks: each turns a widget change into a new URL --------------------------------------

def _on_facet(facet: str, value: str, key: str) -> None:
    go(current_state().with_filter(facet, value, bool(st.session_state[key])))


def _on_exclude(facet: str, value: str, excluded: bool) -> None:
    go(current_state().with_exclude(facet, value, excluded))


def _on_mode(facet: str, key: str) -> None:
    go(current_state().with_mode(facet, st.session_state[key] or "any"))


def _on_find(facet: str, key: str) -> None:
    go(current_state().with_find(facet, st.session_state[key] or ""))


def _on_more(facet: str, shown: bool) -> None:
    go(current_state().with_more(facet, shown))


# --- drawing ------------------------------------------------------------------------------------

def facet_sidebar(state: PageState, res: SearchResult | None) -> None:
    """The sidebar of the search page: "Clear all" and a section per facet (`res` None after an error)."""
    with st.sidebar:
        head, clear = st.columns([3, 2], vertical_alignment="center")
        head.markdown("### Refine results")
        if state.has_filters:
            clear.button("Clear all", on_click=on_state, args=(state.cleared(),), type="tertiary",
                         key="clear-sidebar")
        for name in FACETS:
            _facet_section(state, res, name)


def _listed_values(state: PageState, res: SearchResult | None, name: str) -> tuple[list[FacetValue], int | None]:
    """The values to list and how many match in all (None: as many as the facet has in the results)."""
    find = state.find.get(name, "")
    if find and res is not None:
        try:
            return facet_values(name, find, state.q, state.filters, collapse=not state.copies,
                                **state.engine_options())
        except Exception as exc:
            friendly_error(exc, "The values could not be searched.")
            return [], 0
    values = res.facets.get(name, []) if res else []
    return ui.facet_values(values, state.filters.get(name, []), state.exclude.get(name, [])), None


def _facet_section(state: PageState, res: SearchResult | None, name: str) -> None:
    facet = FACETS[name]
    selected, excluded = state.filters.get(name, []), state.exclude.get(name, [])
    find = state.find.get(name, "")
    distinct = res.facet_totals.get(name, 0) if res else 0
    values, matching = _listed_values(state, res, name)
    notes = [f"{len(selected)} selected" if selected else "", f"{len(excluded)} excluded" if excluded else ""]
    title = " · ".join([facet.label, *[n for n in notes if n]])
    with st.expander(title, expanded=bool(values or find or selected or excluded)):
        if facet.multivalued and (len(selected) > 1 or state.mode(name) == "all"):
            _match_switch(state, name)
        if distinct > ui.FACET_SEARCH_MIN or find:
            key = f"find:{name}"
            st.session_state[key] = find
            st.text_input(f"Find a value of {facet.label}", key=key, on_change=_on_find, args=(name, key),
                          placeholder=f"Find among {distinct:,} values…", label_visibility="collapsed",
                          icon=":material/search:")
        if not values:
            st.caption(f"No value contains “{ui.md_escape(find)}”." if find else "No values in these results.")
            return
        show_all = name in state.more
        for i, fv in enumerate(values):
            if show_all or i < ui.FACET_SHOWN or fv.selected or fv.excluded or fv.value in selected:
                _facet_row(name, fv, fv.value in selected, fv.value in excluded or fv.excluded)
        if len(values) > ui.FACET_SHOWN:
            label = "Show fewer" if show_all else f"Show more ({len(values) - ui.FACET_SHOWN:,})"
            st.button(label, key=f"more-{name}", type="tertiary", on_click=_on_more, args=(name, not show_all))
        total = matching if matching is not None else distinct
        if show_all and total > len(values):
            st.caption(f"Top {len(values):,} of {total:,} values" + ("" if find else " — search for the others."))


def _match_switch(state: PageState, name: str) -> None:
    key = f"mode:{name}"
    st.session_state[key] = state.mode(name)
    with st.container(horizontal=True, vertical_alignment="center", gap="xsmall"):
        st.caption("Articles with")
        st.segmented_control("Match", list(MATCH_LABELS), key=key, format_func=MATCH_LABELS.__getitem__,
                             on_change=_on_mode, args=(name, key), required=True, label_visibility="collapsed",
                             help="**Any**: at least one of the selected values. **All**: every one of them.")


def _facet_row(name: str, fv: FacetValue, selected: bool, excluded: bool) -> None:
    """A value's checkbox (ticked: only articles with it) and its exclude button (articles without it)."""
    # an excluded value's row sits in a keyed container, which the CSS shows in red
    with st.container(key=f"excluded:{name}:{fv.value}") if excluded else nullcontext():
        _facet_row_widgets(name, fv, selected, excluded)


def _facet_row_widgets(name: str, fv: FacetValue, selected: bool, excluded: bool) -> None:
    box_col, not_col = st.columns([0.86, 0.14], vertical_alignment="center", gap="xxsmall")
    key = f"facet:{name}:{fv.value}"
    st.session_state[key] = selected
    box_col.checkbox(ui.facet_label(replace(fv, excluded=excluded), name), key=key, on_change=_on_facet,
                     args=(name, fv.value, key))
    action = f"Stop excluding {ui.md_escape(fv.value)}" if excluded else f"Exclude {ui.md_escape(fv.value)}"
    # the label names the button for screen readers and tests; the CSS shows only the icon
    not_col.button(action, key=f"not:{name}:{fv.value}", icon=":material/undo:" if excluded else ":material/block:",
                   type="primary" if excluded else "tertiary", on_click=_on_exclude,
                   args=(name, fv.value, not excluded), help=action)
