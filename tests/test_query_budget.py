"""The query budget (issue 12, row 4): wildcard, prefix and fuzzy terms expand to a bounded number
of words, a search spends a bounded CPU time, what is cut is left out of the answer and said in
`notice`, and a costly search in one thread does not hold up a simple one in another.

The pathological queries are those of the issue (676 `*xy*` infixes, ~1,000 `word~2` terms,
676 `???xx`), on the Wikinews corpus: before the budget, Whoosh's expansion of each term walked
the whole vocabulary in Python, and the three took 10 s to minutes there too.
"""

import fnmatch
import itertools
import random
import string
import threading
import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search import search
from search.engine.budget import QueryBudget
from search.engine.expansion import _glob_regex, _Lexicon, _matches
from search.engine.matching import query_match
from search.engine.parsing import nodes, normalized, parse_query
from search.engine.query import match
from search.engine.selection import Selection
from search.index.snapshot import snapshot

PAIRS = ["".join(p) for p in itertools.product(string.ascii_lowercase, repeat=2)]
# the budget (0.8 s) plus counting, ranking and highlighting, with room for this machine's slow phases (its speed
# drifts by 20-60 %: "qmarks OR" once took 1.55 s); unbudgeted, these queries take 10 s to minutes
CPU_LIMIT_S = 2.5


@pytest.fixture(scope="module")
def index_dir(make_index, wikinews):
    return make_index(wikinews)


