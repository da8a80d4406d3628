"""The article page: the full text with matches and entities marked, its facets, and similar articles.

The page keeps the search it was opened from in its URL, so "Back to results" and every similar
article's link lead back to the same results.
"""

from __future__ import annotations

from html import escape

import streamlit as st

from search import get_article, similar  # the public API only
from search.app import ui
from search.app.article_html import article_facets_html, article_html
from search.app.state import PageState, href
from search.app.views.core import friendly_error


def article_page(state: PageState, article_id: str) -> None:
    """The article `article_id` (the one `state` opens), or a friendly message when it cannot be shown."""
    back = href(state.results())
    back_link = f'<a class="ns-back" href="{escape(back, quote=True)}" target="_self">← Back to results</a>'
    try:
        view = get_article(article_id, query=state.q)
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
        st.html(article_facets_html(view))
    text, aside = st.columns([2.6, 1], gap="large")
    text.html(article_html(view, back, ui.meta_html(view.hit)))
    text.html(back_link)
    with aside:
        st.html('<h3 class="ns-similar-heading">Similar articles</h3>')
        try:
            st.html(ui.similar_html(similar(article_id, collapse=not state.copies), state))
        except Exception as exc:
            friendly_error(exc, "Similar articles could not be found.")
