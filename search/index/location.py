"""Where an index lives and opening it: read-only, never creates or changes anything."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from whoosh import index
from whoosh.index import FileIndex

from search.errors import IndexCorruptError, IndexNotFoundError
from search.index.schema import make_schema

SEEDS_DIR = Path(__file__).resolve().parent.parent.parent / "seeds"


def configured_index_dir() -> Path | None:
    """`$SEARCH_INDEX_DIR`, when set: an index someone chose, never replaced by the sample one."""
    configured = os.environ.get("SEARCH_INDEX_DIR")
    return Path(configured).expanduser() if configured else None


def default_index_dir() -> Path:
    """`$SEARCH_INDEX_DIR`, else an `index` folder in the per-user data directory."""
    configured = configured_index_dir()
    if configured:
        return configured
    return Path(platformdirs.user_data_dir("news-search", appauthor=False)) / "index"


def resolve_index_dir(index_dir: str | Path | None) -> Path:
    """The given index directory, or the default one for None (see `default_index_dir`)."""
    return Path(index_dir) if index_dir is not None else default_index_dir()


def has_index(path: Path) -> bool:
    """Whether `path` is a folder holding an index (of any schema)."""
    return path.is_dir() and index.exists_in(str(path))


def open_index(index_dir: str | Path) -> FileIndex:
    """Open an existing index, with a clear error for a missing, foreign or corrupt directory."""
    path = Path(index_dir)
    if not path.is_dir():
        raise IndexNotFoundError(f"no index at {path}: the directory does not exist "
                                 f"(create one with `python -m search index PATH --index-dir {path}`)")
    try:
        if not index.exists_in(str(path)):
            raise IndexNotFoundError(f"no index at {path}: the directory holds no search index")
        ix = index.open_dir(str(path))
    except IndexNotFoundError:
        raise
    except Exception as exc:
        raise IndexCorruptError(f"cannot read the index at {path}: {exc}") from exc
    missing = set(make_schema().names()) - set(ix.schema.names())
    if missing:
        raise IndexCorruptError(f"the index at {path} was built by another program or version "
                                f"(missing fields: {', '.join(sorted(missing))}); rebuild it with --rebuild")
    return ix
