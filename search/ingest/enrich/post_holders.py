"""Who holds a post named without a name ("the Secretary-General noted", "the President told reporters"):
the one person of the article the text gives that post, by a title before the name ("Secretary-General
Ban Ki-moon", "Foreign Minister John Doe", "President of Ruritania Jane Roe"), an apposition after it
("Jane Roe, the President,", "John Doe, who is the minister of …") or an election to it ("Mr. X on his
election as President of …"). A speech verb whose subject is such a post credits its holder only when
exactly one person of the article holds it: two holders (a head of state and the Assembly's President
both called "President") or none leave the speech unattributed, since guessing between them would make
a speaker of someone who did not speak. Former holders ("former President X", "the late Secretary-General
X", "X, the then minister,") hold nothing now. Round 12: a post with its complement ("the President of Ruritania noted")
credits the one person the text gives that post with the same complement joined to the name ("President of Ruritania
X", "X, President of Ruritania,"), not one named in another clause; a post the speaker owns ("as our President
stated") is never the Assembly's President (elected, or "President of the General Assembly X"), so that a UN
statement's own head of state ("my President, His Excellency X") is found beside the Assembly's.

A post speaks through a noun as well (`post_speakers`, round 10): "In the words of the Secretary-General, …", "the
call made by the Secretary-General to …", "the Secretary-General's communiqué commending …", "the Prime Minister's
appeal to all parties", "we join the Secretary-General in his call for …", "Algeria adds its voice to that of the
Secretary-General in urging …" (and "we join President X in calling for …", a name in the post's place). UN statements
cite the Secretary-General and the Assembly's President by post far more often than by name, and the labelling rules
credit a post that speaks to its holder when the text names one ("as the President rightly said" credits the
Assembly's President named as elected). The post is resolved as for "the governor said" (`PostHolders.titled`); a post
with a complement ("the President of the Security Council", "the Secretary-General's Special Envoy"), one with a
place's word ("the Russian President") or the speaker's own ("my President", often never named, while the one
president named is the Assembly's) is left alone, and so is a noun that is no speech there (a president's phone
"call", a court "appeal": after a possessive only "call to/for/on", "appeal to/that").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from typing import Protocol

from search.ingest.enrich.name_lexicon import lexicon
from search.ingest.enrich.names import Mention
from search.ingest.enrich.of_record import alternation

__all__ = ["PAST", "PostHolders", "post_words", "holders", "post_speakers"]

# Words that make a post a past one, or someone else's ("the President's aide X").
PAST = frozenset({"former", "late", "then", "ex", "outgoing", "previous", "erstwhile", "deputy", "vice",
                  "predecessor", "predecessors"})
_DEMONYM = ("an", "ese", "ish", "i")
_DETERMINERS = frozenset({"the", "our", "my", "his", "her", "their"})
_WORD = re.compile(r"[\w’'-]+")
_ADDRESS = frozenset({"mr", "mrs", "ms", "dr", "sir", "madam", "his", "her", "excellency", "honourable"})
# Forms of address written with a full stop ("Mr.", "H.E."), cut from before a name first: their stop is no clause's end
# ("the Secretary-General, Mr. Ban Ki-moon": the post set off before the name, as "my President, His Excellency X").
_DOTTED_ADDRESS = re.compile(r"(?:\b(?i:mr|mrs|ms|dr|h\.e)\.\s*)+$")
_BEFORE_REACH = 60  # characters before a name where its title is looked for
_TITLE_REACH = 1500  # characters: how far back "the governor said" looks for "Governor X" (as for "he said")
# "X, the Secretary-General," / "X, President of Ruritania," / "X, who is the minister of …": the apposition.
_APPOSITION = re.compile(r"\s*,\s+(?:who\s+(?:is|was|serves\s+as)\s+)?([^,;:.()“”\"\n]{1,80})")
# "Mr. X on his election as President of the Assembly" / "… to the presidency of …" / "on his re-election as …": a post
# taken up.
_ELECTION = re.compile(r"\s+on\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:re-?)?(?:election|appointment|assumption)\s+"
                       r"(?:as|to)\s+(?:the\s+)?([\w’'-]+)", re.IGNORECASE)  # ("on his unanimous election as")
_PRESIDING = frozenset({"presidency", "preside", "presiding"})  # "on his election to preside over …"
# Abbreviated titles of news style ("Sen. X", "Rep. X", "Gov. X"): the posts a later "the senator said" names.
_ABBREVIATED = {"sen.": ("senator",), "rep.": ("representative", "congressman", "congresswoman"),
                "gov.": ("governor",), "gen.": ("general",), "lt.": ("lieutenant",), "col.": ("colonel",),
                "capt.": ("captain",), "sgt.": ("sergeant",), "det.": ("detective",), "adm.": ("admiral",),
                "cmdr.": ("commander",), "supt.": ("superintendent",), "prof.": ("professor",), "sec.": ("secretary",),
                "atty.": ("attorney",), "insp.": ("inspector",), "amb.": ("ambassador",)}


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Title and role words of the name lexicon ("president", "vice", "attorney", "general")."""
    lex = lexicon()
    return frozenset(lex.gender.keys() | lex.roles)


