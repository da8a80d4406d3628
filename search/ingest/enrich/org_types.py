"""Types shared by the two organisation finders (`organisations` and `org_runs`): the word tables
read from `organisations.toml`, a candidate name found in the text, and name normalisation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["Candidate", "Tables", "Token", "fold", "known_key", "normalise"]

Token = tuple[str, int, int]  # a word of a run (possessive stripped), its start and end in the text


@dataclass(frozen=True)
class Tables:
    """The known-name table and the word lists of `organisations.toml`, built once."""

    automaton: Any  # ahocorasick.Automaton: surface form -> (length, org_tables.Form)
    keys: dict[str, str]  # folded surface form (`fold`) -> canonical name
    un_organs: dict[str, str]  # bare canonical name of a UN organ -> the UN's organ ("UN Security Council")
    national: dict[str, re.Pattern[str]]  # bare organ name -> a national body of that name named in a text
    organisation: frozenset[str]
    head_only: frozenset[str]
    head_initial_only: frozenset[str]
    qualified_heads: frozenset[str]  # "Government": a head only after a qualifier with a name ("Transitional")
    head_qualifiers: frozenset[str]
    rooms: frozenset[str]
    in_tail: frozenset[str]
    news: frozenset[str]
    things: frozenset[str]
    kinds_after_name: frozenset[str]  # "movement": "the Solidarity movement" names one (`org_kinds`)
    event_heads: tuple[str, ...]  # "Forum": a name ending in one may be an event (`org_values`)
    event_topics: frozenset[str]  # "Economic": "X Economic Forum" is a meeting (`org_values`)
    connectors: frozenset[str]
    tail_starters: frozenset[str]  # connectors that may open an "of ..." tail
    cuts: frozenset[str]  # words before an organisation word where its name starts afresh
    tail_connectors: frozenset[str]
    openers: frozenset[str]
    numbers: frozenset[str]
    roles: frozenset[str]
    sub_bodies: frozenset[str]  # "Board", "Council": a part of an organisation named after it
    sub_body_modifiers: frozenset[str]  # "Supervisory", "Management": words of such a part's name
    possessive_words: frozenset[str]
    not_organisations: frozenset[str]
    not_endings: tuple[str, ...]
    places: frozenset[str]
    countries: frozenset[str]  # every country form of the places gazetteer, lower case
    country_nouns: frozenset[str]  # countries' names as written ("Russia", not "Russian" or "Moscow")
    country_heads: frozenset[str]  # organisation words in countries' names: "Federation", "United"
    first_names: frozenset[str]  # common given names (lower case), from the people lexicon
    suffixes: frozenset[str]  # legal suffixes of a company: "Co", "Inc", "Ltd"
    not_acronyms: frozenset[str]  # capitals that are no company: "CEO", "GDP"
    unit_words: frozenset[str]  # "Securities": "UBS Securities Inc" is a unit, not UBS itself (`org_values`)
    portfolios: frozenset[str]  # "finance": "the finance ministry" is the Finance Ministry (`org_government`)


@dataclass
class Candidate:
    """A possible organisation name at text[start:end]; overlapping candidates are resolved later."""

    start: int
    end: int
    name: str
    key: str | None  # canonical name of a known entry, if the candidate is one
    rank: int  # 0 for the known table (wins a tie), 1 for a run


def normalise(name: str) -> str:
    """`name` with curly apostrophes made straight and runs of white space made one space."""
    return " ".join(name.replace("’", "'").replace("‘", "'").split())


# British and American spellings of words in names, folded to one ("Organisation"/"Organization").
_SPELLINGS = re.compile(r"organis|programme|centre|defence|labour")
_SPELLING = {"organis": "organiz", "programme": "program", "centre": "center", "defence": "defense", "labour": "labor"}
_NOT_LETTERS = re.compile(r"[\W_]+")


@lru_cache(maxsize=1 << 16)  # names recur from article to article; bounded
def fold(name: str) -> str:
    """The form under which names are looked up in the known-name table: case, punctuation, spaces,
    "&"/"and" and British/American spellings do not matter ("U.S. Congress" = "US Congress",
    "Co-operation" = "Cooperation", "Organisation" = "Organization"). Only for look-ups, never shown."""
    lowered = normalise(name).casefold().replace("&", " and ")
    return _NOT_LETTERS.sub("", _SPELLINGS.sub(lambda m: _SPELLING[m.group()], lowered))


def known_key(name: str, tables: Tables) -> str | None:
    """The canonical name of the known-name table for `name`, also written with a company's legal form
    after it: "Boeing Co" and "Coca-Cola Co." are "Boeing" and "Coca-Cola" (one value per company)."""
    key = tables.keys.get(fold(name))
    if key is None and " " in name:
        bare, last = name.rsplit(" ", 1)
        if last in tables.suffixes or last.rstrip(".") in tables.suffixes:
            key = tables.keys.get(fold(bare.rstrip(",")))
    return key
