"""The word lists of `people.toml` that name detection (`names.py`) and speaker attribution read, parsed
once, and the classes of words in a run of capitalised words.

Edit the lists in `people.toml`; every entry is matched case-insensitively against a single word.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pycountry

from search.ingest.enrich.given_names import english_surnames, faker_given_names, given_names
from search.ingest.enrich.places import demonym_forms, place_forms, state_names

__all__ = ["FLEXIBLE", "HONORIFIC", "INITIAL", "NAME", "ORG", "PARTICLE", "ROLE", "STOP", "SUFFIX", "Lexicon",
           "PATRONYMIC", "bare_token", "club_of_city", "common_words_to_org", "lexicon", "lone_thing_word",
           "org_word_opens", "patronymic_names", "place_words", "plural_of_word", "resolve_flexible"]

# Token classes.
NAME, INITIAL, PARTICLE, HONORIFIC, ROLE, ORG, STOP = "N", "I", "P", "H", "R", "O", "S"
FLEXIBLE = "F"  # a name that is also a common word or title ("Mark", "May", "King"): decided by its neighbours
SUFFIX = "X"  # after a name, part of it but not of its core: "Robert Downey Jr.", "Queen Elizabeth II"


@dataclass(frozen=True)
class Lexicon:
    """The word lists of `people.toml`, lower-cased."""

    gender: dict[str, str]  # honorific → "m", "f" or "" (for titles like "President")
    first_names: dict[str, str]  # given name → "m", "f" or "" (not said): Faker's and the lists' (`given_names`)
    roles: frozenset[str]  # relatives included
    relatives: frozenset[str]
    reporter_roles: frozenset[str]
    organisation: frozenset[str]
    thing_nouns: frozenset[str]
    places: frozenset[str]
    kinds: dict[str, str]  # listed word → its class (FLEXIBLE, HONORIFIC, ROLE, ORG or STOP)
    regnal: frozenset[str]  # titles kept before a lone name: "Pope Francis"
    held_by: frozenset[str]  # "the presidency of X": X is a person, not the rest of an organisation's name
    honours: frozenset[str]  # "bharat ratna", "padma shri": an honour's name glued before a person's
    honour_openers: frozenset[str]  # their first words ("bharat", "padma")
    peerages: frozenset[str]  # "Lord", "Baroness": after "Full Name," the same person's title ("…, Lord Carloway")
    appositive_heads: frozenset[str]  # kinds of things, animals, events: "X, a dragon" names no person
    one_name_jobs: frozenset[str]  # "the singer Zorvana": a lone name after one of these is a person
    listed_first_names: frozenset[str]  # the common given names listed in people.toml only: an organisation's
    # name may be a rarer given name ("the news agency Orla"), so the organisation rules ask this list
    # words the news writes in lower case (`common_words.txt`, computed by benchmarks/common_words.py): one ends
    # no two-word name of a person after a word that is no given name ("Supply Monthly", "Basecamp Experience")
    common_words: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged word lists, parsed once."""
    data = tomllib.loads(resources.files(__package__).joinpath("people.toml").read_text("utf-8"))["names"]

    def lower(key: str) -> frozenset[str]:
        return frozenset(word.lower() for word in data[key])

    gender = {word: "" for word in lower("honorifics")}
    gender.update({word: "m" for word in lower("male_honorifics")})
    gender.update({word: "f" for word in lower("female_honorifics")})
    kinds = {word: STOP for word in lower("stop")}
    kinds.update({word: ORG for word in lower("organisation")})
    kinds.update({word: ROLE for word in lower("roles") | lower("relatives")})
    kinds.update({word: HONORIFIC for word in gender})
    kinds.update({word: FLEXIBLE for word in lower("name_words")})
    # Faker's given names, minus words listed here as something else and places; the lists here win.
    first_names = given_names(kinds.keys() | lower("thing_nouns") | lower("places") | lower("kinds_of_things")
                              | place_forms() | _words(state_names()) | _places_toml_words())  # "Texas", "Nova Scotia"
    first_names.update({name: "m" for name in lower("male_first_names")})
    first_names.update({name: "f" for name in lower("female_first_names")})
    # A demonym describes the person it comes before ("Croatian Luka Modric", "Ethiopians Jane Roe and …"); not
    # one that is also a surname or a given name ("Dane", "French").
    kinds.update(dict.fromkeys(demonym_forms() - kinds.keys() - first_names.keys() - _surnames(), STOP))
    return Lexicon(gender, first_names, lower("roles") | lower("relatives"), lower("relatives"),
                   lower("reporter_roles"), lower("organisation"), lower("thing_nouns"), lower("places"), kinds,
                   lower("regnal"), lower("held_by"), lower("honours"),
                   frozenset(honour.split()[0] for honour in lower("honours")), lower("peerages"),
                   (lower("kinds_of_things") | lower("thing_nouns") | lower("organisation"))
                   - lower("roles") - lower("relatives") - lower("people_among_things"), lower("one_name_jobs"),
                   lower("male_first_names") | lower("female_first_names"),
                   frozenset(resources.files(__package__).joinpath("common_words.txt").read_text("utf-8").split()))


