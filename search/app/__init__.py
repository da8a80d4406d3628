"""The Streamlit page: `page.main()` draws it; `views/` holds its parts (they call Streamlit),
the other modules the logic they share (URL state, HTML, charts, uploads, style)."""
