"""Named organisations in an article: a known-name table plus capitalised runs with an organisation word.

Four sources, merged by position (the longest match wins where they overlap):

1. The `[known]` table of `organisations.toml`: well-known names and their aliases ("U.N.", "UN"
   -> "United Nations"; "FSB" -> "Federal Security Service"), matched case-sensitively as whole
   words in one Aho-Corasick pass. A few ambiguous forms ("Democratic", "Houthi") carry context
   rules; `[blockers]` take their span and give nothing ("Democratic Republic of the Congo").
2. Runs of capitalised words (with "of", "for", "and", "the"... inside) containing an
   organisation word: "Ministry of Foreign Affairs", "Tasnim News Agency", "King's College London".
   Openers and titles are trimmed ("The", "Deputy Head of"), possessives split the run
   ("NATO's Arms Control ... Centre"), and the name ends at its last organisation word plus an
   "of ..." tail or a place name. This source lives in `org_runs`.
3. Acronyms the article expands itself, "the National Disaster Response Force (NDRF)": the long
   form is used for every mention of the acronym in this article. An organisation of the table keeps
   its canonical name however the article spells or expands it ("ISIS (Islamic State of Iraq and
   Syria)" -> "ISIS"): a facet shows one value per organisation (`canonical_organisation`).

4. Short names in capitals introduced as companies: "BT said", "shares in GKN" (`_short_company`).
5. Names introduced by their kind: "the daily newspaper Magyar Nemzet", "Kaufland, a German
   supermarket chain" (`org_kinds`).
6. Firms named by their analysts or as brokers: "an analyst at James Capel", "brokers Hoare Govett"
   (`org_employers`).
7. Companies marked by the stock ticker a newswire writes after them: "Fiat SpA <FIAT.MI>",
   "Atlantic Richfield <ARC>" (`org_tickers`).

Guards (issue 11): a country is never an organisation (every form of the places gazetteer is
dropped from the output, and a country name holding an organisation word or known form is a
blocker: "Democratic People's Republic of Korea", "Russian Federation"); an acronym next to other
words in capitals is a heading or an English word, not an organisation ("WHO WAS OSCAR?"); forms
with another sense need their organisation sense ("Sputnik V" is a vaccine, and so is every
"Sputnik" of an article that names it). Hard-wrapped lines are joined first, so that a name
broken over two lines is found whole ("Securities and\nExchange Commission").

Bare names of UN organs ("the Security Council") are the UN's organs in an article that names the
UN, and stay as written elsewhere (a state's own "Security Council"): `[un_organs]`.

Output: names in order of first mention, without duplicates (compared case-insensitively), with
curly apostrophes normalised to the straight one ("King's College London"). No NLTK data, no models:
regular expressions and set look-ups, linear in the length of the text.
"""

from __future__ import annotations

import re

from search.ingest.enrich.org_acronyms import expanded_acronyms
from search.ingest.enrich.org_employers import employers
from search.ingest.enrich.org_government import acting_treasury, bare_congress, portfolio_ministries
from search.ingest.enrich.org_kinds import (
    compound_banks,
    marked_companies,
    named_as_part,
    named_before_legal_form,
    named_by_kind,
)
from search.ingest.enrich.org_runs import RUN, run_around, run_candidates
from search.ingest.enrich.org_tables import Form, tables_of_organisations
from search.ingest.enrich.org_tickers import ticker_companies
from search.ingest.enrich.org_types import Candidate, Tables, fold, known_key, normalise
from search.ingest.enrich.org_values import facet_values

__all__ = ["canonical_organisation", "find_organisations"]

_MODEL_NUMBER = re.compile(r"^[ \t]+[A-Z]{0,3}-?[0-9]")  # "Boeing 737", "Airbus A320": a product
_NAMES_THE_UN = re.compile(r"\bUnited Nations\b|\bU\.N\.|\bUN\b")
_CONTEXT_CHARS = 40


