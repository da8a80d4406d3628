"""Whether a run of capitalised name words names a person, or a thing that looks like one.

`names.py` finds candidates by their shape (capitalised words, titles stripped); shape alone cannot
tell "Rome Statute", "Saint Lucia", "Goldman Sachs" or "guarantor Powers" from "Rome Smith". This
module rejects the classes of such look-alikes, each from data kept elsewhere rather than from
examples:

* known organisations (the `[known]` table of `organisations.toml`: "Boko Haram", "Goldman Sachs"), and
  names that begin with one ("Tesco Polska": a branch, a product);
* countries and territories (the places gazetteer, built from pycountry and countryinfo): the whole
  candidate ("Saint Lucia", "Viet Nam"), or its last word when the first is not a known first name
  ("Statistics Canada", "Vision Burundi"; but "Michael Jordan" stays); holidays and breaks the same
  way ("Independence Day", "Lenten Break", but "Doris Day");
* names whose every word has the Arabic article ("Al-Quds Al-Sharif", "Al-Haram Al-Sharif"): a person's
  name begins with a given name;
* plural nouns: a last word that is the plural of a word the text also uses in lower case
  ("nuclear Powers" beside "power", "Distinguished Delegates" beside "delegate"), unless a known
  first name comes first ("Matthew Banks");
* (a repeated word before page furniture, "Alexander Lukashenko Lukashenko AlexanderPresident", is cut
  off in `names.py`: the name before it is the person's).

Institutional head nouns ("Statute", "Consensus", "Platform") are not here: they are words of the
`organisation` list of `people.toml`, which end a name wherever they follow it.

Some phrases before a name say it is no mention of a person (`no_person_before`): a credit, a character,
a costume, a role or a second name ("also known as", "under the ring name"); and a relative noun before a
first name says it is one (`kin_before`: "his widow, Denise").

The helpers after it judge the shape of the text around a name for `names.py`: runs of capitalised
words across line wraps, title-case headline words ("… Clinton Speaks At Rally"), words shaped like
no name ("Heavily", "AlexanderPresident"), and a spelt-out thing followed by its acronym or "and Co".
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Protocol

from search.ingest.enrich.name_lexicon import FLEXIBLE, STOP
from search.ingest.enrich.places import canonical_country, place_forms, state_names

MONTHS = frozenset("january february march april may june july august september october november december".split())
# A capital after three lower-case letters: page furniture glued to a name ("LukashenkoPresident") or a product's or a
# firm's word ("PlayStation", "BancGroup"); never a name's ("McDonald", "DiCaprio", "MacArthur", "FitzGerald")
_GLUED = re.compile(r"(?<!^Fitz)(?<=[a-z]{3})[A-Z]")
# Endings of adverbs, adjectives and abstract nouns of seven letters or more, never of a name:
# "Heavily", "Agricultural", "Stabilization", "Obviously" opening a quote (but "Emily", "McNally").
NOT_NAME_ENDINGS = ("ily", "ionally", "ional", "ical", "ural", "ization", "isation", "ities", "ically", "ually",
                    "ously", "ently", "antly", "ably", "ibly", "ively", "ately", "fully", "ingly", "edly")
THING_FOLLOWS = (" (", " and", " &", ", ", " et ", " und ", "\nand", "\n&", ",\nand")  # what starts the patterns below
# "Merrill Lynch and Co", "Acme Tire and⏎Rubber Co" (hard-wrapped newswire), "Lazard Freres et Cie", "Orn Vale,
# Harrow and Co", "Orn Vale, Harrow, Dunn and Pell Inc": the first partners of a firm's name
_FIRM_FORM = r"(?:Co|Company|Sons|Partners|Associates|Corp|Inc|Ltd|Plc|Securities|Cie)\b"
_NAME_WORD = r"[A-Z][\w'’-]+"
_AND_CO = re.compile(rf"((?:,\s+{_NAME_WORD}){{1,3}})?,?\s+(?:and|&|et|und)\s+"  # (one word a partner: not "Ann Doe,
                     rf"(?:{_FIRM_FORM}|({_NAME_WORD})\s+{_FIRM_FORM})")  # Mir Television and Radio Company")
_ACRONYM = re.compile(r" \(([A-Z]{2,8})\)")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{4,}")
_HEADLINE_VERB = re.compile(r"[A-Z][a-z]+(?:s|ed)$")  # "Hillary Clinton Speaks", "Smith Arrested"
# A job noun glued before a name: "Whistleblower Edward Snowden", "Moderator Chris Wallace" (with a first name after)
# Last words of holidays and breaks: "Independence Day", "Lenten Break", "Easter Recess" (but "Doris Day").
_HOLIDAY_OR_PLACE_HEADS = frozenset(("Day", "Break", "Recess", "Holiday", "Holidays", "Weekend",
                            # and words of places that are also surnames: "Ferrow Hill", "Oxley Lane", "Dunmore Creek"
                            "Hill", "Hills", "Lane", "Creek", "Plains", "Heights", "Springs", "Falls", "Beach",
                            "Harbour", "Harbor", "Ridge"))
# Adjectives that open a work's, a character's or a thing's name, never a given name: "Black Knight", "Flying Saucers"
# ("Gray", "Young", "Little" left out: "Judge Gray Miller", "Young Kim", "Little Richard").
_ADJECTIVE_OPENERS = frozenset("Black White Red Green Blue Golden Silver Dark Holy Flying Super".split())
# An age word before a lone given name: "Fourteen-year-old Zoe", "the 12-year-old Liam", "a 30-years-old Tom".
_AGE_WORD = re.compile(r"(?:\d{1,3}|[A-Za-z]+(?:-[a-z]+)?)-years?-old", re.IGNORECASE)
AGE_TITLE = "year-old"  # the title of a name after an age word: it makes a lone given name a person
NAMED_TITLE = "named"  # the title of a lone name a person's noun introduces ("a Polish chef named Łukasz"): likewise


class Words(Protocol):
    """A set of lower-case words: a frozenset, a dict, or names.py's words-seen-in-lower-case."""

    def __contains__(self, word: str, /) -> bool: ...


