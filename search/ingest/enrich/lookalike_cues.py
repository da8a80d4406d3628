"""Cues in the words around a run of capitalised words that it names an animal, a thing, an event, a ship,
a title or a place, although its shape is a person's ("Marigold Fizz, a dragon", "MV Jane Doe", "Don't Pet
Badgers", "in Lyon and Vila Serena").

`names.py` asks these after it has cut a candidate name out of its run; each looks at a few characters
only, with a cheap test first, because it runs for most candidates. Word lists live in `people.toml`.
`people.py` asks one more question of the whole article (`captioned_characters`): in a text about fiction, a
name written only in image captions, with no role word and no speech, is a character of a cosplay gallery.
"""

from __future__ import annotations

import re

from search.ingest.enrich.person_names import Words

# An appositive right after the name: ", a/an/the/its [up to four words] HEAD" and the head's phrase ends there
# ("Paw Haven, a non-profit rescue organization in …", "Marigold Fizz, a dragon.", "Vantor Abex, its defence
# company,": "its" sets off a firm's unit, never a person), or after "a"/"an" one to three
# capitalised words and the head ("Zip Lad, a Vortex Comics character"). The head is the last word
# before the end of the phrase; `thing_appositive` checks it against the kinds of things.
_APPOSITIVE = re.compile(r"[\"”’]?,\s+(?:(?:a|an|the|its)\s+((?:[a-z0-9][\w'’-]*\s+){0,4}?)"
                         r"|an?\s+((?:[A-Z][\w'’-]*\s+){1,3}))([a-z][\w-]*)(?![\w'’-])"
                         r"(?=[ \t]*(?:[,.;:)!?]|\n[ \t]*\n|\n?[ \t]*$)|\s+(?:in|of|for|from|with|that|which|based|on|"
                         r"at|to|dedicated|run|founded|owned|made|named|known|whose|"  # (a participle after the head:
                         r"specialising|specializing|headquartered|making|selling|providing|offering|developing|"
                         r"producing|operating|used|built|designed)\b)")  # "X, a firm specialising in …")

# Prefixes of ships' names: "MV Jane Doe", "HMS John Roe" (the name is the ship's, not the person's).
SHIP_PREFIXES = frozenset("MV M/V MS M/S SS S/S HMS HMAS HMCS HMNZS USS USNS RMS RV R/V FV INS NRP FS SY MY".split())
_SHIP_PREFIX = re.compile(rf"(?<![\w.])(?:{'|'.join(sorted(SHIP_PREFIXES))})[ \t]+(?:\w+[ \t]+)?$")
# A list of capitalised names that a place preposition opens, the candidate its last item after "and"/"or":
# "in Lyon, Nantes and Vila Serena", "at Lakeside and Hollow Creek", also after one common place first ("at the
# pier, Lakeside, and Hollow Creek").
_PLACE_LIST = re.compile(r"\b(?:in|into|near|at|across|throughout|around|between)[ \t]+"
                         r"(?:the[ \t]+[a-z]+,[ \t]+)?(?:[A-Z][\w'’.-]*"
                         r"(?:[ \t]+(?:de|do|da|del|la|el|of|upon|on)?[ \t]*[A-Z][\w'’.-]*)*,?[ \t]+){1,6}"
                         r"(?:and|or)[ \t]+$")


def thing_appositive(text: str, end: int, heads: Words) -> bool:
    """Whether the name ending at `end` is set off by an appositive whose head is a kind of thing, animal or
    event (`heads`): "Marigold Fizz, a dragon", "Paw Haven, a non-profit rescue organization" (but "Jane Roe,
    a company director", "John Doe, a member of the club": persons)."""
    if text[end:end + 1] not in ",\"”’":  # (a cheap look first: most names have no comma after them)
        return False
    appositive = _APPOSITIVE.match(text, end)
    return appositive is not None and appositive.group(3).lower() in heads


def ship_before(text: str, begin: int) -> bool:
    """Whether a ship's prefix comes right before `begin`, maybe with a title between ("MV Professor Jane Doe",
    "the HMS John Roe"): the name is a ship's. (`names.py` asks only when the text has one of SHIP_PREFIXES.)"""
    return text[max(0, begin - 1):begin] in (" ", "\t") and bool(_SHIP_PREFIX.search(text, max(0, begin - 24), begin))


