"""What precedes a run of capitalised words (`names.py`): the word before it, and whether that makes the run part
of a title ("Mayor of X"), of an organisation's name ("Center for X") or a place ("in X"), and so whether an
untitled name may well be no person's (`doubtful_run`). Kept apart from the run rules so that each module stays
readable.
"""

from __future__ import annotations

import re
from collections.abc import Container

from search.ingest.enrich.name_lexicon import ORG, Lexicon
from search.ingest.enrich.person_names import place_follows
from search.ingest.enrich.places import place_forms, state_names

__all__ = ["RunContext", "doubtful_run", "glued_before_name", "introduced_by_noun"]

_JOB_ENDINGS = ("er", "or", "ist", "ian", "ive")  # "Whistleblower", "Commentator", "Journalist", "Historian"
_FIELD_ENDINGS = ("ics", "ology")  # fields of a ministry or an institute: "Statistics", "Microbiology"
_PERSONS = ("man", "woman", "boy", "girl")  # nouns of a person that name no role: "a man named …"

_PUNCTUATION = "\"'“”‘’()[].,;:!?—–-"
# Capitalised words linked to the run by "of", "for"...: "Mayor of", "Center for", "Senator from".
# Commas too, for titles whose domain is a list: "Representative for Protection, Ecology and Transport".
_LINKED = re.compile(
    r"((?:[A-Z][\w’'.-]*,?\s+(?:(?:of|for|on|and|the|&)\s+)*)+)(?:of|for|from|on|to|and|&)\s+(?:the\s+)?$")
# A house number after a preposition: "at 36 Quai des Orfèvres", "of 10 Downing Street" (an address).
_HOUSE_NUMBER = re.compile(r"\d{1,3}[A-Za-z]?")
_ADDRESS_PREPOSITIONS = frozenset("at on of from to near".split())
_GAME_KINDS = frozenset("video computer board mobile online card".split())  # "the video game X" (not "the game X")
_LINKS = frozenset("of for from on to".split())
_PLACE_PREPOSITIONS = frozenset("in into near at across outside inside throughout around towards toward via".split())
# Lower-case nouns of a body's staff, parts or owners before "of": "the manager of Barmouth Tours", "a unit of
# Kestrel Finance" (a body's name follows, rarely a person's; "Director of …" in capitals is a title's domain)
_PART_OF_BODY = frozenset("manager managers director directors chairman chairwoman founder founders co-founder owner "
                          "owners editor staff employees shareholders subsidiary unit branch division".split())
# The employer of one who deals or advises after their noun and a preposition ("an analyst at Kestrel Vane", "Ann Doe,
# economist with Harrow Dane and Co"), or a broker's house after its noun ("of brokers Kestrel Vane", "at brokerage
# Harrow Dane"; the singular "broker" only after a preposition: "Bombay broker Ann Doe" is a person): a firm, often
# named after its founders, never the person the name looks like.
_EMPLOYEES = frozenset("analyst analysts economist economists strategist strategists chartist chartists dealer dealers "
                       "trader traders broker brokers banker bankers underwriter underwriters".split())
_EMPLOYER_LINKS = frozenset("at with of for from".split())
_BROKER_HOUSES = frozenset("brokers stockbrokers brokerage brokerages broking".split())
_BROKERS = frozenset(("broker", "stockbroker"))
# "the island of Rapa Nui", "the town of Ain Issa": a place named after a place noun and "of"
# Possessive determiners: a run right after one names a thing owned ("visit our Main Page", "its Dot Matrix
# technology", "My Little Pony"), rarely a person ("his wife Ann" has the noun between).
_OWNERS = frozenset("our your their its my".split())
_OPENERS = _OWNERS | {"the"}  # the same words opening the run ("The Kestrels", "My Little Pony")
_PLACE_OF = re.compile(r"\b(?:island|islands|city|cities|town|towns|village|villages|settlement|settlements|province|"
                       r"region|district|county|municipality|capital|port|oblast|prefecture|state)\s+of\s+$")
# Verbs of armed forces taking or striking a place: their object is a place (or a building), rarely a person, also
# the second of two ("troops entered Kessel Vale and Ras Oran", "shelled Dorva", "liberated Marinka").
_TAKING = frozenset("entered shelled besieged bombarded stormed retook recaptured encircled overran liberated".split())
_TAKEN_PLACES = re.compile(rf"\b(?:{'|'.join(sorted(_TAKING))})[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){{0,2}},?"
                           r"[ \t]+and[ \t]+$")


