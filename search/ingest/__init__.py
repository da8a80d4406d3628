"""Ingest: read files into `Article`s (`readers`) and extract their facets (`enrich`)."""
