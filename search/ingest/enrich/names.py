"""Heuristic person-name detection: runs of capitalised words, titles stripped, and organisations, places and
common words rejected (`name_resolution.py` then merges partial mentions into the full name they shorten).

Word lists: `people.toml`. Only regular expressions, string searches and set look-ups: no NLTK data, no models.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from search.ingest.enrich.held_office import HELD_TITLE, held_office_holder
from search.ingest.enrich.lookalike_cues import (
    SHIP_PREFIXES,
    journey_end,
    modified_thing,
    named_thing,
    negated_words,
    place_list_before,
    ship_before,
    team_name,
    thing_after_lone_name,
    thing_appositive,
    thing_marks,
)
from search.ingest.enrich.name_brackets import unbracketed
from search.ingest.enrich.name_common_words import CommonWordNames, burmese_words
from search.ingest.enrich.name_lexicon import (
    FLEXIBLE,
    HONORIFIC,
    INITIAL,
    NAME,
    ORG,
    PARTICLE,
    PATRONYMIC,
    ROLE,
    STOP,
    SUFFIX,
    Lexicon,
    bare_token,
    club_of_city,
    common_words_to_org,
    lexicon,
    lone_thing_word,
    org_word_opens,
    patronymic_names,
    place_words,
    plural_of_word,
    resolve_flexible,
)
from search.ingest.enrich.name_neighbours import employer_after_person, home_town_before_person, neighbour_thing
from search.ingest.enrich.person_names import (
    AGE_TITLE,
    MONTHS,
    NAMED_TITLE,
    THING_FOLLOWS,
    after_full_name,
    age_word,
    blank_nicknames,
    cast_role,
    firm_or_acronym_follows,
    first_name_next,
    first_repeat,
    glued,
    headline_end,
    headline_verb,
    honour_words,
    kin_before,
    no_person_before,
    not_a_person,
    place_forms,
    shared_surname,
    surname_word,
    word_shaped,
)
from search.ingest.enrich.run_context import RunContext, doubtful_run, glued_before_name, introduced_by_noun
from search.ingest.enrich.sentences import hard_wrapped
from search.ingest.enrich.text import strip_accents
from search.ingest.enrich.wrapped_runs import unwrapped

# Upper-case letters of the Latin, Greek and Cyrillic scripts, as a character class.
_UPPER = "".join(ch for code in (*range(0x250), *range(0x370, 0x530)) if (ch := chr(code)).isupper())
_UP = f"[{re.escape(_UPPER)}]"
_ABBREVIATED = r"(?:Mrs|Mr|Ms|Dr|Prof|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Adm|Rev|Hon|Supt|Insp|Det|Cmdr)\."
_NAME_PREFIX = r"(?:(?:al|el|ad|as|ash|ar|az|ibn|bin|abu|bint)-|d['’])?"  # "al-Assad", "Valcourt d'Estienne"
# Initials, also glued before a name on its line ("H.P. Smith"), but no place's or firm form's ("U.S.", "N.Y.", "S.A.")
# (the look-ahead on a capital and a stop only makes the scan faster: both forms open so)
_INITIALS = (rf"(?:(?={_UP}\.)(?:(?!(?:U\.[SKN]|E\.U|U\.A\.E|N\.[YJZ]|H\.K|D\.C|L\.A|S\.A|S\.P\.A|N\.V|B\.V|L\.P|A\.G"
             rf"|N\.A|P\.L\.C|L\.L\.C)\.)(?:{_UP}\.){{2,3}}(?=[ \t]+{_UP}[a-z'’])|{_UP}\.(?=\s)))")
_TOKEN = rf"(?:{_ABBREVIATED}|{_INITIALS}|{_NAME_PREFIX}{_UP}[\w'’]*(?:-[\w'’]+)*)"
_PARTICLES = frozenset(
    "van von der den de del della dela des di da du dos das do la le bin bint ibn al el y ter ten zu".split())
_PARTICLE = "(?:" + "|".join(sorted(_PARTICLES)) + ")"
# A run: capitalised words separated by spaces or line breaks (read across one: see `unwrapped`),
# with name particles between them.
# (The look-ahead on the possible first letters only makes the scan faster.)
_RUN = re.compile(
    rf"(?=[{re.escape(_UPPER)}aeib])(?<![\w.’'-]){_TOKEN}(?:[ \t\n]+(?:{_PARTICLE}[ \t]+){{0,3}}{_TOKEN})*")
_CONTRACTIONS = tuple(a + b for a in "'’" for b in ("m", "re", "ve", "ll", "d", "t"))  # "I'm", "Don't"
_LETTERS_ONLY = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*$")
_HYPHEN_SUFFIXES = ("ed", "ing", "based", "born", "like", "style", "era", "majority", "run", "made", "held", "old")
_NEXT_WORD = re.compile(r" ([a-z]+)")
_DAY_AFTER = re.compile(r"[ \t]*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                        r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)\b)")
# (not when the next line goes on in lower case: a hard-wrapped sentence, "X, the former President of our⏎party")
_WRAPPED_LINE_END = frozenset(",;-–(") | frozenset("abcdefghijklmnopqrstuvwxyz")
_SIGN_OFF = re.compile(r"\s*,\s*[^\W\d][^,.;:\n]{0,40}\.?[\"”’]?[ \t]*(?:\n(?![ \t]*[a-z])|$)")
_UNINDENTED = re.compile(r"\S")  # a next line with no indent: in hard-wrapped text, the sentence goes on
_APPOSITION_GOES_ON = re.compile(r"\s*,[^\n.]*\n[ \t]*[^\n.!?:;,]{1,60},")  # "X, India's first Prime⏎Minister, said"
# A model's designation before the name words: "a Boeing B-17 Flying Fortress", "the F-16 Fighting Falcon".
_MODEL_CODE = re.compile(r"[A-Za-z]{1,4}-?\d{1,4}[A-Za-z]{0,2}")

_SUFFIX_WORD = re.compile(r"(?:Jr|Sr)\.?|(?!I$)X{0,3}(?:IX|IV|VI{0,3}|I{1,3})|X{1,3}")  # (not "I")


@dataclass(frozen=True)
class Mention:
    """One occurrence of a (possibly partial) person name in the text."""

    start: int
    end: int
    tokens: tuple[str, ...]  # the name as written, titles and possessive "'s" removed
    title: str  # lower-case honorific or role word just before the name, "" if none
    doubtful: bool  # maybe no person: a place ("in Ain Issa"), a band or team ("the Grateful Dead",
    # "Sacramento Kings guard"); a name is a person only with a mention that is not doubtful
    organisation: bool  # part of an organisation's or place's name ("Hagia Sophia Museum")
    reporter: bool  # a correspondent or a sign-off ("Oh Soo-young, Arirang News.")
    core: tuple[str, ...]  # case-folded tokens without initials, to match mentions against each other
    peerage: bool = False  # a peer's title set after a full name ("Colin Sutherland, Lord Carloway"): its alias
    group: bool = False  # a plural after "the" ("the Kestrels"): a team's or a band's name, and so the name it shortens


def find_mentions(text: str) -> list[Mention]:
    """Every candidate person-name mention in `text`, in order (single words included: see `name_resolution.resolve`).
    A nickname in quotes between two names is blanked out first (offsets unchanged): the name around it is one run."""
    lex = lexicon()
    text = unbracketed(blank_nicknames(text), lex)  # "(Prime Minister Ann) Doe", "Zachary (Roe)"
    lower_seen = _LowerSeen(text)
    mentions: list[Mention] = []
    for run in _RUN.finditer(text):
        words = run.group()
        if " " in words or "\t" in words or "\n" in words:
            for start, piece in unwrapped(text, run.start(), words) if "\n" in words else ((run.start(), words),):
                if " " in piece or "\t" in piece or "\n" in piece:
                    mentions.extend(_mentions_in_run(text, start, piece, lex, lower_seen))
                elif single := _single_mention(text, start, piece, lex, lower_seen):  # a piece of a split run
                    mentions.append(single)
        elif lex.kinds.get(words.lower(), FLEXIBLE) == FLEXIBLE:  # most lone capitalised words: "The", "He"
            single = _single_mention(text, run.start(), words, lex, lower_seen)
            if single:
                mentions.append(single)
    return mentions


def _single_mention(text: str, start: int, word: str, lex: Lexicon, lower_seen: _LowerSeen) -> Mention | None:
    """A lone capitalised word as a mention ("Stoltenberg said"), when it may be a name."""
    word = bare_token(word)
    # A name that is also a word ("Trump", "Rose") stays a candidate alone: `resolve` keeps it, untitled, only as
    # the last word of exactly one full name of the text ("Donald Trump … Trump said").
    kind = _classify(word, word.lower(), lex, lower_seen)
    if kind != NAME and (kind != FLEXIBLE or word.lower() in MONTHS):
        return None
    before = text[max(0, start - 30):start].rsplit(None, 1)
    title = before[-1].lower() if before and before[-1][-1:].isalpha() else ""
    title = title if title in lex.gender or title in lex.roles else AGE_TITLE if age_word(title) else ""
    if before and before[-1][0].islower() and lex.kinds.get(title) == FLEXIBLE:
        title = ""  # "the major Powers": an adjective, not the rank
    if not title and before:  # "his wife, Amanda,", "their children Anna and Tom"
        title = kin_before(text, start, word, before[-1], lex.relatives, lex.first_names)
    if not title and before and introduced_by_noun(text, start, lex.roles):  # "a Polish chef named Łukasz"
        title = NAMED_TITLE
    if not title and before and held_office_holder(text, start, word, lex):  # "the Reagan administration"
        title = HELD_TITLE
    if title and (not_a_person((word,), lex.first_names, lower_seen)  # (untitled, it only shortens a name)
                  or thing_appositive(text, start + len(word), lex.appositive_heads)  # "Sir Bramble, a mascot"
                  or title == AGE_TITLE and home_town_before_person(text, start + len(word))):  # "a Leeds man"
        return None
    if not title and (surname := shared_surname(text, start + len(word), word, lex.first_names)):
        return Mention(start, start + len(word), (word, surname), "", False, False, False,
                       (_fold(word), _fold(surname)))  # "Susan and Edward Doe": Susan Doe
    group = not title and word[-1] == "s" and before[-1:] == ["the"] and team_name(text, start + len(word), word)
    return Mention(start, start + len(word), (word,), title, group, False, title in lex.reporter_roles,
                   (_fold(word),), group=group)


@lru_cache(maxsize=100_000)
def _fold(word: str) -> str:
    """A word case-folded and without accents, so that "Erdogan" matches "Erdoğan"."""
    return strip_accents(word.casefold())


class _LowerSeen:
    """Whether a word also occurs in lower case in the text ("Security" vs "security"): a common word, not a name."""

    def __init__(self, text: str) -> None:
        self.words = set(text.split())
        self.headline_end = headline_end(text)  # (kept here as it is also computed once per text)
        self.ships = not self.words.isdisjoint(SHIP_PREFIXES)  # "MV Jane Roe" may be written: a ship's name
        self.names = CommonWordNames(text)

    def __contains__(self, low: str) -> bool:
        words = self.words
        return low in words or low + "," in words or low + "." in words


def _classify(word: str, low: str, lex: Lexicon, lower_seen: _LowerSeen) -> str:
    """The class of one word of a run (NAME, INITIAL, PARTICLE, HONORIFIC, ROLE, ORG, STOP or FLEXIBLE)."""
    if word[0].islower() and "-" not in word and word[1:2] not in ("'", "’"):  # (not "d'Estaing")
        return PARTICLE
    if (len(word) in (2, 4, 6) and word[1] == "." and word[1::2] == "." * (len(word) // 2)) or (
            len(word) == 1 and word not in "AI"):
        return INITIAL  # "George W. Bush", "B Shiva Parvathi"
    kind = lex.kinds.get(low)
    if kind:
        return kind
    if (low[-1:] == "s" and lex.kinds.get(low[:-1]) in (HONORIFIC, ROLE)) or (
            low.endswith("ist") and len(low) > 5 and not low.endswith(("qvist", "kvist", "quist"))):
        return ROLE  # "Presidents", "Violinist" (not the Nordic surnames "Lindqvist", "Bergkvist", "Nyquist")
    if "-" in low and any(len(part) > 3 and part in lex.roles for part in low.split("-")):
        return ROLE  # "Singer-songwriter", "Ex-footballer"
    if "-" in low and (low.endswith(_HYPHEN_SUFFIXES) and word.rpartition("-")[2].islower()
                       or word[0].isupper() and lex.kinds.get(low.partition("-")[0]) == STOP
                       and low.rpartition("-")[2] not in lex.first_names):  # (not "Jan-Hendrik", "May-Britt")
        return STOP  # "Trump-loving", "Yemen-based", "Muslim-majority"
    if (low in lower_seen and word not in lower_seen.names  # "John Key" beside "the key issue": a name all the same
            or low.endswith(_CONTRACTIONS) or word.isupper() or not _LETTERS_ONLY.match(word)
            or word_shaped(low, lex.common_words) or (not word[1:].islower() and glued(word))):
        return STOP
    return NAME


def _mentions_in_run(text: str, start: int, run: str, lex: Lexicon, lower_seen: _LowerSeen) -> list[Mention]:
    """The names in a run of several capitalised words: its stretches of name words, each without the
    titles before it and rejected when an organisation word follows ("Federal Security Service")."""
    words: list[str] = []
    offsets: list[int] = []
    kinds: list[str] = []
    possessive: list[bool] = []
    pos = 0
    for token in run.split():
        pos = run.find(token, pos)
        word = bare_token(token)
        possessive.append(len(word) + 2 <= len(token))
        words.append(word)
        offsets.append(start + pos)
        kinds.append(_classify(word, word.lower(), lex, lower_seen))
        pos += len(token)
    for k, word in enumerate(words if FLEXIBLE in kinds else ()):  # "Record April 15", "Pay May One": dates
        if word.lower() in MONTHS and (kinds[k + 1] == STOP if k + 1 < len(words) else
                                        bool(_DAY_AFTER.match(text, start + len(run)))):  # "Record April three"
            kinds[k] = STOP
    resolve_flexible(words, kinds, lex)
    burmese_words(words, kinds, lex.first_names)  # "U Thein Sein", "Aung San Suu Kyi"
    if STOP in kinds and not PATRONYMIC.isdisjoint(words):
        patronymic_names(words, kinds)
    given = -3 if len(words) > 2 and kinds[-2] == INITIAL else -2  # (a middle initial between: "William S. How")
    if len(words) > 1 and kinds[-1] == STOP and kinds[given] == NAME and offsets[-1] > lower_seen.headline_end and (
            surname_word(text, offsets[-1], words[given], words[-1], lex.first_names, lex.kinds)):
        kinds[-1] = NAME  # "Martin How said": a surname that is also a function word
    context = RunContext(text, start, lex, len(words) >= 3)
    first = words[0].lower()
    if kinds[0] == NAME and first.endswith("ing") and (context.sentence_initial or len(first) >= 8) and len(
            first.rpartition("-")[2]) > 4:  # (a syllable of a given name is no gerund: "Tak-Sing", "Ming")
        kinds[0] = STOP  # "Saying …", "Degrading Treatment": not names
    if (k := int(words[0] == "The")) + 2 >= len(words) and kinds[k:] in ([NAME], [NAME, ORG]) and held_office_holder(
            text, offsets[k], words[k], lex):  # "The X administration", "the X Administration"
        return [m] if (m := _single_mention(text, offsets[k], words[k], lex, lower_seen)) else []
    mentions: list[Mention] = []
    i, n = 0, len(words)
    while i < n:
        if kinds[i] not in (NAME, INITIAL) and not (kinds[i] == PARTICLE and i and kinds[i - 1] == HONORIFIC):
            i += 1
            continue
        j = i
        while j < n and (kinds[j] in (NAME, INITIAL) or (kinds[j] == PARTICLE and j + 1 < n)):
            j += 1
            if possessive[j - 1]:
                break
        while j > i and kinds[j - 1] == PARTICLE:
            j -= 1
        if j < n and j > i and kinds[j - 1] == NAME and not possessive[j - 1] and _SUFFIX_WORD.fullmatch(words[j]):
            kinds[j] = SUFFIX
            j += 1
        # "Federal Security Service", "Sheriff's Office", "Health Minister": part of a longer name.
        part_of_name = j < n and (kinds[j] in (ORG, HONORIFIC) and (not possessive[j - 1] or kinds[j] == ORG)
                                  or kinds[j] == STOP and (low := words[j].lower()) not in lex.kinds
                                  and low in lower_seen  # a common noun: "Heavily Indebted Poor Countries"
                                  or words[j] == "Day"  # a holiday: "Martin Luther King Jr. Day"
                                  or kinds[-1] == ORG and not possessive[j - 1] and j - i >= 2
                                  and offsets[j] > lower_seen.headline_end and common_words_to_org(kinds, i, j))
        if j == n and not possessive[-1]:  # "Maidan Wardak province", "Falcon Heavy rocket"
            following = _NEXT_WORD.match(text, start + len(run))
            part_of_name = (following is not None and (following.group(1) in lex.thing_nouns
                                                       or modified_thing(text, following.end(), following.group(1)))
                            or text.startswith(THING_FOLLOWS, start + len(run))
                            and firm_or_acronym_follows(text, start + len(run), words, lex.first_names))
        # after "Centre for": the organisation's name goes on ("Centre for Public Integrity"), unless a title
        # ends it ("Directorate of the General Staff Yevgeny Shmyrin")
        organisation = (part_of_name or context.organisation and HONORIFIC not in kinds[:i] and ROLE not in kinds[:i]
                        # the firm after "an analyst at" (not "Ann Doe's firm", nor a name after the firm's)
                        or context.employer and i == 0 and not possessive[j - 1])
        mention = _segment(text, words, offsets, kinds, i, j, context, organisation, lex, lower_seen)
        if mention:
            mentions.append(mention)
        i = max(j, i + 1)
    return mentions


def _segment(text: str, words: list[str], offsets: list[int], kinds: list[str], i: int, j: int,
             context: RunContext, organisation: bool, lex: Lexicon, lower_seen: _LowerSeen) -> Mention | None:
    """The mention made of run words i..j-1, or None when they cannot be a person's name."""
    first_in_run = i == 0 or all(kind in (HONORIFIC, ROLE, STOP) for kind in kinds[:i])
    after_title_of = first_in_run and context.after_title_of and (i == 0 or kinds[i - 1] != HONORIFIC)
    domain = 0  # words of a title's domain before the name: "Mayor of Koszalin Piotr Jedlinski"
    if after_title_of and sum(kind == NAME for kind in kinds[i:j]) >= 3 and (not context.listed or (
            words[i].lower() not in lex.first_names and words[i + 1].lower() in lex.first_names)):
        domain = 1
        while j - i - domain >= 3 and first_name_next(words, i + domain, lex.first_names, lex.kinds):
            domain += 1  # "President of Delovaya Rossiya Alexei Repik" → "Alexei Repik"
    elif after_title_of and context.listed and j - i == 2 and words[i].lower() not in lex.first_names:
        domain = 1  # "Minister of Energy and Mines Subroto" → "Subroto"
    i += domain
    if j - i >= 3 and kinds[i + 1] == NAME and (glued := glued_before_name(
            words, i, j, lex.first_names, lex.common_words, i == 0 and context.title_of_place)):
        i += glued
        domain = domain or int(context.title_of_place)  # "Prince of Monaco Albert II": the prince
    if honour := honour_words(words, i, j, lex.honours, lex.honour_openers):  # "Padma Shri Anil Verma" → "Anil Verma"
        i += honour
        if i == j:
            return None
    headline = j - i >= 2 and offsets[j - 1] < lower_seen.headline_end
    if headline and headline_verb(words[j - 1]) and text.find(words[j - 1], lower_seen.headline_end) < 0:
        j -= 1  # "Hillary Clinton Speaks At Rally" → "Hillary Clinton"
    j = first_repeat(words, i, j)  # "Kirill Dmitriev Dmitriev KirillCEO of …": page furniture after the name
    tokens = tuple(words[i:j])
    if NAME not in kinds[i:j] or " ".join(tokens).casefold() in lex.places or j - i == 1 and lone_thing_word(
            tokens[0], words[i - 1] if i else "", kinds[i - 1] if i else "", lex) or j - i == 1 and i and kinds[
                i - 1] == HONORIFIC and thing_after_lone_name(text, offsets[i] + len(tokens[0])):  # "Sgt X vessel"
        return None  # "Mother Nature", "Russia-China"
    name = tokens[:-1] if kinds[j - 1] == SUFFIX else tokens  # "King Mohammed VI": "VI" is no country's code here
    if i and (kinds[i - 1] == HONORIFIC and (len(name) == 1 or name[0].lower() not in lex.first_names)  # "Saint
              and not_a_person((words[i - 1], *name), lex.first_names, lower_seen)  # Lucia"; not "Chairman Ann Mann"
              or kinds[i - 1] in (STOP, HONORIFIC) and f"{words[i - 1]} {tokens[0]}".casefold() in (
                  place_forms() if kinds[i - 1] == STOP else lex.places)):
        return None  # "Saint Lucia", "New Zealand Maori", "Saint Petersburg"
    organisation = (organisation or not_a_person(name, lex.first_names, lower_seen) or i and negated_words(words, i)
                    or i > 0 and not context.after_title_of and org_word_opens(text, words, offsets, kinds, i)
                    or i > 0 and kinds[i - 1] == STOP and bool(_MODEL_CODE.fullmatch(words[i - 1]))  # "B-17 Flying …"
                    or (headline and context.word != "by"  # "… At Campaign Rally" (not "Remarks by Jane Roe")
                        and text.find(words[j - 1], lower_seen.headline_end) < 0))
    if i > 0:  # a possessive is no title: "Prime Minister's Questions"
        possessive = text.startswith(("'s", "’s"), offsets[i - 1] + len(words[i - 1]))
        title = words[i - 1].lower() if kinds[i - 1] in (HONORIFIC, ROLE) and not possessive else (
            AGE_TITLE if kinds[i - 1] == STOP and age_word(words[i - 1]) else "")  # "Fourteen-year-old Zoe"
    else:
        title = context.word if context.word in lex.gender or context.word in lex.roles else ""
    if domain and not title:
        title = context.title_of  # "Minister of Energy and Mines Subroto": Subroto is the minister
    if j - i == 1 and title in lex.one_name_jobs and len(words) > 1:
        title = ""  # "rapper Kanye Rivers" cut at a common word: no person "Kanye" of one name
    begin, end = offsets[i], offsets[j - 1] + len(words[j - 1])
    thing = named_thing(text, begin, end, lex.appositive_heads) or neighbour_thing(  # "X, a dragon", "X <XYZ>"
        text, begin, end, tokens, lex.first_names)  # "X rose 5 to 6.10", "CV [X]", "the Ford X"
    organisation = organisation or thing
    line_start = text.rfind("\n", 0, begin) + 1
    previous = text[:line_start].rstrip()  # a sign-off follows a title or a finished sentence, not a wrapped line
    sign = _SIGN_OFF.match(text, end)
    sign_off = sign is not None and not _APPOSITION_GOES_ON.match(text, end) and not text[
        line_start:begin].strip() and ("\n" not in previous or previous[-1] not in _WRAPPED_LINE_END) and not (
        _UNINDENTED.match(text, sign.end()) and hard_wrapped(text))  # "X, chairman of Y⏎Bank said": the line goes on
    reporter = title in lex.reporter_roles and not (i == 0 and context.other_outlet) or sign_off  # (not CNN's)
    core = tuple(_fold(t) for k, t in zip(kinds[i:j], tokens, strict=True) if k not in (INITIAL, SUFFIX))
    no_person = no_person_before(text, begin)
    doubtful = (first_in_run and HONORIFIC not in kinds[:i] and ROLE not in kinds[:i] and doubtful_run(
        text, words, offsets, i, end, context, after_title_of, lex)
        # the rest of a name that a head noun opens: "Caisse Nationale de Paris", "Banque Populaire du Nord"
        or i == 1 and kinds[0] == ORG and not context.after_title_of
        # (or its words after a particle and no name: "Institut National de Recherche Biomédicale", "Banco de Credito")
        or i > 1 and kinds[i - 1] == PARTICLE and kinds[i - 2] in (STOP, ORG)
        # the rest of a thing's name opened by a common adjective or noun the text also writes in lower case:
        # "High Performance Computing", "Female Genital Mutilation" (not "And Olek Brandt" opening a sentence)
        or i > 0 and kinds[i - 1] == STOP and (opener := words[i - 1].lower()) in lower_seen
        and opener not in _PARTICLES and opener not in lex.first_names and not context.after_title_of
        and not (i == 1 and context.sentence_initial) and words[i].lower() not in lex.first_names
        or no_person > 0 or thing or cast_role(text, begin, end) or lower_seen.ships and ship_before(text, begin)
        or thing_marks(text, begin, end)  # "the annual Kessel Fair", "a Kestrel Sierra", "include Zeta Quest: Origins"
        or first_in_run and words[i].lower() not in lex.first_names and (
            place_list_before(text, begin, lex.first_names) or journey_end(text, begin, end, place_forms())
            or employer_after_person(text, begin, lex.first_names)))  # "Ann Doe of Harrow Vane" (a firm)
    organisation = organisation or no_person == 2 or not title and j - i >= 2 and (
        len(words[i]) >= 5 and words[i].endswith("ed")  # a participle opens it: "Chartered Surveyors", "Planned …"
        or words[i].casefold() in place_words()  # "Nevada Test …"; a common word ends two: "Supply Monthly"
        or club_of_city(text, words, i, j)  # or a city ends it: a club's name, "Dynamo Kyiv", "Spartak Moscow"
        or j - i == 2 and words[j - 1].lower() in lex.common_words  # or two or more: "Gross Domestic Product"
        or plural_of_word(words, i, j, lex)  # or a plural: "Desperate Housewives", "Lakeside Savings"
        or j - i > 2 and sum(word.lower() in lex.common_words for word in words[i + 1:j]) >= 2
    ) and words[i].lower() not in lex.first_names
    peerage = i > 0 and title in lex.peerages and after_full_name(text, offsets[i - 1], end)
    return Mention(begin, end, tokens, title, doubtful, organisation, reporter, core, peerage)