def _words(names: frozenset[str]) -> frozenset[str]:
    """The names of one word, and every word of the others but the last ("Nova", not "Lucia")."""
    return frozenset(word for name in names for word in (name.split()[:-1] or [name]))


def _places_toml_words() -> frozenset[str]:
    """The lower-cased words of the regions and cities of `places.toml` ("Asia", "Balkans", "Bonn")."""
    data = tomllib.loads(resources.files(__package__).joinpath("places.toml").read_text("utf-8"))
    names = [*data["cities"], *data["regions"], *(form for forms in data["regions"].values() for form in forms)]
    return frozenset(word.lower() for name in names for word in name.split())


def resolve_flexible(words: list[str], kinds: list[str], lex: Lexicon) -> None:
    """Decide each name-or-word ("Mark", "May", "King") from its neighbours in the run."""
    for i, kind in enumerate(kinds):
        if kind != FLEXIBLE:
            continue
        low = words[i].lower()
        after_name = i > 0 and kinds[i - 1] in (NAME, INITIAL, PARTICLE)
        before_name = i + 1 < len(kinds) and (kinds[i + 1] == NAME or kinds[i + 1] == PARTICLE and i + 2 < len(kinds)
                                              and kinds[i + 2] == NAME)  # "Bill de Vries"
        if after_name:  # "Theresa May", but "Hyde Park" (and "Judge Tom Hall": `_titled_surname`)
            kinds[i] = ORG if low in lex.organisation and not _titled_surname(words, kinds, i, lex) else NAME
        elif low in lex.gender:
            kinds[i] = HONORIFIC
        elif before_name or (i > 0 and kinds[i - 1] == HONORIFIC) or _before_flexible_surname(words, kinds, i, lex):
            kinds[i] = NAME  # "Mark Rutte", "Park Geun-hye", "Bob White"
        else:
            kinds[i] = ORG if low in lex.organisation else STOP


def _before_flexible_surname(words: list[str], kinds: list[str], i: int, lex: Lexicon) -> bool:
    """Whether the word i, a given name that is also a common word ("Bob", "Bill", "Jack"), opens a name whose
    surname is one too ("Bob White", "Jack Black", "Bill Price"): both are undecided, so neither has a name beside
    it, and without this the person would be lost. Not before a title ("Bob King" is left alone), an organisation's
    word ("Grant Park") or a month ("April May"), and not when the run goes on with another name word."""
    if i + 1 >= len(kinds) or kinds[i + 1] != FLEXIBLE or words[i].lower() not in lex.first_names:
        return False
    after = words[i + 1].lower()
    return (after not in lex.gender and after not in lex.organisation and after not in lex.first_names
            and (i + 2 == len(kinds) or kinds[i + 2] not in (NAME, FLEXIBLE)))


