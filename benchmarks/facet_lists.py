"""The most frequent people and speakers of a whole corpus, with junk and duplicate checks (issue 11).

Gold labels cover a few dozen articles; what a reader of the facet panel sees first are the top
values over the whole corpus. So for each corpus we print the top 60 people and top 30 speakers with
their article counts, and flag two kinds of trouble a reader would notice at once:

* **junk**: a value that is not a person's name. `non_person()` is a simple, documented heuristic
  (built only from pycountry and word lists here, never from the extractors, so it cannot agree with
  them by construction) plus a small hand-kept list of non-person values found while reading these
  lists (`benchmarks/gold/non_person_values.txt`, one value a line, `#` comments).
* **duplicates**: one person under two values — the surname of one equals the other ("Putin" /
  "Vladimir Putin"), the same first and last name around a middle name or initial ("George Bush" /
  "George W Bush"), or the same after folding accents and common transliteration variants
  ("António Guterres" / "Antonio Guterres", "Podoliak" / "Podolyak", "Zelensky" / "Zelenskyy").

The counts are those the index shows: each facet's values merged per person by the index's own
alias rules (`search.index.person_aliases.canonical_names`, over the whole corpus), unless
`merge_aliases=False` asks for the values as enrichment gave them, article by article.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pycountry

from search.index.person_aliases import canonical_names

NON_PERSON_LIST = Path(__file__).resolve().parent / "gold" / "non_person_values.txt"

# Words that never occur in a person's name as written in news, but do in the names of bodies,
# documents, places, events and in titles or forms of address glued to a name.
NON_NAME_WORDS = frozenset("""
    credit currency exchequer intermediate machines pay payable record sour statistics units
    bancorp caucus chat co construction corp cwt environmental field financial foods helmets inc inns
    insurance interbank llc loan ltd management matrix mattress meeting milk modalities package
    petroleum plc plenary prophet protection rate rates round strategy trading transport trio
    trustco wall
    academy accord accords act administration adviser advisor affairs agency agenda agreement aide
    alliance ambassador army assembly association authority bank board brigade bureau cabinet
    campaign capital cathedral center centre chair chairman chamber charter city club coalition
    command commission committee commonwealth company comrade conference congress consensus
    constitution convention corporation council court declaration delegates delegation department
    deputy development directorate district division dr economic embassy emirates empire excellency
    federation festival force forces foreign forum foundation fund gas government governor group
    gulf highness his holiness hospital hurricane initiative institute island islands kingdom league
    majesty memorandum minister ministry mission movement mr mrs ms museum nations navy north office
    ocean operation organisation organization palace parliament partnership party peninsula pipeline
    plan platform police powers premier president prime programme program project protocol province
    rada region republic resolution river school sea secretary security senate service society south
    state statement states statute stream strait street summit system territory treaty tribunal
    typhoon union united university war
""".split())

# Short forms of first names (compared after `skeleton`): "Joe Biden" / "Joseph Biden" are one person.
SHORT_FORMS = {"Joe": "Joseph", "Bill": "William", "Bob": "Robert", "Mike": "Michael", "Jim": "James",
               "Tony": "Anthony", "Dick": "Richard", "Ted": "Edward", "Dave": "David", "Tom": "Thomas"}

# Words of a name (particles not counted) above which a value is a run of words rather than a name:
# long real names have six ("Mohd Najib bin Tun Haji Abdul Razak", "Abdullah Bin Zayed Al Nahyan").
MAX_NAME_WORDS = 6

# Lower-case particles that are part of names ("Osama bin Laden", "Ursula von der Leyen").
NAME_PARTICLES = frozenset("al el bin ibn bint ben da das de del della der di do dos du la le van von y".split())


@cache
def _country_names() -> frozenset[str]:
    names = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(fold(value))
    names |= {fold(n) for n in ("Viet Nam", "Vietnam", "Russia", "Iran", "Syria", "Laos", "Moldova",
                                "South Korea", "North Korea", "Taiwan", "Bolivia", "Venezuela", "Tanzania",
                                "Ivory Coast", "DR Congo", "Kosovo", "Palestine", "Turkey", "Czech Republic")}
    return frozenset(names)


@cache
def _hand_list() -> frozenset[str]:
    if not NON_PERSON_LIST.exists():
        return frozenset()
    lines = NON_PERSON_LIST.read_text("utf-8").splitlines()
    return frozenset(fold(line) for line in lines if line.strip() and not line.lstrip().startswith("#"))


def fold(value: str) -> str:
    """Accents removed, case-folded, spaces normalised: the form two spellings are compared in."""
    text = unicodedata.normalize("NFKD", value.replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def skeleton(value: str) -> str:
    """`fold` plus transliteration variants merged: y/i/j, kh/h, ph/f, doubled letters, punctuation."""
    text = re.sub(r"[^a-z ]", "", fold(value).replace("-", " "))
    for old, new in (("kh", "h"), ("ph", "f"), ("ck", "k"), ("y", "i"), ("j", "i"), ("w", "v")):
        text = text.replace(old, new)
    return " ".join(re.sub(r"(.)\1+", r"\1", word) for word in text.split())


def non_person(value: str) -> str | None:
    """Why `value` is not a person's name (a short reason), or None when it looks like one."""
    folded = fold(value)
    words = re.findall(r"[\w'.-]+", value)
    parts = [part for word in words for part in re.split(r"-", word) if part]
    if folded in _hand_list():
        return "hand-kept list"
    if folded in _country_names() or any(fold(part) in _country_names() for part in parts if len(parts) > 1
                                           and "-" in value and part[0].isupper() and len(part) > 3):
        return "country"
    lowered = {part.casefold().strip(".") for part in parts}
    if lowered & NON_NAME_WORDS:
        return f"word '{sorted(lowered & NON_NAME_WORDS)[0]}'"
    if any(len(w.replace(".", "")) > 1 and w.replace(".", "").isupper() and not re.fullmatch(r"[IVX]+", w)
           for w in words):
        return "acronym"
    if any(w[0].islower() and w.split("-")[0].casefold() not in NAME_PARTICLES for w in words):
        return "lower-case word"
    if sum(w.casefold() not in NAME_PARTICLES for w in words) > MAX_NAME_WORDS:
        return "too many words"
    return None


