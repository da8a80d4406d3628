"""The engine: parse a query, select, match and rank, count facets, highlight, suggest, explore
and export, over a read-only snapshot of the index."""
