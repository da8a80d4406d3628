"""Named organisations in an article: a known-name table plus capitalised runs with an organisation word.

Three sources, merged by position (the longest match wins where they overlap):

1. The `[known]` table of `organisations.toml`: well-known names and their aliases ("U.N.", "UN"
   -> "United Nations"; "FSB" -> "Federal Security Service"), matched case-sensitively as whole
   words in one Aho-Corasick pass. A few ambiguous forms ("Democratic", "Houthi") carry context
   rules; `[blockers]` take their span and give nothing ("Democratic Republic of the Congo").
2. Runs of capitalised words (with "of", "for", "and", "the"... inside) containing an
   organisation word: "Ministry of Foreign Affairs", "Tasnim News Agency", "King's College London".
   Openers and titles are trimmed ("The", "Deputy Head of"), possessives split the run
   ("NATO's Arms Control ... Centre"), and the name ends at its last organisation word plus an
   "of ..." tail or a place name.
3. Acronyms the article expands itself, "the Federal Security Service (FSB)" or
   "ISIS (Islamic State of Iraq and Syria)": the long form is used for every mention of that
   organisation in this article, in place of the table's canonical name.

Output: names in order of first mention, without duplicates (compared case-insensitively), with
curly apostrophes normalised to the straight one ("King's College London"). No NLTK data, no models:
regular expressions and set look-ups, linear in the length of the text.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import ahocorasick

__all__ = ["find_organisations"]

# Upper-case letters of the Latin, Greek and Cyrillic scripts, as a character class.
_UPPER = "".join(ch for code in (*range(0x250), *range(0x370, 0x530)) if (ch := chr(code)).isupper())
_UP = f"[{re.escape(_UPPER)}]"
_PREFIX = r"(?:(?:al|el|ad|an|as|ash|ar|az|at|ibn|bin|abu)-|[dl]['’])"
# A capitalised word: "U.S.", "Non-Proliferation", "al-Masirah", "d'Intervention", "Amazon.com", "G7".
_WORD = rf"(?:(?:{_UP}\.){{2,}}|{_PREFIX}?{_UP}[\w'’&–-]*(?:\.[\w'’&–-]+)*)"
_CONNECTOR_WORDS = r"of|for|and|the|on|in|at|&|de|du|des|la|le|et|del|di|da|für|der"
_RUN = re.compile(rf"(?<![\w.’'&-]){_WORD}(?:[ \t]+(?:(?:{_CONNECTOR_WORDS})[ \t]+){{0,2}}{_WORD})*")
_WORD_RE = re.compile(_WORD + r"(?:'s|’s|'|’)?")
_CONNECTOR_SET = frozenset(_CONNECTOR_WORDS.split("|"))
_RUN_TOKEN = re.compile(rf"{_WORD}|\S+")
_ACRONYM_AFTER = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.-]{1,9})\s*\)")
_ACRONYM_BEFORE = re.compile(r"(?<![\w.-])([A-Z][A-Z0-9&]{1,8})[ \t]+\(([^()\n]{4,120})\)")
_HYPHEN_MODIFIER = re.compile(r"-(?:led|backed|based|funded|owned|run|controlled|linked|affiliated|allied|supported|aligned|born)$")
_MODEL_NUMBER = re.compile(r"^[ \t]+[A-Z]{0,3}-?[0-9]")  # "Boeing 737", "Airbus A320": a product
_CONTEXT_CHARS = 40


@dataclass(frozen=True)
class _Form:
    """What one surface form of the known-name table yields, and when it is meant."""

    key: str | None  # canonical name of the entry; None for a blocker or a bare organisation word
    blocker: bool = False
    head: bool = False  # an organisation word: look at the capitalised run around it
    reject_before: re.Pattern[str] | None = None
    require_after: re.Pattern[str] | None = None
    reject_after: re.Pattern[str] | None = None


@dataclass(frozen=True)
class _Tables:
    automaton: Any  # ahocorasick.Automaton: surface form -> (length, _Form)
    keys: dict[str, str]  # normalised surface form (lower case) -> canonical name
    organisation: frozenset[str]
    head_only: frozenset[str]
    head_initial_only: frozenset[str]
    in_tail: frozenset[str]
    news: frozenset[str]
    things: frozenset[str]
    connectors: frozenset[str]
    tail_starters: frozenset[str]  # connectors that may open an "of ..." tail
    cuts: frozenset[str]  # words before an organisation word where its name starts afresh
    tail_connectors: frozenset[str]
    openers: frozenset[str]
    numbers: frozenset[str]
    roles: frozenset[str]
    possessive_words: frozenset[str]
    not_organisations: frozenset[str]
    not_endings: tuple[str, ...]
    places: frozenset[str]


@dataclass
class _Candidate:
    start: int
    end: int
    name: str
    key: str | None  # canonical name of a known entry, if the candidate is one
    rank: int  # 0 for the known table (wins a tie), 1 for a run


def find_organisations(text: str) -> list[str]:
    """Named organisations in `text`, canonical names, in order of first mention, no duplicates."""
    tables = _tables()
    candidates: list[_Candidate] = []
    run_end = 0  # runs are looked at once, around the first organisation word found in them
    for last, (length, form) in tables.automaton.iter(text):
        start, end = last + 1 - length, last + 1
        if not _whole_words(text, start, end):
            continue
        if form.key is not None or form.blocker:
            if _meant(text, start, end, form):
                candidates.append(_Candidate(start, end, form.key or "", form.key, 0))
        if (form.head or (form.key is not None and _capitalised_before(text, start, tables))) and start >= run_end:
            run = _run_around(text, start, end)
            if run is not None:
                run_end = run.end()
                candidates.extend(_run_candidates(text, run, tables))
    overrides, extra = _acronyms(text, candidates, tables)
    candidates.extend(extra)
    candidates.sort(key=lambda c: (c.start, -c.end, c.rank))
    names: dict[str, str] = {}
    covered = 0
    for candidate in candidates:
        if candidate.start < covered:
            continue
        covered = candidate.end
        if candidate.key is None and candidate.rank == 0:
            continue  # a blocker
        name = overrides.get(candidate.key, candidate.key) if candidate.key else candidate.name
        name = _normalise(name)
        names.setdefault(name.lower(), name)
    return list(names.values())


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


def _meant(text: str, start: int, end: int, form: _Form) -> bool:
    """Whether a known form is meant here: its context rules, and no model number after it."""
    if form.reject_before and form.reject_before.search(text[max(0, start - _CONTEXT_CHARS) : start]):
        return False
    after = text[end : end + _CONTEXT_CHARS]
    if form.require_after and not form.require_after.search(after):
        return False
    if form.reject_after and form.reject_after.search(after):
        return False
    return not (form.key and _MODEL_NUMBER.match(after) and not form.key[-1].isdigit())


def _capitalised_before(text: str, start: int, tables: _Tables) -> bool:
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


def _run_around(text: str, start: int, end: int) -> re.Match[str] | None:
    """The run of capitalised words that contains text[start:end], found by walking back word by word."""
    first = start
    i = start
    connectors = 0
    for _ in range(16):
        j = i
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j == i or j == 0:
            break
        k = j - 1
        while k > 0 and not text[k - 1].isspace():
            k -= 1
        word = text[k:j]
        opening = len(word) - len(word.lstrip("(\"“‘'["))
        if opening:
            if _WORD_RE.fullmatch(word, opening):
                first = k + opening  # "(National Union of ..."
            break
        if _WORD_RE.fullmatch(word):
            first, connectors = k, 0
        elif word in _CONNECTOR_SET and connectors < 2:
            connectors += 1
        else:
            break
        i = k
    run = _RUN.match(text, first)
    return run if run is not None and run.end() >= end else None


# --- Capitalised runs with an organisation word ---------------------------------------------

_Token = tuple[str, int, int]  # word (possessive stripped), start, end


def _run_candidates(text: str, run: re.Match[str], tables: _Tables) -> list[_Candidate]:
    """Organisation names inside one run of capitalised words (usually none, sometimes two)."""
    tokens = _tokens(run)
    found: list[_Candidate] = []
    for segment in _segments(text, tokens, tables):
        candidate = _name_in(text, segment, tokens[-1], tables)
        if candidate:
            found.append(candidate)
    if found and found[0].start == run.start() and text[run.start() - 2 : run.start()] == ", ":
        comma = run.start() - 2
        word_start = comma
        while word_start > 0 and not text[word_start - 1].isspace():
            word_start -= 1
        previous = _run_around(text, word_start, comma)
        if previous is not None and previous.end() == comma:
            _extend_over_list(text, found[0], tokens, previous, tables)
    if found and found[-1].end == run.end() and text[run.end() : run.end() + 2] == ", ":
        _extend_into_list(text, found[-1], run, tables)
    return found


def _tokens(run: re.Match[str]) -> list[_Token]:
    tokens = []
    for m in _RUN_TOKEN.finditer(run.group()):
        word = _bare(m.group())
        if word.endswith(("'", "’")):
            word = word[:-1]  # a closing quotation mark
        start = run.start() + m.start()
        tokens.append((word, start, start + len(word)))
    return tokens


def _bare(word: str) -> str:
    """The word without a possessive ending: "Party's" -> "Party", "Workers'" -> "Workers"."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    if word.endswith(("s'", "s’")):
        return word[:-1]
    return word