def glued(word: str) -> bool:
    """Whether a capitalised word has a capital inside after three lower-case letters: glued to the next one
    ("AlexanderPresident": page furniture), or a product's or a firm's word ("PlayStation")."""
    return bool(_GLUED.search(word))


def word_shaped(low: str, common: Words) -> bool:
    """Whether a lower-cased word of seven letters or more ends as adverbs, adjectives and abstract nouns do
    (`NOT_NAME_ENDINGS`); an "-ily" only when the news writes it or its "-y" word in lower case ("heavily", "primarily"
    beside "primary"): names end so too ("Bathily", "Wassily", "Vasily")."""
    return len(low) >= 7 and low.endswith(NOT_NAME_ENDINGS) and (
        not low.endswith("ily") or low in common or low[:-3] + "y" in common)


def age_word(word: str) -> bool:
    """Whether `word` gives an age ("Fourteen-year-old", "12-year-old"): a lone name after it is a person's,
    as after a title ("Fourteen-year-old Zoe, who organised the march, said …")."""
    return word[-3:].lower() == "old" and bool(_AGE_WORD.fullmatch(word))


_FULL_NAME_COMMA = re.compile(r"[A-Z][\w'’-]+[ \t]+[A-Z][\w'’-]+,[ \t]+$")
_LIST_GOES_ON = re.compile(r"'s|’s|,?[ \t]+(?:and|or|&)\b|,[ \t]+[A-Z]")


def after_full_name(text: str, at: int, end: int) -> bool:
    """Whether two capitalised words and a comma come right before `at`, where a peer's title begins, and
    the titled name ending at `end` neither opens a possessive nor goes on in a list ("Colin Sutherland,
    Lord Carloway, said": the title names the same person; not "Ann Lee, Lord Brown and Lady Grey")."""
    return bool(_FULL_NAME_COMMA.search(text, max(0, at - 60), at)) and not _LIST_GOES_ON.match(text, end)


def first_repeat(words: list[str], i: int, j: int) -> int:
    """The end of words i..j-1 before a word that repeats the one before it when more of the run follows
    ("Alexander Lukashenko Lukashenko AlexanderPresident of …", "Nursultan Nazarbayev Nazarbayev Nursultan":
    a page's caption glued to the name), else j ("Abdullah Abdullah" is a name)."""
    for k in range(i + 1, j):
        if words[k].lower() == words[k - 1].lower() and (k + 1 < j or j < len(words)):
            return k
    return j