def find_organisations(text: str) -> list[str]:
    """Named organisations in `text`, canonical names, in order of first mention, no duplicates."""
    tables = tables_of_organisations()
    text = _unwrap(text)
    candidates: list[Candidate] = []
    run_end = 0  # runs are looked at once, around the first organisation word found in them
    for last, (length, form) in tables.automaton.iter(text):
        start, end = last + 1 - length, last + 1
        if form.trigger == "part":  # " unit": the form starts with a space
            if _whole_words(text, start + 1, end):
                candidates.extend(named_as_part(text, start + 1, end, tables))
            continue
        if form.trigger in ("kind", "legal form"):
            if _whole_words(text, start, end):
                find = named_by_kind if form.trigger == "kind" else named_before_legal_form
                candidate = find(text, start, end, tables)
                if candidate:
                    candidates.append(candidate)
            continue
        if form.trigger:  # "said", "shares in": most have no short name in capitals by them
            if (text[start - 1] if form.trigger == "before" else text[end + 1 : end + 2]).isupper() \
                    or text[start - 2 : start] in ("'s", "’s"):
                candidate = _short_company(text, start, end, form.trigger == "before", tables)
                if candidate:
                    candidates.append(candidate)
            continue
        if not _whole_words(text, start, end):
            continue
        if form.key is not None or form.blocker:
            if _meant(text, start, end, form) and not (form.key and _in_capitals(text, start, end, tables)):
                candidates.append(Candidate(start, end, form.key or "", form.key, 0))
        if (form.head or (form.key is not None and _capitalised_before(text, start, tables))) and start >= run_end:
            run = run_around(text, start, end)
            if run is not None:
                run_end = run.end()
                candidates.extend(_sent_to(text, c, tables) for c in run_candidates(text, run, tables))
    if "<" in text:
        candidates.extend(marked_companies(text, tables))
        candidates.extend(ticker_companies(text, tables))
    if "Treasury " in text:
        candidates.extend(acting_treasury(text, tables))
    if "bank" in text or "Bank" in text:
        candidates.extend(compound_banks(text, tables))
    if "Congress" in text:
        candidates.extend(bare_congress(text))
    if " ministry" in text:
        candidates.extend(portfolio_ministries(text, tables))
    candidates.extend(employers(text, tables))
    overrides, extra = expanded_acronyms(text, candidates, tables)
    candidates[:0] = extra  # first among equal spans: "CITIC said" is the long form the article gave
    candidates.sort(key=lambda c: (c.start, -c.end, c.rank))
    names: dict[str, str] = {}
    cover, covered, cover_unknown = 0, 0, False  # the span of the last name taken, and whether it is unknown
    organs: dict[str, str] | None = None  # looked up once, at the first bare name of a UN organ
    for candidate in candidates:
        if candidate.start < covered:
            # "Committee of Ministers of the Council of Europe": a body named whole with its known organisation
            # (not an office of a title: "Office of the President of the General Assembly").
            body = text[cover : candidate.start - 8].split()
            if not (candidate.key and cover_unknown and candidate.end == covered and len(body) > 1
                    and text.endswith(" of the ", 0, candidate.start) and body[-1] not in tables.roles):
                continue
        else:
            cover, cover_unknown = candidate.start, candidate.key is None
        covered = candidate.end
        if candidate.key is None and candidate.rank == 0:
            continue  # a blocker
        name = overrides.get(candidate.key, candidate.key) if candidate.key else candidate.name
        if name in tables.un_organs:
            organs = _un_organs(text, tables) if organs is None else organs
            name = organs.get(name, name)
        name = normalise(name).rstrip("–-")  # "Communist Party of Vietnam–Russia talks"
        # "Russian Federation", "United States-Russian Federation": a country is never an organisation.
        if name.lower() not in tables.countries and not (("-" in name or " of " in name) and _a_country(name, tables)):
            seen = names.setdefault(name.lower(), name)
            if seen.isupper() and not name.isupper():
                names[name.lower()] = name  # the body's "Hoechst AG", not the headline's "HOECHST AG"
    return facet_values(list(names.values()), text, tables)