def negated_words(words: list[str], i: int) -> bool:
    """Whether a negative contraction comes before word i of its run ("Don't Pet Badgers", "Can't Stop Julia
    Lane"): the run is the title of a work or a slogan, and the words after it no person's name."""
    return any(word.endswith(("n't", "n’t")) for word in words[:i])


# A list of three or more lone capitalised words, the candidate its last item after "and"/"or": "from Lyon, Nantes,
# Brest, and Vila Serena" (two are often surnames of people: "followers of Doe, Roe and Jan Poe").
_LONE_WORD_LIST = re.compile(r"(?<![\w'’.-])((?:[A-Z][\w'’-]+,[ \t]+){2,}[A-Z][\w'’-]+),?[ \t]+(?:and|or)[ \t]+$")


def place_list_before(text: str, begin: int, first_names: Words) -> bool:
    """Whether the candidate at `begin` ends a list of capitalised names opened by a place preposition
    ("in Lyon, Nantes and Vila Serena") or a list of three or more lone words none of which is a known given
    name ("from Lyon, Nantes, Brest, and Vila Serena"; not "Anna, Tom, Ben and Joe Doe"): one more of their kind."""
    if not text.startswith(("and ", "or "), max(0, begin - 4)):
        return False
    if _PLACE_LIST.search(text, max(0, begin - 120), begin):
        return True
    lone = _LONE_WORD_LIST.search(text, max(0, begin - 120), begin)
    return lone is not None and not any(word.strip().lower() in first_names for word in lone.group(1).split(","))


# A journey between two places, one of them known ("from Oslo to Kessel Vale", "from Kessel Vale to Oslo"):
# the other is a place too (not "a letter from Jane Roe to the mayor": neither end is a place).
_JOURNEY_FROM = re.compile(r"\bfrom[ \t]+([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}),?[ \t]+to[ \t]+$")
_JOURNEY_TO = re.compile(r",?[ \t]+to[ \t]+([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2})")


def journey_end(text: str, begin: int, end: int, places: Words) -> bool:
    """Whether the candidate at `begin`..`end` is one end of a journey whose other end is a known place (`places`,
    case-folded): "from Oslo to Kessel Vale", "from Kessel Vale to Oslo"."""
    if text.startswith(" to ", begin - 4):
        start = _JOURNEY_FROM.search(text, max(0, begin - 60), begin)
        return start is not None and start.group(1).casefold() in places
    if text.startswith("from ", begin - 5) and (goal := _JOURNEY_TO.match(text, end)):
        return goal.group(1).casefold() in places
    return False


# After a plural name with "the" before it, what shows it a noun of its own ("the Kestrels traded", "with the Kestrels
# for", "the Kestrels."), not a word qualifying the next ("the Havens campaign", "the Havens nomination").
_GROUP_NEXT = re.compile(r"['’]?(?:[,.;:!?)]|\s+(?:for|in|at|to|with|from|on|and|of|who|which|that|are|were|have|had"
                         r"|[a-z]+ed)\b)")


def team_name(text: str, end: int, word: str) -> bool:
    """Whether a lone plural `word` ending at `end`, with "the" before it, is a team's or a band's name ("the
    Kestrels traded him", "stayed with the Marlins for"): the full name it shortens is no person's."""
    return word[-2:-1] != "s" and bool(_GROUP_NEXT.match(text, end))


# A thing's noun after one word that qualifies it ("the Jane Roe supply vessel", "the Sir Wexley vape store"), not
# a verb ("Jane Roe said team members …", "Jane Roe leads team").
_THING_AFTER_MODIFIER = re.compile(r" (?:vessel|ship|boat|store|shop|hospital|centre|center|school|building|hall|"
                                   r"stadium|arena|airport|station|bridge|hotel|restaurant|museum|library)\b")
_VERB_LIKE = re.compile(r"(?:s|ed|ing|said|told|won|led|ran|made|took|left|built|sold|bought|met|got|gave|hit|put"
                        r"|set|let|cut|saw|came|went|became|spent|kept|held|brought|thought|felt|the|a|an|to|of)$")