@cache
def _short_form_pairs() -> list[set[str]]:
    return [{skeleton(short), skeleton(full)} for short, full in SHORT_FORMS.items()]


def _one_letter_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:] or (len(a) == len(b) and a[i + 1:] == b[i + 1:])


def same_person_rule(a: str, b: str) -> str | None:
    """Which duplicate rule says `a` and `b` are one person under two values, or None."""
    sa, sb = skeleton(a).split(), skeleton(b).split()
    if not sa or not sb:
        return None
    if sa == sb:
        return "same after folding"
    short, long_ = (sa, sb) if len(sa) < len(sb) else (sb, sa)
    if len(short) < len(long_) and long_[-len(short):] == short:
        return "last name(s) of the other"
    if len(short) < len(long_) and long_[:len(short)] == short:
        return "first name(s) of the other"
    if len(sa) > 1 and len(sb) > 1 and sa[0] == sb[0] and sa[-1] == sb[-1]:
        return "same first and last name"
    if len(sa) == len(sb) > 1 and sa[1:] == sb[1:] and {sa[0], sb[0]} in _short_form_pairs():
        return "short form of the first name"
    if (len(sa) == len(sb) > 1 and sa[1:] == sb[1:] and min(len(sa[0]), len(sb[0])) >= 4
            and abs(len(sa[0]) - len(sb[0])) >= 3 and (sa[0].startswith(sb[0]) or sb[0].startswith(sa[0]))):
        return "first name cut short"  # "Chris Stevens" / "Christopher Stevens"
    if len(sa) == len(sb) and len(" ".join(sa)) >= 8 and _one_letter_apart(" ".join(sa), " ".join(sb)):
        return "one letter apart"
    return None


def duplicate_pairs(values: Iterable[str]) -> list[tuple[str, str, str]]:
    """Pairs (a, b, rule) among `values` that look like one person under two values."""
    values = list(dict.fromkeys(values))
    return [(a, b, rule) for i, a in enumerate(values) for b in values[i + 1:]
            if (rule := same_person_rule(a, b))]


def merged_counts(per_article: Iterable[frozenset[str]]) -> Counter[str]:
    """Article counts of the values, each value counted under its person's one value as the index
    counts it (`canonical_names` over the values and their raw article counts)."""
    articles = list(per_article)
    raw = Counter(value for values in articles for value in values)
    mapping = canonical_names(list(raw), list(raw.values()))
    return Counter(person for values in articles for person in {mapping[value] for value in values})


@dataclass
class TopValues:
    """Article counts of people and speakers over one corpus."""

    corpus: str
    merge_aliases: bool = True  # count as the index does: one value per person (see the module docstring)
    articles: int = 0
    _people: list[frozenset[str]] = field(default_factory=list)
    _speakers: list[frozenset[str]] = field(default_factory=list)

    def add(self, people: Iterable[str], speakers: Iterable[str]) -> None:
        self.articles += 1
        self._people.append(frozenset(people))
        self._speakers.append(frozenset(speakers))

    @property
    def people(self) -> Counter[str]:
        return self._counts(self._people)

    @property
    def speakers(self) -> Counter[str]:
        return self._counts(self._speakers)

    def _counts(self, per_article: list[frozenset[str]]) -> Counter[str]:
        if self.merge_aliases:
            return merged_counts(per_article)
        return Counter(value for values in per_article for value in values)

    def report(self, top_people: int = 60, top_speakers: int = 30) -> tuple[str, dict[str, int]]:
        """Markdown text listing the top values with flags, and the summary numbers."""
        people = self.people.most_common(top_people)
        speakers = self.speakers.most_common(top_speakers)
        junk = [(kind, value, non_person(value)) for kind, top in (("person", people), ("speaker", speakers))
                for value, _ in top if non_person(value)]
        dup_people = duplicate_pairs(v for v, _ in people)
        dup_speakers = duplicate_pairs(v for v, _ in speakers)
        merged = "person aliases merged as in the index" if self.merge_aliases else "values as extracted"
        lines = [f"#### {self.corpus}: {self.articles} articles ({merged})", ""]
        for title, top in (("top people", people), ("top speakers", speakers)):
            cells = [f"{v} ({n}){' **[junk]**' if non_person(v) else ''}" for v, n in top]
            lines += [f"{title}: " + ", ".join(cells), ""]
        shown = len(people) + len(speakers)
        lines.append(f"non-person values: {len(junk)} of {shown} listed"
                     + (f" ({100 * len(junk) / shown:.0f} %)" if shown else ""))
        lines += [f"- {kind}: {value} — {why}" for kind, value, why in junk]
        lines.append(f"\nduplicate pairs: {len(dup_people)} among the top people, "
                     f"{len(dup_speakers)} among the top speakers")
        lines += [f"- {kind}: {a} / {b} ({rule})"
                  for kind, pairs in (("people", dup_people), ("speakers", dup_speakers)) for a, b, rule in pairs]
        summary = {"articles": self.articles, "listed": shown, "junk": len(junk),
                   "dup_people": len(dup_people), "dup_speakers": len(dup_speakers)}
        return "\n".join(lines) + "\n", summary
