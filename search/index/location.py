"""Where an index lives and opening it: read-only, never creates or changes anything."""

from __future__ import annotations

import os
from pathlib import Path

from whoosh import index
from whoosh.index import FileIndex

from search.errors import IndexCorruptError, IndexNotFoundError
from search.index import integrity
from search.index.metadata_facets import use_index_facets
from search.index.schema import ADDED_FIELDS, make_schema
from search.index.whoosh_compat import index_over, latest_generation, latest_version, toc_file_name

SEEDS_DIR = Path(__file__).resolve().parent.parent.parent / "seeds"


def configured_index_dir() -> Path | None:
    """`$SEARCH_INDEX_DIR`, when set: an index someone chose, never replaced by the sample one."""
    configured = os.environ.get("SEARCH_INDEX_DIR")
    return Path(configured).expanduser() if configured else None


def user_data_folder() -> Path:
    """The per-user data directory of this program (e.g. ~/.local/share/news-search)."""
    import platformdirs  # imported when used: a query that names its index never needs it

    return Path(platformdirs.user_data_dir("news-search", appauthor=False))


def default_index_dir() -> Path:
    """`$SEARCH_INDEX_DIR`, else an `index` folder in the per-user data directory."""
    configured = configured_index_dir()
    if configured:
        return configured
    return user_data_folder() / "index"


def resolve_index_dir(index_dir: str | Path | None) -> Path:
    """The given index directory, or the default one for None (see `default_index_dir`)."""
    return Path(index_dir) if index_dir is not None else default_index_dir()


def has_index(path: Path) -> bool:
    """Whether `path` is a folder holding an index (of any schema, readable or not: a damaged
    index is still one, to be reported or rebuilt, never replaced unasked)."""
    return path.is_dir() and latest_generation(str(path)) >= 0


def open_index(index_dir: str | Path) -> FileIndex:
    """Open an existing index, with a clear error for a missing, foreign or corrupt directory.

    The metadata facets the index declares (`<index>/facets.toml`) are registered in this process
    first (search/index/metadata_facets.py): the schema and every facet loop then know them."""
    path = Path(index_dir)
    if not path.is_dir():
        raise IndexNotFoundError(f"no index at {path}: the directory does not exist "
                                 f"(create one with `python -m search index PATH --index-dir {path}`)")
    use_index_facets(path)
    try:
        if not index.exists_in(str(path)):
            raise IndexNotFoundError(f"no index at {path}: the directory holds no search index")
        ix = index.open_dir(str(path))
    except IndexNotFoundError:
        raise
    except Exception as exc:  # Whoosh raises anything from IndexError to struct.error on a damaged file
        toc = toc_file_name(latest_generation(str(path)))
        raise IndexCorruptError(
            f"cannot read the index at {path}: its table of contents {toc} is unreadable ({exc}); "
            f"a table of contents cannot be repaired (`python -m search check --repair` mends only "
            f"segments and derived files): rebuild with `python -m search index FILES --rebuild "
            f"--index-dir {path}` (the damaged files stay until the rebuild has read an article)") from exc
    schema = make_schema()
    missing = set(schema.names()) - set(ix.schema.names())
    if missing - ADDED_FIELDS:
        raise IndexCorruptError(f"the index at {path} was built by another program or version "
                                f"(missing fields: {', '.join(sorted(missing))}); rebuild it with --rebuild")
    if missing:  # built before those fields existed: read with today's schema (Whoosh's public
        # `open_dir(schema=...)`), so they read as empty, and a writer's commit records them
        ix = index.open_dir(str(path), schema=schema)
    return ix


def writable_index(path: Path) -> tuple[FileIndex, IndexCorruptError | None]:
    """The index in `path` to write to, and None; when it cannot be opened (damaged, or of
    another schema) or its files differ from their records (`integrity.check_open`, as a reader
    checks them), the folder as if its latest version were empty (`index_over`: what only a
    rebuild writes, as the next version, the old files untouched until it commits) and the error
    saying why. A build's worker processes open the index this way too, as the process committing does."""
    try:
        ix = open_index(path)
        generation, segments = latest_version(ix)
        integrity.check_open(path, [s.segment_id() for s in segments], toc_file_name(generation))
        return ix, None
    except IndexCorruptError as exc:
        return index_over(str(path), make_schema()), exc
