"""Facets made from the metadata a reader keeps (`Article.metadata`: a JSON/CSV column, an HTML
page's section or keywords, a feed item's categories), declared per index in `<index>/facets.toml`.

Why a file beside the index: the facet registry (`search.model.FACETS`) is process state, and an
index is used by many processes (the CLI, the page, a build's worker processes). The file is the
one record of which metadata fields are facets of this index: `build_index(facets=[...])` (the
CLI's `--facet`) writes it before anything is indexed, and every process that opens the index
(`location.open_index`, so the page, `search()`, a later build and each build worker) registers
its facets first. A later build without `--facet` keeps them.

The metadata facets registered in a process are those of the index it opened last: opening an
index drops the metadata facets of another one (facets registered with `register_facet` are left
alone). One process serving two indexes with different metadata facets at once is not supported.

    # facets.toml
    [facets.tags]
    label = "Tags"
    multivalued = true
    separator = ";"      # a CSV cell "war; trade" holds two tags
"""

from __future__ import annotations

import json
import threading
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from search.errors import IndexCorruptError
from search.model import FACETS, Article, Facet, field_name, register_facet

SETTINGS_FILE = "facets.toml"
MAX_VALUE_CHARS = 200  # a longer "value" is a text, not a facet value: left out


@dataclass(frozen=True)
class MetadataField:
    """A metadata facet's `extract` function: the values of one field of `Article.metadata`,
    each split at `separator` when one is given. A frozen dataclass, so it pickles by value
    (a build's worker processes receive the facet with it)."""

    field: str
    separator: str = ""

    def __call__(self, article: Article) -> list[str]:
        values = article.metadata.get(self.field, [])
        parts = (p for v in values for p in (v.split(self.separator) if self.separator else [v]))
        return list(dict.fromkeys(p for p in (part.strip() for part in parts) if p and len(p) <= MAX_VALUE_CHARS))


@dataclass(frozen=True)
class MetadataFacet:
    """A metadata field to make a facet: its name (the field's, lowercased; the facet's name),
    label, whether it has several values, and the separator between values in one text (CSV)."""

    name: str
    label: str = ""
    multivalued: bool = True
    separator: str = ""

    def facet(self) -> Facet:
        label = self.label or self.name.replace("_", " ").capitalize()
        return Facet(self.name, label, multivalued=self.multivalued,
                     extract=MetadataField(self.name, self.separator if self.multivalued else ""))


def as_specs(facets: Iterable[str | MetadataFacet], separator: str = "") -> list[MetadataFacet]:
    """`MetadataFacet`s from names (multi-valued, split at `separator`) or specs."""
    return [f if isinstance(f, MetadataFacet) else MetadataFacet(field_name(f), separator=separator) for f in facets]


def read_settings(index_dir: Path) -> list[MetadataFacet]:
    """The metadata facets declared in `<index_dir>/facets.toml` (none without the file)."""
    path = index_dir / SETTINGS_FILE
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise IndexCorruptError(f"cannot read {path}: {exc}") from exc
    try:
        declared = tomllib.loads(text).get("facets", {})
        return [MetadataFacet(field_name(name), str(spec.get("label", "")), bool(spec.get("multivalued", True)),
                              str(spec.get("separator", ""))) for name, spec in declared.items()]
    except (tomllib.TOMLDecodeError, AttributeError) as exc:
        raise IndexCorruptError(f"{path} is not a valid facet settings file ({exc}); fix or delete it") from exc


def write_settings(index_dir: Path, specs: Sequence[MetadataFacet]) -> None:
    """Record `specs` as the index's metadata facets (written whole, then renamed into place)."""
    lines = ["# Metadata fields that are facets of this index (see docs/metadata-facets.md).", ""]
    for spec in specs:
        lines += [f"[facets.{spec.name}]", f"label = {json.dumps(spec.facet().label)}",
                  f"multivalued = {'true' if spec.multivalued else 'false'}",
                  f"separator = {json.dumps(spec.separator)}", ""]
    index_dir.mkdir(parents=True, exist_ok=True)
    temporary = index_dir / (SETTINGS_FILE + ".tmp")
    temporary.write_text("\n".join(lines), "utf-8")
    temporary.replace(index_dir / SETTINGS_FILE)


_lock = threading.Lock()


def use_facets(specs: Sequence[MetadataFacet]) -> None:
    """Make `specs` this process's metadata facets: register them, drop other metadata facets.
    Raises `ValueError` for a name taken by another facet or a field of articles."""
    wanted = {spec.name: spec.facet() for spec in specs}
    with _lock:
        for name, facet in list(FACETS.items()):
            if isinstance(facet.extract, MetadataField) and wanted.get(name) != facet:
                del FACETS[name]
        for name, facet in wanted.items():
            if FACETS.get(name) != facet:
                register_facet(facet)


def use_index_facets(index_dir: Path) -> None:
    """Register the metadata facets of the index in `index_dir` (see the module's docstring)."""
    use_facets(read_settings(index_dir))


def declare(index_dir: Path, facets: Iterable[str | MetadataFacet], separator: str = "") -> None:
    """Add metadata facets to the index's settings (kept: a facet once declared stays) and
    register them. Checked first, so a name that cannot be a facet changes nothing."""
    specs = {spec.name: spec for spec in read_settings(index_dir)}
    specs.update({spec.name: spec for spec in as_specs(facets, separator)})
    use_facets(list(specs.values()))
    write_settings(index_dir, list(specs.values()))
