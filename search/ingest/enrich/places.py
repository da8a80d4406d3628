"""Countries and regions mentioned in a text: one case-aware Aho-Corasick pass, longest match wins.

The gazetteer is built once, lazily, from pycountry (names), countryinfo (names, alternative
spellings, capitals, demonyms) and the editable `places.toml` (aliases, regions, multi-country
forms, blockers, context rules for ambiguous words). See `places.toml` for the matching rules.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import ahocorasick
import pycountry
from countryinfo import CountryInfo

from search.ingest.enrich.text import strip_accents

__all__ = ["Places", "canonical_country", "country_names", "demonym_forms", "find_countries", "find_places",
           "place_forms", "state_names"]


@dataclass(frozen=True)
class Places:
    """Countries (canonical short English names) and regions, in order of first mention, no duplicates."""

    countries: list[str]
    regions: list[str]


@dataclass(frozen=True)
class _Condition:
    """One way an ambiguous word can be something else; it holds when all its parts hold."""

    all_caps: bool = False  # the mention is the all-caps copy of a mixed-case name ("GUAM" of "Guam")
    first_name_before: bool = False
    surname_after: bool = False
    before: re.Pattern[str] | None = None
    not_before: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None
    anywhere: re.Pattern[str] | None = None


@dataclass(frozen=True)
class _Rule:
    """A `[[context]]` rule of places.toml: the word is not the place when any condition holds."""

    conditions: tuple[_Condition, ...]
    keep_after: frozenset[str]
    sticky: bool  # once the word is a name in a text, it stays one for the rest of that text


@dataclass(frozen=True)
class _Entry:
    """What one surface form yields, and the context rules deciding whether it is meant."""

    countries: tuple[str, ...] = ()
    region: str | None = None
    rules: tuple[_Rule, ...] = ()
    kind: str = ""  # "country" (a name), "city" (a capital), "demonym" or "region": what `kinds` rules apply to
    caps: bool = False  # the all-caps copy of a mixed-case form ("GUAM" of "Guam"), not an acronym like "USSR"


@dataclass(frozen=True)
class _Gazetteer:
    automaton: Any  # ahocorasick.Automaton: surface form -> (length, _Entry)
    not_first_names: frozenset[str]
    lookup: dict[str, str]  # lower-cased name, alias or ISO code -> canonical country name
    spellings: dict[str, tuple[str, ...]]  # canonical country name -> every form naming it
    demonyms: frozenset[str]  # case-folded demonyms of one word, plurals included ("croatian", "spaniards")


_BLOCKED = _Entry()
_FIRST_NAME_BEFORE = re.compile(r"(?:\b([A-Z][a-z]+)|\b[A-Z]\.)\s$")  # "Michael ", "Michael B. "
_SURNAME_AFTER = re.compile(r"\s([A-Z][a-z]+)\b")
_CONTEXT_CHARS = 40


def find_places(text: str) -> Places:
    """Countries and regions mentioned in `text`, each in order of first mention."""
    gazetteer = _gazetteer()
    # Names match across wrapped lines, also where a line ends in a space ("Middle \nEast").
    text = text.replace(" \n", "\n").replace("\n", " ")
    hits: list[tuple[int, int, _Entry]] = []
    for last, (length, entry) in gazetteer.automaton.iter(text):
        start, end = last + 1 - length, last + 1
        if start > 0 and text[start].isalnum() and text[start - 1].isalnum():
            continue
        if end < len(text) and text[last].isalnum() and text[end].isalnum():
            continue
        hits.append((start, end, entry))
    hits.sort(key=lambda hit: (hit[0], -hit[1]))
    countries: dict[str, None] = {}
    regions: dict[str, None] = {}
    names: set[str] = set()  # words a sticky rule found to be names in this text
    covered = 0
    for start, end, entry in hits:
        if start < covered:
            continue
        covered = end
        if entry.rules:
            word = text[start:end]
            if word in names:
                continue
            rule = _other_sense(entry, text, start, end, gazetteer.not_first_names)
            if rule:
                if rule.sticky:
                    names.add(word)
                continue
        countries.update(dict.fromkeys(entry.countries))
        if entry.region:
            regions[entry.region] = None
    return Places(list(countries), list(regions))


def find_countries(text: str) -> list[str]:
    """Countries mentioned in `text`, in order of first mention (canonical short English names)."""
    return find_places(text).countries


def canonical_country(name_or_code: str) -> str | None:
    """The canonical short name for a country name, alias or ISO code ("ROK", "KOR" -> "South Korea")."""
    lookup = _gazetteer().lookup
    key = name_or_code.strip().lower()
    return lookup.get(key) or lookup.get(key.replace("-", " ").replace("_", " "))


def country_names(country: str) -> list[str]:
    """Every surface form the gazetteer matches for a canonical country name (names, demonyms, capitals)."""
    return list(_gazetteer().spellings.get(country, ()))


@lru_cache(maxsize=1)
def place_forms() -> frozenset[str]:
    """Case-folded names, capitals and demonyms of every country in the places gazetteer
    ("saint lucia", "viet nam", "sierra leoneans", "kuala lumpur")."""
    forms: set[str] = set()
    for country in pycountry.countries:
        canonical = canonical_country(country.alpha_2)
        if canonical:
            forms.update(form.casefold() for form in country_names(canonical))
            forms.add(canonical.casefold())
    return frozenset(forms)


def demonym_forms() -> frozenset[str]:
    """Case-folded demonyms of one word and their plurals ("croatian", "spaniard", "ethiopians"): a word that
    describes a person, never part of their name ("Croatian Luka Modric")."""
    return _gazetteer().demonyms


@lru_cache(maxsize=1)
def state_names() -> frozenset[str]:
    """Case-folded names of the states and provinces of the United States, Canada and Australia, which news
    writes after a town ("Arroyo Grande, California") as it writes a country."""
    return frozenset(sub.name.casefold() for code in ("US", "CA", "AU")
                     for sub in pycountry.subdivisions.get(country_code=code) or ())


def _other_sense(
    entry: _Entry, text: str, start: int, end: int, not_first_names: frozenset[str]
) -> _Rule | None:
    """The context rule saying that the word at text[start:end] is not the place, if one does."""
    before = text[max(0, start - _CONTEXT_CHARS) : start]
    after = text[end : end + _CONTEXT_CHARS]
    for rule in entry.rules:
        for condition in rule.conditions:
            if condition.all_caps and not entry.caps:
                continue
            if condition.after and not condition.after.match(after):  # cheapest first: anchored
                continue
            if condition.first_name_before:
                match = _FIRST_NAME_BEFORE.search(before)
                if not match or match.group(1) in not_first_names:
                    continue
            if condition.surname_after:
                match = _SURNAME_AFTER.match(after)
                if not match or match.group(1) in rule.keep_after:
                    continue
            if condition.before and not condition.before.search(before):
                continue
            if condition.not_before and condition.not_before.search(before):
                continue
            if condition.anywhere and not condition.anywhere.search(text):
                continue
            return rule
    return None


# --- Building the gazetteer ------------------------------------------------------------------


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    data = tomllib.loads(resources.files(__package__).joinpath("places.toml").read_text("utf-8"))
    names = _canonical_names(data["names"])
    known = set(names.values()) | set(data["extra_countries"])
    skip = {kind: set(forms) for kind, forms in data["skip"].items()}
    surfaces, lookup = _installed_forms(names, skip)

    def country(name: str) -> str:
        if name not in known:
            raise ValueError(f"places.toml: {name!r} is not a canonical country name")
        return name

    lookup.update({alias.lower(): country(name) for alias, name in data["aliases"].items()})
    lookup.update({name.lower(): name for name in known})
    surfaces.update({name: _Entry((name,), kind="country") for name in data["extra_countries"]})
    for table, kind in (("aliases", "country"), ("cities", "city")):
        surfaces.update({form: _Entry((country(name),), kind=kind) for form, name in data[table].items()})
    for form, name in data["demonyms"].items():
        surfaces.update(dict.fromkeys(_with_plural(form), _Entry((country(name),), kind="demonym")))
    for form, group in data["groups"].items():
        surfaces[form] = _Entry(tuple(map(country, group["countries"])), group.get("region"))
    for region, forms in data["regions"].items():
        surfaces.update(dict.fromkeys([region, *forms], _Entry(region=region, kind="region")))
    surfaces.update({form: _BLOCKED for forms in data["blockers"].values() for form in forms})
    for spec in data["context"]:
        rule = _rule(spec)
        kinds = set(spec.get("kinds", ()))
        for form in spec.get("forms") or [form for form, entry in surfaces.items() if entry.kind in kinds]:
            if form not in surfaces:
                raise ValueError(f"places.toml: context rule for unknown form {form!r}")
            surfaces[form] = replace(surfaces[form], rules=(*surfaces[form].rules, rule))

    automaton = ahocorasick.Automaton()
    spellings: dict[str, list[str]] = defaultdict(list)
    for form, entry in _with_variants(surfaces, set().union(*skip.values())).items():
        automaton.add_word(form, (len(form), entry))
        for name in entry.countries:
            spellings[name].append(form)
    automaton.make_automaton()
    return _Gazetteer(
        automaton,
        frozenset(data["not_first_names"]),
        lookup,
        {name: tuple(sorted(forms)) for name, forms in spellings.items()},
        frozenset(form.casefold() for form, entry in surfaces.items() if entry.kind == "demonym" and " " not in form),
    )


def _canonical_names(overrides: dict[str, str]) -> dict[str, str]:
    """ISO alpha-2 code -> canonical short English name, for every pycountry country."""
    return {
        c.alpha_2: overrides.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        for c in pycountry.countries
    }


def _installed_forms(
    names: dict[str, str], skip: dict[str, set[str]]
) -> tuple[dict[str, _Entry], dict[str, str]]:
    """Surface forms and a lower-cased lookup table from countryinfo and pycountry.

    Capitals and demonyms go in before names so that a name always wins; countries are taken in
    order of population, so a shared demonym ("Chinese", "French") goes to the most populous.
    """
    infos = [
        (names[code], info)
        for info in CountryInfo.all().values()
        if (code := (info.get("ISO") or {}).get("alpha2")) in names
    ]
    infos.sort(key=lambda item: item[1].get("population") or 0)
    surfaces: dict[str, _Entry] = {}
    lookup: dict[str, str] = {}
    for country, info in infos:
        capital: str | list[str] = info.get("capital") or []
        capitals: list[str] = [capital] if isinstance(capital, str) else capital  # a list for Vatican City
        demonyms = map(str.strip, re.split(r"[,/]", info.get("demonym") or ""))  # "Antiguan,Barbudan"
        forms = [f for d in demonyms if d and d not in skip["demonyms"] for f in _with_plural(d)]
        surfaces.update(dict.fromkeys(forms, _Entry((country,), kind="demonym")))
        surfaces.update(dict.fromkeys(filter(None, set(capitals) - skip["capitals"]), _Entry((country,), kind="city")))
    for country, info in infos:
        for form in filter(None, (form.strip() for form in [info["name"], *info.get("altSpellings", [])])):
            lookup[form.lower()] = country
            if _is_name(form) and form not in skip["alt_spellings"]:
                surfaces[form] = _Entry((country,), kind="country")
    for c in pycountry.countries:
        country = names[c.alpha_2]
        official, common = getattr(c, "official_name", None), getattr(c, "common_name", None)
        for form in filter(None, (c.alpha_2, c.alpha_3, c.name, official, common)):
            lookup[form.lower()] = country
            form = re.sub(r" \(.*\)", "", form)  # "Falkland Islands (Malvinas)"
            if _is_name(form) and form not in skip["alt_spellings"]:
                surfaces[form] = _Entry((country,), kind="country")
    for c in pycountry.countries:
        for form in _short_forms(c.name, surfaces):
            surfaces.setdefault(form, _Entry((names[c.alpha_2],), kind="country"))
    return surfaces, lookup


def _short_forms(name: str, surfaces: dict[str, _Entry]) -> list[str]:
    """Shorter names of a compound territory that would otherwise match a country inside them.

    "Turks and Caicos Islands" is also "Turks and Caicos" (not Turkey), and "South Georgia and the
    South Sandwich Islands" has the part "South Georgia" (not Georgia).
    """
    bare = re.sub(r" Islands?$", "", name)
    if " and " not in bare:
        return []
    parts = [part for part in re.split(r", | and (?:the )?", bare) if " " in part]
    clash = [part for part in parts if any(word in surfaces for word in part.split())]
    return [bare, *clash] if bare != name else clash


def _is_name(form: str) -> bool:
    """Usable as a surface form: not an ISO code, not an inverted "Korea, Republic of", Latin script."""
    if not form or (len(form) <= 3 and form.isupper()) or ", " in form:
        return False
    return form.isascii() or all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in form)


def _with_plural(demonym: str) -> list[str]:
    """ "Russian" -> "Russian", "Russians"; "Swiss" stays as it is."""
    return [demonym] if demonym.endswith("s") else [demonym, demonym + "s"]


def _with_variants(surfaces: dict[str, _Entry], skip: set[str]) -> dict[str, _Entry]:
    """Add spelling variants of every form; a form given explicitly always beats a variant."""
    forms: dict[str, _Entry] = {}
    for form, entry in surfaces.items():
        for variant in _variants(form) - skip:
            forms[variant] = replace(entry, caps=True) if variant.isupper() and not form.isupper() else entry
    forms.update(surfaces)
    return forms


def _variants(form: str) -> set[str]:
    """The form plus "St."/"St" for "Saint", curly apostrophes, no accents, ALL CAPS (4+ characters)."""
    forms = {form}
    if "Saint " in form:
        forms |= {form.replace("Saint ", "St. "), form.replace("Saint ", "St ")}
    forms |= {f.replace("'", "’") for f in forms}
    if not form.isascii():
        forms |= {strip_accents(f) for f in forms}
    if len(form) >= 4:
        forms |= {f.upper() for f in forms}
    return forms


def _rule(spec: dict[str, Any]) -> _Rule:
    conditions = tuple(
        _Condition(
            all_caps=bool(when.get("all_caps")),
            first_name_before=bool(when.get("first_name_before")),
            surname_after=bool(when.get("surname_after")),
            before=re.compile(when["before"]) if "before" in when else None,
            not_before=re.compile(when["not_before"]) if "not_before" in when else None,
            after=re.compile(when["after"]) if "after" in when else None,
            anywhere=re.compile(r"\b(?:" + "|".join(when["anywhere"]) + r")(?!\w)") if "anywhere" in when else None,
        )
        for when in spec["when"]
    )
    return _Rule(conditions, frozenset(spec.get("keep_after", [])), bool(spec.get("sticky")))
