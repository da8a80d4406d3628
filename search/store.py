"""The index on disk: where it lives, opening it safely, and `build_index`."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs
from whoosh import index
from whoosh.index import FileIndex, LockError

from .enrich import enrich
from .errors import IndexBusyError, IndexCorruptError, IndexNotFoundError
from .readers import ReadError, read_paths
from .schema import make_schema, to_document

log = logging.getLogger(__name__)

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
WRITE_TIMEOUT_S = 30.0


@dataclass
class IndexReport:
    """What `build_index` did: article counts and one `ReadError` per file or record it could not read."""

    added: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[ReadError] = field(default_factory=list)

    def summary(self) -> str:
        """A one-line summary, e.g. "added 2, updated 0, skipped 0, errors 1"."""
        return f"added {self.added}, updated {self.updated}, skipped {self.skipped}, errors {len(self.errors)}"


def default_index_dir() -> Path:
    """`$SEARCH_INDEX_DIR`, else an `index` folder in the per-user data directory."""
    configured = os.environ.get("SEARCH_INDEX_DIR")
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir("news-search", appauthor=False)) / "index"


def resolve_index_dir(index_dir: str | Path | None) -> Path:
    """The given index directory; for None, the default one, built from `seeds/` the first time."""
    if index_dir is not None:
        return Path(index_dir)
    path = default_index_dir()
    if not (path.is_dir() and index.exists_in(str(path))):
        log.info("building the default index in %s from %s", path, SEEDS_DIR)
        build_index([SEEDS_DIR], path)
    return path


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


def _open_or_create(path: Path, rebuild: bool) -> FileIndex:
    if rebuild or not (path.is_dir() and index.exists_in(str(path))):
        if path.exists() and any(path.iterdir()) and not index.exists_in(str(path)):
            raise IndexCorruptError(f"refusing to create an index in {path}: the directory is not empty "
                                    f"and holds no index")
        path.mkdir(parents=True, exist_ok=True)
        return index.create_in(str(path), make_schema())
    return open_index(path)


def build_index(
    paths: Iterable[str | Path],
    index_dir: str | Path | None = None,
    *,
    rebuild: bool = False,
    progress: Callable[[int], None] | None = None,
) -> IndexReport:
    """Read, enrich and index every article under `paths`; re-indexing the same files adds nothing twice.

    An article whose id is already indexed with the same content is skipped; with changed content
    it is replaced (updated). Files and records that cannot be read are listed in `errors`.
    `progress`, if given, is called with the number of articles processed so far.
    """
    path = Path(index_dir) if index_dir is not None else default_index_dir()
    ix = _open_or_create(path, rebuild)
    report = IndexReport()
    try:
        writer = ix.writer(timeout=WRITE_TIMEOUT_S, limitmb=256)
    except LockError as exc:
        raise IndexBusyError(f"another process is writing to the index at {path}; "
                             f"try again when it has finished") from exc
    seen: dict[str, str] = {}  # id -> content hash of the articles written in this run
    try:
        with ix.searcher() as searcher:
            for item in read_paths(paths):
                if isinstance(item, ReadError):
                    report.errors.append(item)
                    continue
                digest = item.content_hash()
                if item.id in seen:
                    indexed_hash = seen[item.id]
                else:
                    docnum = searcher.document_number(id=item.id)
                    indexed_hash = None if docnum is None else searcher.stored_fields(docnum).get("content_hash", "")
                if indexed_hash == digest:
                    report.skipped += 1
                else:
                    writer.update_document(**to_document(enrich(item), digest))
                    seen[item.id] = digest
                    if indexed_hash is None:
                        report.added += 1
                    else:
                        report.updated += 1
                if progress:
                    progress(report.added + report.updated + report.skipped)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    return report