def post_words(role: str) -> tuple[str, ...]:
    """The post a role phrase names, as lower-case words: "the Foreign Minister" → ("foreign", "minister")."""
    words = [w.lower() for w in _WORD.findall(role)]
    words = words[1:] if words and words[0] in _DETERMINERS else words
    words = words[1:] if words and words[0] == "late" else words  # "our late Prime Minister": the post he held
    while len(words) > 1 and words[0].endswith(_DEMONYM):  # "the Russian President": the post is "president"
        words = words[1:]
    return tuple(words)


def _title_before(text: str, mention: Mention, post: tuple[str, ...], own: bool = False) -> bool:
    """ "Foreign Minister John Doe", "President of Ruritania Jane Roe": the post in the title before the name; or set
    off before it with only forms of address between ("my President, His Excellency Mr. X"). A post of one's `own`
    ("our President") is not the Assembly's ("President of the General Assembly X")."""
    head = _DOTTED_ADDRESS.sub("", text[max(0, mention.start - _BEFORE_REACH):mention.start])
    clauses = re.split(r"[,;:.!?()“”\"\n]", head)
    words = _WORD.findall(clauses[-1])  # (the title runs back to the clause's start at most)
    while words and words[-1].lower() in _ADDRESS:
        words.pop()
    if not words and len(clauses) > 1 and head[len(head) - len(clauses[-1]) - 1] == ",":
        words = _WORD.findall(clauses[-2])  # "my President, His Excellency Mr. X": the post set off before
    low, n = [w.lower() for w in words], len(post)
    for i in range(len(low) - n + 1):
        rest = words[i + n:]  # after the post: nothing, or "of" and the capitalised name of a place or body
        named = not rest or rest[0] == "of" and all(w[:1].isupper() or w in ("of", "the", "and") for w in rest[1:])
        if tuple(low[i:i + n]) == post and not PAST & set(low[max(0, i - 2):i]) and named and not (
                own and "Assembly" in rest):
            return True
    return False


def holders(text: str, mentions: list[tuple[Mention, str]], post: tuple[str, ...], own: bool = False) -> set[str]:
    """The people of `mentions` whom the text gives `post` (see the module's docstring). A post of the speaker's `own`
    ("as our President stated") is never held by election to it: a UN statement's one elected president is the
    Assembly's, while its own head of state is the "President X" or "my President, X" it names."""
    found: set[str] = set()
    if not post:
        return found
    for mention, name in mentions:
        if name in found or mention.reporter or PAST.intersection(_WORD.findall(re.split(
                r"[.;:!?\n]", text[max(0, mention.start - 30):mention.start])[-1].lower())):
            continue  # ("his predecessor, Mr. X, President of the Assembly at its last session")
        apposition = _APPOSITION.match(text, mention.end)
        election = _ELECTION.match(text, mention.end)
        if (_title_before(text, mention, post, own)
                or apposition and _set_off(apposition.group(1), post) and not (own and "Assembly" in apposition[1])
                or election and not own and _election_post(election.group(1)) == post[-1:]):
            found.add(name)
    return found


def _set_off(apposition: str, post: tuple[str, ...]) -> bool:
    """Whether an apposition gives the post: it ends with it, or with it and "of/for …" ("the Secretary-General",
    "President of Ruritania", "the minister for finance"); not a clause after an opening phrase ("In his message
    to X, the Russian leader noted that …": the leader is someone else)."""
    words = [w.lower() for w in _WORD.findall(apposition)]
    for i in range(min(len(words), 6) - len(post) + 1):
        rest = words[i + len(post):]
        if tuple(words[i:i + len(post)]) == post and (not rest or rest[0] in ("of", "for", "and") and len(rest) <= 7):
            return not PAST.intersection(words[:i])
    return False


def _election_post(phrase: str) -> tuple[str, ...]:
    """The post an election names: "President of" → ("president",), "presidency" → ("president",)."""
    word = phrase.lower()
    return ("president",) if word in _PRESIDING else (word,)


