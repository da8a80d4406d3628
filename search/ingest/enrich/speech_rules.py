"""The patterns speaker attribution (`attribution.py`) matches, compiled once from the `[speech]` word lists of
`people.toml` and the name lexicon of `names.py`: verbs of saying, what may stand between a speaker's name
and the verb ("X, the minister, said", "X of the army's Western Command said", "X, who once said"), and what
may stand before a clause's subject, a pronoun, a role ("The governor said") or a joint subject ("The
leaders agreed"); and the cues of speech cited without a verb of saying before its quotation: "as X put it",
"greetings … from X", "a statement by X", "X's statement", "X, <role>, for his statement", "speaking to …",
"addressing the nation"; and a lone name cited in an "as" clause ("As Cicero observed, …"), a person by that alone.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from search.ingest.enrich.name_lexicon import NAME, lexicon
from search.ingest.enrich.names import Mention
from search.ingest.enrich.of_record import alternation
from search.ingest.enrich.places import place_forms

__all__ = [
    "AGENTS", "NAMING", "OWNED", "SpeechRules", "speech_rules", "TITLES_GAP", "OPENING_PRONOUN", "SET_OFF", "AFTER_GAP",
    "INVERTED_GAP", "DESCRIBED", "APPOSITION_START", "AND", "INTRODUCED_BY", "PASSIVE", "NEW_SUBJECT", "AND_BEFORE",
    "joined", "AFTER_EVENT", "AS_CLAUSE", "FOR_STATEMENT", "SET_OFF_GAP", "ROLE_TAIL",
    "sent_from", "for_statement", "POSSESSIVE_SPEECH", "says_what", "BY", "cited_lone_names",
    "SPEAKING_HOW", "FOR_SUBJECT", "CITED_AS", "CITED_GAP", "THAT_CLAUSE", "AND_TITLED", "KIN_GAP", "possessive_at"
]

# Phrases whose speaker is the name right after them: "according to X", "(in) the words of X", "to quote X".
_OWNED = ("call of", "calls of", "statement of", "message of", "remarks of", "comments of", "speech of", "address of",
          "proposal of", "proposals of", "plea of", "warning of", "warnings of", "saying of", "sayings of", "dictum of")
NAMING = ("according to", "According to", "words of", "to quote", "To quote", "quoting", "Quoting", "I quote",
          "me quote", "to paraphrase", "To paraphrase", "paraphrasing", "Paraphrasing",  # (round 11: a sage's words)
          "greetings from", "greetings of", "wishes from",  # "I bring greetings from President X" (gold rule 35)
          *_OWNED)
# Of these, a speech owned by the name right after it, titles only between: "I echo the call of President X for a
# ceasefire", "the statement of Mr. X", "the address of President X to the Assembly", "the proposal of President X that
# we meet" (not "a message of greetings to X": the one greeted); round 13: "the plea of President X for …", "the
# warning of Professor X that …", "this saying of X" (a speech named as a noun "of" its speaker, as "the call of X"; not
# "the appeal of X", most often one against a verdict).
OWNED = frozenset(_OWNED)


# Who speaks for another, whose principal after "for" or "to" is an object, not a title's domain: "a spokesman
# for Senator X said" (the spokesman speaks, rule 8), "a lawyer for X", "an aide to X" (not "Minister of Justice X").
AGENTS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople", "lawyer",
                    "lawyers", "attorney", "attorneys", "aide", "aides", "publicist", "counsel"})


# Fixed patterns of attribution (attribution.py): what may come between a name and its verb, and clause cues.
TITLES_GAP = re.compile(r"(?:\s+(?:[A-Z][\w’'.-]*|of|the|for|and))*\s+")  # "Minister of Information"
OPENING_PRONOUN = re.compile(r"[\"“‘']?(He|She)\b")
SET_OFF = re.compile(r"\s*[,—–.:(]")  # the end of a name in apposition, or of its sentence (or a reference after it)
AFTER_GAP = re.compile(r"(?:\s+[\w’'.-]+){0,10}?\s+")  # "according to the ministry's spokesman X"
# "in the words of a young man from Mali, X, who …", "to paraphrase my brother, the late Prince X, …": a description
# set off before the name, maybe "the late" and titles after its comma (not after
# "according to", whose object may be a source: "according to the report, X, a farmer, was …").
DESCRIBED = re.compile(r"(?:\s+[\w’'.-]+){1,8}?\s*,\s+(?:the\s+late\s+(?:[A-Z][\w’'.-]*\s+){0,2})?")
# '…," said the university's chancellor, X.', '…," said Sen. X.', '…," said the U.S. trade representative, X.' (an
# abbreviation's stop: `after` keeps the name in the verb's sentence, whose ends know abbreviations)
INVERTED_GAP = re.compile(r"[^;:!?\"“”\n]{1,100}")

# ", the study's lead author, doctoral candidate Maninder Thind, said": a name opening an apposition.
APPOSITION_START = re.compile(r"(?:^|,)\s+(?:(?!(?:of|for|to|by|with|at|in|on|from)\s)[\w’'.-]+(?<!ing)\s+){0,4}$")
# "Smith and Jones", "Smith and former mayor Jones", "Sen. Smith (D-Ohio) and Rep. Jones": title words may open the
# second name (capitalised ones only right after "and": ", and Argentine economy minister X said" opens a clause of
# its own); the first may have its party set off in brackets or its apposition set off by commas ("Smith, a senator
# from Ohio, and Jones, the governor, said").
_TITLE_WORDS = r"(?:(?!(?:of|to|by|with|for|from|at|in|on|the|his|her|their)\b)(?:[a-z][a-z-]*|[A-Z][a-z]{1,3}\.)\s+)"
AND = re.compile(r"(?:\s*\([^()\n]{1,30}\))?(?:(?:\s*,[^,;:“”\"\n]{1,100}?,|,)\s+and\s+" + _TITLE_WORDS + "{0,3}"
                 r"|\s+and\s+(?:" + _TITLE_WORDS + r"|([A-Z][\w-]*)\s+){0,3})")


_CAPITALISED = re.compile(r"[A-Z][\w-]*")


# Between two names of a list that "and" closes later: "X, Y and Z have said" (round 12), titles allowed before Y.
_LISTED = re.compile(r",\s+(?:[A-Z][\w-]*\s+){0,2}")


def joined(text: str, end: int, start: int, listed: list[str] | None = None) -> bool:
    """Whether the names ending at `end` and starting at `start` are joined by "and" (`AND`) to speak together, or by
    a comma when names are already `listed` after the second ("X, Y and Z said": Y and Z joined first); not when a
    place or its people open the second name's titles ("US President X and Turkish President Y spoke on the phone":
    two states' leaders, a call between them)."""
    if listed and _LISTED.fullmatch(text, end, start):
        return True
    found = AND.fullmatch(text, end, start)
    titles = text[text.rfind(" and", end, start) + 4:start] if found and found.group(1) else ""
    return bool(found) and not any(word.casefold() in place_forms() for word in _CAPITALISED.findall(titles))