# Another outlet's name before a reporter's noun: "including Fox News reporter X", "debate, CNN anchor X" (capitalised
# words after a lower-case word or a comma, not opening a sentence): that outlet's journalist, reported in the
# piece, may speak (gold rules: only the piece's own bylines are excluded, and its own outlet, "Wikinews reporter X").
_OTHER_OUTLET = re.compile(r"(?:[a-z],?|,)[ \t]+(?!Wikinews\b)(?:[A-Z][\w&.'’-]*[ \t]+){1,3}[a-z]+[ \t]+$")


class RunContext:
    """What precedes a run: the word before it, and whether that makes the run part of a title,
    an organisation's name ("Center for Biological Diversity") or a place ("in Maidan Wardak")."""

    def __init__(self, text: str, start: int, lex: Lexicon, long_run: bool) -> None:
        window = max(0, start - 80)
        chunk = text[window:start]
        before = chunk.rsplit(None, 2)  # (the last two words are all that is needed)
        last = before[-1] if before else ""
        self.word = last.strip(_PUNCTUATION).lower()
        # nothing but spaces between that word and the run: not the title's line break, nor a blank line
        joined = last[-1:].isalpha()
        if joined and not (chunk[-1:] == " " and chunk[-2:-1].isalpha()):  # (most runs: "word Name")
            gap = chunk[len(chunk.rstrip()):]
            joined = "\n" not in gap or gap.count("\n") == 1 and start - len(gap) != text.find("\n", 0, start)
        self.sentence_initial = not last or last.rstrip("\"”’)]")[-1:] in (".", "!", "?") or (
            "\n" in text[start - 3:start])
        thing = joined and (self.word in lex.thing_nouns and self.word not in lex.roles  # not "player Ann Doe"
                            # "wrestling promotion World Wonder Ring Stardom"
                            or self.word == "game" and len(before) > 1 and before[-2].lower() in _GAME_KINDS)
        link = before[-2].lower() if self.word == "the" and len(before) > 1 else self.word  # "of the"
        # "in Ain Issa", "the Grateful Dead": maybe a place, a band, a team or a thing rather than a person
        self.place = joined and (self.word in _PLACE_PREPOSITIONS
                                 or self.word == "of" and bool(_PLACE_OF.search(text, window, start))
                                 or self.word in _TAKING
                                 or self.word == "and" and bool(_TAKEN_PLACES.search(text, window, start))) or (
            last[-1:].isdigit() and chunk[-1:] == " " and bool(_HOUSE_NUMBER.fullmatch(last))
            and len(before) > 1 and before[-2].lower() in _ADDRESS_PREPOSITIONS)
        self.article = joined and self.word == "the"
        self.other_outlet = joined and self.word in lex.reporter_roles and bool(_OTHER_OUTLET.search(chunk))
        self.body = joined and self.word == "of" and len(before) > 1 and before[-2].rpartition("-")[2] in _PART_OF_BODY
        self.employer = joined and (self.word in _BROKER_HOUSES or self.word in _EMPLOYER_LINKS and len(before) > 1
                                    and before[-2].rstrip(",").lower() in _EMPLOYEES
                                    or self.word in _BROKERS and len(words := chunk.rsplit(None, 3)) > 2
                                    and words[-2].lower() in _EMPLOYER_LINKS)
        # "leader of Zimbabwe Robert Mugabe", "then-governor of Alaska": a title, "of", maybe a place, the name
        self.title_of_place = joined and self.word == "of" and len(before) > 1 and (
            (title_word := before[-2].lower().rpartition("-")[2]) in lex.gender or title_word in lex.roles)
        self.linked_article = self.article and link in _LINKS  # "of the": maybe a title's domain comes first
        # "… Protection, Ecology and Transport Sergei Ivanov", "Minister of Energy and Mines Subroto"
        self.listed = link == "and" and (long_run or len(before) > 1 and lex.kinds.get(
            before[-2].strip(",").lower()) == ORG)
        # ("… Marine and Atmospheric Science": "and" after a capitalised word)
        linked = _LINKED.search(text, window, start) if joined and (link in _LINKS or self.listed or (
            link == "and" and len(before) > 1 and before[-2][:1].isupper())) else None
        chain = [word.strip(",").lower() for word in linked.group(1).split() if word[0].isupper()] if linked else []
        # "Mayor of Koszalin Piotr Jedlinski", "Minister of Information Moammar al-Eryani".
        self.after_title_of = any(word in lex.gender or word in lex.roles for word in chain)
        self.title_of = next((word for word in chain if word in lex.gender), "")  # "minister" of "Minister of …"
        # "Center for Biological Diversity".
        named_thing = not self.after_title_of and any(word in lex.organisation for word in chain) and not (
            chain[-1] in lex.held_by and link != "and"  # "the Presidency of Jane Doe": hers
            # "lost the Kestrel Islands to Jane Doe": a person (not "Campaign to Stop Killer Robots")
            or link in ("to", "from") and text[start:start + 40].split(maxsplit=1)[0].lower() in lex.first_names)
        # "School of Marine and Atmospheric Science": a name's second part after "and" (doubtful only: "the
        # Bank of England and Mark Carney")
        self.continued = link == "and" and not self.listed and named_thing
        self.organisation = thing or (link != "and" and named_thing)