def canonical_organisation(name: str, text: str = "") -> str:
    """The facet value for an organisation called `name` in an article whose text is `text`: the
    canonical name of the known-name table for any of its forms ("EU", "E.U." -> "European Union";
    "Group of 20" -> "G20"), the UN's organ for a bare organ name where `text` names the UN (see
    `_un_organs`), else `name` itself (white space and apostrophes normalised, without a final full
    stop: "HDT Kft." at the end of a sentence is "HDT Kft"). `find_organisations` gives these values;
    this is the same mapping for a name from elsewhere (a hand label, a query)."""
    tables = tables_of_organisations()
    key = known_key(name, tables)
    if key is None:
        return normalise(name).rstrip(".")
    return _un_organs(text, tables).get(key, key) if key in tables.un_organs else key


_TO_PLACE = re.compile(r"[ \t]+to[ \t]+(?:the[ \t]+)?")


def _sent_to(text: str, candidate: Candidate, tables: Tables) -> Candidate:
    """A mission or office ending a run, with the place it is sent to after "to" (outside the run): "the
    African Union Mission to Somalia", "Regional Assistance Mission to Solomon Islands"; not "the Mission
    to the United Nations" (an organisation, named on its own) nor "Office to coordinate"."""
    if not text.startswith(" to ", candidate.end) or candidate.name.rsplit(" ", 1)[-1] not in tables.in_tail:
        return candidate
    to = _TO_PLACE.match(text, candidate.end)
    run = RUN.match(text, to.end()) if to is not None else None
    if run is None or (place := run.group().split(" and ", 1)[0]) not in tables.places:  # "to Tonga and the ..."
        return candidate
    name = text[candidate.start : run.start() + len(place)]
    return Candidate(candidate.start, candidate.start + len(name), name, known_key(name, tables), candidate.rank)


def _un_organs(text: str, tables: Tables) -> dict[str, str]:
    """Bare organ names that stand for the UN's organ in `text`: those of `tables.un_organs` when
    the text names the United Nations, except an organ that the text shows to be a state's own
    ("the Secretary of the Security Council", "Russia's Security Council")."""
    if not _NAMES_THE_UN.search(text):
        return {}
    return {bare: un for bare, un in tables.un_organs.items()
            if bare not in tables.national or not tables.national[bare].search(text)}


_STATE_OF = re.compile(r"(?:Federation|Union|Commonwealth) of (?:the )?(.+)")


def _a_country(name: str, tables: Tables) -> bool:
    """Whether a name is a country's: a state's formal name ("Federation of Saint Kitts and Nevis", "Union
    of the Comoros"; not "Commonwealth of Nations"), or countries joined by hyphens ("United
    States-Russian Federation", the sides of a treaty; not "Asia-Pacific Group")."""
    formal = _STATE_OF.fullmatch(name)
    if formal is not None:
        return formal.group(1).lower() in tables.countries
    return all(part.strip().lower() in tables.countries for part in name.split("-"))


