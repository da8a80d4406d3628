"""The cluster backend: the same search and indexing on sharded Sphinx / Manticore real-time indexes.

Imported lazily (only through `search/backend.py` and the `cluster` command line), so a process
that uses a local index never loads it, nor its MySQL client library. docs/scale-out.md explains
the layout; `url.py` names a cluster, `schema.py` defines its documents and renders its index
configuration, `config.py` / `process.py` write configs and run local `searchd` processes,
`connection.py` talks SphinxQL with timeouts, `meta.py` reads and writes the cluster's own
records (shard list, person aliases), `load.py` loads articles into it (writing through
`documents.py`, keeping one value per person with `aliases.py`).
"""
