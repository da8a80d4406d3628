"""The index: Whoosh schema and analysis, building and writing, the NumPy side files, the
read-only snapshot a query runs on, and locating and opening an index folder. Every use of
Whoosh's internals lives in this package."""