def modified_thing(text: str, end: int, word: str) -> bool:
    """Whether a name followed by the lower-case `word` (ending at `end`) names a thing that `word` qualifies: a
    thing's noun comes next ("Sergeant Wexley supply vessel")."""
    return bool(_THING_AFTER_MODIFIER.match(text, end)) and not _VERB_LIKE.search(word)


# Places, buildings and vessels named after a rank and a name: "the Sergeant Wexley supply vessel", "a General
# Brisk hospital", "Colonel Orme street" (lone names only: "Jane Doe hospital" is the rest of a run's business).
_PLACE_AFTER_RANK = re.compile(r" (?:city|town|village|street|road|avenue|temple|church|mosque|cathedral|palace"
                               r"|base|camp|park)\b")
_LOWER_WORD = re.compile(r" ([a-z]+)")


def thing_after_lone_name(text: str, end: int) -> bool:
    """Whether a lone name after a title, ending at `end`, names a place, a building or a vessel by the noun that
    follows it, right away or after one word that qualifies it ("the Sergeant Wexley supply vessel", "a Colonel
    Brisk hospital"): the title is part of the thing's name, and no person is named (but "Colonel Brisk said",
    "General Brisk supporters", "Colonel Brisk's ship": a person)."""
    if text[end:end + 1] != " ":  # (a cheap look first: a possessive or a comma keeps the person)
        return False
    following = _LOWER_WORD.match(text, end)
    return following is not None and (bool(_THING_AFTER_MODIFIER.match(text, end) or _PLACE_AFTER_RANK.match(
        text, end)) or modified_thing(text, following.end(), following.group(1)))


# Words of fiction and its fans: a text dense with them is about films, series, games, comics or a convention.
_FICTION = re.compile(r"\b(?:[Cc]osplay\w*|[Cc]ostum\w*|[Cc]haracters?|[Cc]onventions?|[Cc]omics?|[Cc]omicon|[Aa]nime"
                      r"|[Mm]anga|[Ff]andom|[Ff]ursuit\w*|[Ss]uperhero(?:es)?|[Vv]illains?|[Ff]ilms?|[Mm]ovies?|[Ss]equels?"
                      r"|[Ee]pisodes?|[Nn]ovels?|[Vv]ideo\s+games?|[Ff]ranchise|[Cc]artoons?|[Aa]nimated|[Ff]iction\w*"
                      r"|[Ss]itcoms?|[Aa]ctors?|[Aa]ctress(?:es)?)\b")
FICTION_DENSITY = 2.5  # cue words per 100 words (convention reports: 3 to 6; a tribute to an actor: about 2)
_CAPTION_WORDS = 10  # the longest caption line, in words


def fiction_dense(text: str) -> bool:
    """Whether `text` is about fiction: at least six cue words of `_FICTION`, FICTION_DENSITY per 100 words."""
    cues = len(_FICTION.findall(text))
    return cues >= 6 and cues * 100 >= FICTION_DENSITY * len(text.split())


