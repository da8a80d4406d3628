"""A cluster backend: the same search over a sharded Sphinx 2.2 / Manticore cluster (docs/scale-out.md).

Imported only through `search.backend` when a `sphinx://HOST:PORT/NAME` URL is used, so a local
install needs neither a MySQL client nor searchd.
"""
