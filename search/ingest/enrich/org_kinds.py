"""Organisation names that the text introduces by what kind of organisation they are.

Many organisations have no organisation word in their name and are in no table ("Magyar Nemzet",
"Civic Platform", "Biedronka"); the text says what they are, right before or after the name: "the
daily newspaper Magyar Nemzet", "the opposition party Civic Platform", "a website known as
"Welcome To Video"", "Vyasna, an independent human rights centre", "Kaufland, a German supermarket
chain", "the Acme Widgets company" (`kinds_after_name`). The kind nouns are `kind_nouns` in
`organisations.toml`; `organisations.find_organisations` calls `named_by_kind` where one occurs (lower
case, as a whole word).

Guards: the name is one to five capitalised words, not a title, a country or a common given name
("the company Chairman John Smith", "the party Jane Doe founded" give nothing); after the name, the
kind noun must end the phrase ("Smith, a company director" and "Smith, a lawyer for the firm" are
people described, not organisations).
"""

from __future__ import annotations

import re

from search.ingest.enrich.org_headlines import headline_company
from search.ingest.enrich.org_runs import RUN, run_around
from search.ingest.enrich.org_types import Candidate, Tables, fold, known_key

__all__ = ["compound_banks", "marked_companies", "name_candidate", "named_as_part", "named_before_legal_form",
           "named_by_kind"]

# "newspaper| Magyar Nemzet", "website| known as "Welcome To Video"".
_NAME_AFTER = re.compile(r"[ \t]+(?:(?:known as|called|named)[ \t]+)?[\"“]?(?=[A-Z])")
# "Kaufland, a German supermarket |chain": the name, then ", a/an/the" and up to four words.
_NAME_BEFORE = re.compile(r"([A-Z][\w.&'’-]*(?:[ \t]+(?:(?:of|for|and|the|de|&)[ \t]+)?[A-Z][\w.&'’-]*){0,4}),"
                          r"[ \t]+(?:a|an|the)[ \t]+((?:[\w'’-]+[ \t]+){0,4})$")
# What may follow the kind noun when the name came before it: the phrase ends there.
_PHRASE_END = re.compile(r"[,.;:)]|$|[ \t]+(?:based|that|which|owned|run|founded|known|in|from|with|and)\b")
_WORD = re.compile(r"\S+")
# "the |Solidarity| movement": a name between a lower-case "the" and the kind noun.
_THE_NAME = re.compile(rf"(?<![\w-])the[ \t]+({RUN.pattern})[ \t]+$")
_TIME_WORD = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July"
                        r"|August|September|October|November|December|Yesterday|Today|Tonight|Tomorrow")
# Kind nouns that also say how often something happens; after "a" or a number they do.
_HOW_OFTEN = frozenset(["daily", "weekly"])
_COUNTED = re.compile(r"(?:\b(?:[Aa]n?|one|two|three|four|five|six|seven|eight|nine|ten)|\d)[ \t]+$")
_NOT_DESCRIBING = frozenset(["of", "for", "at", "in", "with", "from", "by", "on", "to", "as", "who", "whose"])


def named_by_kind(text: str, start: int, end: int, tables: Tables) -> Candidate | None:
    """The organisation named right after or right before the kind noun at text[start:end], if any."""
    if text[start:end] in _HOW_OFTEN and _COUNTED.search(text, max(0, start - 12), start):
        return None  # "a daily Aspirin", "three daily Atlanta flights": how often, not a newspaper
    introduced = _NAME_AFTER.match(text, end)
    if introduced is not None:
        run = RUN.match(text, introduced.end())
        if run is not None:
            return name_candidate(text, run.start(), run.end(), tables)
    if text[start:end] in tables.kinds_after_name and not text.startswith(" of ", end):  # "company of engineers"
        named = _THE_NAME.search(text, max(0, start - 80), start)
        if named is not None:  # "the Solidarity movement", "the Volunteers of Victory movement"
            return name_candidate(text, named.start(1), named.end(1), tables)
    if text.find(",", max(0, start - 60), start) < 0 or _PHRASE_END.match(text, end) is None:
        return None
    before = _NAME_BEFORE.search(text, max(0, start - 120), start)
    if before is None or any(w in _NOT_DESCRIBING for w in before.group(2).split()):
        return None
    return name_candidate(text, before.start(1), before.end(1), tables)