def _segments(text: str, tokens: list[_Token], tables: _Tables) -> list[list[_Token]]:
    """Split a run after the possessive of an acronym, a place or a known organisation
    ("NATO's | Arms Control Centre", "Russia's | Federal Security Service") or before a word that is
    not an organisation word ("Boris Johnson's | Conservative Party"); "King's College" stays whole.
    Then split at "and" between two names that each have an organisation word."""
    segments: list[list[_Token]] = [[]]
    for i, token in enumerate(tokens):
        word, start, end = token
        if i > 1 and tokens[i - 1][0] in tables.connectors and _possessive(text, end):
            segments.append([])  # "... for | King's College London"
        segments[-1].append(token)
        if i + 1 < len(tokens) and _possessive(text, end):
            following = tokens[i + 1][0]
            if (following not in tables.organisation or word.isupper() or word in tables.places
                    or _normalise(word).lower() in tables.keys
                    or (len(segments[-1]) > 1 and word not in tables.possessive_words)):
                segments.append([])  # not "King's College", "Kurdistan Workers' Party"
    result: list[list[_Token]] = []
    for segment in segments:
        while segment and segment[-1][0] in tables.connectors:
            segment = segment[:-1]
        result.extend(_split_and(segment, tables))
    return [s for s in result if s]


