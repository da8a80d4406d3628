"""News Search: the Streamlit page. Run with `streamlit run app.py` (index: $SEARCH_INDEX_DIR).

All page state lives in the URL (see `search.ui_state`): the query, selected and excluded facet
values, match modes, the date range, sort, page size and page, the open article, the tab and the
chart settings. Widgets are set from the URL on every run and write back to it in their callbacks,
so any view can be bookmarked, shared, reloaded and reached again with the back button. Links
inside the page ("?q=…") keep the same session (see `search.ui_style.NAV_SCRIPT`).
"""

from __future__ import annotations

import html
import logging
from contextlib import nullcontext
from dataclasses import replace

import streamlit as st

from search import (
    FACETS, SearchError, cooccurrence, default_index_dir, export, facet_values, get_article, index_stats, search,
    similar,
)
from search import ui, ui_charts, ui_upload

log = logging.getLogger("news-search.app")
TAB_IDS = {label: tab for tab, label in ui.TABS.items()}


def current_state() -> ui.PageState:
    return ui.state_from_params(st.query_params.get_all)


def go(state: ui.PageState) -> None:
    """Show `state`: write it to the URL (the script reruns and reads it back)."""
    st.query_params.from_dict(ui.state_to_params(state))


# --- widget callbacks: each turns a widget change into a new URL -----------------------------

def on_search() -> None:
    go(current_state().with_query(st.session_state["q_input"]))


def on_query(q: str) -> None:
    go(current_state().with_query(q))


def on_state(state: ui.PageState) -> None:
    go(state)


def on_value(name: str, state_key: str, field: str) -> None:
    """A selector of the view (sort, page size, tab, chart facets) changed."""
    value = st.session_state[state_key]
    if field == "tab":
        value = TAB_IDS.get(value, "results")
    changes = {field: value}
    if field in ("sort", "per_page"):
        changes["page"] = 1
    go(replace(current_state(), **changes))


def on_facet(facet: str, value: str, key: str) -> None:
    go(current_state().with_filter(facet, value, bool(st.session_state[key])))


def on_exclude(facet: str, value: str, excluded: bool) -> None:
    go(current_state().with_exclude(facet, value, excluded))


def on_mode(facet: str, key: str) -> None:
    go(current_state().with_mode(facet, st.session_state[key] or "any"))


def on_find(facet: str, key: str) -> None:
    go(current_state().with_find(facet, st.session_state[key] or ""))


def on_more(facet: str, shown: bool) -> None:
    go(current_state().with_more(facet, shown))


def on_dates() -> None:
    go(current_state().with_dates(st.session_state.get("date_from_input"), st.session_state.get("date_to_input")))


def on_brush(key: str) -> None:
    dates = ui_charts.brushed_dates((st.session_state.get(key) or {}).get("selection"))
    if dates:
        go(current_state().with_dates(*dates))


def on_pick(key: str, *facets: str) -> None:
    fields = ("value",) if len(facets) == 1 else ("row", "col")
    values = ui_charts.picked((st.session_state.get(key) or {}).get("selection"), *fields)
    if values:
        state = current_state()
        for facet, value in zip(facets, values):
            state = state.with_filter(facet, value, True)
        go(replace(state, tab="results"))


def on_page(page: int) -> None:
    go(replace(current_state(), page=page))
    st.session_state["scroll_to_top"] = st.session_state.get("scroll_to_top", 0) + 1


# --- engine calls with friendly errors --------------------------------------------------------

def friendly_error(exc: Exception, what: str = "The search could not be run.") -> None:
    if isinstance(exc, (SearchError, ValueError)):
        st.error(f"**{what}** {ui.md_escape(str(exc))}")
    else:
        log.exception("unexpected error in the search engine")
        st.error(f"**{what}** Something unexpected went wrong; please try again, and if it keeps happening, "
                 "check the server log.")