def glued_before_name(words: list[str], i: int, j: int, first_names: Container[str], common: Container[str],
                      after_title_of: bool) -> int:
    """How many words at the start of the name words i..j-1 (three or more) are no part of the name: a country
    or a state between a title's "of" and the name ("leader of Zimbabwe Robert Mugabe", when `after_title_of`),
    a long job noun before a known first name ("Whistleblower Edward Snowden"; but "Omer Hassan"), or the end
    of a title's domain, words the news writes in lower case (`common`) or fields ("Statistics", "Microbiology"),
    before a known first name or the last two words ("Minister of Trade Denis Manturov", "Minister of Science and
    Higher Education Valery Falkov", "Head of the Federal State Statistics Service Pavel Malkov")."""
    low = words[i].lower()
    if after_title_of and (low in place_forms() or low in state_names()) or (
            len(low) >= 9 and low.endswith(_JOB_ENDINGS) and low not in first_names
            and words[i + 1].lower() in first_names):
        return 1
    k = i
    while j - k > 2 and (words[k].lower() in common or words[k].endswith(_FIELD_ENDINGS)):
        k += 1
    return k - i if j - k == 2 or words[k].lower() in first_names else 0


def introduced_by_noun(text: str, start: int, roles: Container[str]) -> bool:
    """Whether a role's or a person's noun and "named"/"called" come right before the lone name at `start` ("a
    Polish chef named Łukasz", "a man called Dorrin"; not "a horse named Quiver"): the name is a person's."""
    before = text[max(0, start - 40):start].split()
    return len(before) >= 2 and before[-1] in ("named", "called") and (before[-2] in roles or before[-2] in _PERSONS)


_NEXT_LOWER_WORD = re.compile(r" ([a-z]+)")
_APPOINTED = re.compile(r"\b(?:names?|named|appoint(?:s|ed)?|elect(?:s|ed)?|made|makes|became|becomes?)\s+$")


def doubtful_run(text: str, words: list[str], offsets: list[int], i: int, end: int, context: RunContext,
                 after_title_of: bool, lex: Lexicon) -> bool:
    """Whether the name words i.. of a run (no title before them) may well name no person (`Mention.doubtful`):
    after "in"/"at" (a place); after "our"/"its" (a thing owned: "visit our Main Page", "My Little Pony"); after
    "the" ("the Grateful Dead", "fans of the Crimson Foxes"), unless a title's domain comes between ("President
    of the Philippines Rodrigo Duterte", "Chancellor of the Exchequer Nigel Lawson") or a possessive does ("the
    institute's Mara Quillon"); or before a role noun in lower case ("Grateful Dead drummer", "Lakeside Herons
    striker"): the name qualifies the role, as a band's, a team's or a firm's does, rarely a person's (but "named
    John Doe chief executive")."""
    if i and text.startswith(("'s", "’s"), offsets[i - 1] + len(words[i - 1])):
        return False
    if context.place or context.body or context.word in _OWNERS or any(word.lower() in _OPENERS for word in words[:i]):
        return True
    if (context.continued or place_follows(text, end)) and words[i].lower() not in lex.first_names:
        return True  # "… of Marine and Atmospheric Science", "Ciudad Juárez, Mexico", "Arroyo Grande, California"
    if len(words) - i >= 2 and text[offsets[i] - 1:offsets[i]] in ("\"", "“") and text[end:end + 1] in ("\"", "”"):
        return True  # a whole quotation: a work's or an event's title ("Dark Star", "Alien Stock")
    if context.article and not (context.linked_article and (i > 0 or after_title_of)):
        return True
    following = _NEXT_LOWER_WORD.match(text, end)
    return (following is not None and following.group(1) in lex.roles and following.group(1) not in lex.relatives
            and not _APPOINTED.search(text, max(0, offsets[i] - 20), offsets[i]))  # "named John Doe chief …"
