"""Organisation names in runs of capitalised words that contain an organisation word.

A run is capitalised words with up to two connectors ("of", "for", "and", "the"...) between them:
"Ministry of Foreign Affairs", "Tasnim News Agency", "King's College London". Openers and titles
are trimmed ("The", "Deputy Head of"), possessives split the run ("NATO's Arms Control ...
Centre"), "and" splits it between two complete names, and a name ends at its last organisation
word plus an "of ..." tail or a place name. A name may take a list across a comma ("Arms Control,
Disarmament and WMD Non-Proliferation Centre", "National Union of Rail, Maritime and Transport
Workers").

`organisations.find_organisations` calls `run_around` at each organisation word it finds and
`run_candidates` on the run; the word tables come from there (`Tables`).
"""

from __future__ import annotations

import re

from search.ingest.enrich.org_parts import (
    abbreviated_whole,
    bodies_of,
    has_head,
    is_head,
    split_names,
    sub_body_start,
    tail_end,
    topic_tail_end,
)
from search.ingest.enrich.org_types import Candidate, Tables, Token, fold, known_key, normalise

__all__ = ["HYPHEN_MODIFIER", "RUN", "Token", "has_head", "run_around", "run_candidates"]

# --- The grammar of a run ----------------------------------------------------------------------

# Upper-case letters of the Latin, Greek and Cyrillic scripts, as a character class.
_UPPER = "".join(ch for code in (*range(0x250), *range(0x370, 0x530)) if (ch := chr(code)).isupper())
_UP = f"[{re.escape(_UPPER)}]"
_PREFIX = r"(?:(?:al|el|ad|an|as|ash|ar|az|at|ibn|bin|abu)-|[dl]['’])"
# A capitalised word: "U.S.", "Non-Proliferation", "al-Masirah", "d'Intervention", "Amazon.com", "G7".
_WORD = rf"(?:(?:{_UP}\.){{1,}}|{_PREFIX}?{_UP}[\w'’&–-]*(?:\.[\w'’&–-]+)*)"
_CONNECTOR_WORDS = r"of|for|and|the|on|in|at|&|de|du|des|la|le|et|del|della|di|da|für|der"
RUN = re.compile(rf"(?<![\w.’'&-]){_WORD}(?:[ \t]+(?:(?:{_CONNECTOR_WORDS})[ \t]+){{0,2}}{_WORD})*")
_WORD_RE = re.compile(_WORD + r"(?:'s|’s|'|’)?")
_CONNECTOR_SET = frozenset(_CONNECTOR_WORDS.split("|"))
_RUN_TOKEN = re.compile(rf"{_WORD}|\S+")
HYPHEN_MODIFIER = re.compile(
    r"-(?:led|backed|based|funded|owned|run|controlled|linked|affiliated|allied|supported|aligned|born|mandated"
    r"|sponsored|sanctioned|authori[sz]ed|appointed|installed|brokered|dominated|organi[sz]ed)$")

_ACRONYM_NEXT = re.compile(r"[ \t]*\([A-Z]")
# Legal forms that end a company's name ("Novopharm Ltd of Canada"); "Co" and "Corp" may be followed by
# "of" inside one ("Dynamics Corp of America").
_FINAL_LEGAL_FORMS = frozenset(["Inc", "Inc.", "Ltd", "Ltd.", "PLC", "Plc", "plc", "LLC", "GmbH", "AG"])


def run_around(text: str, start: int, end: int) -> re.Match[str] | None:
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
        opening = len(word) - len(word.lstrip("(\"“‘'[<"))
        if opening:
            if _WORD_RE.fullmatch(word, opening):
                first = k + opening  # "(National Union of ...", "<Fischer-Watt Gold Co Inc>"
            break
        if _WORD_RE.fullmatch(word):
            first, connectors = k, 0
        elif word in _CONNECTOR_SET and connectors < 2:
            connectors += 1
        else:
            break
        i = k
    run = RUN.match(text, first)
    return run if run is not None and run.end() >= end else None


# --- Organisation names inside a run ----------------------------------------------------------