# "its |Chevrolet and Oldsmobile| divisions", "GF's |Maxwell House| division", "the |Buick-Oldsmobile| group".
_OWNED_NAME = re.compile(rf"(?:(?<![\w-])(?:the|its|their)|[a-zA-Z.]['’]s?)[ \t]+({RUN.pattern})[ \t]+$")
_OF_NAME = re.compile(r"[ \t]+of[ \t]+(?=[A-Z])")


def named_as_part(text: str, start: int, end: int, tables: Tables) -> list[Candidate]:
    """Companies named with a part of one, the noun at text[start:end]: the parts between "the", "its" or
    an owner's possessive and the noun ("General Motors' Chevrolet and Buick divisions" gives both, "its
    Acme Foods subsidiary"), and the owner after a singular noun and "of" ("a unit of Acme Corp"). Not a
    people's adjective or a country ("its Canadian subsidiary", "the Asian division")."""
    noun = text[start:end]
    after = _OF_NAME.match(text, end) if noun in ("subsidiary", "unit") else None  # not "the division of X"
    if after is not None:
        run = RUN.match(text, after.end())
        found = name_candidate(text, run.start(), run.end(), tables) if run is not None else None
        return [found] if found is not None and _a_part_name(found.name, tables) else []
    k = start - 1
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    if not text[k : k + 1].isupper():
        return []  # no name right before the noun ("a unit", "its chemicals division"): the common case
    owned = _OWNED_NAME.search(text, max(0, start - 80), start)
    if owned is None:
        return []
    split = re.search(r"[ \t]+and[ \t]+", owned.group(1))
    if split is None or not noun.endswith("s"):  # one part: "its Pratt and Whitney unit"
        end = owned.end(1) - (2 if owned.group(1).endswith(("'s", "’s")) else 0)  # "its Harrah's subsidiary"
        name = " ".join(text[owned.start(1) : end].split())
        whole = name_candidate(text, owned.start(1), owned.start(1) + len(name.split(" and ")[0]), tables)
        found = Candidate(owned.start(1), end, name, tables.keys.get(fold(name)), 1) if whole else None
        return [found] if found is not None and _a_part_name(name, tables) else []
    names = [(owned.start(1), owned.start(1) + split.start()), (owned.start(1) + split.end(), owned.end(1))]
    return [c for s, e in names
            if (c := name_candidate(text, s, e, tables)) is not None and _a_part_name(c.name, tables)]


def _a_part_name(name: str, tables: Tables) -> bool:
    """Whether a name before or after a part noun can be a company's: not an adjective of peoples or
    places ("Latin American", "Anglo-Dutch"), nor one with "-based" or an owner's possessive inside ("a
    unit of Acme's Coal Co": which company is meant is unclear)."""
    last = name.split()[-1]
    return not (all(part in tables.places for part in last.split("-")) or "-based" in name or "'s " in name
                or "’s " in name)


# One word that ends in "bank" names a bank ("Oschadbank", "Commerzbank", "RepublicBank"); not "Interbank"
# (an adjective at the start of a sentence) or "Non-bank".
_COMPOUND_BANK = re.compile(r"(?!Inter)[A-Z][a-z]{3,}(?:bank|Bank)")
_OF_PLACE = re.compile(r"[ \t]+of[ \t]+((?:the[ \t]+)?[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?)")