def _split_and(segment: list[_Token], tables: _Tables) -> list[list[_Token]]:
    for i, (word, _, _) in enumerate(segment):
        if word in ("and", "&") and 0 < i < len(segment) - 1:
            before, after = segment[:i], segment[i + 1 :]
            if after and after[0][0] == "the":
                after = after[1:]
            # "Johns Hopkins University and Harvard University", "Ministry of Defence and the
            # Army", "AP and NBC News"; not "Department of Health and Human Services".
            complete = before[-1][0] in tables.organisation or segment[i + 1][0] == "the" \
                or " ".join(w for w, _, _ in before).lower() in tables.keys
            if complete and _has_head(after, tables):
                return [before, *_split_and(after, tables)]
    return [segment]


def _has_head(tokens: list[_Token], tables: _Tables) -> bool:
    return any(word in tables.organisation for word, _, _ in tokens)


def _name_in(text: str, tokens: list[_Token], run_end: _Token, tables: _Tables) -> _Candidate | None:
    """The organisation name in one segment of a run, if it has one."""
    words = [w for w, _, _ in tokens]
    n = len(words)
    start = 0
    while start < n and _skippable(words[start], tables):
        start += 1

    def is_head(j: int) -> bool:
        word = words[j]
        if word not in tables.organisation:
            return False
        if word in tables.head_only:
            return j > start and words[j - 1] not in tables.connectors
        if word in tables.head_initial_only:
            return j + 1 < n and words[j + 1] == "of"
        return True

    heads = [j for j in range(start, n) if is_head(j)]
    if not heads:
        return None
    first = heads[0]
    # A title before the first organisation word: "Director of the National Hurricane Center".
    # "Carl Lipo of Binghamton University", "Director of the National Hurricane Center": the name
    # starts after the last title, opener or connector ("and" aside) before its first organisation word.
    for j in range(first - 1, start - 1, -1):
        if words[j] in tables.cuts or words[j] in tables.roles or words[j] in tables.openers or words[j] in tables.numbers \
                or _HYPHEN_MODIFIER.search(words[j]):
            start = j + 1
            while start < first and words[start] in tables.connectors:
                start += 1
            break
    # The name ends at its last organisation word before any title ("... Service Director X").
    last = first
    for j in range(first + 1, n):
        if words[j] in tables.roles or words[j] in tables.openers:
            break
        if is_head(j):
            last = j
    end = _tail_end(words, last, first > start, tables)
    if end > last and words[last + 1] == "of" and (words[last] in tables.head_only or tables.keys.get(
            _normalise(text[tokens[start][1] : tokens[last][2]]).lower())) \
            and " ".join(w for w in words[last + 2 : end + 1] if w not in tables.connectors) in tables.places:
        end = last  # "Mahan Air of Iran", "Islamic Revolutionary Guard Corps of Iran"
    if end == last and words[last] in tables.in_tail and last + 2 < n and words[last + 1] == "in":
        place = " ".join(words[last + 2 :])
        if place in tables.places:
            end = n - 1  # "US Embassy in London"
    if end == last and last + 1 == n - 1 and words[last + 1] in tables.places:
        end = last + 1  # "King's College London"
    if start == end and words[start] in tables.organisation:
        return None  # a bare "Ministry", "Party"
    # A run going on past the name to a thing: "Public Service Vehicle Regulations".
    if any(word in tables.things for word in words[end + 1 :]):
        return None
    start_char, end_char = tokens[start][1], tokens[end][2]
    # "The Aviation Herald", "band The Graham Bond Organisation": "The" stays with newspapers and
    # inside a sentence.
    if start > 0 and words[start - 1] == "The" and (
        words[last] in tables.news or not _sentence_start(text, tokens[start - 1][1])
    ):
        start_char = tokens[start - 1][1]
    name = text[start_char:end_char]
    lowered = _normalise(name).lower()
    if lowered in tables.not_organisations or any(lowered.endswith(e) for e in tables.not_endings) \
            or lowered.startswith("non-"):
        return None
    return _Candidate(start_char, end_char, name, tables.keys.get(lowered), 1)