def run_search(state: ui.PageState):
    """The engine's results for `state` (and the state as the engine spells it), or None after an error."""
    first_run = not default_index_dir().exists()  # the engine builds the sample index on first use
    try:
        with st.spinner("Building the search index from the sample articles (first run only)…") if first_run \
                else nullcontext():
            res = search(state.q, state.filters, state.page, state.per_page, state.sort,
                         facet_limit=ui.FACET_LIMIT, **state.engine_options())
        if state.page > res.pages:  # a bookmarked page that no longer exists: show the last one
            state = replace(state, page=res.pages)
            go(state)
            res = search(state.q, state.filters, state.page, state.per_page, state.sort,
                         facet_limit=ui.FACET_LIMIT, **state.engine_options())
        # values typed in another case ("russia") are shown and kept as the index spells them
        spelled = replace(state, filters={n: list(v) for n, v in res.selection.include.items()},
                          exclude={n: list(v) for n, v in res.selection.exclude.items()})
        if ui.state_to_params(spelled) != ui.state_to_params(state):
            state = spelled
            go(state)
        return res, state
    except Exception as exc:  # shown to the user, never as a traceback
        friendly_error(exc)
        return None, state


def stats_or_none():
    try:
        return index_stats()
    except Exception:  # the summary is a nicety; the search reports index problems itself
        log.exception("index_stats failed")
        return None


# --- page parts -----------------------------------------------------------------------------

def header(stats) -> None:
    summary = ui.index_summary_html(stats) if stats else ""
    st.html(f'<div class="ns-header"><div><h1>{ui.PRODUCT_NAME}</h1><p>{ui.TAGLINE}</p></div>{summary}</div>')


def search_box(state: ui.PageState) -> None:
    st.session_state["q_input"] = state.q
    with st.form("search_form", border=False, enter_to_submit=True):
        box, button = st.columns([6, 1], vertical_alignment="bottom")
        box.text_input("Search articles", key="q_input", label_visibility="collapsed",
                       placeholder='Search articles, e.g. cyber, "arms control", Stoltenberg')
        button.form_submit_button("Search", type="primary", on_click=on_search, width="stretch",
                                  key="search_submit")


def chips_row(state: ui.PageState) -> None:
    chips = ui.chips(state)
    if not chips:
        return
    with st.container(horizontal=True, key="chips", gap="xsmall", vertical_alignment="center"):
        for chip in chips:
            st.button(chip.label, key=chip.key, on_click=on_state, args=(chip.without,), icon=":material/close:",
                      icon_position="right", type="primary" if chip.excluded else "secondary",
                      help="Remove this filter")
        st.button("Clear all", key="clear-all", on_click=on_state, args=(state.cleared(),), type="tertiary")


def facet_section(state: ui.PageState, res, name: str, facet) -> None:
    selected, excluded = state.filters.get(name, []), state.exclude.get(name, [])
    find = state.find.get(name, "")
    distinct = res.facet_totals.get(name, 0) if res else 0
    matching = None
    if find and res is not None:
        try:
            values, matching = facet_values(name, find, state.q, state.filters, limit=ui.FIND_LIMIT,
                                            **state.engine_options())
        except Exception as exc:
            friendly_error(exc, "The values could not be searched.")
            values = []
    else:
        values = ui.facet_values(res.facets.get(name, []) if res else [], selected, excluded)
    notes = [f"{len(selected)} selected" if selected else "", f"{len(excluded)} excluded" if excluded else ""]
    title = " · ".join([facet.label, *[n for n in notes if n]])
    with st.expander(title, expanded=bool(values or find or selected or excluded)):
        if facet.multivalued and (len(selected) > 1 or state.mode(name) == "all"):
            key = f"mode:{name}"
            st.session_state[key] = state.mode(name)
            with st.container(horizontal=True, vertical_alignment="center", gap="xsmall"):
                st.caption("Articles with")
                st.segmented_control("Match", list(ui.MATCH_LABELS), key=key, format_func=ui.MATCH_LABELS.get,
                                     on_change=on_mode, args=(name, key), required=True,
                                     label_visibility="collapsed",
                                     help="**Any**: at least one of the selected values. **All**: every one of them.")
        if distinct > ui.FACET_SEARCH_MIN or find:
            key = f"find:{name}"
            st.session_state[key] = find
            st.text_input(f"Find a value of {facet.label}", key=key, on_change=on_find, args=(name, key),
                          placeholder=f"Find among {distinct:,} values…", label_visibility="collapsed",
                          icon=":material/search:")
        if not values:
            st.caption(f"No value contains “{ui.md_escape(find)}”." if find else "No values in these results.")
            return
        show_all = name in state.more
        shown = [fv for i, fv in enumerate(values)
                 if show_all or i < ui.FACET_SHOWN or fv.selected or fv.excluded or fv.value in selected]
        for fv in shown:
            facet_row(name, fv, fv.value in selected, fv.value in excluded or fv.excluded)
        if len(values) > ui.FACET_SHOWN:
            label = "Show fewer" if show_all else f"Show more ({len(values) - ui.FACET_SHOWN:,})"
            st.button(label, key=f"more-{name}", type="tertiary", on_click=on_more, args=(name, not show_all))
        total = matching if matching is not None else distinct
        if show_all and total > len(values):
            st.caption(f"Top {len(values):,} of {total:,} values" + ("" if find else " — search for the others."))