def compound_banks(text: str, tables: Tables) -> list[Candidate]:
    """Banks named by one compound word: "Oschadbank", "Eximbank of Russia" (the runs take the "of"
    tail where there is one), not a place ("Burbank" is a city of the gazetteer only if listed)."""
    found = []
    for at in _ends_of_banks(text):
        start = at
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        match = _COMPOUND_BANK.fullmatch(text, start, at + 4)
        if match is None or (start > 0 and text[start - 1] in "&'’.-") or match.group() in tables.places:
            continue
        end = match.end()
        tail = _OF_PLACE.match(text, end)
        if tail is not None and tail.group(1).removeprefix("the ") in tables.places:
            end = tail.end()  # "Eximbank of Russia"
        found.append(Candidate(match.start(), end, text[match.start() : end], tables.keys.get(fold(match.group())), 1))
    return found


def _ends_of_banks(text: str) -> list[int]:
    """Where "bank" or "Bank" ends a longer word ("Oschad|bank", "Republic|Bank"), found by `str.find` (a
    regular expression that looks behind first scans every character)."""
    found = []
    for ending in ("bank", "Bank"):
        at = text.find(ending, 1)
        while at > 0:
            after = at + 4
            if text[at - 1].islower() and not (after < len(text) and (text[after].isalnum() or text[after] in "_&-")):
                found.append(at)
            at = text.find(ending, at + 1)
    return sorted(found)


def named_before_legal_form(text: str, start: int, end: int, tables: Tables) -> Candidate | None:
    """The company whose legal form ", Inc." stands at text[start:end]: "Hungarian National Asset
    Management, Inc." (with the comma, the words before it hold no organisation word)."""
    k = start
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    run = run_around(text, k, start) if k < start else None
    if run is None or run.end() != start:
        return None
    name = name_candidate(text, run.start(), run.end(), tables)
    if name is None or name.end != start:
        return None
    legal_form = text[start:end].rstrip(".") if end == len(text) or not text[end].isalnum() else None
    if legal_form is None:
        return None
    return Candidate(name.start, start + len(legal_form), name.name + legal_form, None, 1)


# Newswire marks: a company's name in angle brackets ("talks with <Comsat>", "<Aluvic Ltd>"), and a
# stock ticker after a company's name in capitals ("ACME TOOL CO <ACT> RAISES DIVIDEND").
_BRACKETED = re.compile(r"<([A-Z][^<>]{0,60})>")  # a line may break inside: "<VMS\nRealty Partners>"
_TICKER = re.compile(r"[ \t]<[A-Z][A-Z0-9.]{0,7}>")
_MAX_MARKED_WORDS = 8
_LEGAL_FORM_NEXT = re.compile(r"[ \t]+([A-Z][A-Za-z]{1,5})\b")


