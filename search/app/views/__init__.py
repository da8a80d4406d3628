"""The parts of the page, each drawn with Streamlit from the public API's answers."""
