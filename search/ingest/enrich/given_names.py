"""Given names of many languages, from the first-name lists that Faker (MIT) ships per locale.

Several people rules ask "is this word a known given name?" (the gender behind "he"/"she", a lone
given name after a relative noun or an age word, a function word as a surname after a given name,
…). The hand list of `people.toml` is mostly English; Faker's person providers hold the given
names of some fifty languages. Only names written in the Latin script are kept (news in English
writes "Oleksandr", never "Олександр"), one word each, with the gender where the locale says it
("" when the lists disagree or do not say), when two locales give them; English surnames and the
names of languages that write the surname first are left out. Names that are also ordinary English
words ("Summer", "Patience", "Lucky") are left out too, from a list computed over the corpora
(`benchmarks/given_name_words.py` writes `given_name_words.txt`), and so are the words the caller
knows as something else (titles, places).

Faker is imported here only, on the first call (the lexicon is built on the first enrichment, never
on the query path).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterable, Iterator, Set
from importlib import resources

__all__ = ["english_surnames", "faker_given_names", "given_names"]

# A name of one word in the Latin script (accented letters included: Latin-1, Latin Extended-A/B and
# Additional), inner hyphens or apostrophes allowed: "Oleksandr", "Đorđe", "Jean-Luc", "Ma'ayan".
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_ONE_WORD = re.compile(f"[{_LATIN}]{{2,}}(?:[-'’][{_LATIN}]+)*")
# English-language locales whose surnames are also given there ("Johnson", "Harris", "Warren"): a word that
# is both is no evidence of a given name ("Gary Johnson Image" is no three-word name), so it is left out.
_SURNAME_LOCALES = frozenset({"en", "en_US", "en_GB", "en_IE", "en_NZ", "en_AU", "en_CA"})
# Languages that write the surname first ("Pham Minh Chinh", "Wei Fenghe"): their given names would
# cut the surname off, as if it were a title.
_SURNAME_FIRST = ("vi_", "zh_", "ja_", "ko_", "hu_")
# A name is kept when the lists of two locales give it: one list alone holds words of any kind (the
# United States list gives "Melbourne", "Bristol", "Tula" and "Viva"; the Turkish one "Nazi").
_MIN_LOCALES = 2
# The attributes of a Faker person provider that hold given names, and the gender they say.
_LISTS = {"first_names_male": "m", "first_names_female": "f", "first_names": "",
          "first_romanized_names_male": "m", "first_romanized_names_female": "f", "first_romanized_names": ""}


def _names(value: object) -> Iterable[str]:
    """The names of a provider's list (a tuple or list, or a dict of names → weights)."""
    return value if isinstance(value, (list, tuple, dict, set, frozenset)) else ()  # (a property: not a list)


def _provider_lists() -> Iterator[tuple[str, str, Iterable[str]]]:
    """(locale, gender, names) for every given-name list of every locale's person provider, and
    (locale, "surname", names) for the surnames of `_SURNAME_LOCALES`."""
    from faker.providers import person  # noqa: PLC0415 - imported on first use only (see the docstring)

    for module in pkgutil.iter_modules(person.__path__):
        if module.name.startswith(_SURNAME_FIRST):
            continue
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attribute, gender in _LISTS.items():
            yield module.name, gender, _names(getattr(provider, attribute, ()))
        if module.name in _SURNAME_LOCALES:
            yield module.name, "surname", _names(getattr(provider, "last_names", ()))


def faker_given_names() -> dict[str, str]:
    """Lower-cased Latin-script given names of at least two locales → "m", "f" or "" (both, or not
    said); not English surnames."""
    genders: dict[str, set[str]] = {}
    locales: dict[str, set[str]] = {}
    surnames: set[str] = set()
    for locale, gender, names in _provider_lists():
        for name in names:
            if isinstance(name, str) and _ONE_WORD.fullmatch(name):
                if gender == "surname":
                    surnames.add(name.lower())
                else:
                    genders.setdefault(name.lower(), set()).add(gender)
                    locales.setdefault(name.lower(), set()).add(locale)
    return {name: _one_gender(said) for name, said in genders.items()
            if name not in surnames and len(locales[name]) >= _MIN_LOCALES}


def english_surnames() -> frozenset[str]:
    """Lower-cased surnames of Faker's English-language locales ("brown", "young", "price"): a word that is
    one may end a person's name however often the news writes it in lower case."""
    return frozenset(name.lower() for _, kind, names in _provider_lists() if kind == "surname" for name in names
                     if isinstance(name, str))


def _one_gender(said: set[str]) -> str:
    said = said - {""}
    return said.pop() if len(said) == 1 else ""


def given_names(not_names: Set[str]) -> dict[str, str]:
    """Faker's given names (see `faker_given_names`) without the ordinary English words of
    `given_name_words.txt` and the lower-case words of `not_names`."""
    ordinary = set(resources.files(__package__).joinpath("given_name_words.txt").read_text("utf-8").split())
    return {name: gender for name, gender in faker_given_names().items()
            if name not in ordinary and name not in not_names}