class PostHolders:
    """The people a text gives a post, for one text's antecedents (people named, not quoted, not reporters)."""

    def __init__(self, text: str, mentions: list[tuple[Mention, str]], is_subject: Callable[[Mention], bool]) -> None:
        self.text, self.mentions, self.is_subject = text, mentions, is_subject
        self.starts = [m.start for m, _ in mentions]
        self.found: dict[tuple[tuple[str, ...], int, bool], set[str]] = {}

    def titled(self, role: re.Match[str]) -> list[str]:
        """ "The governor said" (`role`: "the governor", its title word as group 1): the last person named before
        it with that title among the three words before the name ("Governor Kay Ivey", "archbishop Monsenor Jorge
        Eduardo Scheinig", "Sen. X" for "the senator"), the subject of a clause first ("President X called Y …
        talks between Presidents Z and W. The President said": X); else the one person named before who holds the
        post ("Jane Roe, the Secretary-General,"), if exactly one does. A post owned ("as my President often says",
        "our late Prime Minister") is only ever that one holder: the last president named may be another country's."""
        post, at, fallback = post_words(self.text[role.start():role.end(1)]), role.start(), list[str]()
        count = bisect_left(self.starts, at)  # people named before the post speaks
        if role.groupdict().get("of"):  # "the President of Ruritania noted": its holder by the same complement
            return self.complemented(post, role["of"], count)
        required = {word for word in post if word in _titles()}  # the title's words (not "the Argentine" President)
        if not role.group().lower().startswith("the"):  # "as our President stated": the speaker's own, if one holds it
            return self.one(post, count, own=True)  # (not the last president named)
        for mention, name in reversed(self.mentions[:count]):
            if at - mention.start > _TITLE_REACH:
                break
            words = self.text[max(0, mention.start - 40):mention.start].lower().split()[-4:]
            words += [word for abbreviated in words for word in _ABBREVIATED.get(abbreviated, ())]  # "Sen. X"
            # (every title word of the post: "Attorney General X" for "the attorney general", not "Minister of Economy
            # X" for "the Prime Minister"; not "the former President X" for "the president")
            if required <= set(words) and not PAST.intersection(words).difference(post):
                if self.is_subject(mention):
                    return [name]
                fallback = fallback or [name]
        return fallback or self.one(post, count)

    def complemented(self, post: tuple[str, ...], complement: str, count: int) -> list[str]:
        """The one person among the first `count` mentions given `post` with `complement` in a title joined to the name
        ("President of Ruritania X", "the President of Ruritania, Mr. X", "President X of Ruritania", "X, President of
        Ruritania,"), if exactly one is; not a clause after the name ("In his message to X, the President of Ruritania
        stressed": another person) nor a former holder."""
        title = r"(?i:" + r"\s+".join(map(re.escape, post)) + r")\s+of\s+(?:the\s+)?" + re.escape(complement)
        title += r"(?:\s+(?:of|the|[A-Z][\w’'-]*))*"  # ("President of the Republic of Ruritania" for "the Republic")
        before = re.compile(title + r"[\s,]*(?:(?i:" + "|".join(sorted(_ADDRESS)) + r")\.?\s+)*$")
        of_after = re.compile(r"\s+of\s+(?:the\s+)?" + re.escape(complement) + r"\b")  # "President X of Ruritania"
        set_off = re.compile(r"\s*,\s+(?:the\s+)?" + title + r"\s*[,.;]")  # "X, President of Ruritania,"
        found: set[str] = set()
        for mention, name in self.mentions[:count]:
            head = self.text[max(0, mention.start - _BEFORE_REACH):mention.start]
            joined = before.search(head) or set_off.match(self.text, mention.end) or of_after.match(
                self.text, mention.end) and _title_before(self.text, mention, post[-1:])
            if joined and not PAST.intersection(_WORD.findall(head.lower())[-4:]):
                found.add(name)
        return list(found) if len(found) == 1 else []

    def one(self, post: tuple[str, ...], count: int, own: bool = False) -> list[str]:
        """The one person among the first `count` mentions who holds `post` (the speaker's `own`: see `holders`), if
        exactly one does (a holder named only after the post speaks is not looked for: "the President" of a UN
        statement is the Assembly's, whom a head of state called President later in the text is not)."""
        if (post, count, own) not in self.found:
            self.found[post, count, own] = holders(self.text, self.mentions[:count], post, own)
        named = self.found[post, count, own]
        return list(named) if len(named) == 1 else []


class _Speaking(Protocol):
    """What these rules read of `attribution.Attribution`."""

    text: str
    mentions: list[tuple[Mention, str]]
    starts: list[int]
    holders: PostHolders

    def quoted(self, pos: int) -> bool: ...