def run_candidates(text: str, run: re.Match[str], tables: Tables) -> list[Candidate]:
    """Organisation names inside one run of capitalised words (usually none, sometimes two)."""
    tokens = _tokens(run)
    found: list[Candidate] = []
    for segment in _segments(text, tokens, tables):
        found.extend(_names_in(text, segment, tables))
    if found and found[0].start == run.start() and text[run.start() - 2 : run.start()] == ", ":
        comma = run.start() - 2
        word_start = comma
        while word_start > 0 and not text[word_start - 1].isspace():
            word_start -= 1
        previous = run_around(text, word_start, comma)
        if previous is not None and previous.end() == comma:
            _extend_over_list(text, found[0], tokens, previous, tables)
    if found and found[-1].end == run.end() and text[run.end() : run.end() + 2] == ", ":
        _extend_into_list(text, found[-1], run, tables)
    return found


def _tokens(run: re.Match[str]) -> list[Token]:
    """The words of a run with their positions, possessive endings and closing quotes stripped."""
    tokens = []
    for m in _RUN_TOKEN.finditer(run.group()):
        word = _bare(m.group())
        if word.endswith(("'", "’")):
            word = word[:-1]  # a closing quotation mark
        if len(word) > 1 and word.endswith("–"):
            word = word.rstrip("–")  # a dash glued to the word: "State University– is underway"
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


def _segments(text: str, tokens: list[Token], tables: Tables) -> list[list[Token]]:
    """Split a run after the possessive of an acronym, a place or a known organisation
    ("NATO's | Arms Control Centre", "Russia's | Federal Security Service") or before a word that is
    not an organisation word ("Boris Johnson's | Conservative Party"); "King's College" stays whole. A
    possessive ends an "of" tail ("University of Oxford's | Institute for Ethics").
    Then split at "and" between two names that each have an organisation word."""
    segments: list[list[Token]] = [[]]
    for i, token in enumerate(tokens):
        word, start, end = token
        # "University of Oxford's Institute": a singular possessive (not a country's: "the Assembly of
        # Egypt's support") in an "of" tail, with the run going on, ends the name.
        possessive = _possessive(text, end)
        of_name = possessive and i > 1 and i + 1 < len(tokens) and tokens[i - 1][0] == "of" \
            and text[end : end + 2] in ("'s", "’s") and word not in tables.country_nouns \
            and any(w in tables.organisation for w, _, _ in segments[-1])
        if possessive and i > 1 and tokens[i - 1][0] in tables.connectors and not of_name:
            segments.append([])  # "... for | King's College London"
        segments[-1].append(token)
        if of_name:
            segments.append([])  # "University of Oxford's | Institute for Ethics": the tail ends the name
        elif possessive and i + 1 < len(tokens):
            following = tokens[i + 1][0]
            if (following not in tables.organisation or word.isupper() or word in tables.places
                    or fold(word) in tables.keys
                    or (sum(w not in tables.openers for w, _, _ in segments[-1]) > 1
                        and word not in tables.possessive_words and not _plural_possessive(text, word, end))):
                segments.append([])  # not "(The) King's College", "Kurdistan Workers' Party"
    result: list[list[Token]] = []
    for segment in segments:
        while segment and segment[-1][0] in tables.connectors:
            segment = segment[:-1]
        result.extend([segment] if abbreviated_whole(text, segment) else split_names(segment, tables))
    return [s for s in result if s]


