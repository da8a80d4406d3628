"""The three systems `bench_search.py` measures, each doing the same work per query: the top 10
hits with a highlighted snippet plus disjunctive counts for every facet.

- ours: `build_index` (read, enrich, write with both cores) and `search()`;
- sqlite: SQLite FTS5 from the standard library, facet values in side tables (see `build_sqlite`);
- tantivy: the Rust engine's Python binding (optional), terms aggregations: the speed reference.

Each exposes `build(articles, workdir, size) -> dict` and `query(queries, workdir, size) -> [seconds]`.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

from search.index.schema import FACETS

FACET_ATTRS = {name: facet.attr for name, facet in FACETS.items()}

def query_text(q: dict) -> str:
    """A benchmark query in Whoosh/tantivy syntax: "phrase", prefix*, or plain words."""
    return " ".join(f'"{t}"' if q["kind"] == "phrase" else (t + "*" if q["kind"] == "prefix" else t)
                    for t in q["terms"])


def build_ours(articles, workdir: Path, size: int) -> dict:
    from whoosh import index as whoosh_index

    from search import build_index
    from search.index.schema import make_schema
    from search.index.writers import Writer, commit_segments, write_articles

    index_dir, jsonl, result = workdir / f"ours-{size}", workdir / f"corpus-{size}.jsonl", {}
    jsonl.write_text("".join(json.dumps({"id": a.id, "title": a.title, "text": a.body, "source": a.source,
                                         "date": a.published.isoformat() if a.published else None}) + "\n"
                             for a in articles), "utf-8")
    started = time.perf_counter()
    build_index([jsonl], index_dir, workers=2)  # read + enrich + write, both cores
    result["index_rate"] = len(articles) / (time.perf_counter() - started)
    # our writing alone: the pre-enriched articles written as one segment in one process
    plain_dir = workdir / f"ours-plain-{size}"
    plain_dir.mkdir()
    ix = whoosh_index.create_in(str(plain_dir), make_schema())
    started = time.perf_counter()
    segment = write_articles(str(plain_dir), ((a, a.content_hash()) for a in articles))
    commit_segments(Writer(ix), [segment])
    result["index_rate_plain"] = len(articles) / (time.perf_counter() - started)
    result["size_bytes"] = sum(f.stat().st_size for f in index_dir.rglob("*") if f.is_file())  # with our arrays
    return result


def query_ours(queries, workdir: Path, size: int) -> list[float]:
    from search import search
    index_dir, latencies = workdir / f"ours-{size}", []
    for q in queries:
        t0 = time.perf_counter()
        search(query_text(q), filters=q["filters"], index_dir=index_dir, facet_limit=10)
        latencies.append(time.perf_counter() - t0)
    return latencies


def facet_values_of(article) -> list[tuple[str, str]]:
    """(facet, value) pairs of an article; `source` is one string, the other facets lists."""
    pairs = []
    for name, attr in FACET_ATTRS.items():
        values = getattr(article, attr)
        pairs += [(name, v) for v in (values if isinstance(values, list) else [values]) if v]
    return pairs


def build_sqlite(articles, workdir: Path, size: int) -> dict:
    """An FTS5 table for the text, dictionary-encoded facets for counting:

        docs(title, body)                  FTS5, porter stemming, detail=full (phrases), stores the text (snippets)
        meta(rowid, id, source, published) the stored fields of a hit
        facet_values(id, facet, value, n)  one row per distinct facet value; ids are contiguous per facet
                                           (facet = index in FACET_ATTRS), n = its count over all articles
        doc_facets(doc, value_id)          WITHOUT ROWID, PRIMARY KEY(doc, value_id), index (value_id, doc)
    """
    import sqlite3
    path = workdir / f"sqlite-{size}.db"
    db = sqlite3.connect(path)
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;")
    started = time.perf_counter()
    db.executescript("""
        CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter unicode61');
        CREATE TABLE meta(rowid INTEGER PRIMARY KEY, id TEXT, source TEXT, published TEXT);
        CREATE TABLE facet_values(id INTEGER PRIMARY KEY, facet INTEGER, value TEXT, n INTEGER);
        CREATE TABLE doc_facets(doc INTEGER, value_id INTEGER, PRIMARY KEY(doc, value_id)) WITHOUT ROWID;""")
    per_doc = [sorted(set(facet_values_of(a))) for a in articles]
    counts = Counter(pair for pairs in per_doc for pair in pairs)
    facet_number = {name: i for i, name in enumerate(FACET_ATTRS)}
    ids = {pair: i for i, pair in enumerate(sorted(counts, key=lambda p: (facet_number[p[0]], p[1])), 1)}
    db.executemany("INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)",
                   ((rowid, a.title, a.body) for rowid, a in enumerate(articles, 1)))
    db.execute("INSERT INTO docs(docs) VALUES ('optimize')")  # one b-tree per term: faster queries
    db.executemany("INSERT INTO meta VALUES (?, ?, ?, ?)",
                   ((rowid, a.id, a.source, str(a.published)) for rowid, a in enumerate(articles, 1)))
    db.executemany("INSERT INTO facet_values VALUES (?, ?, ?, ?)",
                   ((i, facet_number[f], v, counts[f, v]) for (f, v), i in ids.items()))
    db.executemany("INSERT INTO doc_facets VALUES (?, ?)",
                   ((rowid, i) for rowid, pairs in enumerate(per_doc, 1) for i in sorted(ids[p] for p in pairs)))
    db.execute("CREATE INDEX value_docs ON doc_facets(value_id, doc)")
    db.execute("CREATE INDEX facet_top ON facet_values(facet, n)")
    db.commit()
    db.close()
    return {"index_rate_plain": len(articles) / (time.perf_counter() - started), "size_bytes": path.stat().st_size}


class SqliteSearcher:
    """Answers a benchmark query: the text match and each filter's documents go to TEMP tables once,
    intersected smallest first; a facet's counts are one GROUP BY over doc_facets joined with a set."""

    def __init__(self, path: Path):
        import sqlite3
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.executescript("PRAGMA cache_size=-262144; PRAGMA mmap_size=1073741824; PRAGMA temp_store=MEMORY;")
        self.names = list(FACET_ATTRS)
        self.n_docs = self.db.execute("SELECT COUNT(*) FROM meta").fetchone()[0]
        self.facets = {facet: (lo, hi, postings) for facet, lo, hi, postings in  # value ids are contiguous per facet
                       self.db.execute("SELECT facet, MIN(id), MAX(id), SUM(n) FROM facet_values GROUP BY facet")}
        self.tables: set[str] = set()

    def temp(self, name: str, select: str, args=()) -> tuple[str, int]:
        """Fill TEMP table `name` (doc INTEGER PRIMARY KEY) with `select`: (name, row count)."""
        if name not in self.tables:
            self.db.execute(f"CREATE TEMP TABLE {name}(doc INTEGER PRIMARY KEY)")
            self.tables.add(name)
        self.db.execute(f"DELETE FROM {name}")
        return name, self.db.execute(f"INSERT INTO {name} {select}", args).rowcount

    def intersect(self, name: str, sets: list[tuple[str, int]]) -> tuple[str, int] | None:
        """The documents in all `sets` (None: all documents), looked up from the smallest set."""
        if len(sets) <= 1:
            return sets[0] if sets else None
        (first, _), *rest = sorted(sets, key=lambda s: s[1])
        return self.temp(name, f"SELECT doc FROM {first} WHERE " + " AND ".join(f"doc IN {t}" for t, _ in rest))

    def counts(self, docs: tuple[str, int] | None, facet: str) -> list[tuple[str, int]]:
        """The top 10 values of `facet` over the documents `docs` (None: all documents)."""
        number = self.names.index(facet)
        if docs is None:
            return self.db.execute("SELECT value, n FROM facet_values WHERE facet = ? ORDER BY n DESC LIMIT 10",
                                   (number,)).fetchall()
        (table, size), (lo, hi, postings) = docs, self.facets.get(number, (0, -1, 0))
        # Few documents: seek each one's values (~0.45 µs + 0.5 µs a value); else scan the facet's
        # (value_id, doc) index, already grouped by value, probing the set (~0.3 µs a row). Measured at 100k.
        join = (f"{table} CROSS JOIN doc_facets" if 3 * size * (self.n_docs + postings) < 2 * postings * self.n_docs
                else f"doc_facets CROSS JOIN {table}")
        return self.db.execute(
            f"SELECT value, c.n FROM (SELECT value_id, COUNT(*) AS n FROM {join} USING (doc) "
            "WHERE value_id BETWEEN ? AND ? GROUP BY value_id ORDER BY n DESC LIMIT 10) AS c "
            "JOIN facet_values ON id = c.value_id ORDER BY c.n DESC", (lo, hi)).fetchall()

    def search(self, q: dict) -> tuple[list, dict]:
        sets, match = [], None
        if q["terms"]:  # the FTS5 query: quoted terms (a phrase stays one quoted string), ANDed; prefix "x"*
            match = " AND ".join(f'"{t}"' if q["kind"] != "prefix" else f'"{t}"*' for t in q["terms"])
            sets.append(self.temp("m", "SELECT rowid FROM docs WHERE docs MATCH ?", (match,)))
        filters = {}
        for i, (facet, values) in enumerate(q["filters"].items()):
            ids = [r[0] for r in self.db.execute(
                f"SELECT id FROM facet_values WHERE facet = ? AND value IN ({','.join('?' * len(values))})",
                (self.names.index(facet), *values))]
            filters[facet] = self.temp(f"f{i}", f"SELECT DISTINCT doc FROM doc_facets WHERE value_id IN "
                                                f"({','.join('?' * len(ids))})", ids)
        every = self.intersect("s_all", sets + list(filters.values()))
        hits = []
        if match:  # `+rowid`: filter FTS5's rank-ordered rows (a plain rowid IN runs the MATCH once per doc)
            hits = self.db.execute(
                "SELECT meta.id, h.title, h.snippet FROM (SELECT rowid, title, snippet(docs, 1, '<mark>', "
                "'</mark>', '…', 40) AS snippet FROM docs WHERE docs MATCH ?"
                + (f" AND +rowid IN {every[0]}" if filters else "") + " ORDER BY rank LIMIT 10) AS h "
                "JOIN meta ON meta.rowid = h.rowid", (match,)).fetchall()
        facets = {}
        for facet in self.names:  # disjunctive: a facet's own filter does not apply to its counts
            docs = every if facet not in filters else self.intersect(
                f"s_{facet}", sets + [s for f, s in filters.items() if f != facet])
            facets[facet] = self.counts(docs, facet)
        return hits, facets


