"""The Streamlit page: `streamlit run app.py` (or `make run`). The page lives in `search/app/`."""

from search.app.page import main

main()