# "…, Henry Doe: “…”" and "a message from my compatriot Henry Doe: “…”": a quotation introduced by a name
# that is the subject or comes from, by, or "the words of", or is quoted ("he quoted the poet X: …"; not "a tribute
# to X: …").
INTRODUCED_BY = re.compile(r"(?:^|[,;]|\b(?:from|by|words\s+of|quoted|quoting|cited|citing))\s+"
                           r"(?:(?:the|my|our|his|her|their|a|an)\s+)?"
                            r"(?:[\w’'.-]+\s+){0,3}$")  # ("by Mr. X: …": a form of address before the name)
# "… by Mr. X, President of the Republic of Y: “…”": a role set off between the name and the colon.
ROLE_TAIL = re.compile(r"\s*,\s+(?:the\s+)?([A-Z][\w’'-]*)(?:\s+(?:[A-Z][\w’'.-]*|of|the|for|and|on))*\s*")
_OWNER_MARKS = ("'s", "’s", "' ", "’ ")  # (the first two own after any name, the others after a final s)
# "announced by his son X", "confirmed by her long-time lawyer X": one related to the subject, then the name; "as
# indicated by my colleague from Senegal, President X": the speaker's own associate, where from set off before the name
KIN_GAP = re.compile(r"\s+(?:his|her|their|my|our)\s+(?:[a-z-]+\s+){1,2}"
                     r"(?:(?:from|of)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}\s*,\s+(?:[A-Z][\w.’'-]*\s+){0,3})?")
