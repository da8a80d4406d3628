"""The records every stage shares, and the one declaration of each facet.

* `Facet` and `FACETS`: the facet registry. A facet is declared once, here (its name, label,
  attribute, whether it has several values and how enrichment finds them); enrichment, the
  index schema, counting and filtering, `Hit`, export, the command line and the page all
  iterate `FACETS`. `register_facet` adds an extra facet.
* `Article`: what flows read → enrich → index; `FacetValue`: a facet count.
* `FacetAttributes`: facet values kept in one `facets` mapping (facet name → values) and read
  by attribute (`article.speakers`, `hit.source`), so `Article` and `Hit` need no field per facet.

This module sits at the bottom of the import graph (it imports nothing of `search`), so every
layer can read the registry.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

Extract = Callable[["Article"], Iterable[str]]


@dataclass(frozen=True)
class Facet:
    """One facet, declared once.

    * `name`: the public name (filters, `res.facets`, the CLI's `--filter NAME=…`), the Whoosh
      field and the key of the `facets` mappings of `Article` and `Hit`;
    * `label`: what people read (the page's sidebar, chips and article view; the CLI);
    * `attr`: the attribute of `Article` and `Hit` with its values (`hit.speakers`), and its key
      in exports and the CLI's JSON; the name when not given;
    * `multivalued`: a list of values, or one string (the source) — an exact-valued, sortable
      field in the index;
    * `extract`: how enrichment finds the values. A string names a built-in extractor of
      `search.ingest.enrich` (one extractor finds several facets, e.g. "people" finds speakers
      and people; it runs once an article for all of them); a function `extract(article) ->
      values` is called on the article once the built-in facets are filled in (it may read them);
    * `on_hits`: whether a hit's summary (result cards, the CLI's hit lines) lists the values;
      off where they would repeat what is shown (people includes the speakers, regions follow
      the countries, the source leads the meta line);
    * `person`: whether the values are people's names; the index then counts one person under
      one value across articles ("Obama" and "Barack Obama": search/index/person_aliases.py) in
      counts, filters, hits, exports and value search. An extra facet of names opts in with it;
    * `value_name`: how the page shows a value whose stored form is a code (the language "fr"
      shows as "French"); filters, the URL, exports and the CLI keep the stored value.
    """

    name: str
    label: str
    attr: str = ""
    multivalued: bool = True
    extract: str | Extract = ""
    on_hits: bool = True
    person: bool = False
    value_name: Callable[[str], str] | None = None

    def shown(self, value: str) -> str:
        """A value as people read it (`value_name`)."""
        return self.value_name(value) if self.value_name else value

    def __post_init__(self) -> None:
        if not self.attr:
            object.__setattr__(self, "attr", self.name)


def as_values(value: str | Iterable[str] | None) -> list[str]:
    """A facet's values as a list: a single-valued facet's string is one value ("": none)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return list(value)


def language_name(code: str) -> str:
    """The English name of an ISO 639-1 language code ("fr" → "French"; the code when unknown)."""
    import pycountry  # noqa: PLC0415 (its database loads on first use; most processes never show a language)

    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else None
    return re.sub(r"\s*\(.*\)$", "", found.name) if found else code  # "Modern Greek (1453-)" → "Modern Greek"


FACETS: dict[str, Facet] = {
    facet.name: facet
    for facet in (
        Facet("source", "Source", multivalued=False, extract="source", on_hits=False),
        Facet("speaker", "Speaker", attr="speakers", extract="people", person=True),
        Facet("people", "People mentioned", extract="people", on_hits=False, person=True),
        Facet("country", "Country", attr="countries", extract="places"),
        Facet("region", "Region", attr="regions", extract="places", on_hits=False),
        Facet("organisation", "Organisation", attr="organisations", extract="organisations"),
        Facet("theme", "Theme", attr="themes", extract="themes"),
        Facet("language", "Language", multivalued=False, extract="language", on_hits=False,
              value_name=language_name),
    )
}


def facet_for_attribute(attr: str) -> Facet | None:
    """The facet whose values the `Article`/`Hit` attribute `attr` holds, if any."""
    return next((facet for facet in FACETS.values() if facet.attr == attr), None)


class FacetAttributes:
    """Facet values read (and, on a mutable record, written) by attribute through `facets`.

    `facets` maps every registered facet's name to its values; `record.speakers` is
    `record.facets["speaker"]` and `record.source` the source's one value ("" when none).
    """

    facets: dict[str, list[str]]

    def __getattr__(self, name: str) -> Any:
        facet = facet_for_attribute(name)  # (only called for names that are no real attribute)
        if facet is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        values = self.__dict__.get("facets", {}).get(facet.name, [])
        return values if facet.multivalued else (values[0] if values else "")

    def __setattr__(self, name: str, value: Any) -> None:
        facet = facet_for_attribute(name)
        if facet is None:
            object.__setattr__(self, name, value)
        else:
            self.facets[facet.name] = as_values(value)

    def facet_attributes(self, multivalued: bool | None = None) -> dict[str, str | list[str]]:
        """Attribute name → values of every facet (or only the multi- or single-valued ones), in
        registry order: the flat form of exports and the CLI's JSON."""
        return {f.attr: getattr(self, f.attr) for f in FACETS.values()
                if multivalued is None or f.multivalued == multivalued}


def facet_mapping(facets: Mapping[str, str | Iterable[str]] | None,
                  by_attribute: Mapping[str, str | Iterable[str]], owner: str) -> dict[str, list[str]]:
    """Every registered facet's values, from a mapping by facet name and from keyword arguments
    by attribute (`speakers=[...]`, `source="NATO"`); raises `TypeError` for an unknown name."""
    given = facets or {}
    unknown = set(given) - set(FACETS)
    if unknown:
        raise TypeError(f"{owner}() got values of unknown facets: {', '.join(sorted(unknown))}")
    result = {name: as_values(given.get(name)) for name in FACETS}
    for attr, value in by_attribute.items():
        facet = facet_for_attribute(attr)
        if facet is None:
            raise TypeError(f"{owner}() got an unexpected keyword argument {attr!r}")
        result[facet.name] = as_values(value)
    return result


@dataclass(init=False)
class Article(FacetAttributes):
    """One news article, as read from a file and then enriched with facet values.

    Facet values may be given by attribute, `Article(id=…, title=…, body=…, source="NATO",
    speakers=[…])`, or as `facets={"speaker": […]}`, and are read either way
    (`article.speakers`, `article.facets["speaker"]`).
    """

    id: str
    title: str
    body: str
    url: str = ""
    published: date | None = None
    facets: dict[str, list[str]] = field(default_factory=dict)
    theme_evidence: dict[str, list[str]] = field(default_factory=dict)  # theme -> phrases that matched
    origin: str = ""  # where the article was read from ("path", "path:line", "archive.zip!/member"), for reports
    # What the source said about the article beyond the fields above (author, section, tags, language,
    # site name, …: field name -> values), kept for facets made from metadata.
    metadata: dict[str, list[str]] = field(default_factory=dict)

    def __init__(self, id: str, title: str, body: str, *, url: str = "", published: date | None = None,
                 facets: Mapping[str, str | Iterable[str]] | None = None,
                 theme_evidence: dict[str, list[str]] | None = None, origin: str = "",
                 metadata: dict[str, list[str]] | None = None, **values: str | Iterable[str]) -> None:
        for name, value in (("id", id), ("title", title), ("body", body), ("url", url), ("published", published),
                            ("facets", facet_mapping(facets, values, "Article")),
                            ("theme_evidence", theme_evidence if theme_evidence is not None else {}),
                            ("origin", origin), ("metadata", metadata if metadata is not None else {})):
            object.__setattr__(self, name, value)  # (real fields: no facet lookup)

    @property
    def text(self) -> str:
        """Title and body as one text, the input of every extractor."""
        return f"{self.title}\n{self.body}" if self.title else self.body

    def content_hash(self) -> str:
        """A digest of everything the reader supplied; a change means the article must be re-indexed."""
        parts = [self.title, self.body, self.source, self.url, self.published.isoformat() if self.published else ""]
        if self.speakers:  # given by the reader (speaker/author/byline); absent, the digest is as before
            parts.append("\x1e".join(self.speakers))
        return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


# Names a facet cannot take: they are fields of articles, index documents or hits already.
RESERVED_NAMES = frozenset({f.name for f in fields(Article)} | {n for n in dir(Article) if not n.startswith("_")}
                           | {"content_hash", "score", "snippet", "title_html"})


def register_facet(facet: Facet) -> Facet:
    """Add an extra facet: from then on it is extracted, indexed, counted, filtered, exported
    and shown (CLI, page) like the built-in ones. Returns it.

        register_facet(Facet("continent", "Continent", extract=lambda article: continents(article.countries)))

    `facet.extract` must be a function `extract(article) -> values`; it is called after the
    built-in facets are filled in, so it may read them.

    The registry is this process's state, so:
    * register before the index is built: the facet is a field of the index (an index made
      without it is refused as of another version while the facet is registered: rebuild it,
      `build_index(..., rebuild=True)`; an index made with it still serves a process without it);
    * register in every process that uses it, before using it, once: e.g. in a module of your
      own that registers it on import, imported by the page's script before it calls
      `search.app.page.main()` (Streamlit re-runs that script, not its imports, on every
      interaction) or by a script that then calls `search.cli.main()`;
    * `build_index(workers > 1)` enriches in fresh worker processes, which do not see a facet
      registered at run time: index with the in-process path (`workers=1`, or fewer than 500
      articles) or the facet stays empty.

    Raises `ValueError` for a name or attribute already used, or without an `extract` function.
    """
    taken = set(FACETS) | {f.attr for f in FACETS.values()} | RESERVED_NAMES
    for what in (facet.name, facet.attr):
        if not what.isidentifier() or what.startswith("_"):
            raise ValueError(f"a facet's name and attribute must be identifiers not starting with _, not {what!r}")
        if what in taken:
            raise ValueError(f"{what!r} is taken: it is already a facet's name or attribute, or a field of "
                             f"articles or hits")
    if not callable(facet.extract):
        raise ValueError(f"facet {facet.name!r} needs an extract(article) -> values function")
    FACETS[facet.name] = facet
    return facet


def field_name(key: str) -> str:
    """A metadata key as a field (and facet) name: lowercased, runs of other characters as "_"
    ("Sub-Section" → "sub_section"), so every reader's fields and facet names agree."""
    return re.sub(r"[^0-9a-z]+", "_", key.strip().lower()).strip("_")


def make_id(given: str | None, url: str | None, title: str, body: str) -> str:
    """A stable article id: the given id, else the url, else a hash of title and body."""
    if given and str(given).strip():
        return str(given).strip()
    if url and url.strip():
        return url.strip()
    return hashlib.sha1(f"{title}\n{body}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class FacetValue:
    """One facet value with its count in the current results; `selected`/`excluded` if filtered on."""

    value: str
    count: int
    selected: bool = False
    excluded: bool = False


# The choices the public API accepts (a wrong one raises ValueError naming these).
SORTS = ("relevance", "newest", "oldest", "source")
FACET_ORDERS = ("count", "name")
MATCH_MODES = ("any", "all")
EXPORT_FORMATS = ("csv", "json", "jsonl")