def _whole_words(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is not part of a longer word ("UN-backed" is fine, "Time-Life" is not)."""
    if start > 0 and text[start].isalnum() and (text[start - 1].isalnum() or text[start - 1] in "_-"):
        return False
    if end < len(text) and text[end - 1].isalnum():
        following = text[end]
        if following.isalnum() or following == "_":
            return False
        if following == "-" and end + 1 < len(text) and text[end + 1].isupper():
            return False
    return True


def _meant(text: str, start: int, end: int, form: Form) -> bool:
    """Whether a known form is meant here: its context rules, and no model number after it."""
    if form.reject_before and form.reject_before.search(text[max(0, start - _CONTEXT_CHARS) : start]):
        return False
    after = text[end : end + _CONTEXT_CHARS]
    if form.require_after and not form.require_after.search(after):
        return False
    if form.reject_after and form.reject_after.search(after):
        return False
    if form.reject_anywhere and form.reject_anywhere.search(text):
        return False
    return not (form.key and _MODEL_NUMBER.match(after) and not form.key[-1].isdigit())


def _capitalised_before(text: str, start: int, tables: Tables) -> bool:
    """Whether a capitalised word (not an opener) comes right before `start`: "Libyan House of
    Representatives", "BBC World Service" may be longer names than the known one."""
    j = start
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == start or j == 0:
        return False
    k = j - 1
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return text[k].isupper() and text[k:j] not in tables.openers


# --- Hard-wrapped lines, capitals, short company names ---------------------------------------


_CAPS_WORD = re.compile(r"[A-Z][A-Z'’]{2,}")
# The words right next to an acronym, with nothing but a space between ("WHO WAS", not "CIS, SCO").
_NEIGHBOUR_BEFORE = re.compile(r"([A-Za-z'’]+)[ \t]+$")
_NEIGHBOUR_AFTER = re.compile(r"[ \t]+([A-Za-z'’]+)")
# A line break inside a sentence; the look-behinds come after the "\n" so that the search starts at
# a literal (several times faster).
_WRAP = re.compile(r"\n(?:(?<=[A-Za-z,]\n)|(?<=s'\n))(?=[A-Za-z(<])")
# A line broken after the hyphen of a capitalised compound: "the Non-\nAligned Movement".
_HYPHEN_WRAP = re.compile(r"\n(?<=[A-Za-z]-\n)(?=[A-Z0-9])")
_SHORT_BEFORE = re.compile(r"(?<![\w&.-])([A-Z][A-Z0-9&]{1,4})(?:'s|’s)?$")  # "BT| said"
_SHORT_AFTER = re.compile(r"([A-Z][A-Z0-9&]{1,4})(?![\w&.-])")  # "shares in |BT"


def _unwrap(text: str) -> str:
    """`text` with the line breaks of hard-wrapped lines made spaces, so that a name broken over two
    lines is one run ("the Securities and\nExchange Commission", "the Democratic \nRepublic of the
    Congo"). A break is a wrap when its line ends in a letter, a comma or a plural possessive (spaces at
    the end of a line are dropped) and the next line goes on without indent ("its ACME\nsubsidiary", "the
    Swiss Bankers'\nAssociation": a wire's paragraphs start indented, so a name in capitals or a
    possessive at the end of a line is inside a sentence); the first line (the title) and
    paragraph breaks stay. A line that ends in the hyphen of a compound whose next part is capitalised
    is joined without a space ("Non-\nAligned Movement" is "Non-Aligned Movement"). Every later step
    works on this text."""
    first = text.find("\n") + 1
    if not first or text.count("\n", first) < 2:
        return text
    if " \n" in text:
        text = text.replace(" \n", "\n")
    body = _WRAP.sub(" ", text[first:])
    return text[:first] + (_HYPHEN_WRAP.sub("", body) if "-\n" in body else body)


def _in_capitals(text: str, start: int, end: int, tables: Tables) -> bool:
    """Whether an acronym at text[start:end] stands among words in capitals, where it may be an
    English word or part of a heading: "WHO WAS OSCAR?", "TOP NATO ENVOY QUITS" (a line in capitals)."""
    if not text[start:end].isupper():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if line.isupper() and " " in line.strip():
        return True
    before = _NEIGHBOUR_BEFORE.search(text, max(line_start, start - 30), start)
    after = _NEIGHBOUR_AFTER.match(text, end, min(len(text), end + 30))
    return any(
        match is not None and _CAPS_WORD.fullmatch(match.group(1)) is not None
        and fold(match.group(1)) not in tables.keys and match.group(1).lower() not in tables.countries
        for match in (before, after))


def _short_company(text: str, start: int, end: int, before: bool, tables: Tables) -> Candidate | None:
    """A short name in capitals introduced as a company by the trigger at text[start:end]: "BT said",
    "shares in BT" (not a country, an acronym of the known table, a common abbreviation or a word in
    a heading). "GKN plc", "BT Group" need no trigger: their runs have an organisation word."""
    match = _SHORT_BEFORE.search(text, max(0, start - 8), start) if before else \
        _SHORT_AFTER.match(text, end + 1) if end < len(text) and text[end] == " " else None
    if match is None:
        return None
    name = match.group(1)
    if name.lower() in tables.countries or name in tables.not_acronyms or fold(name) in tables.keys \
            or _in_capitals(text, match.start(1), match.end(1), tables):
        return None
    return Candidate(match.start(1), match.end(1), name, None, 1)