def _names_in(text: str, tokens: list[Token], tables: Tables) -> list[Candidate]:
    """The organisation names in one segment of a run: usually none or one, two or more where a
    body is named with the organisation it belongs to ("Main Intelligence Directorate" and
    "General Staff" from "Main Intelligence Directorate of the General Staff")."""
    words = [w for w, _, _ in tokens]
    n = len(words)
    start = 0
    while start < n and _skippable(words[start], tables):
        start += 1
    # Not an organisation word of a country's name: "the Russian Federation on Measures for ...".
    heads = [j for j in range(start, n) if is_head(words, j, start, tables)
             and not (words[j] in tables.country_heads
                      and any(" ".join(words[i : j + 1]) in tables.places for i in range(max(start, j - 3), j)))]
    if not heads:
        return []
    first = heads[0]
    # "Carl Lipo of Binghamton University", "Director of the National Hurricane Center": the name
    # starts after the last title, opener or connector ("and" aside) before its first organisation word.
    after_role = False
    # A company's name that ends in its legal form may start with a word of a title or a month: "Dean Foods
    # Co", "May Department Stores Co".
    company = words[-1] in tables.suffixes
    for j in range(first - 1, start - 1, -1):
        word = words[j]
        if company and ((j == start and word not in tables.cuts and word[0].isupper() and word != "The")
                        or (word == "of" and j > start and " ".join(words[j + 1 : first]) in tables.places)):
            continue  # "Mitsubishi Motor Sales of America Inc" too: a company of a place, named with its form
        if (word in tables.cuts or word in tables.roles or word in tables.openers or word in tables.numbers
                or HYPHEN_MODIFIER.search(word)):
            k = j
            while k > 0 and words[k] in tables.connectors:
                k -= 1
            # "Head of the ...", "Commander-in-Chief of the ...": a title holder's name may end the run,
            # unless the run is a name the text then abbreviates ("... Football Associations (UEFA)").
            after_role = (words[k] in tables.roles or words[k].split("-", 1)[0] in tables.roles) \
                and _ACRONYM_NEXT.match(text, tokens[-1][2]) is None
            start = j + 1
            while start < first and words[start] in tables.connectors:
                start += 1
            break
    # "NTV and Channel One", "Edouard Balladur and Bank of France": a name that would start with
    # another name (an acronym, a known name, a person's) and an "and" right before its first
    # organisation word starts at that word; "American Telephone and Telegraph" stays whole.
    if first >= start + 2 and words[first - 1] in ("and", "&") \
            and not any(is_head(words, j, start, tables) for j in range(start, first - 1)):
        before = words[start : first - 1]
        if (len(before[-1]) > 1 and before[-1].isupper()) or before[0].lower() in tables.first_names \
                or fold(text[tokens[start][1] : tokens[first - 2][2]]) in tables.keys:
            start = first
    # The name ends at its last organisation word before any title ("... Service Director X"), and
    # before a board of it ("Agency for Strategic Initiatives | Supervisory Board").
    last = first
    for j in range(first + 1, n):
        if words[j] in tables.roles or words[j] in tables.openers:
            break
        if is_head(words, j, start, tables):
            last = j
    limit = sub_body_start(words, first, last, tables)
    if limit <= last:
        last = max(j for j in heads if j < limit)
    end = tail_end(words[:limit], last, first > start, after_role, tables)
    for k in range(first, end):  # "Novopharm Ltd of Canada": a legal form ends a name, the place is where it is
        if words[k] in _FINAL_LEGAL_FORMS and words[k + 1] == "of":
            end = k
            break
    # A known name, or one ending in a word like "Air", with the place it is of or for after it:
    # "Mahan Air of Iran", "Islamic Revolutionary Guard Corps of Iran", "League of Arab States for
    # Syria" (but a UN organ's name stays whole: "Security Council of Ukraine").
    for k in range(last + 1, end):
        if words[k] in ("of", "for") and " ".join(w for w in words[k + 1 : end + 1] if w not in tables.connectors) \
                in tables.places:
            known = tables.keys.get(fold(text[tokens[start][1] : tokens[k - 1][2]]))
            if (known or (k == last + 1 and words[last] in tables.head_only and words[last] not in tables.in_tail)) \
                    and known not in tables.un_organs:
                end = k - 1
            break
    end = topic_tail_end(text, tokens, start, end, tables)
    if words[last] in tables.in_tail and (start < last or end > last) and end + 2 < n and words[end + 1] == "in":
        place = " ".join(words[end + 2 :])
        if place in tables.places:
            end = n - 1  # "US Embassy in London", "Embassy of Ukraine in Kenya" (not "our Embassy in Damascus")
    if end == last and last + 1 == n - 1 and words[last + 1] in tables.places:
        end = last + 1  # "King's College London"
    # A run going on past the name to a thing: "Public Service Vehicle Regulations".
    if any(word in tables.things for word in words[end + 1 :]):
        return []
    spans = bodies_of(text, tokens, start, end, tables)
    return [c for s, e in spans if (c := _candidate(text, tokens, s, e, tables)) is not None]