# The post: "the Secretary-General", "the Prime Minister" (capitalised words after "the", each a title: not "the Russian
# President", another state's), not followed by a complement of its own ("of the Security Council", "'s Special
# Envoy", "for Human Rights"); not "my President", "our President" (the speaker's own head of state, whom a statement
# seldom names: the one president it names is often the Assembly's).
_POST = r"(?P<post>[Tt]he\s+(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*)"
# The post as `PostHolders.titled` reads it: "the", then its last word (the title) as group 1.
_ROLE = re.compile(r"[Tt]he\s+(?:[A-Z][\w’'-]*\s+)*([A-Z][\w’'-]*)\s*")
# "the words of the Secretary-General", "the call made by the Secretary-General", "the statement by the President":
# looked for from each " of the"/" by the" before a capital (literal prefixes, found as fast as by `str.find`; a speech
# noun before it, a post after it)
_OF_THE = (re.compile(r" of\s+(?=[Tt]he\s+[A-Z])"), re.compile(r" by\s+(?=[Tt]he\s+[A-Z])"))
_OWNING_NOUNS = ("word", "call", "appeal", "message", "statement", "remark", "warning", "plea", "comment", "communiqué")
_OWNING_NOUN = re.compile(r"\b(?:words|calls?|appeals?|messages?|statements?|remarks|warnings?|plea|comments"
                          r"|communiqué)(?:\s+(?:made|issued|expressed|voiced|launched|delivered))?$")
_OWNED_POST = re.compile(_POST + r"(?![’']s)(?![\w’'-]|\s+(?:of|for|on)\s)")
# "the Secretary-General's communiqué", "the Prime Minister's appeal to", "the President's warning that": the noun after
# the possessive first, then the post before it
_OWNS = re.compile(r"['’]s\s+(?:[a-z]+\s+){0,2}?(?:warnings?|plea|communiqué|appeals?\s+(?:to|that)|calls?\s+(?:to|that"
                   r"|on|upon))\b")
_POST_BEFORE = re.compile(_POST + r"$")
_POST_REACH = 70  # characters: the longest post before its possessive ("the Deputy Secretary-General")
# "join(s) the Secretary-General in his call for", "that of the Secretary-General in urging": the post or a name
_JOINED = re.compile(alternation({"join ", "joins ", "joined ", "joining ", "that of "})
                     + r"(?P<post>(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){1,6}?)in\s+(?:(?:his|her)\s+(?:[a-z]+\s+)?"
                     r"(?:calls?|appeals?|plea|warnings?)|calling|urging|appealing|warning|demanding)\b")


def post_speakers(a: _Speaking) -> set[str]:
    """The holders of the posts (or the people joined) that speak by the forms above in `a`'s text."""
    text, found = a.text, set[str]()
    if not any(mention.title for mention, _ in a.mentions):  # no one titled: no post's holder named (most newswire)
        return found
    for prepositions in _OF_THE if any(noun in text for noun in _OWNING_NOUNS) else ():
        for preposition in prepositions.finditer(text):
            at = preposition.start()
            post = _OWNED_POST.match(text, preposition.end())
            if post and _OWNING_NOUN.search(text, max(0, at - 40), at) and not a.quoted(at):
                found.update(_holder(a, post.start("post"), post.end("post")))
    for cue in _OWNS.finditer(text) if "’s " in text or "'s " in text else ():
        post = _POST_BEFORE.search(text, max(0, cue.start() - _POST_REACH), cue.start())
        if post and not a.quoted(cue.start()):
            found.update(_holder(a, post.start("post"), post.end("post")))
    for cue in _JOINED.finditer(text) if "join" in text or "that of" in text else ():
        start, end = cue.start("post"), cue.end("post")
        k = bisect_left(a.starts, start)
        if not text[cue.start() - 1].isalnum() and not a.quoted(start):
            if k < len(a.mentions) and a.mentions[k][0].end <= end:  # "join President X in calling for": X
                found.add(a.mentions[k][1])
            elif text.startswith(("the ", "The "), start):
                found.update(_holder(a, start, end))
    return found


def _holder(a: _Speaking, start: int, end: int) -> list[str]:
    """The one person the post between `start` and `end` names (`PostHolders.titled`), if each of its words is a title
    ("the Government", "the Assembly", "the Russian President" name no post of this text's holders)."""
    role = _ROLE.fullmatch(a.text, start, end)
    lex = lexicon()
    titles = [word.lower() for word in a.text[start:end].split()[1:]]
    return a.holders.titled(role) if role and all(t in lex.roles or t in lex.gender for t in titles) else []