# "voiced by X": white space of any width before "by" (an unwrapped line break leaves two spaces: "indicated  by")
BY = re.compile(r"\s+by(?=\s)")
# "the words of X and President Y": a second name joined by "and", only titles before it
AND_TITLED = re.compile(r",?\s+and\s+(?:[A-Z][\w.’'-]*\s+){0,3}")
# "X stood before the crowd and said": the verb's subject is the clause's, "X" (unless X is passive: "X was elected
# … and admitted"; not a relative clause's passive, "X, who was jailed, has been blunter", nor "been even")
PASSIVE = re.compile(r"(?<!\bwho\s)(?<!\bthat\s)\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?(?!even\b)"
                     r"[a-z]+(?:ed|en|wn)\b")
NEW_SUBJECT = re.compile(r",\s+(?:[A-Z]|(?:he|she|they|we|it)\b)")  # a clause with a subject of its own
AND_BEFORE = re.compile(r"\sand\s+(?:[a-z]+ly\s+|then\s+|also\s+)?$")
# "The announcement came after X had a phone call with Y": a call only dated by the clause, its words not reported
AFTER_EVENT = re.compile(r"\b(?:after|before|when|since|until|once)\s+(?:[\w.’'-]+\s+){1,6}$")

# Speech cited inside a speech without quotation marks: "as X (once) put it, …", "As X described it": a verb that
# otherwise needs a quotation (`quote_verbs`) speaks in a comparative clause opened by "as" before its subject.
AS_CLAUSE = re.compile(r"(?<![\w’'-])[Aa]s\s+(?:[\w’'.-]+\s+){1,8}$")
# "As Cicero observed, …", "As the great Goethe once said, …", "as the prophet Amos said", "as the Greek sophist X put
# it" (round 13): an author or sage cited by one name as the subject of a verb of saying in a comparative "as" clause
# (`cited_lone_names`), or after an epithet that opens the sentence ("The great Amos once said: …"); no acronym ("As
# MITI said": an agency), no title or other word of the name lexicon ("As the Pope said": a post, resolved elsewhere).
_AS_CITED = re.compile(r"(?:(?<![\w’'-])[Aa]s\s+(?:the\s+(?:(?:great|late)\s+)?(?:(?:[A-Z][a-z]+\s+(?!of\b))?"
                       r"[a-z]+\s+)?)?|(?:^|[.!?][\"”’]?\s+)The\s+(?:great|late)\s+)$")
_CITED_VERB = re.compile(r"\s+(?:(?:once|has|had|so|himself|herself|rightly|aptly|wisely|famously|also)\s+)*"
                         r"(?:said|put\s+it|wrote|noted|observed|declared|stated|remarked|reminded\s+us)\b")
# A sage cited by one name outside an "as" clause (round 11): "Thucydides famously concluded that …", "Confucius once
# said …" (an adverb of citing before the verb; round 13: "X wrote centuries ago that …", "X taught us that …"),
# "Camões, the Portuguese poet of the sixteenth century, said that …" (an apposition naming a writer or thinker:
# `sages` of people.toml's `[speech]`); never a place ("Moscow once said").
_SAGE_VERB = r"(?:said|wrote|noted|observed|declared|stated|remarked|concluded|taught|argued|warned|put\s+it)\b"
_ADVERB_CITED = re.compile(r"\s+(?:(?:once|famously|wisely|aptly|rightly)\s+" + _SAGE_VERB + r"|" + _SAGE_VERB
                           + r"\s+(?:a\s+long\s+time|long|(?:[\w-]+\s+)?(?:years|centuries|millennia))\s+ago\s+that"
                           r"|taught\s+us\s+that)\b")
# … or whose words follow as a quotation (round 12): "Aristotle noted that where “the state of …”", the name opening
# its clause (not the end of a body's name: "the Council of Europe warned that “…”").
_QUOTE_CITED = re.compile(r"\s+(?:[a-z]+ly\s+)?" + _SAGE_VERB + r"\s+that\s+(?:[a-z]+\s+){0,3}[\"“‘]")
_CLAUSE_OPEN = re.compile(r"(?:^|[.!?,;:][\"”’]?\s+)$")
# "greetings and best wishes for their prosperity from His Excellency X": the sender is the name after "from"
# (gold rule 35), also when the greeting's object comes between; "wishes to X" credits nobody.
_GREETING = re.compile(r"\b(?:greetings|wishes|regards|congratulations|condolences)\b[^.;:!?\n“”\"]{0,100}$")
# "a statement from Senator X said", "a letter by X": the author's own words (the noun right before the preposition)
_SENT = frozenset({"statement", "statements", "letter", "message", "remarks", "speech", "tweet", "post", "op-ed",
                   "words", "quotation", "comments", "allegations", "lecture", "keynote", "sermon", "address",
                   "apology", "report", "announcement", "announcements", "request", "requests"})
