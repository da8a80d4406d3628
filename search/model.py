"""The records every stage shares: the `Article` that flows read → enrich → index → query, and
the `FacetValue` a facet count is reported as."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


@dataclass
class Article:
    """One news article, as read from a file and then enriched with facet values."""

    id: str
    title: str
    body: str
    source: str = ""
    url: str = ""
    published: date | None = None
    speakers: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    theme_evidence: dict[str, list[str]] = field(default_factory=dict)  # theme -> phrases that matched
    origin: str = ""  # where the article was read from ("path" or "path:line"), for reports

    @property
    def text(self) -> str:
        """Title and body as one text, the input of every extractor."""
        return f"{self.title}\n{self.body}" if self.title else self.body

    def content_hash(self) -> str:
        """A digest of everything the reader supplied; a change means the article must be re-indexed."""
        parts = [self.title, self.body, self.source, self.url, self.published.isoformat() if self.published else ""]
        return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def make_id(given: str | None, url: str | None, title: str, body: str) -> str:
    """A stable article id: the given id, else the url, else a hash of title and body."""
    if given and str(given).strip():
        return str(given).strip()
    if url and url.strip():
        return url.strip()
    return hashlib.sha1(f"{title}\n{body}".encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class FacetValue:
    """One facet value with its count in the current results; `selected`/`excluded` if filtered on."""

    value: str
    count: int
    selected: bool = False
    excluded: bool = False