def _candidate(text: str, tokens: list[Token], start: int, end: int, tables: Tables) -> Candidate | None:
    """The candidate for the name tokens[start..end], unless it is generic or not an organisation."""
    words = [w for w, _, _ in tokens]
    if words[end] in tables.organisation and all(w in tables.sub_body_modifiers for w in words[start:end]):
        return None  # a bare "Ministry", "Party", "Executive Committee"
    for k in (end - 2, end - 3) if words[end] not in tables.organisation else ():
        # A known name and a person's name: "the Council of Europe Andreas Kiefer".
        if k >= start and all(_plain_word(w, tables) for w in words[k + 1 : end + 1]) \
                and fold(text[tokens[start][1] : tokens[k][2]]) in tables.keys:
            end = k
            break
    start_char, end_char = tokens[start][1], tokens[end][2]
    # "The Aviation Herald", "band The Graham Bond Organisation": "The" stays with newspapers and
    # inside a sentence.
    if start > 0 and words[start - 1] == "The" and (
        words[end] in tables.news or not _sentence_start(text, tokens[start - 1][1])
    ):
        start_char = tokens[start - 1][1]
    name = text[start_char:end_char]
    lowered = normalise(name).lower()
    if lowered in tables.not_organisations or lowered.endswith(tables.not_endings) \
            or lowered.startswith("non-"):
        return None
    return Candidate(start_char, end_char, name, known_key(name, tables), 1)


def _plain_word(word: str, tables: Tables) -> bool:
    """Whether `word` can be part of a person's name: capitalised letters, and not a word of names of
    organisations or places ("Andreas", not "Bank", "Board", "Kenya" or "UN")."""
    return word.isalpha() and word[0].isupper() and not word.isupper() and word not in tables.organisation \
        and word not in tables.places and word not in tables.sub_body_modifiers and word not in tables.things


def _skippable(word: str, tables: Tables) -> bool:
    """Openers, connectors and "-led"/"-backed" adjectives never begin a name."""
    return word in tables.connectors or word in tables.openers or word in tables.numbers \
        or word in tables.tail_connectors \
        or bool(HYPHEN_MODIFIER.search(word))


def _extend_over_list(
    text: str, candidate: Candidate, tokens: list[Token], previous: re.Match[str], tables: Tables
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
        candidate.key = tables.keys.get(fold(candidate.name))


def _extend_into_list(text: str, candidate: Candidate, run: re.Match[str], tables: Tables) -> None:
    """ "National Union of Rail, Maritime and Transport Workers": a name ending in an "of ..." tail
    takes a following ", X and Y" (up to 5 words, no organisation word) that ends the run."""
    if " of " not in candidate.name and " for " not in candidate.name:
        return
    following = RUN.match(text, run.end() + 2)
    if following is None:
        return
    words = following.group().split()
    if 3 <= len(words) <= 5 and words[1] == "and" and not any(w in tables.organisation for w in words):
        candidate.end = following.end()
        candidate.name = text[candidate.start : candidate.end]
        candidate.key = tables.keys.get(fold(candidate.name))


def _possessive(text: str, end: int) -> bool:
    """Whether the word ending at `end` had a possessive ending that `_tokens` stripped."""
    return end < len(text) and text[end] in "'’" and (end + 1 >= len(text) or not text[end + 1].isalpha()
                                                       or text[end + 1] == "s")


def _plural_possessive(text: str, word: str, end: int) -> bool:
    """Whether the word ending at `end` is a plural's possessive ("Swiss Bankers' Association"): a kind of
    members inside a name, where a person's possessive is singular ("Johnson's")."""
    return word.endswith("s") and text[end : end + 1] in ("'", "’") and text[end + 1 : end + 2] != "s"


def _sentence_start(text: str, position: int) -> bool:
    """Whether `position` begins a sentence (opening quotes and brackets aside)."""
    j = position - 1
    while j >= 0 and text[j] in " \t\"'“‘(":
        j -= 1
    return j < 0 or text[j] in ".!?:;\n—–•·▪●◦"