def _titled_surname(words: list[str], kinds: list[str], i: int, lex: Lexicon) -> bool:
    """Whether the word i, a name that is also a place's or a building's word ("Hall", "Park"), ends a person's name
    that a personal title opens: it ends the run, or a post-nominal follows ("Judge Tom Hall said", "Ms Jane Park
    QC"). A regnal title or a saint's opens buildings' names ("Queen Mary Hall", "Saint Anne Park"), and a word after
    it goes on with a thing's name ("Dr Tom Hall Trust")."""
    if i + 1 < len(words) and not (words[i + 1].isupper() and len(words[i + 1]) <= 3):
        return False
    k = i - 1
    while k >= 0 and kinds[k] in (NAME, INITIAL, PARTICLE):
        k -= 1
    title = words[k].lower().rstrip(".") if k >= 0 else ""
    return k >= 0 and kinds[k] == HONORIFIC and title not in lex.regnal and title not in ("saint", "st", "san", "santa")


def bare_token(token: str) -> str:
    """A token without its possessive or closing apostrophe: "NATO’s" → "NATO", "Reuters'" → "Reuters"."""
    if token[-1] not in "s'’":  # (most tokens: returned as they are)
        return token
    if token.endswith(("'s", "’s")) and len(token) > 3:
        token = token[:-2]
    return token.rstrip("'’")


# Arabic name links: the word on either side of one is a name even when it is also a common word ("Harun bin
# Said", "Said bin Omar", "Tariq Al Said").
PATRONYMIC = frozenset("bin ibn bint Bin Ibn Bint Al El".split())


def patronymic_names(words: list[str], kinds: list[str]) -> None:
    """Make a common word a name next to a patronymic link between names (`PATRONYMIC`)."""
    for k in range(1, len(words) - 1):
        if words[k] in PATRONYMIC:
            if kinds[k + 1] == STOP and kinds[k - 1] == NAME:
                kinds[k + 1] = NAME
            if kinds[k - 1] == STOP and kinds[k + 1] == NAME and (k == 1 or kinds[k - 2] != NAME):
                kinds[k - 1] = NAME


def club_of_city(text: str, words: list[str], i: int, j: int) -> bool:
    """Whether the name words i..j-1 (two or more, the first no given name: the caller checks) end in a country's or
    a capital's name and that word is not used alone more often than the whole: a club named after its city
    ("Spartak Moscow", "Dynamo Kyiv"), not a person whose surname is also a city's name ("Tarek Amman … Amman
    said"), whom the text calls by the surname alone."""
    last = words[j - 1]
    return last.casefold() in place_forms() and text.count(last) <= text.count(" ".join(words[i:j]))


def common_words_to_org(kinds: list[str], i: int, j: int) -> bool:
    """Whether the words of a run after its untitled name words (i..j) are capitalised common words up to an
    organisation word that ends it: a place or a body named after a person ("Jane Roe National Medical Center";
    a titled name, "Sultan X Grand Mosque", is left to the title's rules)."""
    return HONORIFIC not in kinds[:i] and all(kind in (STOP, ORG) for kind in kinds[j:])


# Links of other languages between a head noun and the rest of a name: "Nationale des Usines", "Cassa di Risparmio".
_HEAD_LINKS = frozenset("de des du di del della da do dos das la le y und et".split())
# Organisation words of other languages that open a name whose head noun comes first ("Banque …", "Cie …"); English
# names end with theirs ("… Exchange Commission John Roe": the name after it may be a person's).
_HEAD_FIRST = frozenset("banque banques banco banca caisse caisses cassa cie compagnie societe société gruppo groupe "
                        "grupo regie régie financiere financière fonds".split())