# "a statement made by X", "the words expressed here in 2001 by X" (round 11: words voiced, a view expressed)
_MADE = frozenset({"made", "delivered", "given", "issued", "read", "sent", "written", "expressed", "voiced", "spoken",
                   "uttered", "pronounced"})
# "the appeal made by X", "a point rightly made by X" (not "an appeal by" a defendant, "a point by" a player)
_MADE_ONLY = frozenset({"appeal", "call", "plea", "point", "points", "proposal", "proposals", "suggestion",
                        "observation", "reference"})
_GREETINGS = ("greetings", "wishes", "regards", "congratulations", "condolences")
# "statements made by officials, in particular by President X": a second "by" that singles one out of the first's
_SECOND_BY = re.compile(r"[^.;:!?“”\"\n]{1,100},\s+(?:in\s+particular|particularly|especially|notably)\s+$")
# "… to my friend X, President of Y, for his excellent statement": the one thanked for a speech made it (rule 8).
FOR_STATEMENT = re.compile(r"\bfor\s+(h(?:is|er))\s+(?:[a-z-]+\s+){0,3}?(?:statement|speech|remarks|address|words"
                           r"|briefing|message|presentation)\b")
# "X's statement said …", "in X's letter, …", "X's famous words": a person's own speech or writing (rule 8);
# not the office's or a spokesperson's ("X's office said"), nor things that only sound like speech ("X's call" with
# Y, "X's appeal" in court): a call or appeal "for" something is, and a proposal "of", "for" or "to" do something.
POSSESSIVE_SPEECH = re.compile(r"['’]s\s+(?:(?:own|latest|first|last|final|famous|recent|written|opening|closing"
                               r"|inaugural|televised|farewell|victory|acceptance|annual|public|prepared|wise|eloquent"
                               r"|memorable|powerful|inspiring|moving|timely|important|iconic|historic|well-known)\s+){0,2}"
                               r"(?:statements?|remarks|words|speech(?:es)?|letters?|message|tweets?|posts?"
                               r"|testimony|op-ed|comments|phrases?|(?:call|appeal)s?\s+for|proposals?\s+(?:for|of|to)"
                               r"|(?:warning|reminder|assurance)s?\s+that)\b")  # (round 12: "X's warning that …")
# "speaking at the rally", "speaking to reporters", "speaking via Twitter": public speaking (rule 8); not a
# language spoken ("speaking Arabic", "speaking fluent French").
SPEAKING_HOW = re.compile(r"\s*(?:[,:;.]|(?:to|at|on|in|via|from|after|before|during|with|about|outside|alongside"
                          r"|ahead|publicly|later|earlier|exclusively|separately|again|afterwards|live|online|by|for"
                          r"|briefly|anonymously|remotely)\b)")


def possessive_at(text: str, end: int) -> bool:
    """Whether the name ending at `end` owns what follows: "X's lawyer", or after a final s, "Windsor Locks' mayor"
    (an apostrophe alone, then a word)."""
    return text.startswith(_OWNER_MARKS, end) and (text[end + 1] == "s" or text[end - 1] == "s")


def cited_lone_names(text: str, mentions: list[Mention], names: list[str | None]) -> None:
    """Name, in place, the lone words of `mentions` that no full name or title made a person but that a comparative
    "as" clause cites as speaking ("As Cicero observed, we …"), or a sage's citation (`_ADVERB_CITED`,
    `_sage_apposition`, `_QUOTE_CITED`): a speech cited by one name is a person's (gold rule 8, historical people
    count), where resolution alone must leave a lone untitled word undecided ("Paris", "Trump")."""
    kinds = lexicon().kinds
    for k, mention in enumerate(mentions):
        word = mention.tokens[0]
        if (names[k] is None and len(mention.tokens) == 1 and not mention.organisation and not mention.doubtful
                and not word.isupper() and kinds.get(word.casefold(), NAME) == NAME and (
                    _CITED_VERB.match(text, mention.end) and _AS_CITED.search(
                        text, max(0, mention.start - 40), mention.start)
                    or (_ADVERB_CITED.match(text, mention.end) or _sage_apposition().match(text, mention.end)
                        or _QUOTE_CITED.match(text, mention.end)
                        and _CLAUSE_OPEN.search(text, max(0, mention.start - 4), mention.start))
                    and word.casefold() not in place_forms())):
            names[k] = word