def query_sqlite(queries, workdir: Path, size: int) -> list[float]:
    searcher, latencies = SqliteSearcher(workdir / f"sqlite-{size}.db"), []
    for q in queries:
        t0 = time.perf_counter()
        searcher.search(q)
        latencies.append(time.perf_counter() - t0)
    return latencies


def tantivy_schema():
    import tantivy
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("body", stored=True, tokenizer_name="en_stem")
    for name in FACET_ATTRS:
        builder.add_text_field(name, stored=True, fast=True, tokenizer_name="raw")
    return builder.build()


def build_tantivy(articles, workdir: Path, size: int) -> dict:
    import tantivy
    path = workdir / f"tantivy-{size}"
    path.mkdir()
    ix = tantivy.Index(tantivy_schema(), path=str(path))
    started = time.perf_counter()
    writer = ix.writer(heap_size=500_000_000, num_threads=2)
    for a in articles:
        doc = tantivy.Document(title=a.title, body=a.body)
        for name, attr in FACET_ATTRS.items():
            values = getattr(a, attr)
            for v in values if isinstance(values, list) else [values]:
                doc.add_text(name, v)
        writer.add_document(doc)
    writer.commit()
    writer.wait_merging_threads()
    return {"index_rate_plain": len(articles) / (time.perf_counter() - started),
            "size_bytes": sum(f.stat().st_size for f in path.iterdir() if f.is_file())}


