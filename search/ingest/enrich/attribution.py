"""Which of an article's people are quoted or speaking (the speakers).

Speakers come from attribution rules over sentences: "X said", '"…," said X', "according to X",
"X, the minister, stressed", "announced by his son X", "X met Y, saying …", 'X paid tribute: "…"', interview answers
("((X)) …"), and "he/she said" or "the governor said" resolved to the last person named before
(a clause's subject first, never one of the other gender; not a name inside the clause a pronoun
closes: "…convinced that Y is to blame, he said" is not Y speaking). Speech cited inside a speech
counts as anywhere ("in the words of X", "X, who once said", "as X put it", 'a letter from X: "…"'),
so does a second verb of a sentence X opens ("X stood before the Gate and said"), and a readout's
joint statement ("The leaders agreed …") credits the people its meeting or call names together.
A post that speaks far from its holder's name ("As the Secretary-General rightly said") credits the one
person named before who holds it (`post_holders.py`). Hard-wrapped text is read with its line breaks
inside sentences as spaces.
Speakers of record come from the cues of `of_record.py` (applied by `speech_settings.py`, with speech
framed by its setting: "In his address, X …", "on behalf of X"): transcript turns, addresses, interviews and
quoted messages. Reporters ("our correspondent X", sign-offs) are people, never speakers;
organisations and unnamed people ("the ministry said", "a spokesperson said") are neither.

The patterns are compiled by `speech_rules.py` from the word lists of `people.toml`; sentences and
quotations are found by `sentences.py`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from search.ingest.enrich import speech_rules as speech
from search.ingest.enrich.name_resolution import gender_of
from search.ingest.enrich.names import Mention
from search.ingest.enrich.post_holders import PostHolders, post_speakers
from search.ingest.enrich.sentences import hard_wrapped, quote_spans, sentence_starts, unwrapped, without_page_breaks
from search.ingest.enrich.speech_rules import NAMING, speech_rules
from search.ingest.enrich.speech_settings import settings_of_speech

__all__ = ["Attribution"]


_PARTICIPLE_GAP = re.compile(r"(?:\s+(?:of|from|at)\s+(?:the\s+)?[A-Z][^,;:“”\"\n]{0,60}?)?\s+")
_COLON_QUOTE = re.compile(r":\s*[\"“]")
_QUOTE_MARK_IN_LINE = re.compile(r"[\"“”]")
_DASH = re.compile(r"[—–]")
# Capitalised words before a name that opens its sentence (not "Addressing …", "In his greetings to …").
_TITLES_ONLY = re.compile(r"[\s\"“‘']*(?:(?!(?:In|At|To|For|With|From|By|On|As|When|While|After|Before)\s)"
                          r"[A-Z][\w.’'-]*(?<!ing)\s+)*")
# The end of the last clause boundary before a point: "…, where", "…; ", "… and".
_LAST_BOUNDARY = re.compile(
    r"(?s).*(?:[,;:—]|\b(?:where|when|while|that|after|before|because|since|although|though)\b)")
# Characters: how far back a clause's boundary is looked for (a long sentence of a hard-wrapped text would
# make the look-up slow; a clause with no comma that long has no name for a subject anyway).
_CLAUSE_REACH = 250
_PREVIOUS_WORD = re.compile(r"(\w+)\s*$")
_PASSIVE_OR_INFINITIVE = frozenset("to was were been being be is are not never without".split())  # (or negated)
_HABIT = re.compile(r"\b(?:used|liked|loved)\s+to\s+\w+$")  # "as X used to say" (not an infinitive)
_AFTER_QUOTATION = re.compile(r"(?:[\"”’]\s*,?|,\s*[\"”’])\s*$")
_GENDERED = re.compile(r"\b(?:(he|him|his|himself)|she|her|hers|herself)\b", re.IGNORECASE)
_PRONOUN_REACH = 1500  # characters: how far back to look for a subject once an object was found
_PRONOUN = re.compile(r"\b([Hh]e|[Ss]he)\b")
_PRONOUN_AFTER = re.compile(r"\s+(he|she)\b")
# A sentence opening with a clause whose subject "he" may well be: "When X took office, he said …".
_SUBORDINATE = re.compile(r"[\s\"“‘']*(?:When|After|As|While|Before|Once|Since|Although|Though|If|Because|Upon)\b")


class Attribution:
    """Speaker attribution over one text with its person mentions."""

    def __init__(self, text: str, mentions: list[tuple[Mention, str]]) -> None:
        wrapped = hard_wrapped(text)
        self.lines = text  # as written: the cues of record read lines (turns, titles)
        text = without_page_breaks(text) if wrapped else text
        self.text = unwrapped(text) if wrapped else text  # (a line break inside a sentence is a space)
        self.rules = speech_rules()
        self.mentions = mentions
        self.starts = [m.start for m, _ in mentions]
        self.ends = [m.end for m, _ in mentions]
        self.quotes = quote_spans(text, wrapped)
        self.sentence_starts = sentence_starts(text, wrapped)
        self.gender = self.genders()
        self.antecedents = [(m, n) for m, n in mentions if not m.reporter and not self.quoted(m.start)]
        self.antecedent_starts = [m.start for m, _ in self.antecedents]
        self.holders = PostHolders(self.text, self.antecedents, self.is_subject)
        self.subjects: dict[int, bool] = {}  # mention start → whether it opens a clause (cache)

    def genders(self) -> dict[str, str]:
        """ "m" or "f" per name, from honorifics ("Ms Lee"), else from the first he/his/she/her after
        a mention and before the next name in its sentence ("Emily Spanton, who waived her right")."""
        by_title: dict[str, str] = {}
        votes: dict[str, int] = {}
        for index, (mention, name) in enumerate(self.mentions):
            if gender_of(mention):
                by_title.setdefault(name, gender_of(mention))
                continue
            end = min(self.sentence_span(mention.end)[1], mention.end + 150)
            if index + 1 < len(self.mentions):
                end = min(end, self.mentions[index + 1][0].start)
            pronoun = _GENDERED.search(self.text, mention.end, end)
            if pronoun and not self.quoted(mention.start):
                votes[name] = votes.get(name, 0) + (1 if pronoun.group(1) else -1)
        genders = {name: "m" if vote > 0 else "f" for name, vote in votes.items() if vote}
        genders.update(by_title)
        return genders

    def quoted(self, pos: int) -> bool:
        k = bisect_right(self.quotes, (pos, len(self.text))) - 1
        return k >= 0 and self.quotes[k][0] <= pos < self.quotes[k][1]

    def sentence_start(self, pos: int) -> int:
        k = bisect_right(self.sentence_starts, pos) - 1
        return self.sentence_starts[k] if k >= 0 else 0

    def sentence_span(self, pos: int) -> tuple[int, int]:
        k = bisect_right(self.sentence_starts, pos)
        end = self.sentence_starts[k] if k < len(self.sentence_starts) else len(self.text)
        return self.sentence_starts[k - 1], end

    def speakers(self) -> set[str]:
        found = {name for mention, name in self.mentions  # interviews: "((Dorsa Derakhshani)) I'm a …"
                 if self.text.startswith("((", mention.start - 2) and self.text.startswith("))", mention.end)}
        for verb in self.rules.verbs.finditer(self.text):
            found.update(self.attribute(verb))
        for colon in _COLON_QUOTE.finditer(self.text):  # 'In his message, he praised him: "…"', 'X, a poet, wrote: "…"'
            if not self.quoted(at := colon.start()):
                sentence = self.sentence_start(at)
                found.update(self.subject(sentence, at, same_clause=True) or self.introducing(sentence, at)
                             or self.opening_pronoun(sentence, at) or self.sentence_opener(sentence, at))
        found.update(name for mention, name in self.mentions if self.text.startswith(("'s", "’s"), mention.end)
                     and speech.POSSESSIVE_SPEECH.match(self.text, mention.end) and not self.quoted(mention.start))
        for owner in speech.POSSESSIVE_SPEECH.finditer(self.text):  # "the Secretary-General's words": the holder
            role = self.rules.role_before.search(self.text, max(0, owner.start() - 80), owner.start())
            found.update(self.holders.titled(role) if role and not self.quoted(owner.start()) else ())
        for end in speech.sent_from(self.text):  # "greetings … from President X", "a statement by X"
            if not self.quoted(end):  # ("… made by the President of Y, Mr. X, …": a name set off after a role)
                found.update(self.after(end, self.sentence_start(end), speech.TITLES_GAP) or self.after(
                    end, self.sentence_start(end), self.rules.role_apposition, True))
        for cue in speech.for_statement(self.text):  # "X, President of Y, for his statement"
            k, gender = bisect_left(self.ends, cue.start() + 1) - 1, "m" if cue.group(1) == "his" else "f"
            if k >= 0 and speech.SET_OFF_GAP.fullmatch(self.text, self.ends[k], cue.start()) and not self.quoted(
                    cue.start()) and self.gender.get(self.mentions[k][1], gender) == gender:
                found.add(self.mentions[k][1])
        return found | settings_of_speech(self) | post_speakers(self)  # of record, 'on behalf of X', a post's words

    def attribute(self, verb: re.Match[str]) -> list[str]:
        """Who a verb of saying is credited to, if anyone."""
        text, (start, end), phrase = self.text, verb.span(), verb.group()
        if self.quoted(start) or text[start - 1:start] == "-" or (  # (not "English-speaking", "so-called")
                phrase == "speaking" and not speech.SPEAKING_HOW.match(text, end)) or (  # (nor "speaking Arabic")
                phrase.startswith("address") and not self.rules.audience.match(text, end)):  # (nor "the issue")
            return []
        sentence, sentence_end = self.sentence_span(start)
        if phrase in speech.OWNED:  # "the statement of President X" (not "a message of greetings to X")
            return self.after(end, sentence, speech.TITLES_GAP)
        if phrase in NAMING:  # "according to the city's mayor, X, …": also a name set off after the role
            return (self.after(end, sentence, speech.AFTER_GAP, joined=True)
                    or self.after(end, sentence, self.rules.role_apposition, True)
                    or (self.after(end, sentence, speech.DESCRIBED, True) if phrase.lower() != "according to" else []))
        previous = _PREVIOUS_WORD.search(text, max(0, start - 15), start)
        if phrase in self.rules.quote_verbs and not _QUOTE_MARK_IN_LINE.search(text, sentence, sentence_end) and (
                not speech.says_what(text, end, phrase)) and (
                not self.rules.joint_before.search(text, sentence, start)) and (
                not speech.AS_CLAUSE.search(text, max(sentence, start - 80), start)):  # "as X put it, …"
            return []  # "X praised Y": speech only with a quotation or a clause ("declared that", "reported he")
        if by := speech.BY.match(text, end):  # "the threats voiced by President X": X, the name right after
            return [] if phrase in self.rules.participles else (self.after(by.end(), sentence, speech.TITLES_GAP) or (
                self.after(by.end(), sentence, self.rules.role_apposition, True)  # "said by the President, Mr. X,"
                or self.after(by.end(), sentence, speech.KIN_GAP)))  # "announced by his son X"
        if previous and previous.group(1).lower() in _PASSIVE_OR_INFINITIVE and not _HABIT.search(
                text, max(0, start - 20), end):
            return []  # "was told", "to say"
        if phrase in self.rules.participles:  # ("Politico quoted X, a former official, as saying": X)
            window = max(sentence, start - 160)
            cited = speech.CITED_AS.search(text, window, start) if (
                "quot" in text[window:start] or "cit" in text[window:start]) else None
            return (self.after(cited.end(), sentence, speech.TITLES_GAP) or self.after(
                cited.end(), sentence, speech.CITED_GAP) if cited else []) or self.subject(sentence, start)
        found = self.before(sentence, start) or self.inverted(sentence, start, end)
        if not found and speech.AND_BEFORE.search(text, max(sentence, start - 20), start):
            return self.sentence_opener(sentence, start)  # "X stood before the Gate and said"
        return found

    def sentence_opener(self, sentence: int, verb: int) -> list[str]:
        """The subject of a sentence whose second verb `verb` is joined by "and" ("X stood before the Gate and said …")
        or whose quotation a colon opens ("X, a survivor, has been blunter: “…”"): its first person named, when that
        one opens a clause and is not passive ("X was elected … and admitted to …")."""
        k = bisect_left(self.starts, sentence)
        before = self.text[:sentence].rstrip()
        if k >= len(self.mentions) or self.starts[k] >= verb or not (
                before[-1:] in ("", *".!?\"”’") or "\n" not in before):  # (the title has no full stop)
            return []  # (a line break inside a sentence of hard-wrapped text does not open one)
        mention, name = self.mentions[k]
        if (self.quoted(mention.start) or not self.is_subject(mention)
                or speech.PASSIVE.search(self.text, mention.end, verb)  # "When X walked out, I met him and told him"
                or speech.NEW_SUBJECT.search(self.text, mention.end, verb)):
            return []
        return [name]

    def opening_pronoun(self, sentence: int, colon: int) -> list[str]:
        """ "He has, however, instructed me, as his minister, to deliver this message: “…”": the he or she
        opening the sentence, when nobody is named before the colon."""
        opening = speech.OPENING_PRONOUN.match(self.text, sentence)
        if not opening or bisect_left(self.starts, sentence) != bisect_left(self.starts, colon):
            return []
        return self.pronoun(opening.group(1), opening.start(1))

    def introducing(self, sentence: int, colon: int) -> list[str]:
        """The name right before a colon that opens a quotation, when it is no object of the sentence
        ("one from my compatriot Henry Doe: “…”"; not "tribute to X: …")."""
        k = bisect_left(self.ends, colon + 1) - 1
        if k < 0:
            return []
        mention, name = self.mentions[k]
        tail = speech.ROLE_TAIL.fullmatch(self.text, mention.end, colon)  # "X, President of Y: …"
        if mention.start < sentence or self.quoted(mention.start) or self.text[mention.end:colon].strip() and not (
                tail and tail.group(1).lower() in self.rules.titles):
            return []
        introduced = speech.INTRODUCED_BY.search(self.text, max(sentence, mention.start - 60), mention.start)
        return [name] if introduced else []

    def before(self, sentence: int, verb: int) -> list[str]:
        """ "X said", "X, the minister, said", "X and Y said", "he said"."""
        text = self.text
        k = bisect_left(self.ends, verb + 1) - 1
        lone: list[str] = []  # "…, Jamel Msallem, said": kept unless a name before it owns the apposition
        for index in range(k, max(k - 4, -1), -1):
            mention, name = self.mentions[index]
            if mention.start < sentence or mention.end > verb:
                break
            if self.quoted(mention.start):
                continue
            if text.find("who", mention.end, verb) >= 0 and self.rules.relative.fullmatch(text, mention.end, verb):
                return [name]
            if self.is_object(mention, sentence) and not speech.FOR_SUBJECT.search(
                    text, max(sentence, mention.start - 60), mention.start):
                continue  # (", for X once said": "for" joins a clause)
            if text[mention.end:verb].strip() == ",":
                if not lone and speech.APPOSITION_START.search(text, max(sentence, mention.start - 60), mention.start):
                    lone = [name]
                continue
            if self.rules.gap.fullmatch(text, mention.end, verb) or self.rules.dash_close.fullmatch(
                    text, mention.end, verb) and _DASH.search(text, max(sentence, mention.start - 80), mention.start):
                return [name, *self.coordinated(index)]
            if self.rules.unclosed_role.fullmatch(text, mention.end, verb) and (_TITLES_ONLY.fullmatch(
                    text, sentence, mention.start) or _AFTER_QUOTATION.search(text, sentence, mention.start)):
                # "X, Dean of Y called it": X opens the sentence, or follows a quotation ('"…", X, the famous …')
                return [name]
        if lone:
            return lone
        pronoun = self.rules.pronoun_before.search(text, max(sentence, verb - 80), verb)
        if pronoun:
            return self.pronoun(pronoun.group(1), pronoun.start())
        role = self.rules.role_before.search(text, max(sentence, verb - 80), verb)
        if role:
            return self.holders.titled(role)
        return self.participants(verb) if self.rules.joint_before.search(text, max(sentence, verb - 60), verb) else []

    def participants(self, at: int) -> list[str]:
        """ "The leaders agreed …" in a readout: the people named together in the first sentence before `at`
        that names two or more (the meeting's or the call's: "X met with Y", "X had a call with Y")."""
        k = bisect_left(self.starts, at)
        names: list[str] = []
        for index, (mention, name) in enumerate(self.mentions[:k]):
            if self.quoted(mention.start) or name in names:
                continue
            if names and self.sentence_start(mention.start) != self.sentence_start(self.mentions[index - 1][0].start):
                if len(names) >= 2:
                    break
                names = []
            names.append(name)
        return names if len(names) >= 2 else []

    def coordinated(self, index: int) -> list[str]:
        """Names joined to mention `index` by "and" ("Smith and Jones said")."""
        names: list[str] = []
        while index > 0:
            previous, name = self.mentions[index - 1]
            if not speech.joined(self.text, previous.end, self.starts[index], names) or self.is_object(previous, 0):
                break  # (nor "Aides to Sens. X and Y, whose …, said": X an object)
            names.append(name)
            index -= 1
        return names

    def inverted(self, sentence: int, verb: int, end: int) -> list[str]:
        """ '"…," said X.' / '"…," said he.' right after a quotation; "…, stated Minister Y Z," after a comma
        when only titles come between the verb and the name."""
        if _AFTER_QUOTATION.search(self.text, max(sentence, verb - 5), verb):
            pronoun = _PRONOUN_AFTER.match(self.text, end)
            if pronoun:
                return self.pronoun(pronoun.group(1), pronoun.start(1))
            k = bisect_left(self.starts, end)  # '"…," writes X's partner Y': Y, after an owner
            owner = k < len(self.mentions) and speech.possessive_at(self.text, self.ends[k])
            return self.after(end, sentence, speech.INVERTED_GAP) or (
                self.after(self.ends[k], sentence, speech.INVERTED_GAP) if owner else [])
        if self.text[max(sentence, verb - 3):verb].rstrip().endswith(","):
            return (self.after(end, sentence, speech.TITLES_GAP)  # ", argued the firm's lawyer, X."
                    or self.after(end, sentence, self.rules.role_apposition))
        return []

    def after(self, end: int, sentence: int, gap: re.Pattern[str], set_off: bool = False,
              joined: bool = False) -> list[str]:
        """The first name after `end` in the same sentence, if what comes between fits `gap` (and, if
        `set_off`, a comma or dash follows the name), with `joined`, also the names "and" joins to it ("the
        words of X and President Y"); not an owner ("according to a statement by X's office")."""
        k = bisect_left(self.starts, end)
        if k < len(self.mentions):
            mention, name = self.mentions[k]
            if (gap.fullmatch(self.text, end, mention.start) and self.sentence_start(mention.start) == sentence
                    and not speech.possessive_at(self.text, mention.end)
                    and (not set_off or speech.SET_OFF.match(self.text, mention.end))):
                names = [name]
                while joined and k + 1 < len(self.mentions) and speech.AND_TITLED.fullmatch(
                        self.text, self.ends[k], self.starts[k + 1]) and not self.text.startswith(
                        ("'s", "’s"), self.ends[k + 1]):
                    k += 1
                    names.append(self.mentions[k][1])
                return names
        return []

    def subject(self, sentence: int, verb: int, same_clause: bool = False) -> list[str]:
        """The subject of the clause a participle hangs on ("X met Y, saying …" → X): the nearest
        name or he/she before it that opens a clause (with no comma before `verb` if `same_clause`)."""
        text = self.text
        inside = self.mentions[bisect_left(self.starts, sentence):bisect_left(self.starts, verb)]
        if inside and _PARTICIPLE_GAP.fullmatch(text, inside[-1][0].end, verb) and not self.quoted(verb):
            return [inside[-1][1]]  # "with Ross Spano of Florida calling the process …"
        candidates: list[tuple[int, int, str | None, str]] = [(m.start, m.end, name, "") for m, name in inside]
        candidates += [(p.start(), p.end(), None, p.group(1)) for p in _PRONOUN.finditer(text, sentence, verb)]
        objects = {m.start for m, _ in inside if self.is_object(m, sentence)}
        for start, end, name, pronoun in sorted(candidates, reverse=True):
            if self.quoted(start) or speech.possessive_at(text, end) or start in objects:
                continue
            if same_clause and "," in text[end:verb]:
                break
            reach = max(sentence, start - _CLAUSE_REACH)
            boundary = _LAST_BOUNDARY.match(text, reach, start)
            clause = boundary.end() if boundary else reach
            if text[clause - 1:clause] == "," and text[end:verb].strip() == ",":
                continue  # an apposition: "paraphrased the first American in space, Alan Shepard, commenting"
            if self.rules.subject_prefix.fullmatch(text, clause, start):
                return [name] if name else self.pronoun(pronoun, start)
        return []

    def sentence_subject(self, at: int) -> list[str]:
        """The last person named before `at` who opens a sentence ("Putin congratulated X, …"), if any."""
        for index in range(bisect_left(self.antecedent_starts, at) - 1, -1, -1):
            mention, name = self.antecedents[index]
            if at - mention.start > _PRONOUN_REACH:
                break
            sentence = self.sentence_start(mention.start)
            if self.rules.subject_prefix.fullmatch(self.text, sentence, mention.start):
                return [name]
        return []

    def pronoun(self, word: str, at: int) -> list[str]:
        """Who "he" or "she" (or "" for either) at `at` stands for: the last person named before it as
        the subject of a clause, else the last person named at all; never one known to be of the other
        gender, nor one named in the clause the pronoun closes ("Convinced that X is to blame, he …")."""
        wanted = {"he": "m", "she": "f"}.get(word.lower(), "")
        sentence = self.sentence_start(at)
        closing = self.text[sentence:at].rstrip().endswith(",") and not _SUBORDINATE.match(self.text, sentence)
        role = self.rules.unnamed_role.search(self.text, sentence, at)
        if role and bisect_left(self.antecedent_starts, role.end()) == bisect_left(self.antecedent_starts, at):
            return []  # "When the President of the Assembly opened the session, he remarked": no name for him
        fallback: list[str] = []
        for index in range(bisect_left(self.antecedent_starts, at) - 1, -1, -1):
            mention, name = self.antecedents[index]
            if fallback and at - mention.start > _PRONOUN_REACH:
                break
            if (wanted and self.gender.get(name, wanted) != wanted) or (closing and mention.start >= sentence):
                continue
            if self.is_subject(mention):
                return [name]
            fallback = fallback or [name]
        return fallback

    def is_object(self, mention: Mention, sentence: int) -> bool:
        """Whether a mention follows a preposition ("by President Trump", "of Human Rights"), other than
        one inside a title ("Secretary General for Emerging Security Challenges David van Weel")."""
        found = self.rules.object_of.search(self.text, max(sentence, mention.start - 60), mention.start)
        if not found:
            return False
        before = self.text[max(sentence, found.start() - 25):found.start()].split()
        words = self.text[found.start():mention.start].split()  # "of Commons Speaker": a title's domain first
        titles = self.rules.titles  # (not after one who speaks for another: "a spokesman for Senator X" is X's)
        titled = len(words) >= 3 and words[-1].lower() in titles and words[1].lower() not in titles
        return not (titled or before and before[-1].lower() in titles and before[-1].lower() not in speech.AGENTS)

    def is_subject(self, mention: Mention) -> bool:
        """Whether a mention opens a clause ("…, Smith met"), rather than being an object ("met Smith",
        "of Smith", "Smith's")."""
        known = self.subjects.get(mention.start)
        if known is None:
            text = self.text
            sentence = self.sentence_start(mention.start)
            reach = max(sentence, mention.start - _CLAUSE_REACH)
            boundary = _LAST_BOUNDARY.match(text, reach, mention.start)
            complement = boundary is not None and text.endswith("that", 0, boundary.end())  # "believes that X"
            known = self.subjects[mention.start] = not complement and not text.startswith(
                ("'s", "’s"), mention.end) and not self.is_object(mention, sentence) and bool(
                self.rules.subject_prefix.fullmatch(text, boundary.end() if boundary else reach, mention.start))
        return known
