"""Theme tagging from an editable taxonomy (`themes.toml`), matched on Snowball stems."""

from __future__ import annotations

import tomllib
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from search.ingest.enrich.text import terms


@dataclass(frozen=True)
class Theme:
    """One taxonomy entry: its facet name, stemmed phrases with weights, and its threshold."""

    name: str
    phrases: dict[tuple[str, ...], tuple[str, float]]  # stems -> (phrase as written, weight)
    threshold: float


@dataclass(frozen=True)
class Taxonomy:
    """All themes, plus an index from a phrase's first stem to the phrases starting with it."""

    themes: tuple[Theme, ...]
    max_per_phrase: int
    lead_terms: int       # the first words of the text (title and lead) ...
    lead_weight: float    # ... count this many times as much
    by_first_stem: dict[str, list[tuple[tuple[str, ...], Theme]]]


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Parse a taxonomy file (default: the packaged `themes.toml`)."""
    if path is None:
        raw = resources.files(__package__).joinpath("themes.toml").read_text("utf-8")
    else:
        raw = Path(path).read_text("utf-8")
    data = tomllib.loads(raw)
    default_threshold = float(data.get("threshold", 2.0))
    themes = []
    for entry in data.get("theme", []):
        phrases: dict[tuple[str, ...], tuple[str, float]] = {}
        for item in entry["phrases"]:
            phrase, _, weight = item.rpartition(":") if _has_weight(item) else (item, "", "1")
            stems = tuple(terms(phrase))
            if stems:
                phrases[stems] = (phrase, float(weight))
        themes.append(Theme(entry["name"], phrases, float(entry.get("threshold", default_threshold))))
    by_first: dict[str, list[tuple[tuple[str, ...], Theme]]] = defaultdict(list)
    for theme in themes:
        for stems in theme.phrases:
            by_first[stems[0]].append((stems, theme))
    return Taxonomy(tuple(themes), int(data.get("max_per_phrase", 2)), int(data.get("lead_terms", 0)),
                    float(data.get("lead_weight", 1.0)), dict(by_first))


def _has_weight(item: str) -> bool:
    head, sep, tail = item.rpartition(":")
    return bool(sep and head) and tail.replace(".", "", 1).isdigit()


@lru_cache(maxsize=1)
def default_taxonomy() -> Taxonomy:
    """The packaged taxonomy, parsed once."""
    return load_taxonomy()


def theme_evidence(text: str, taxonomy: Taxonomy | None = None) -> dict[str, list[str]]:
    """Themes whose matched phrases reach the threshold → the phrases that matched, strongest first."""
    taxonomy = taxonomy or default_taxonomy()
    stems = terms(text)
    matched: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for i, first in enumerate(stems):
        for phrase_stems, theme in taxonomy.by_first_stem.get(first, ()):
            if tuple(stems[i:i + len(phrase_stems)]) == phrase_stems:
                phrase, weight = theme.phrases[phrase_stems]
                matched[theme.name][phrase].append(weight * (taxonomy.lead_weight if i < taxonomy.lead_terms else 1))
    result: dict[str, list[str]] = {}
    for theme in taxonomy.themes:
        found = matched.get(theme.name)
        if not found:
            continue
        scores = {p: sum(sorted(ws, reverse=True)[:taxonomy.max_per_phrase]) for p, ws in found.items()}
        if sum(scores.values()) >= theme.threshold:
            result[theme.name] = sorted(scores, key=lambda p: (-scores[p], p))
    return result