def _tail_end(words: list[str], last: int, has_modifiers: bool, tables: _Tables) -> int:
    """Index of the last word of the name whose last organisation word is at `last`, taking an
    "of ..." tail: "Ministry of Foreign Affairs", "Brigade de Recherche et d'Intervention",
    "Institut National de Recherche Biomédicale" (one adjective may come first)."""
    n = len(words)
    k = last + 1
    if k + 1 < n and words[k] not in tables.connectors and words[k + 1] in tables.tail_starters \
            and words[k] not in tables.roles and words[k] not in tables.openers and not has_modifiers:
        k += 1  # "Institut National de ..."
    if k >= n or words[k] not in tables.tail_starters:
        return last
    end = last
    j = k
    content: list[str] = []
    while j < n:
        word = words[j]
        if word in tables.roles or word in tables.openers:
            break
        if word in tables.tail_connectors:
            # "... for Research in Environmental Sciences", not "... in Munich", "... in Ohio" or
            # "... at the Boston University School of Public Health".
            rest = [w for w in words[j + 1 :] if w not in tables.connectors]
            if len(rest) < 2 or " ".join(rest) in tables.places or rest[0] in tables.places \
                    or any(w in tables.organisation for w in rest):
                break
        elif word not in tables.connectors:
            end = j
            content.append(word)
        j += 1
    return end