def honour_words(words: list[str], i: int, j: int, honours: Words, openers: Words) -> int:
    """How many of the name words i..j-1 an honour's name opens ("Bharat Ratna", "Padma Shri" before a
    name: the award, not part of the name; all of them when the words are the honour alone), else 0.
    `openers` holds the first words of `honours` (most words open none: a single look-up)."""
    if words[i].lower() not in openers:
        return 0
    for size in (3, 2, 1):
        if i + size <= j and " ".join(words[i:i + size]).lower() in honours:
            return size
    return 0


def surname_word(text: str, at: int, previous: str, word: str, first_names: Words, listed: dict[str, str]) -> bool:
    """Whether `word` at `at`, a listed common word ending a run of capitalised words, is a surname: right
    after a known first name and one space, in a sentence (no title-case title: see `headline_end`), it is
    capitalised as a name ("Martin How said", "Anna Little told"), not as a sentence's first word."""
    low = word.lower()
    return (len(low) >= 3 and word[1:].islower() and text[at - 1] == " " and previous.lower() in first_names
            and low not in MONTHS and not low.endswith("day") and listed.get(low) == STOP)


def first_name_next(words: list[str], k: int, first_names: Words, listed: dict[str, str]) -> bool:
    """Whether words[k] is no known first name but words[k + 1] is one that is no common word too
    ("Rossiya Alexei", but not "Alana Rose")."""
    following = words[k + 1].lower()
    return words[k].lower() not in first_names and following in first_names and listed.get(following) != FLEXIBLE


def headline_verb(word: str) -> bool:
    """Whether a capitalised word ends like a verb of a title-case headline ("Speaks", "Arrested")."""
    return bool(_HEADLINE_VERB.match(word))


def firm_or_acronym_follows(text: str, end: int, words: list[str], first_names: Words) -> bool:
    """Whether the run of `words` ending at `end` is followed by "and Co" ("Merrill Lynch and Co", "Lazard Freres et
    Cie"), by "and" one word and a firm's form, or by more partners, when no given name or initial opens the run
    ("Acme Tire and Rubber Co", "Orn Vale, Harrow and Co"; not "Jane Roe and Acme Inc", "Jerome S. Doe and Doe
    Partners", "Jane Roe, Ann Doe and Co") or by "(ABC)" made of the initials of its last words ("Internet Relay
    Chat (IRC)"): a thing's name."""
    if firm := _AND_CO.match(text, end):
        return not (firm.group(1) or firm.group(2)) or words[0].lower() not in first_names and not any(
            len(word) == 2 and word[1] == "." for word in words)
    acronym = _ACRONYM.match(text, end)
    if not acronym:
        return False
    letters = acronym.group(1)
    initials = "".join(word[0] for word in words if word[:1].isupper())
    return len(letters) <= len(initials) and initials.endswith(letters)


def headline_end(text: str) -> int:
    """The end of the first line when it is a title in title case ("Clinton Speaks At Campaign Rally":
    no lower-case word longer than three letters), else -1. A word there that the text after it never
    writes capitalised is a headline word, not part of a name."""
    title_end = text.find("\n")
    return title_end if title_end > 0 and not _LOWER_WORD.search(text, 0, title_end) else -1


@lru_cache(maxsize=1)
def known_organisations() -> frozenset[str]:
    """Case-folded names and aliases of the organisations `organisations.toml` knows, and the firms
    and other things named like people of the `firms` list of `people.toml` ("Merrill Lynch")."""
    package = resources.files(__package__)
    data = tomllib.loads(package.joinpath("organisations.toml").read_text("utf-8"))
    names = {name.casefold() for name in tomllib.loads(package.joinpath("people.toml").read_text("utf-8"))
             ["names"]["firms"]}
    for canonical, aliases in data["known"].items():
        names.add(canonical.casefold())
        names.update(alias.casefold() for alias in aliases)
    return frozenset(names)


@lru_cache(maxsize=1)
def known_one_word_names() -> frozenset[str]:
    """The one-word names of known organisations as written, acronyms left out ("Tesco", "Samsung", but
    not "IRA", which would match the first name "Ira")."""
    data = tomllib.loads(resources.files(__package__).joinpath("organisations.toml").read_text("utf-8"))
    names = {name for canonical, aliases in data["known"].items() for name in (canonical, *aliases)}
    return frozenset(name for name in names if " " not in name and not name.isupper())