def org_word_opens(text: str, words: list[str], offsets: list[int], kinds: list[str], i: int) -> bool:
    """Whether name words at i go on a name whose head noun comes first, as in French, Italian or Spanish: after an
    organisation word and a link ("Regie Nationale des Usines", "Cassa di Risparmio"), or after organisation words
    (and links) opened by a head noun of another language (`_HEAD_FIRST`: "Caisse Centrale Desjardins", "Cie
    Financiere Robur"), not a person's (but "the Banque's Jane Roe": a possessive ends the body's name)."""
    if i >= 2 and kinds[i - 2] == ORG and words[i - 1].lower() in _HEAD_LINKS:
        return True
    opener = i  # the first organisation word of the stretch of them (and links) right before the name
    while opener and (kinds[opener - 1] in (ORG, PARTICLE) or words[opener - 1].lower() in _HEAD_LINKS):
        opener -= 1
    while opener < i and kinds[opener] != ORG:
        opener += 1
    return (opener < i and words[opener].lower() in _HEAD_FIRST
            and not text.startswith(("'s", "’s"), offsets[i - 1] + len(words[i - 1])))


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Case-folded one-word names of countries (their English names), US, Canadian and Australian states and
    provinces, and the cities of `places.toml` ("nevada", "bonn"), less Faker's given names ("georgia",
    "victoria"): a name they open is a thing's or a body's ("Nevada Test Range", "Kenya Pelican Ltd"), not a
    person's. (English names only: "Dominique", the French name of Dominica, is also a given name.)"""
    countries = {name.casefold() for country in pycountry.countries
                 for name in (country.name, getattr(country, "common_name", ""))}
    data = tomllib.loads(resources.files(__package__).joinpath("places.toml").read_text("utf-8"))
    names = countries | state_names() | {city.casefold() for city in data["cities"]}
    return frozenset(name for name in names if name and " " not in name) - faker_given_names().keys()


def lone_thing_word(word: str, before: str, before_kind: str, lex: Lexicon) -> bool:
    """Whether a name of one word after `before` (of class `before_kind`, "" when none) is no person's: a country's
    name, capital or demonym, or a compound of them ("Mother Russia", "the Russia-China talks"), unless an
    honorific comes before it ("President Jordan"); with no title or a relative's noun before it, a word the news
    writes in lower case or a region's name too ("Mother Nature", "our Mother Africa"; not "striker Horn")."""
    if before_kind == HONORIFIC:
        return False
    if all(part.casefold() in place_forms() for part in word.split("-")):
        return True
    low = word.lower()
    return (before_kind != ROLE or before.lower() in lex.relatives) and (low in lex.common_words
                                                                         or low in _region_names())


@lru_cache(maxsize=1)
def _region_names() -> frozenset[str]:
    """The lower-cased one-word regions of `places.toml` ("africa", "balkans", "caucasus")."""
    data = tomllib.loads(resources.files(__package__).joinpath("places.toml").read_text("utf-8"))
    return frozenset(name.lower() for name in data["regions"] if " " not in name)


def plural_of_word(words: list[str], i: int, j: int, lex: Lexicon) -> bool:
    """Whether the name words i..j-1 end in a plural, and either it is the plural of a word the news writes in lower
    case ("Lakeside Savings", "Kestrel Singles") or the first word is one ("Desperate Housewives", "Total Domes"),
    the first word no surname and no word that may be a name ("Glen", "Lawrence Mills", "Rosa Parks" stay people):
    a work's, a firm's or a product's name, as two words ending in the singular of one already are. (The caller has
    checked that the first word is no given name.)"""
    last = words[j - 1].lower()
    if last[-1:] != "s" or last[-2:] in ("ss", "us", "is") or len(last) < 4:
        return False
    first = words[i].lower()
    if lex.kinds.get(first) == FLEXIBLE or first in _surnames():
        return False
    stems = (last[:-1], last[:-2]) + ((last[:-3] + "y",) if last.endswith("ies") else ()) + (
        (last[:-3] + "fe", last[:-3] + "f") if last.endswith("ves") else ())
    return first in lex.common_words or any(stem in lex.common_words for stem in stems)


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    """English surnames (Faker's): a first word that is one may open a person's name ending in a plural's look-alike
    ("Norman Mains")."""
    return english_surnames()