def caption_line(text: str, start: int) -> bool:
    """Whether the mention at `start` stands on a short line set off by blank lines (an image's caption), not on
    the first line (the title)."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0 or text[text.rfind("\n", 0, line_start - 1) + 1:line_start - 1].strip(" \t"):
        return False  # the title, or a line right under another one
    line_end = text.find("\n", start)
    if line_end < 0:
        line_end = len(text)
    following = text.find("\n", line_end + 1)
    return (not text[line_end + 1:len(text) if following < 0 else following].strip(" \t")
            and len(text[line_start:line_end].split()) <= _CAPTION_WORDS)


def captioned_characters(text: str, mentions: list[tuple[int, int, str, str]], speakers: set[str],
                         roles: Words) -> set[str]:
    """The names that a text about fiction (`fiction_dense`) writes only in image captions, with no role word
    before them (`roles`: "Cosplayer Ann Lee", "Voice actor Ann Lee"), no role after them ("Ann Lee as Link")
    and no speech: the characters of a cosplay gallery. `mentions` holds (start, end, title, name) of each
    accepted mention."""
    if "\n\n" not in text:  # (no blank line, no caption: most texts)
        return set()
    evidence = {name for start, end, title, name in mentions if name in speakers or title in roles
                or text.startswith(" as ", end) or not caption_line(text, start)}
    candidates = {name for _, _, _, name in mentions} - evidence
    return candidates if candidates and fiction_dense(text) else set()


# A lower-case word right before a candidate on its line, and a colon with a capitalised word right after it: a
# work's title and its subtitle inside a sentence ("credits include Star Trek: Discovery"), not a transcript's turn
# ("Jane Roe: Good afternoon", which opens its line) nor a quotation ("said Jane Roe: “We …”").
_LOWER_WORD_BEFORE = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*[ \t]+$")


def subtitle_after(text: str, begin: int, end: int) -> bool:
    """Whether the candidate at `begin`..`end` is a work's title with its subtitle after a colon, in running
    text: "a season with Zeta Quest: The Lost Fleet" (the title is no person's name)."""
    return (text.startswith(": ", end) and text[end + 2:end + 3].isupper()
            and bool(_LOWER_WORD_BEFORE.search(text, max(0, begin - 30), begin)))


# An event's marks around a name: an adjective of recurrence before it ("the sixth annual Kessel Fair") or the
# year of its edition right after it ("Lakeside Comicon 2019 opened"), as no person's name has.
_RECURRENCE_BEFORE = re.compile(r"(?<![\w-])(?:annual|biennial|inaugural)[ \t]+$")
_EDITION_YEAR = re.compile(r"[ \t]+(?:19|20)\d\d(?![\w/.-])")


def event_marks(text: str, begin: int, end: int) -> bool:
    """Whether the candidate at `begin`..`end` is an event's name: "annual"/"biennial"/"inaugural" right before it,
    or its edition's year right after it ("Lakeside Comicon 2019")."""
    return (text[begin - 3:begin - 1] == "al" and bool(_RECURRENCE_BEFORE.search(text, max(0, begin - 12), begin))
            or text[end + 1:end + 2] in ("1", "2") and bool(_EDITION_YEAR.match(text, end)))  # (cheap looks first)


_NAME_AND_PARENTHESIS = re.compile(r"[A-Z][\w'’-]+ \($")


def parenthesis_after_name(text: str, begin: int) -> bool:
    """Whether the candidate at `begin` opens a parenthesis right after another capitalised name: the works
    credited to a person ("artist Ann Lee (Moth Girl, Star Pilots)") or a name's gloss in another language ("the
    Supreme Court (Oberster Gerichtshof)"), not a person."""
    return text[begin - 1:begin] == "(" and bool(_NAME_AND_PARENTHESIS.search(text, max(0, begin - 30), begin))


_INDEFINITE_BEFORE = re.compile(r"(?<![\w'’-])[Aa]n?[ \t]+$")


def indefinite_before(text: str, begin: int) -> bool:
    """Whether "a"/"an" comes right before the candidate at `begin`: a make and model ("the plane, a Kestrel
    Sierra"), a movement's or a scheme's name before its noun ("a Save Our Parks protest"), a member of a body ("a
    Penn Stater"), seldom a person's name."""
    return text[begin - 2:begin] in ("a ", "A ", "n ") and bool(
        _INDEFINITE_BEFORE.search(text, max(0, begin - 4), begin))


# A share price's move after a name, as a market report writes it ("Acme Mining closed 40 up at 7.40", "Tolver Gold
# added 20 to 5.70", "Harlow Media was steady at 39.00"): the name is a listed company's, never a person's (but a
# politician in a poll "rose two points to 18 pct").
_PRICE_MOVE = re.compile(
    r"\s+(?:(?:rose|fell|gained|added|lost|eased|firmed|dropped|slipped|climbed|jumped|shed|declined|advanced"
    r"|put on|edged up|edged down|closed|ended|finished)\s+(?:\d[\d./-]*|one|two|three|four|five|six|seven|eight|nine"
    r"|ten)(?:\s+(?:cents?|pence|dlrs?|yen))?(?:\s+(?:up|down|higher|lower))?"
    r"|(?:was|were)\s+(?:steady|unchanged|firm|flat))\s+(?:to|at)\s+\d[\d./-]*(?![\d.]|\s*(?:pct|%|per\b|points?))")


# A quoted title of capitalised words around a name, which goes on after it: "Uncle Jem's Band", "Mister Vane Goes
# North" (a song's or a film's title; not a quoted name alone, "Jane Roe", nor quoted speech, "Jane Roe is here").
_QUOTE_OPENS = re.compile(r"[\"“](?:[A-Z][\w'’-]*[ \t]+){0,4}$")
_TITLE_GOES_ON = re.compile(r"(?:['’]s)?(?:[ \t]+(?:[A-Z][\w'’-]*|of|the|to|in|and|a)){0,5}?"
                            r"[ \t]+[A-Z][\w'’-]*[,.!?]?[\"”]")


def quoted_title(text: str, begin: int, end: int) -> bool:
    """Whether the candidate at `begin`..`end` is part of a quoted title that goes on after it with capitalised
    words ("Uncle Jem's Band", "Mister Vane Goes North"): a work's title, no person's name."""
    return text[end:end + 1] in " '’" and bool(_QUOTE_OPENS.search(text, max(0, begin - 40), begin)) and bool(
        _TITLE_GOES_ON.match(text, end))


def thing_marks(text: str, begin: int, end: int) -> bool:
    """Whether the words around the candidate at `begin`..`end` mark it a thing's or an event's name: `event_marks`,
    `parenthesis_after_name`, `indefinite_before`, `subtitle_after`, `quoted_title`."""
    return (event_marks(text, begin, end) or parenthesis_after_name(text, begin) or indefinite_before(text, begin)
            or text[end:end + 1] == ":" and subtitle_after(text, begin, end) or quoted_title(text, begin, end))


# A newswire's stock symbol after a company's name, maybe after its legal form: "Acme Mining <ACMN>", "Tolver Kogyo
# KK <TOLV.T>", "Harlow Vane\n<HVAN ST>"; a name in angle brackets is a company's too ("<Ostler Leasing> said").
_TICKER = re.compile(r"(?:[ \t]+[A-Z][\w.]*)?\s*<[A-Z][A-Z0-9.]*(?: [A-Z]+)?>")


# A thing's noun, with "a"/"an"/"the" (opening a sentence too) and up to three words before it, and "called"/"named"/
# "dubbed" right before a name, after a comma too: "a site called Vell Orin", "A dog named Pale Harrow", "the firm,
# called Orn Vale" (not "a man named Ivo Danner").
_THING_CALLED = re.compile(
    r"\b(?:[Aa]|[Aa]n|[Tt]he)\s+(?:[\w-]+\s+){0,3}?([a-z]+),?\s+(?:called|named|dubbed)[ \t]+$")


def thing_called(text: str, begin: int, heads: Words) -> bool:
    """Whether the candidate at `begin` is named after a kind of thing (`heads`) and "called"/"named"/"dubbed": a
    place's, a work's or a scheme's name ("a cave site called Vell Orin"), no person's."""
    if not text.endswith(("called ", "named ", "dubbed "), 0, begin):  # (a cheap look first)
        return False
    before = _THING_CALLED.search(text, max(0, begin - 80), begin)
    return before is not None and before.group(1) in heads


def named_thing(text: str, begin: int, end: int, heads: Words) -> bool:
    """Whether the candidate at `begin`..`end` is a thing's or a firm's name by what follows it: an appositive with a
    thing's head (`thing_appositive`), a stock symbol or angle brackets (`_TICKER`), or a share price's move; or by
    what comes before it: a thing's noun and "called" (`thing_called`)."""
    after = text[end:end + 1]
    return (after in ",\"”’" and thing_appositive(text, end, heads) or text[begin - 1:begin] == "<" and ">" in text[
        end:end + 40] or after in " \t\n>" and "<" in text[end:end + 12] and bool(_TICKER.match(text, end))
            or after in " \t\n" and bool(_PRICE_MOVE.match(text, end)) or thing_called(text, begin, heads))