def _skippable(word: str, tables: _Tables) -> bool:
    """Openers, connectors and "-led"/"-backed" adjectives never begin a name."""
    return word in tables.connectors or word in tables.openers or word in tables.numbers \
        or word in tables.tail_connectors \
        or bool(_HYPHEN_MODIFIER.search(word))


def _extend_over_list(
    text: str, candidate: _Candidate, tokens: list[_Token], previous: re.Match[str], tables: _Tables
) -> None:
    """ "Arms Control, Disarmament and WMD Non-Proliferation Centre": a name whose run starts with
    "X and" right after a comma takes the capitalised words before the comma (up to 4, none of
    them an organisation word, title or opener)."""
    if len(tokens) < 3 or tokens[1][0] != "and" or text[previous.end() : tokens[0][1]] != ", ":
        return
    before = _tokens(previous)
    i = len(before)
    while i > 0 and before[i - 1][0][:1].isupper() and not _skippable(before[i - 1][0], tables) \
            and before[i - 1][0] not in tables.roles and before[i - 1][0] not in tables.organisation:
        i -= 1
        if _possessive(text, before[i][2]) and i < len(before) - 1:
            i += 1  # stop after a possessive ("NATO's")
            break
    if 0 < len(before) - i <= 4 and before[-1][2] == previous.end():
        candidate.start = before[i][1]
        candidate.name = text[candidate.start : candidate.end]
        candidate.key = tables.keys.get(_normalise(candidate.name).lower())


def _extend_into_list(text: str, candidate: _Candidate, run: re.Match[str], tables: _Tables) -> None:
    """ "National Union of Rail, Maritime and Transport Workers": a name ending in an "of ..." tail
    takes a following ", X and Y" (up to 5 words, no organisation word) that ends the run."""
    if " of " not in candidate.name and " for " not in candidate.name:
        return
    following = _RUN.match(text, run.end() + 2)
    if following is None:
        return
    words = following.group().split()
    if 3 <= len(words) <= 5 and words[1] == "and" and not any(w in tables.organisation for w in words):
        candidate.end = following.end()
        candidate.name = text[candidate.start : candidate.end]
        candidate.key = tables.keys.get(_normalise(candidate.name).lower())


def _possessive(text: str, end: int) -> bool:
    """Whether the word ending at `end` had a possessive ending that `_tokens` stripped."""
    return end < len(text) and text[end] in "'’" and (end + 1 >= len(text) or not text[end + 1].isalpha()
                                                       or text[end + 1] == "s")


def _sentence_start(text: str, position: int) -> bool:
    j = position - 1
    while j >= 0 and text[j] in " \t\"'“‘(":
        j -= 1
    return j < 0 or text[j] in ".!?:;\n—–"


# --- Acronyms expanded in the article -------------------------------------------------------


def _acronyms(
    text: str, candidates: list[_Candidate], tables: _Tables
) -> tuple[dict[str, str], list[_Candidate]]:
    """Long forms the article gives for acronyms: overrides of canonical names, and new candidates.

    "the Federal Security Service (FSB)" -> every mention of the FSB entry gives the long form;
    "the National Disaster Response Force (NDRF)" -> later mentions of "NDRF" give the long form.
    """
    overrides: dict[str, str] = {}
    extra: list[_Candidate] = []
    defined: dict[str, str] = {}
    if "(" not in text:
        return overrides, extra
    ends = {c.end: c for c in sorted(candidates, key=lambda c: (c.end - c.start, -c.rank)) if c.key or c.rank}
    for match in _ACRONYM_AFTER.finditer(text):
        acronym = match.group(1)
        if sum(ch.isupper() for ch in acronym) < 2:
            continue
        before = match.start()
        while before > 0 and text[before - 1] in " \t":
            before -= 1
        candidate = ends.get(before)
        if candidate is None:
            continue
        long_form = text[candidate.start : candidate.end]  # the article's own spelling
        _define(acronym, long_form, candidate.key, defined, overrides, tables)
    for match in _ACRONYM_BEFORE.finditer(text):
        acronym, inside = match.group(1), match.group(2).strip()
        full = _RUN.fullmatch(inside)
        key = tables.keys.get(_normalise(inside).lower())
        if not full or len(inside.split()) < 2 or not (key or _has_head([(w, 0, 0) for w in inside.split()], tables)):
            continue  # "EOL (End Of Life)", "MVP (Most Valuable Player)" are not organisations
        extra.append(_Candidate(match.start(1), match.end(), inside, key, 0 if key else 1))
        _define(acronym, inside, key, defined, overrides, tables)
    unknown = {a: long for a, long in defined.items() if tables.keys.get(a.lower()) is None}
    if unknown:
        pattern = re.compile(r"(?<![\w.-])(" + "|".join(map(re.escape, unknown)) + r")(?![\w-])")
        for match in pattern.finditer(text):
            extra.append(_Candidate(match.start(), match.end(), unknown[match.group(1)], None, 1))
    return overrides, extra