def marked_companies(text: str, tables: Tables) -> list[Candidate]:
    """Companies that a wire service marks as such: a name with small letters in angle brackets ("the
    syndicate led by <Harbour Securities Ltd>"), and a headline's name in capitals right before a
    ticker in angle brackets, under the body's spelling ("ACME TOOL CO <ACT> ..." and "Acme Tool said"
    give "Acme Tool Co"). Not a country or a bare legal form."""
    found = []
    for match in _BRACKETED.finditer(text):
        inner = match.group(1)
        if inner.isupper() or text.rfind("<", 0, match.start()) > text.rfind(">", 0, match.start()):
            continue  # a ticker ("<ACT>"), or the end of a name bracketed across a typo ("<Bank of New <York>")
        end = match.end(1) - (2 if inner.endswith(("'s", "’s")) else 0)
        written = text[match.start(1) : end].rstrip(".,;: \n")
        name = " ".join(written.split())
        if len(name.split()) <= _MAX_MARKED_WORDS and "^" not in name and _a_company(name, tables):
            found.append(Candidate(match.start(1), match.start(1) + len(written), name, known_key(name, tables), 1))
    title_end = text.find("\n")
    ticker = _TICKER.search(text, 0, title_end) if title_end > 0 else None
    if ticker is not None:
        words = text[: ticker.start()].split()[-6:]
        suffix = words[-1].capitalize() if words and words[-1].capitalize() in tables.suffixes else ""
        core = words[:-1] if suffix else words
        lowered = text.lower()
        for n in range(len(core), 0, -1):
            start = _first_mention(lowered, " ".join(core[-n:]).lower(), title_end)
            end = start + len(" ".join(core[-n:]))
            mention = text[start:end]
            if start < 0 or mention.isupper() or not mention[0].isupper() \
                    or not all(w[0].isupper() or w in tables.connectors for w in mention.split()):
                continue  # not named in the body, or only in capitals ("GM") or as common words ("stake in")
            legal = _LEGAL_FORM_NEXT.match(text, end)
            if legal is not None and legal.group(1) in tables.suffixes:
                suffix = legal.group(1)  # "Barnett Banks of Florida| Inc"
            name = mention + (" " + suffix if suffix else "")
            single = core[-1].capitalize()
            if n > 1 or (single not in tables.organisation and single not in tables.suffixes
                         and _a_company(name, tables)):
                found.append(Candidate(start, end, name, known_key(name, tables), 1))
            break
        else:
            headline = headline_company(text, tables)  # named in the headline only: "GENERAL MILLS INC <GIS>"
            found.extend([headline] if headline is not None else [])
    return found


def _first_mention(lowered: str, phrase: str, start: int) -> int:
    """Where `phrase` (lower case) first occurs in `lowered` from `start` as whole words, or -1."""
    at = lowered.find(phrase, start)
    while at >= 0:
        after = at + len(phrase)
        if not (lowered[at - 1].isalnum() or lowered[at - 1] in ".&-") \
                and not (after < len(lowered) and (lowered[after].isalnum() or lowered[after] in "_&-")):
            return at
        at = lowered.find(phrase, at + 1)
    return -1


def _a_company(name: str, tables: Tables) -> bool:
    """Whether a single marked name can be a company: not a country, a place, a bare legal form, a title
    or a given name."""
    first = name.split()[0]
    return not (name.lower() in tables.countries or name in tables.places or name in tables.suffixes
                or first in tables.openers or first in tables.roles or name.lower() in tables.first_names
                or name.lower() in tables.not_organisations)


def name_candidate(text: str, start: int, end: int, tables: Tables) -> Candidate | None:
    """The name at text[start:end] (possessive and trailing connectors dropped), if it can be one. It
    ends before "and" ("state news agency Saba and al-Eryani": two names), unless a company's legal
    suffix follows ("Lazard Freres and Co"), and before a time word ("Sea-Eye on Sunday")."""
    words = list(_WORD.finditer(text, start, end))
    for i in range(1, len(words)):
        word = words[i].group()
        if _TIME_WORD.fullmatch(word) or (word == "and" and (i + 1 == len(words) or words[i + 1].group()
                                                          not in tables.suffixes)):
            words = words[:i]
            break
    while words and (words[-1].group() in tables.connectors or words[-1].group() in tables.tail_connectors):
        words.pop()
    if not 1 <= len(words) <= 5:
        return None
    first = words[0].group()
    if first in tables.openers or first in tables.roles or first in tables.numbers \
            or first.lower() in tables.first_names or first.split("-", 1)[0] in tables.roles:
        return None
    stop = words[-1].end() - (2 if words[-1].group().endswith(("'s", "’s")) else 0)
    name = " ".join(text[start:stop].split())
    if name.lower() in tables.countries or name in tables.places or name in tables.suffixes \
            or name in tables.organisation or all(part in tables.places for part in name.split("-")) \
            or name.lower() in tables.not_organisations:
        return None  # a country, a capital, "Chilean-Ecuadoran", "Ltd" of "(Pacific) Ltd, a Hong Kong firm", "State"
    return Candidate(start, stop, name, tables.keys.get(fold(name)), 1)