_PLACE_AFTER = re.compile(r",[ \t]+([A-Z][\w.]*(?:[ \t][A-Z][\w.]*){0,2})(?![\w'’-])")


def place_follows(text: str, end: int) -> bool:
    """Whether a comma and a country or a state follow `end` ("Ciudad Juárez, Mexico", "Tyler, Texas"): the
    words before name a town, not a person."""
    after = _PLACE_AFTER.match(text, end)
    if not after:
        return False
    place = after.group(1).casefold()
    return _country(place) or place in state_names()


def _country(words: str) -> bool:
    return canonical_country(words) is not None


def _country_named(words: str, last: str) -> bool:
    """Whether `words` name a country, a code of three letters counting only in capitals: "SEN" is Senegal, but
    "Sen" a surname ("Amartya Sen"; no country's name has three letters). (Two letters stay a code in any case:
    "Herbig Ae" is a kind of star, not a person.)"""
    return (len(last) != 3 or last.isupper()) and _country(words)


def plural_of_seen(word: str, lower_seen: Words) -> bool:
    """Whether `word` ("Powers", "Delegates", "Modalities") is the plural of a word that the text also
    writes in lower case ("power", "delegate", "modality"): a common noun, not a surname."""
    low = word.lower()
    if len(low) < 4 or not low.endswith("s") or low.endswith(("ss", "us", "is")):
        return False
    singulars = [low[:-1]]
    if low.endswith("ies"):
        singulars.append(low[:-3] + "y")
    elif low.endswith("es"):
        singulars.append(low[:-2])
    return any(singular in lower_seen for singular in singulars)


# Nouns of organisations and things (people.toml): the plural of one ends no person's name after a word that is no
# given name ("Maker Clubs", "Interest Groups"; but "Rosa Parks").
_THING_WORDS = frozenset(word.casefold() for key in ("organisation", "thing_nouns") for word in tomllib.loads(
    resources.files(__package__).joinpath("people.toml").read_text("utf-8"))["names"][key])


def not_a_person(tokens: tuple[str, ...], first_names: Words, lower_seen: Words) -> bool:
    """Whether the name words `tokens` (titles already stripped) name something other than a person
    (see the module docstring). `first_names` holds lower-case first names; `lower_seen` tells
    whether a lower-case word occurs in the text."""
    thing = _named_thing(tokens)
    if thing is True:
        return True
    plural = tokens[-1][-1:] == "s"
    if thing is False and not plural:
        return False  # (most names: no first-name look-up needed)
    first_name = tokens[0].lower() in first_names
    return (thing is None and not first_name) or (
        plural and (len(tokens) == 1 or not first_name) and (
            plural_of_seen(tokens[-1], lower_seen) or plural_of_seen(tokens[-1], _THING_WORDS)))  # "Maker Clubs"


@lru_cache(maxsize=50_000)
def _named_thing(tokens: tuple[str, ...]) -> bool | None:
    """The part of `not_a_person` that does not depend on the text (so it is cached): True for a
    thing's name, None for words ending in a country's name (a thing unless a first name comes first:
    "Statistics Canada", but "Michael Jordan"), False otherwise."""
    folded = " ".join(tokens).casefold()
    if folded in known_organisations() or folded in place_forms() or _country_named(folded, tokens[-1]):
        return True
    if len(tokens) > 1:
        if tokens[0] in known_one_word_names():
            return True  # a known organisation's branch or product: "Tesco Polska", "Airbus Helicopters"
        if all(token.lower().startswith(("al-", "el-")) for token in tokens):
            return True  # every word with the Arabic article, none a given name: "Al-Quds Al-Sharif"
        if (_country_named(tokens[-1].lower(), tokens[-1]) or tokens[-1] in _HOLIDAY_OR_PLACE_HEADS
                or tokens[0] in _ADJECTIVE_OPENERS):  # "Statistics Canada", "Independence Day", "Ferrow Hill",
            return None  # "Black Knight" (but "Michael Jordan", "Doris Day")
    return False