def facet_row(name: str, fv, selected: bool, excluded: bool) -> None:
    box_col, not_col = st.columns([0.86, 0.14], vertical_alignment="center", gap="xxsmall")
    key = f"facet:{name}:{fv.value}"
    st.session_state[key] = selected
    shown = replace(fv, excluded=excluded)
    box_col.checkbox(ui.facet_label(shown), key=key, on_change=on_facet, args=(name, fv.value, key))
    value = ui.md_escape(fv.value)
    not_col.button("", key=f"not:{name}:{fv.value}", icon=":material/undo:" if excluded else ":material/block:",
                   type="primary" if excluded else "tertiary", on_click=on_exclude, args=(name, fv.value, not excluded),
                   help=f"Stop excluding {value}" if excluded else f"Exclude {value}")


def facet_sidebar(state: ui.PageState, res) -> None:
    with st.sidebar:
        head, clear = st.columns([3, 2], vertical_alignment="center")
        head.markdown("### Refine results")
        if state.has_filters:
            clear.button("Clear all", on_click=on_state, args=(state.cleared(),), type="tertiary",
                         key="clear-sidebar")
        for name, facet in FACETS.items():
            facet_section(state, res, name, facet)


def toolbar(state: ui.PageState, res) -> None:
    stats, sort, per_page, downloads = st.columns([3.2, 1.3, 1.1, 1.6], vertical_alignment="center")
    stats.html(ui.stats_html(res.total, state.q, res.elapsed_ms, res.page, res.per_page))
    options = list(ui.SORT_LABELS) if state.q else [s for s in ui.SORT_LABELS if s != "relevance"]
    st.session_state["sort_select"] = state.sort if state.sort in options else options[0]
    sort.selectbox("Sort by", options, key="sort_select", format_func=ui.SORT_LABELS.get,
                   on_change=on_value, args=("sort", "sort_select", "sort"), label_visibility="collapsed")
    st.session_state["per_page_select"] = state.per_page
    per_page.selectbox("Results per page", ui.PER_PAGE_OPTIONS, key="per_page_select",
                       format_func=lambda n: f"{n} per page", on_change=on_value,
                       args=("per_page", "per_page_select", "per_page"), label_visibility="collapsed")
    with downloads.container(horizontal=True, gap="xsmall", horizontal_alignment="right"):
        for fmt, mime in (("csv", "text/csv"), ("json", "application/json")):
            st.download_button(fmt.upper(), data=exporter(state, fmt), file_name=ui.export_filename(state, fmt),
                               mime=mime, key=f"download_{fmt}", on_click="ignore", icon=":material/download:",
                               help=f"Download all {ui.count_text(res.total)} as {fmt.upper()}",
                               disabled=not res.total)


def exporter(state: ui.PageState, fmt: str):
    """The download's data, made only when the button is clicked: every matching article."""
    def make() -> str:
        return "".join(export(state.q, state.filters, format=fmt, sort=state.effective_sort(),
                              **state.engine_options()))
    return make


