"""Theme tagging from an editable taxonomy (`themes.toml`), matched on Snowball stems."""

from __future__ import annotations

import tomllib
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .text import terms


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
    return Taxonomy(tuple(themes), int(data.get("max_per_phrase", 2)), dict(by_first))


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
    hits: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    themes = {theme.name: theme for theme in taxonomy.themes}
    for i, first in enumerate(stems):
        for phrase_stems, theme in taxonomy.by_first_stem.get(first, ()):
            if tuple(stems[i:i + len(phrase_stems)]) == phrase_stems:
                hits[theme.name][theme.phrases[phrase_stems][0]] += 1
    result: dict[str, list[str]] = {}
    for name, matched in hits.items():
        theme = themes[name]
        weights = {p: w for p, w in theme.phrases.values()}
        score = sum(min(count, taxonomy.max_per_phrase) * weights[p] for p, count in matched.items())
        if score >= theme.threshold:
            result[name] = sorted(matched, key=lambda p: (-weights[p] * matched[p], p))
    order = [t.name for t in taxonomy.themes]
    return {name: result[name] for name in sorted(result, key=order.index)}


def find_themes(text: str, taxonomy: Taxonomy | None = None) -> list[str]:
    """The themes of `text`, in taxonomy order."""
    return list(theme_evidence(text, taxonomy))