@lru_cache(maxsize=1)
def _sage_apposition() -> re.Pattern[str]:
    """ ", the Portuguese poet of the sixteenth century, said": a writer or thinker set off after a lone name."""
    data = tomllib.loads(resources.files(__package__).joinpath("people.toml").read_text("utf-8"))["speech"]
    return re.compile(r"\s*,\s+(?:the|a|an|our|their|that)\s+(?:[\w’'-]+\s+){0,3}?(?:" + alternation(set(data["sages"]))
                      + r")\b[^,;:.“”\"\n]{0,80},\s+(?:(?:once|also|rightly|famously|aptly)\s+)*" + _SAGE_VERB)


def sent_from(text: str) -> list[int]:
    """Where the sender's name may follow in `text`: the ends of "greetings … from", "a statement from", "a letter
    by", and of a second "by" that singles out one of the senders ("statements made by officials, in particular by";
    a look at the word before each "from"/"by" rather than a slower search of the whole text)."""
    ends: list[int] = []
    greeting = any(word in text for word in _GREETINGS)
    for preposition in ("from", "by"):
        at = text.find(preposition)
        while at >= 0:
            end = at + len(preposition)
            if at and text[at - 1].isspace() and text[end:end + 1].isspace():
                before = text[max(0, at - 14):at].rsplit(None, 1)
                made = bool(before) and before[-1].lower() in _MADE
                if made:  # "the statement made by X", "the point courageously made by X"
                    before = text[max(0, at - 45):at].rsplit(None, 3)[-3:-1]
                    before = before[-1:] if not before or not before[-1].endswith("ly") else before[:1]
                elif preposition == "by":  # "made in New York on 2 May by", "words expressed here in 2001 by"
                    words = text[max(0, at - 60):at].lower().split()[-8:]
                    k = next((i for i in range(len(words) - 1, 0, -1) if words[i] in _MADE), 0)
                    made, before = (True, [words[k - 1]]) if k else (False, before)
                noun = before[-1].lower() if before else ""
                if noun in _SENT or made and noun in _MADE_ONLY or (
                        greeting and preposition == "from" and _GREETING.search(text, max(0, at - 130), at)) or (
                        ends and _SECOND_BY.match(text, ends[-1], at)):  # "…, in particular by President X"
                    ends.append(end)
            at = text.find(preposition, end)
    return ends


def for_statement(text: str) -> list[re.Match[str]]:
    """The `FOR_STATEMENT` phrases of `text` (a cheap look for "for his"/"for her" first)."""
    return list(FOR_STATEMENT.finditer(text)) if "for h" in text else []


# "Let us not lose heart, for X once said: …": "for" after a comma joins a clause whose subject X is (no object).
FOR_SUBJECT = re.compile(r",\s+for\s+(?:the\s+late\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}$")
# "The agency quoted X, a former deputy, as saying …": the one quoted or cited speaks, not the sentence's subject.
CITED_AS = re.compile(r"\b(?:quoted|cited|quotes|cites|quoting|citing)(?=\s)(?=[^.;:!?“”\"\n]{1,140}\bas\s+$)")
# What may come between "quoted" and the name quoted: a description with no preposition ("an Iranian soldier,",
# "Mobil president"; not "a source close to X", "a friend of X").
CITED_GAP = re.compile(r"(?:\s+(?!(?:to|of|for|by|with|from|at|in|on|near|close)\b)[\w’'.-]+){0,6}?\s*,?\s+")
# What a verb that needs a quotation says when it has none: a "that" clause, right after the verb or after a setting
# of place or time set off or opened by a preposition ("declared, inter alia, that", "declared at the meeting last
# week that"; not "welcomed the plan that …": an object first).
THAT_CLAUSE = re.compile(r"(?:\s*,[^,;:.“”\"\n]{1,40},|\s+(?:at|in|on|during|before|to|last|yesterday|earlier|today)\b"
                         r"[^,;:.“”\"\n]{1,80}?(?:\([^()\n]{0,30}\))?)?\s+that\s")