def timeline(state: ui.PageState, res, stats) -> None:
    months = res.dates.months
    if not months:
        return
    chart_col, dates_col = st.columns([5, 1.25], vertical_alignment="bottom")
    with chart_col:
        st.html('<div class="ns-section">Articles per month — drag across the bars to narrow the dates</div>')
        key = f"timeline:{state.date_from}:{state.date_to}"
        st.altair_chart(ui_charts.timeline_chart(months, state.date_from, state.date_to), key=key,
                        on_select=lambda: on_brush(key), selection_mode=ui_charts.BRUSH, width="stretch")
    first, last = ui_charts.month_bounds(months[0].value)[0], ui_charts.month_bounds(months[-1].value)[1]
    if stats and stats.first_published and stats.last_published:
        first, last = min(first, stats.first_published), max(last, stats.last_published)
    low = min(d for d in (first, state.date_from, state.date_to) if d)
    high = max(d for d in (last, state.date_from, state.date_to) if d)
    with dates_col:
        for label, key, value in (("From", "date_from_input", state.date_from), ("To", "date_to_input", state.date_to)):
            st.session_state[key] = value
            st.date_input(label, key=key, min_value=low, max_value=high, on_change=on_dates, format="YYYY-MM-DD")


def results(state: ui.PageState, res, stats) -> None:
    toolbar(state, res)
    if res.suggestion:
        st.button(f"Did you mean **{ui.md_escape(res.suggestion)}**?", type="tertiary",
                  on_click=on_query, args=(res.suggestion,), key="suggestion")
    if res.notice:
        st.info(ui.md_escape(res.notice), icon=":material/info:")
    timeline(state, res, stats)
    hits = res.hits if res.total else []  # never show hits the count says do not match
    if not hits:
        hint = "try removing a filter" if state.has_filters else "try other or fewer words"
        st.html(f'<div class="ns-empty"><h3>No articles match — {hint}</h3>'
                f'<p>Check the spelling, or search for something broader.</p></div>')
        if state.has_filters:
            st.button("Clear all filters", on_click=on_state, args=(state.cleared(),), key="clear-empty")
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
            st.html(f"<script>/* {st.session_state['scroll_to_top']} */ {ui.SCROLL_TO_TOP}</script>",
                    unsafe_allow_javascript=True)


def facet_picker(label: str, key: str, field: str, value: str, column) -> None:
    st.session_state[key] = value
    column.selectbox(label, list(FACETS), key=key, format_func=lambda n: FACETS[n].label, on_change=on_value,
                     args=(field, key, field))


def charts(state: ui.PageState, res) -> None:
    if not res.total:
        st.html('<div class="ns-empty"><h3>Nothing to chart — no articles match</h3>'
                '<p>Remove a filter or search for something broader.</p></div>')
        return
    left, right = st.columns([1, 1.35], gap="large")
    with left:
        st.markdown("##### Top values")
        facet_picker("Facet", "chart_facet", "chart", state.chart, st)
        values = res.facets.get(state.chart, [])
        if any(fv.count for fv in values):
            key = f"bars:{state.chart}"
            st.altair_chart(ui_charts.facet_bar_chart(values, FACETS[state.chart].label), key=key,
                            on_select=lambda: on_pick(key, state.chart), selection_mode=ui_charts.PICK,
                            width="stretch")
            st.caption("Click a bar to filter the results by that value.")
        else:
            st.caption("No values in these results.")
    with right:
        st.markdown("##### Co-occurrence")
        rows_col, cols_col = st.columns(2)
        facet_picker("Rows", "heat_rows", "rows", state.rows, rows_col)
        facet_picker("Columns", "heat_cols", "cols", state.cols, cols_col)
        try:
            co = cooccurrence(state.rows, state.cols, state.q, state.filters, top=12, **state.engine_options())
        except Exception as exc:
            friendly_error(exc, "The co-occurrence could not be computed.")
            return
        if not co.rows or not co.columns:
            st.caption("No articles in these results have values of both facets.")
            return
        key = f"heat:{state.rows}:{state.cols}"
        st.altair_chart(ui_charts.heatmap_chart(co, FACETS[state.rows].label, FACETS[state.cols].label), key=key,
                        on_select=lambda: on_pick(key, state.rows, state.cols), selection_mode=ui_charts.PICK,
                        width="stretch")
        st.caption("Articles having both values. Click a cell to filter by both.")