def _vocabulary_words(index_dir, count: int) -> list[str]:
    """`count` words of the index's body vocabulary (4-7 letters), spread over the alphabet."""
    fp = snapshot(index_dir).text_postings("body")[0][0]
    words = [t.decode() for t in fp.terms.tolist() if t.isalpha() and 4 <= len(t) <= 7]
    return words[::max(1, len(words) // count)][:count]


def pathological(index_dir) -> dict[str, str]:
    fuzzy = " ".join(f"{w}~2" for w in _vocabulary_words(index_dir, 1000))[:9_999].rsplit(" ", 1)[0]
    queries = {"infix": " ".join(f"*{p}*" for p in PAIRS), "fuzzy": fuzzy,
               "qmarks": " ".join(f"???{p}" for p in PAIRS)}
    queries |= {f"{name} OR": " OR ".join(q.split()) for name, q in queries.items()}
    return {name: q[:10_000].rsplit(" OR", 1)[0] if len(q) > 10_000 else q for name, q in queries.items()}


def _cpu_seconds(call):
    started = time.thread_time()
    result = call()
    return result, time.thread_time() - started


@pytest.mark.parametrize("name", ["infix", "fuzzy", "qmarks", "infix OR", "fuzzy OR", "qmarks OR"])
def test_pathological_queries_answer_within_the_budget(index_dir, name):
    query = pathological(index_dir)[name]
    assert len(query) <= 10_000 and len(query.split()) >= 676
    search("warm up", index_dir=index_dir)
    res, seconds = _cpu_seconds(lambda: search(query, index_dir=index_dir))
    assert seconds < CPU_LIMIT_S, f"{name}: {seconds:.2f} s of CPU"
    if name.endswith("OR"):  # an Or can not stop early: the budget cuts it, and says so
        assert res.notice and "Only part of the query was searched" in res.notice and res.total > 0
    # the answer is what was computed: a hit matches a term that was searched
    for hit in res.hits:
        assert "<mark>" in hit.snippet + hit.title_html


def test_what_the_word_cap_leaves_out_is_left_out_of_the_answer(index_dir):
    """With room for one term's words, "pres* OR elect*" is "pres*" alone, and the notice names elect*."""
    snap = snapshot(index_dir)
    first = QueryBudget(terms_per_pattern=500, terms_per_query=500)
    alone = query_match(snap, parse_query("pres*", snap.searcher.schema, lambda f, v: None).query, first)
    used = first.terms_used
    assert 0 < used < 500 and not first.cut
    budget = QueryBudget(terms_per_pattern=500, terms_per_query=used)
    both = match("pres* OR elect*", Selection(), index_dir, budget)
    assert budget.left_out == {"elect*"} and np.array_equal(both.text_mask, alone[0] & snap.live)
    assert "elect*" in (both.notice or "") and "expand to" in (both.notice or "")
    unbounded = match("pres* OR elect*", Selection(), index_dir)
    assert unbounded.text_mask.sum() > both.text_mask.sum() and unbounded.notice is None


def test_a_term_keeps_its_most_frequent_words(index_dir):
    snap = snapshot(index_dir)
    budget = QueryBudget(terms_per_pattern=3)
    m = match("s*", Selection(), index_dir, budget)
    words = budget.words[repr(nodes.Prefix("body", "s"))]
    assert len(words) == 3 and "s*" in budget.trimmed and "most frequent" in (m.notice or "")
    counts = {t.decode(): sum(int(np.diff(fp.starts)[i]) for fp, _ in snap.text_postings("body")
                              if (i := fp.find(t)) is not None)
              for fp, _ in snap.text_postings("body") for t in fp.terms.tolist() if t.startswith(b"s")}
    assert sorted(counts.values(), reverse=True)[:3] == sorted((counts[w] for w in words), reverse=True)


def test_out_of_time_leaves_the_rest_out(index_dir):
    budget = QueryBudget(cpu_seconds=0.0)
    m = match("police OR elect* OR trump~1", Selection(), index_dir, budget)
    assert budget.timed_out and not m.text_mask.any()
    assert budget.left_out == {"polic", "elect*", "trump~1"} and "time budget" in (m.notice or "")


def test_a_cut_answer_is_not_remembered(index_dir):
    query = pathological(index_dir)["infix OR"]
    cut = search(query, index_dir=index_dir)
    again = search(query, index_dir=index_dir)
    assert cut.notice and again.notice == cut.notice and again.total == cut.total


def test_a_simple_search_answers_while_a_costly_one_runs(index_dir):
    """No lock is held while a query runs: a simple search in another thread answers at once
    (the GIL is shared, so "at once" is a generous limit), and the costly one ends within its budget."""
    costly = pathological(index_dir)["fuzzy OR"]
    search("police", index_dir=index_dir)
    done, finished = threading.Event(), []

    def run_costly() -> None:
        while not done.is_set():
            started = time.perf_counter()
            search(costly, index_dir=index_dir)
            finished.append(time.perf_counter() - started)

    worker = threading.Thread(target=run_costly, daemon=True)
    worker.start()
    try:
        time.sleep(0.2)
        waits = []
        for word in ("police", "election", "minister", "storm", "court"):
            started = time.perf_counter()
            assert search(word, index_dir=index_dir).total > 0
            waits.append(time.perf_counter() - started)
        assert max(waits) < 2.0, waits
        deadline = time.perf_counter() + 60
        while len(finished) < 2 and time.perf_counter() < deadline:
            time.sleep(0.05)
    finally:
        done.set()
        worker.join(60)
    assert len(finished) >= 2 and min(finished) < 10, finished


@pytest.mark.parametrize("pattern", ["*", "**", "a*", "*a", "*ab*", "a*b*c", "?", "??a?", "*a?b*", "[ab]*", "[!ab]?*",
                                     "a[", "x]y", "*.*", "(*)", "a**b", "*a*a*a*a*a*a*b"])
def test_wildcards_match_as_fnmatch(pattern):
    words = ["a", "ab", "abc", "ba", "aab", "b", "x]y", "a[", "(x)", "a.b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaac",
             "aaaaaaab", "ca", "caab", "zzz", "é", "éa"]
    joined = "".join(w + "\n" for w in words)
    found = {m.group() for m in _glob_regex(pattern).finditer(joined) if m.start() < len(joined)}
    assert found == {w for w in words if fnmatch.fnmatchcase(w, pattern)}, pattern


def test_a_wildcard_with_many_stars_runs_in_linear_time():
    joined = ("a" * 60 + "\n") * 2_000
    found, seconds = _cpu_seconds(lambda: list(_glob_regex("*a*a*a*a*a*a*a*a*a*a*b").finditer(joined)))
    assert found == [] and seconds < 1.0


def _reference_levenshtein(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


@pytest.mark.parametrize("word, maxdist, prefix", [("", 1, 0), ("a", 1, 0), ("abc", 2, 0), ("cabbage", 2, 1),
                                                    ("éé", 1, 0), ("bac", 2, 2), ("abcabcabc", 2, 3)])
def test_fuzzy_terms_are_the_textbook_levenshtein_neighbours(word, maxdist, prefix):
    rng = random.Random(12)
    words = sorted({"".join(rng.choice("abcé") for _ in range(rng.randint(1, 9))) for _ in range(600)})
    lexicon = _Lexicon(sorted(w.encode() for w in words), np.ones(len(words), dtype=np.int64))
    found = {lexicon.terms[i].decode() for i in _matches(lexicon, nodes.FuzzyTerm("body", word, maxdist=maxdist,
                                                                                prefixlength=prefix))}
    assert found == {w for w in words if w.startswith(word[:prefix])
                     and _reference_levenshtein(w[prefix:], word[prefix:]) <= maxdist}


@pytest.mark.parametrize("text", [
    "police", "election AND vote", "police OR fire OR police", "(storm OR flood) AND NOT police", "nato -russia",
    '"prime minister" election', "elect* c?ty trump~2", "a AND (b AND c) AND (d OR (e OR f))", "+police fire",
    "title:election body:election", "NOT police", "published:[2019-01-01 TO 2019-06-30] virus",
])
def test_normalized_is_whooshs_normalize(index_dir, text):
    snap = snapshot(index_dir)
    from search.engine.parsing import _parser, compact_dates
    raw = _parser(snap.searcher.schema, syntax=True).parse(compact_dates(text), normalize=False)
    assert normalized(raw) == raw.normalize(), text


def test_normalizing_a_long_query_is_linear(index_dir):
    snap = snapshot(index_dir)
    words = " ".join(f"{w}~2" for w in _vocabulary_words(index_dir, 1_000))
    parsed, seconds = _cpu_seconds(lambda: parse_query(words, snap.searcher.schema, lambda f, v: None))
    assert isinstance(parsed.query, nodes.And) and len(parsed.query.subqueries) > 500 and seconds < 1.0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["*", "?", "~2", "a", "e", "st", "ion", "OR", "AND", "NOT", " ", "(", ")", '"', "-",
                                 "title:", "[a TO c]", "/1"]), max_size=400))
def test_random_expanding_queries_stay_within_the_budget(index_dir, tokens):
    """Any mix of wildcard, fuzzy, range and boolean syntax: an answer, never an error, within the CPU limit."""
    text = "".join(tokens)[:10_000]
    res, seconds = _cpu_seconds(lambda: search(text, index_dir=index_dir))
    assert res.total >= 0 and seconds < CPU_LIMIT_S, (text, seconds)