# "X reported he had tested positive", "declared Russians would be paid", "admitted the new tax was a factor": a clause
# whose subject is a pronoun, a name or a short noun phrase (then with an auxiliary verb right after), "that" left out
# (not "praised the team that has …": no relative word inside the subject)
_AUXILIARY = r"(?:had|has|have|was|were|is|are|would|will|could|should|might|must|can|may)\b"
_CLAUSE_SUBJECT = re.compile(r"\s+(?:(?:he|she|they|we)\s+(?:and\b|[a-z]+ed\b)|(?:he|she|they|we|[A-Z][\w’'-]*"
                             r"(?:\s+[A-Z][\w’'-]*){0,2}|(?:the|an?|its|his|her|their)(?:\s+(?!(?:that|which|who"
                             r"|whom|whose|where|when|of|to|for|in|on|at|by|with|from)\b)[\w’'-]+){1,3}?)\s+"
                             + _AUXILIARY + ")")
# "X accused the minister of lying", "X has accused Y of intransigence": an accusation made (rule 8, a claim),
# with its object before "of" (not "X is also accused of fraud": a passive, no object)
_ACCUSED_OF = re.compile(r"(?:\s+(?!of\b)[\w’'.-]+){1,5}?\s+of\s")


# "Y said the bill would fail. X, a senator from Ohio, agreed.": agreeing that closes its sentence agrees with what was
# just said (a view stated, as "disagreed"); not "agreed to sell", "agreed on a deal" (an act decided).
_CLOSING = re.compile(r"\s*[.;]")


# "repeated his claim that …", "renewed her call for cuts": a statement named as the object of a verb that restates one
_RESTATED = re.compile(r"\s+(?:his|her|their)\s+(?:[a-z]+\s+)?(?:claims?|calls?|demands?|views?|positions?|arguments?"
                       r"|assertions?|warnings?|pledges?|promises?|belief|criticism|opposition|charges?|appeals?)\b")
_RESTATING = frozenset({"repeated", "renewed"})


# "X proposed the creation of a court", "has proposed the adoption of a declaration": a proposal of an act to be done
# (a call, rule 8; round 13), not "proposed a budget", "proposed an amendment" (a thing tabled, read only with a clause)
_PROPOSED_ACT = re.compile(r"\s+(?:the|an?)\s+(?:[a-z-]+\s+)?[a-z]+(?:tion|ment|ing)\s+of\b")
_PROPOSING = frozenset({"proposed", "proposes"})


def says_what(text: str, end: int, verb: str = "") -> bool:
    """Whether a verb that otherwise needs a quotation (ending at `end`) says what: a "that" clause (`THAT_CLAUSE`) or
    one whose subject follows the verb ("reported he and his wife had tested positive", "declared Russians would");
    "accused" with an object accused of doing something ("accused the West of stalling"); "agreed." (`_CLOSING`);
    "repeated"/"renewed" a statement of one's own ("repeated his call for cuts", `_RESTATED`); "proposed" an act
    (`_PROPOSED_ACT`: "proposed the creation of")."""
    return ("that" in text[end:end + 130] and bool(THAT_CLAUSE.match(text, end))) or bool(
        _CLAUSE_SUBJECT.match(text, end)) or verb == "accused" and bool(_ACCUSED_OF.match(text, end)) or (
        verb == "agreed" and bool(_CLOSING.match(text, end))) or verb in _RESTATING and bool(_RESTATED.match(
        text, end)) or verb in _PROPOSING and bool(_PROPOSED_ACT.match(text, end))


SET_OFF_GAP = re.compile(r"\s*(?:,[^,;:.“”\"\n]{1,120},)?\s*")  # a name, maybe its role set off by commas

@dataclass(frozen=True)
class SpeechRules:
    """The compiled patterns of speech attribution."""

    verbs: re.Pattern[str]  # any verb of saying, participle or "according to"
    participles: frozenset[str]
    quote_verbs: frozenset[str]  # speech only in a sentence with a quotation ("X praised …")
    gap: re.Pattern[str]  # between a speaker's name and the verb
    pronoun_before: re.Pattern[str]  # "he also" / "she" right before the verb
    role_before: re.Pattern[str]  # "the governor" / "The Defence Minister" right before the verb
    joint_before: re.Pattern[str]  # "The leaders" / "Both sides" right before the verb
    object_of: re.Pattern[str]  # a preposition, maybe with titles, right before a name
    subject_prefix: re.Pattern[str]  # what may come before a sentence's subject
    titles: frozenset[str]  # honorifics and roles, but not relatives: "Secretary General for …"
    relative: re.Pattern[str]  # ", who once said": the name before it speaks, even as an object ("the words of X, who")
    unnamed_role: re.Pattern[str]  # "the President of the Assembly" named by office only: "he" may be that one
    role_apposition: re.Pattern[str]  # "according to| the President of Ruritania, Mr. |X, …": a role, then its name
    audience: re.Pattern[str]  # "addressed| the nation", "addressing| the Development Summit": public speaking
    dash_close: re.Pattern[str]  # "— the great Swede, X — famously said": the dash closing the name's apposition
    unclosed_role: re.Pattern[str]  # "X, Dean of Y Law School called it": an apposition's comma left out


