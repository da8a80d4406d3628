"""The tables of `organisations.toml`, built once: the known-name automaton and the word lists.

`organisations.find_organisations` runs one Aho-Corasick pass over an article with the automaton built
here; every surface form in it (a known name or alias, a blocker, an organisation word, a trigger of a
short company name or of a name introduced by its kind) carries a `Form` saying what it yields and when
it is meant. The country names of the places gazetteer are added, because a country is never an
organisation (and one whose name holds an organisation word is a blocker).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import ahocorasick

from search.ingest.enrich.names import lexicon
from search.ingest.enrich.org_types import Tables, fold, normalise

__all__ = ["Form", "tables_of_organisations"]


@dataclass(frozen=True)
class Form:
    """What one surface form of the known-name table yields, and when it is meant."""

    key: str | None  # canonical name of the entry; None for a blocker or a bare organisation word
    blocker: bool = False
    head: bool = False  # an organisation word: look at the capitalised run around it
    trigger: str = ""  # "before"/"after": a short company name may stand after/before it ("shares in BT");
    # "kind": a name may stand after or before it ("the newspaper Magyar Nemzet", `org_kinds`);
    # "legal form": a company's name stands before it (", Inc.")
    reject_before: re.Pattern[str] | None = None
    require_after: re.Pattern[str] | None = None
    reject_after: re.Pattern[str] | None = None
    reject_anywhere: re.Pattern[str] | None = None  # another sense named in the article ("Sputnik V")



@lru_cache(maxsize=1)
def tables_of_organisations() -> Tables:
    """The known-name automaton and the word lists of `organisations.toml`, with the place names."""
    data = tomllib.loads(resources.files(__package__).joinpath("organisations.toml").read_text("utf-8"))
    words = data["words"]
    forms: dict[str, Form] = {}
    keys: dict[str, str] = {}
    for canonical, aliases in data["known"].items():
        for form in (canonical, *aliases):
            forms[form] = Form(canonical)
            keys[fold(form)] = canonical
    un_organs = data["un_organs"]
    for bare, organ in un_organs["organs"].items():
        if keys.get(fold(bare)) != bare or fold(organ) not in keys:
            raise ValueError(f"organisations.toml: UN organ {bare!r} -> {organ!r} needs both names in [known]")
    organisation = frozenset(words["organisation"]) | frozenset(words["head_only"]) \
        | frozenset(words["head_initial_only"]) | frozenset(words["qualified_heads"])
    from search.ingest.enrich.places import canonical_country

    countries = _country_forms()
    # A country's name with a known form or an organisation word in it is a blocker: "Democratic
    # People's Republic of Korea" is no party, "Russian Federation" no federation.
    country_blockers = [c for c in countries if " " in c and not c.isupper() and c not in forms
                        and any(w in forms or w in organisation for w in normalise(c).split())]
    for form in [*data["blockers"]["forms"], *country_blockers]:
        forms[form] = Form(None, blocker=True)
    for form, rule in data["context"].items():
        if form not in forms:
            raise ValueError(f"organisations.toml: context rule for unknown form {form!r}")
        patterns: dict[str, Any] = {k: re.compile(v) for k, v in rule.items()}  # `replace` rejects unknown keys
        forms[form] = replace(forms[form], **patterns)
    for word in organisation:
        forms[word] = replace(forms[word], head=True) if word in forms else Form(None, head=True)
    for trigger in words["short_company_before"]:
        forms[" " + trigger] = Form(None, trigger="before")
    for trigger in words["short_company_after"]:
        forms[trigger] = Form(None, trigger="after")
    for noun in words["kind_nouns"]:
        forms[noun] = Form(None, trigger="kind")
    for suffix in words["suffixes"]:
        forms[", " + suffix] = Form(None, trigger="legal form")
    for noun in words["part_nouns"]:
        forms[" " + noun] = Form(None, trigger="part")  # at a word's start: "unit" is in "community"
    automaton = ahocorasick.Automaton()
    for form, entry in forms.items():
        for variant in {form, form.replace("'", "’"), form.replace("’", "'")}:
            automaton.add_word(variant, (len(variant), entry))
    automaton.make_automaton()
    connectors = frozenset(words["connectors"])
    return Tables(
        automaton=automaton,
        keys=keys,
        un_organs=dict(un_organs["organs"]),
        national={bare: re.compile(pattern) for bare, pattern in un_organs["national"].items()},
        organisation=organisation,
        head_only=frozenset(words["head_only"]),
        head_initial_only=frozenset(words["head_initial_only"]),
        qualified_heads=frozenset(words["qualified_heads"]),
        head_qualifiers=frozenset(words["head_qualifiers"]),
        rooms=frozenset(words["rooms"]),
        in_tail=frozenset(words["in_tail"]),
        news=frozenset(words["newspapers"]),
        things=frozenset(words["things"]),
        event_heads=tuple(words["event_heads"]),
        event_topics=frozenset(words["event_topics"]),
        kinds_after_name=frozenset(words["kinds_after_name"]),
        connectors=connectors,
        tail_starters=connectors - {"and", "&", "the", "et"},
        cuts=(connectors | frozenset(words["tail_connectors"])) - {"and", "&", "et"},
        tail_connectors=frozenset(words["tail_connectors"]),
        openers=frozenset(words["openers"]),
        numbers=frozenset(words["numbers"]),
        roles=frozenset(words["roles"]),
        sub_bodies=frozenset(words["sub_bodies"]),
        sub_body_modifiers=frozenset(words["sub_body_modifiers"]),
        possessive_words=frozenset(words["possessive_words"]),
        not_organisations=frozenset(n.lower() for n in words["not_organisations"]),
        not_endings=tuple(" " + n.lower() for n in words["not_organisation_endings"]),
        places=frozenset(c for c in countries if not c.isupper()),  # may end a name: "University College London"
        countries=frozenset(c.lower() for c in countries),
        country_nouns=frozenset(c for c in countries if canonical_country(c) is not None),
        country_heads=frozenset(w for c in countries for w in c.split() if w in organisation),
        first_names=lexicon().listed_first_names,
        suffixes=frozenset(words["suffixes"]),
        not_acronyms=frozenset(words["not_acronyms"]),
        unit_words=frozenset(words["unit_words"]),
        portfolios=frozenset(words["ministry_portfolios"]),
    )


def _country_forms() -> list[str]:
    """Every name of every country in the places gazetteer (short and official names, demonyms,
    capitals): a country is never an organisation, and its name is no place to find one."""
    import pycountry

    from search.ingest.enrich.places import canonical_country, country_names

    names: set[str] = set()
    for country in pycountry.countries:
        canonical = canonical_country(country.alpha_2)
        if canonical:
            names.update(country_names(canonical))
    return sorted(names)