def _define(
    acronym: str, long_form: str, key: str | None, defined: dict[str, str], overrides: dict[str, str], tables: _Tables
) -> None:
    defined.setdefault(acronym, long_form)
    for entry in (key, tables.keys.get(acronym.lower())):
        if entry:
            overrides.setdefault(entry, long_form)


def _normalise(name: str) -> str:
    return " ".join(name.replace("’", "'").replace("‘", "'").split())


# --- Building the tables --------------------------------------------------------------------


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    data = tomllib.loads(resources.files(__package__).joinpath("organisations.toml").read_text("utf-8"))
    words = data["words"]
    forms: dict[str, _Form] = {}
    keys: dict[str, str] = {}
    for canonical, aliases in data["known"].items():
        for form in (canonical, *aliases):
            forms[form] = _Form(canonical)
            keys[_normalise(form).lower()] = canonical
    for form in data["blockers"]["forms"]:
        forms[form] = _Form(None, blocker=True)
    for form, rule in data["context"].items():
        if form not in forms:
            raise ValueError(f"organisations.toml: context rule for unknown form {form!r}")
        forms[form] = replace(forms[form], **{k: re.compile(v) for k, v in rule.items()})
    organisation = frozenset(words["organisation"]) | frozenset(words["head_only"]) \
        | frozenset(words["head_initial_only"])
    for word in organisation:
        forms[word] = replace(forms[word], head=True) if word in forms else _Form(None, head=True)
    automaton = ahocorasick.Automaton()
    for form, entry in forms.items():
        for variant in {form, form.replace("'", "’"), form.replace("’", "'")}:
            automaton.add_word(variant, (len(variant), entry))
    automaton.make_automaton()
    connectors = frozenset(words["connectors"])
    return _Tables(
        automaton=automaton,
        keys=keys,
        organisation=organisation,
        head_only=frozenset(words["head_only"]),
        head_initial_only=frozenset(words["head_initial_only"]),
        in_tail=frozenset(words["in_tail"]),
        news=frozenset(words["newspapers"]),
        things=frozenset(words["things"]),
        connectors=connectors,
        tail_starters=connectors - {"and", "&", "the", "et"},
        cuts=(connectors | frozenset(words["tail_connectors"])) - {"and", "&", "et"},
        tail_connectors=frozenset(words["tail_connectors"]),
        openers=frozenset(words["openers"]),
        numbers=frozenset(words["numbers"]),
        roles=frozenset(words["roles"]),
        possessive_words=frozenset(words["possessive_words"]),
        not_organisations=frozenset(n.lower() for n in words["not_organisations"]),
        not_endings=tuple(" " + n.lower() for n in words["not_organisation_endings"]),
        places=_place_names(),
    )


def _place_names() -> frozenset[str]:
    """Country names and capitals that may end an organisation name ("University College London")."""
    import pycountry

    from .places import canonical_country, country_names

    names: set[str] = set()
    for country in pycountry.countries:
        canonical = canonical_country(country.alpha_2)
        if canonical:
            names.update(form for form in country_names(canonical) if not form.isupper())
    return frozenset(names)