def add_articles() -> None:
    st.markdown("##### Add articles to the index")
    st.caption(f"Plain text (.txt: the first line is the title), CSV with a text column, JSON or JSON Lines "
               f"(one article per line). Up to {ui_upload.MAX_FILES} files of at most {ui_upload.MAX_FILE_MB} MB "
               f"each. Articles already in the index are updated, never added twice.")
    upload_round = st.session_state.setdefault("upload_round", 0)
    files = st.file_uploader("Files to add", type=list(ui_upload.ALLOWED_TYPES), accept_multiple_files=True,
                             key=f"uploads:{upload_round}", max_upload_size=ui_upload.MAX_FILE_MB)
    problems = ui_upload.check_uploads([(f.name, f.size) for f in files]) if files else []
    for problem in problems:
        st.error(ui.md_escape(problem), icon=":material/error:")
    if st.button("Add to the index", type="primary", key="add_submit", disabled=not files or bool(problems),
                 icon=":material/upload:"):
        index_uploaded(files)
    report = st.session_state.get("upload_report")
    if report:
        upload_report(*report)


def index_uploaded(files) -> None:
    bar = st.progress(0.0, text="Saving the files…")
    try:
        index_dir = default_index_dir()
        index_stats()  # makes sure the index exists (built from the samples on first use)
        folder = ui_upload.upload_folder(index_dir)
        saved = ui_upload.save_uploads([ui_upload.Upload(f.name, f.getvalue()) for f in files], folder)
        reports = ui_upload.index_uploads(saved, index_dir,
                                          lambda p: bar.progress(p.fraction, text=p.text()))
    except Exception as exc:
        bar.empty()
        friendly_error(exc, "The files could not be added.")
        return
    bar.empty()
    st.session_state["upload_report"] = (ui_upload.report_summary(reports), reports)
    st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1
    st.rerun()


def upload_report(summary: str, reports) -> None:
    bad = any(not r.ok for r in reports)
    (st.warning if bad else st.success)(ui.md_escape(summary) + ". The new articles are searchable now.",
                                        icon=":material/warning:" if bad else ":material/check_circle:")
    st.html(ui_upload.report_html(reports))


def search_page(state: ui.PageState) -> None:
    stats = stats_or_none()
    header(stats)
    search_box(state)
    res, state = run_search(state)
    facet_sidebar(state, res)
    chips_row(state)
    st.session_state["tab"] = ui.TABS[state.tab]
    results_tab, charts_tab, add_tab = st.tabs(list(ui.TABS.values()), key="tab", on_change=on_value,
                                               args=("tab", "tab", "tab"))
    with results_tab:
        if results_tab.open and res is not None:
            results(state, res, stats)
    with charts_tab:
        if charts_tab.open and res is not None:
            charts(state, res)
    with add_tab:
        if add_tab.open:
            add_articles()


def article_page(state: ui.PageState) -> None:
    back = ui.href(state.results())
    back_link = f'<a class="ns-back" href="{html.escape(back, quote=True)}" target="_self">← Back to results</a>'
    try:
        view = get_article(state.article, query=state.q)
    except Exception as exc:
        st.html(back_link)
        friendly_error(exc, "The article could not be opened.")
        return
    if view is None:
        st.html(back_link)
        st.warning("This article is not in the index: it may have been removed, or the link is incomplete.")
        return
    with st.sidebar:
        st.markdown("### About this article")
        st.caption("Select a value to see every article that shares it.")
        st.html(ui.article_facets_html(view))
    text, aside = st.columns([2.6, 1], gap="large")
    text.html(ui.article_html(view, back, ui.meta_html(view.hit)))
    text.html(back_link)
    with aside:
        st.html('<h3 class="ns-similar-heading">Similar articles</h3>')
        try:
            st.html(ui.similar_html(similar(state.article, n=5), state))
        except Exception as exc:
            friendly_error(exc, "Similar articles could not be found.")


def main() -> None:
    st.set_page_config(page_title=ui.PRODUCT_NAME, page_icon=":material/newspaper:", layout="wide",
                       initial_sidebar_state=ui.SIDEBAR_WIDTH)
    st.html(ui.CSS)
    st.html(ui.NAV_SCRIPT, unsafe_allow_javascript=True)
    state = current_state()
    if state.article:
        article_page(state)
    else:
        search_page(state)


main()