# No mention of a real person (gold rules 4 and 7). Right before the name (group "other": never a person of its own
# anywhere in the text), a second name or a role: "also known as King X", "known to fans as X", "under the ring name
# X", "his persona as Mr. X", "played the role of X", "she voiced X" (not "voiced by X", "the role of X in the
# scandal", "voiced concern over X"). Else, up to two words before it (not "… by": no person at this mention only), a
# character, costume or alias ("the character X", "dressed as X", "his alias of comedian X"), a stage name ("under the
# stage name X": maybe the name the person goes by), a photo credit, a byline ("Image: X.", glued to the caption too:
# "Ann DoeImage: X."). The cue may open a quotation or a list: 'known in town as "Sunny and Drift Badger"', "the
# characters Sailor Quill and Sailor Fennick", "characters such as Zorin Vale, Mira Quell or Tobin Ash".
_NO_PERSON_BEFORE = re.compile(r"(?:\b(?P<other>(?:(?:also|better|widely|popularly|commonly)\s+)?known"
                               r"(?:\s+(?:within|in|to|among|on|by)(?:\s+[\w-]+){1,2})?\s+as"
                               r"|a\.k\.a\.?|(?:ring|pen|screen)\s+names?|persona\s+as"
                               r"|(?:play(?:s|ed|ing)?|took\s+on|takes?\s+on|title|lead|leading)\s+(?:the\s+)?"
                               r"(?:(?:title|lead|leading)\s+)?roles?\s+of|voic(?:ed|es|ing))(?:\s+(?:the|a|an|his|her))?"
                               r"|\b(?i:image|photo|photograph|picture|credit)s?(?:\s+by|\s*:)|(?<=[a-z])(?:Image|Photo):"
                               r"|\b(?:stage\s+names?|characters?|alias|persona|pseudonym|alter[ -]ego"
                               r"|dressed(?:\s+up)?\s+as|cosplay(?:s|ed|ing)?(?:\s+as|\s+of)?|costumed\s+as)"
                               r"(?:\s+(?:(?:of|the|a|an|his|her|their)\s+)?(?:(?!by\b)[a-z-]+\s+){0,2})?)"
                               r"\s*[\"“]?(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}(?:,\s+|,?\s+(?:and|&|or)\s+)){0,3}"
                               r"(?:(?:Mrs?|Ms|Miss|Dr|Sir|Lady|Lord|King|Queen|Prince|Princess|Duke|Duchess|Count|Countess"
                               r"|Emperor|Empress|Captain|Colonel|General|Doctor|Professor|Saint|St)\.?\s+)?$")
_BIRTH_NAME = ("born ", "Born ", "née ", "Née ")
_NO_PERSON_CUE = re.compile(r":|\b(?:by|as)\b|haracter|lias|ersona|seudonym|ego|osplay|a\.k\.a|names?\s|ole|oic")
# A relative noun, then first names in a list ("sons Paul and", "daughters, Ann, Beth, and "), up to a name.
_LIST_OR_KIN = frozenset("and children kids sons daughters grandchildren".split())
_KIN_BEFORE = re.compile(r"\b([a-z]+),?[ \t]+((?:[A-Z][a-z]+,?[ \t]+(?:and[ \t]+)?)*)$")


def no_person_before(text: str, begin: int) -> int:
    """2 when a character, costume or second-name phrase comes right before `begin` (no person of its own
    anywhere in the text), 1 after a credit or a stage name (no person here), else 0 (`_NO_PERSON_BEFORE`,
    with a cheap look for its words first: this runs for most mentions). The look reaches further back after a
    comma or an "and", where the name may end a list the cue opened."""
    if text.endswith(_BIRTH_NAME, max(0, begin - 5), begin):
        return 1  # a birth name ("born X", "née X"): the person the text names otherwise (gold rule 4)
    listed = text[max(0, begin - 5):begin].endswith((", ", " and ", " or "))
    window = text[max(0, begin - (90 if listed else 56)):begin]
    if not _NO_PERSON_CUE.search(window) or not (cue := _NO_PERSON_BEFORE.search(window)):
        return 0
    return 2 if cue.group("other") else 1