def _tantivy_all_of(text_query, filter_queries: dict, skip: str | None = None):
    """The text query AND every facet's filter but `skip`'s (a facet's counts ignore its own filter)."""
    import tantivy
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, text_query)] + [
        (tantivy.Occur.Must, fq) for f, fq in filter_queries.items() if f != skip])


def query_tantivy(queries, workdir: Path, size: int) -> list[float]:
    import tantivy
    schema = tantivy_schema()
    ix = tantivy.Index.open(str(workdir / f"tantivy-{size}"))
    ix.reload()
    searcher, latencies = ix.searcher(), []
    for q in queries:
        t0 = time.perf_counter()
        if q["terms"]:
            text_query = ix.parse_query(query_text(q).replace('" "', '" AND "').replace(" ", " AND ")
                                        if q["kind"] == "two" else query_text(q), ["title", "body"])
        else:
            text_query = tantivy.Query.all_query()
        filter_queries = {f: tantivy.Query.boolean_query([(tantivy.Occur.Should, tantivy.Query.term_query(schema, f, v))
                                                          for v in vs]) for f, vs in q["filters"].items()}
        hits = searcher.search(_tantivy_all_of(text_query, filter_queries), 10).hits
        if q["terms"]:
            generator = tantivy.SnippetGenerator.create(searcher, text_query, schema, "body")
            for _score, address in hits:
                generator.snippet_from_doc(searcher.doc(address)).to_html()
        for name in FACET_ATTRS:
            searcher.aggregate(_tantivy_all_of(text_query, filter_queries, skip=name),
                               {"v": {"terms": {"field": name, "size": 10}}})
        latencies.append(time.perf_counter() - t0)
    return latencies


BUILD = {"ours": build_ours, "sqlite": build_sqlite, "tantivy": build_tantivy}
QUERY = {"ours": query_ours, "sqlite": query_sqlite, "tantivy": query_tantivy}
INDEX_PATH = {"ours": "ours-{size}", "sqlite": "sqlite-{size}.db", "tantivy": "tantivy-{size}"}
FIRST_QUERY = {  # a fresh interpreter: import, open the index, answer one query with all facet counts
    "ours": "from search import search; search('oil', index_dir={path!r})",
    "sqlite": "import sqlite3; sqlite3.connect({path!r}).execute(\"SELECT value_id, COUNT(*) FROM doc_facets "
              "WHERE doc IN (SELECT rowid FROM docs WHERE docs MATCH 'oil') GROUP BY value_id\").fetchall()",
    "tantivy": "import tantivy; ix = tantivy.Index.open({path!r}); s = ix.searcher(); "
               "s.search(ix.parse_query('oil', ['title', 'body']), 10)",
}