@lru_cache(maxsize=1)
def speech_rules() -> SpeechRules:
    """The patterns, built once from the `[speech]` word lists of `people.toml` and the name lexicon."""
    data = tomllib.loads(resources.files(__package__).joinpath("people.toml").read_text("utf-8"))["speech"]
    phrases = {*data["verbs"], *data["quote_verbs"], *data["participles"], *NAMING}
    # (not "wrote for other artists", "writes for a magazine": a writer's work, not a statement)
    verbs = re.compile(r"\b" + alternation(phrases) + r"\b(?!(?<=wrote)\s+for\b)(?!(?<=writes)\s+for\b)")
    fillers = "|".join(sorted(map(re.escape, data["fillers"]), key=len, reverse=True))
    fill = r"(?:\s+(?i:" + fillers + r"|\d+|[a-z]+ly))*"  # "also", "on Friday", "firmly"
    lex = lexicon()
    titles = "|".join(sorted(map(re.escape, lex.gender.keys() | lex.roles), key=len, reverse=True))
    gap = re.compile(
        r"(?:\s+[IVX]{1,4}\b)?"  # a regnal number: "Pope Benedict XVI stressed"
        r"(?:\s*\([^()\n]{0,60}\))?"  # "(R-Texas)", "(45)"
        r"(?:\s+in\s+[a-z]+ing\s[^,;:“”\"\n]{0,70}?"  # "in relaying the news to parliament"
        # "of the army's Western Command", 'of "Have No Fear", a charity,' (a quoted name), "of the Centre for X:
        # Research (C-X)" (a subtitle after a colon)
        r"|\s+(?:of|from|at|with)\s+(?:[“\"][^“”\"\n]{1,40}[”\"]|[^,;:“”\"\n]{0,80}?(?::\s(?=[A-Z])[^,;:“”\"\n]{1,60}?)?)"
        r"(?:,\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})?)?"  # "of the University of Utah, Salt Lake"
        r"(?:\s*\([^()\n]{0,60}\))?"
        r"(?:\s+who\s+[^,;:“”\"\n]{1,100}?)?"  # "Terri Collins who sponsored the bill remarked"
        r"(?:\s+and\s+(?:others|(?:some|other|many|his|her|their)\s+[a-z]+)(?:\s+(?:in|of|from|at)\s+[^,;:“”\"\n]{1,60}?)?)?"
        # "X and others in the party warned", "X and his wife said": X speaks, with others
        r"(?:(?:\s*,(?:[^,;:“”\"\n]|“[^“”\n]{1,40}”){1,160}?){0,2}\s*,"  # ", the minister of …," / "X, said"
        # (an apposition may hold a short quoted name: "Robert Doe, called “the Father of Ruritania”, stated")
        r"|\s*[—–][^—–\n]{1,160}[—–])?"  # "— the minister —"
        r"(?:\s+who)?"  # "Kofi Annan, who once said", "It was X who said"
        + fill + r"\s*"
    )
    # "X, Dean of Y Law School called it …", "X, president of the employers organisation Y said", "X, the famous
    # British Prime Minister once said": a role set off after a name that opens its sentence or follows a quotation,
    # the closing comma left out (not "Addressing Prime Minister X, the President noted": there the role is the
    # subject). A role's "of" phrase ends in a capitalised word ("president of the company said" is left alone).
    # ("X, president and chief executive officer of Y said", "X, chairman of Y Corp <YC> told", "… Bank NV (Amro) said":
    # two titles joined, a stock symbol or an acronym in brackets after the name of the firm)
    unclosed_role = re.compile(r"\s*,\s+(?:the\s+)?(?:[a-z]+\s+)?(?:[A-Z][a-z]+\s+){0,2}(?:(?i:" + titles
                               + r")\s+(?:and|&)\s+(?:[a-z]+\s+)?)?(?i:" + titles + r")(?:\s+(?i:" + titles
                               + r"))?(?:\s+(?:of|for|at)(?:\s+(?:the|an?))?(?:\s+[a-z]+){0,3}?"
                               r"(?:\s+(?:[A-Z][\w.’'&-]*|of|the|and|for))*\s+[A-Z][\w.’'&-]*"
                               r"(?:\s*(?:<[^<>\n]{1,12}>|\([A-Z][^()\n]{0,30}\)))?)?" + fill + r"\s*")
    pronoun_before = re.compile(r"\b([Hh]e|[Ss]he)" + fill + r"\s*$")
    # "the governor", "The Defence Minister", "the attorney general" (title words in lower case, as news style writes
    # them), "as our late Prime Minister often emphasized" (the holder named before; not "the former President": a
    # holder named before is more likely the present one)
    # (round 12: with a complement, "the President of Ruritania noted", whose holder `PostHolders.titled` finds by it)
    role_before = re.compile(r"\b(?:[Tt]he|[Oo]ur|[Mm]y|[Hh]is|[Hh]er|[Tt]heir)\s+(?:late\s+)?"
                             r"(?:(?:[A-Z][\w’'-]*|(?i:" + titles + r"))\s+)*(?i:(" + titles + r"))"
                             r"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*){0,3}))?"
                             + fill + r"\s*$")
    joint_before = re.compile(r"\b(?:[Tt]he|[Bb]oth)\s+(?:two\s+)?(?:leaders|parties|sides|presidents|interlocutors"
                              r"|heads\s+of\s+state|counterparts)" + fill + r"\s*$")
    object_of = re.compile(  # "by President Trump", "fiancée of journalist Jamal Khashoggi"
        r"(?:\b(?:of|for|from|at|with|by|in|on|to|about|against|between|under|over|after|before)\s+|\()"
        r"(?:(?:the|a|an)\s+)?(?:(?i:" + titles + r")\s+)?(?:(?:[A-Z][\w.’'-]*|the|and|of|&)\s+)*$")
    lowers = sorted({*lex.roles, *lex.gender, "the", "a", "an", "then", "of", "for", "and", "&", "his", "her",
                     "their", "its", "opposition", "party", "health", "defence", "defense", "state", "regional",
                     "local", "top"}, key=len, reverse=True)
    # Before a clause's subject: capitalised words, titles and role nouns ("wrestling sportswriter").
    subject_prefix = re.compile(r"[\s\"“‘']*(?:(?:[A-Z][\w’'.&-]*|" + "|".join(map(re.escape, lowers))
                                + r"|(?!(?:after|under|over|later|never|other|either|neither|whether|rather|ever)\b)"
                                r"[a-z-]+(?:er|or|ist|ian|ant|ent|man|woman|person|ee)s?)[\s,]+)*")
    # ", who once said", "X, a voice of Y, who asked", "X, who in his first address said"
    relative = re.compile(r"(?:\s*,\s+(?!(?:and|or|but)\s)[^,;:“”\"'’\n]{1,80}?)?\s*,?\s+who"
                          r"(?:\s+(?:in|at|during|on|before|after)\s+[^,;:“”\"\n]{1,100}?)?" + fill + r"\s*")
    dash_close = re.compile(r"\s*[—–]" + fill + r"\s*")  # "As the … — the great Swede, X — famously said"
    role_apposition = re.compile(r"(?:\s+[\w’'.-]+){0,6}?\s+(?i:" + titles + r")(?:\s+(?:of|for)(?:\s+[\w’'.-]+){1,4})?"
                                 r",\s+(?:(?i:" + titles + r")\s+)?")
    unnamed_role = re.compile(r"\bthe\s+(?:[A-Z][\w’'-]*\s+)*(?=[A-Z])(?i:" + titles + r")\s+(?:of|for)\s")
    audiences = "|".join(sorted(map(re.escape, data["audiences"]), key=len, reverse=True))
    # (not "addressing the needs of the nation"; the noun of "the address of President X" needs none, only a title
    # before the name: not "the address of John Doe" in Leeds)
    audience = re.compile(r"(?<=address of)(?=\s+(?:the\s+)?(?i:" + titles + r")\b)"
                          r"|\s+(?:the\s+|an?\s+|his\s+|her\s+|their\s+)?(?:[A-Z][\w-]*\s+){0,4}?(?i:"
                          + audiences + r")\b")
    return SpeechRules(verbs, frozenset(data["participles"]), frozenset(data["quote_verbs"]), gap, pronoun_before,
                       role_before, joint_before, object_of, subject_prefix,
                       frozenset(lex.gender.keys() | lex.roles - lex.relatives), relative, unnamed_role,
                       role_apposition, audience, dash_close, unclosed_role)