# A cast list's role: "starring Ada Brook as Nell Quist, …", "Professional cosplayer Ada Brook as Nell Quist⏎" — a
# name, "as", then the role's name, ending where the clause does (not "… thanked Ada Brook as Nell Quist spoke").
_CAST_BEFORE = re.compile(r"[A-Z][\w'’.-]*[a-z][ \t]+as[ \t]+$")
_CAST_AFTER = re.compile(r"[ \t]*(?:[,.;:)\n]|$|(?:in|from|on|and)\b)")


def cast_role(text: str, begin: int, end: int) -> bool:
    """Whether the name at `begin`..`end` is a role set after an actor's or a cosplayer's name (`_CAST_BEFORE`)."""
    return (text.startswith(" as ", begin - 4) and bool(_CAST_BEFORE.search(text, max(0, begin - 40), begin))
            and bool(_CAST_AFTER.match(text, end)))


def kin_before(text: str, start: int, word: str, previous: str, relatives: Words, first_names: Words) -> str:
    """The relative noun ("wife", "daughters") that introduces a list of given names ending with `word` at
    `start` (`previous` is the word before it), else "": a known first name ("his widow, Denise", "sons Paul
    and Tom") or one set off ("her sons, Zorvex and Quillan,"; not "his wife, Hollywood actress …", nor a
    firm's "partner, Goldman,")."""
    if not (previous[-1:] == "," or previous in _LIST_OR_KIN):  # (a cheap look first)
        return ""
    window = text[max(0, start - 60):start]
    kin = _KIN_BEFORE.search(window) if window.endswith((" ", ", ")) else None
    if not kin:
        return ""
    noun = kin.group(1).lower()
    singular = "child" if noun in ("children", "kids") else noun[:-1] if noun.endswith("s") else noun
    end = start + len(word)
    set_off = text[end:end + 1] in ",.;)" or text.startswith((" and ", " or "), end)
    return noun if singular in relatives and (word.lower() in first_names or (
        set_off and singular not in ("friend", "colleague", "partner"))) else ""


# A pair of given names before one surname: "Joanne and Edward Corr" (a known first name, "and", a known first name,
# the surname and no more capitalised words: not "Paul Smith Ltd", "David Hart Jr.").
_PAIR_AFTER = re.compile(r"[ \t]+(?:and|&)[ \t]+([A-Z][a-z]+)[ \t]+([A-Z][\w'’-]*[a-z])(?![\w'’-]|[ \t]+[A-Z])")


def shared_surname(text: str, end: int, word: str, first_names: Words) -> str:
    """The surname that the lone known first name `word` ending at `end` shares with the full name after "and"
    ("Joanne and Edward Corr": "Corr"), else "". A word that is itself that surname is a surname, not a first
    name ("Morgan and Nancy Morgan": the husband by his surname, then his wife)."""
    if not text.startswith((" and ", " & "), end) or word.lower() not in first_names:
        return ""
    pair = _PAIR_AFTER.match(text, end)
    if not pair or pair.group(1).lower() not in first_names or pair.group(2).lower() == word.lower():
        return ""
    return pair.group(2)


# A nickname in quotes inside a name: 'Robert "Bobby" Lane' reads as "Robert Lane" (gold rule 4).
# So does the comma before a suffix: "Martin Doe, Jr." is "Martin Doe Jr." (gold rule 2 keeps the suffix).
# (Both patterns open on a rare character, so the scan is fast; the word before a nickname is checked after.)
_NICKNAME = re.compile(r"[\"“][A-Z][\w.’'-]*[\"”](?=[ \t\n]+(?:[A-Z][a-z]|(?:de|van|von|da|di|du|le|la)[ \t]+[A-Z]))")
_SUFFIX_COMMA = re.compile(r",(?= (?:Jr|Sr)\.)")


def _blank(match: re.Match[str]) -> str:
    text, start = match.string, match.start()
    before = text[:start].rstrip(" \t\n")
    if len(before) == start or not before[-1:].islower():
        return match.group()  # a quotation after a name, not a nickname inside one
    return " " * len(match.group())


def blank_nicknames(text: str) -> str:
    """`text` with quoted nicknames inside names and commas before Jr./Sr. turned into spaces (offsets
    and line breaks unchanged), so that the name around them is read as one run of capitalised words."""
    text = _NICKNAME.sub(_blank, text)
    return _SUFFIX_COMMA.sub(" ", text) if "r." in text else text
