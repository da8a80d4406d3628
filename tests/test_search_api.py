"""The `search()` contract: filters, disjunctive facet counts, sorting, paging, bad input."""

import json
from datetime import date

import pytest

from search import Article, build_index, search
from search.index.schema import FACETS

ARTICLES = [
    {"id": "a1", "title": "Cyber attack on Russian banks",
     "text": "Hackers hit banks in Moscow. Russia blamed Ukraine.", "date": "2022-03-01", "source": "Wire A"},
    {"id": "a2", "title": "Cyber defence pact",
     "text": "Japan and South Korea signed a cyber defence pact in Seoul.", "date": "2023-05-02", "source": "Wire B"},
    {"id": "a3", "title": "Grain exports resume",
     "text": "Ukraine resumed grain exports from Odesa, the ministry said.", "date": "2021-07-03", "source": "Wire A"},
    {"id": "a4", "title": "Unsafe <script>alert(1)</script> cyber",
     "text": "Body <b>bold</b> & cyber <script>alert(1)</script>", "source": "Wire C"},
]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("api-corpus")
    (folder / "articles.jsonl").write_text("\n".join(json.dumps(a) for a in ARTICLES), "utf-8")
    path = tmp_path_factory.mktemp("api-index")
    build_index([folder], path)
    return path


def counts(res, facet):
    return {fv.value: fv.count for fv in res.facets[facet]}


def test_empty_query_browses_everything_newest_first(index_dir):
    res = search("", index_dir=index_dir)
    assert res.total == 4
    assert [h.id for h in res.hits] == ["a2", "a1", "a3", "a4"]  # the undated one last
    assert [h.id for h in search("", sort="oldest", index_dir=index_dir).hits] == ["a3", "a1", "a2", "a4"]


def test_values_are_ored_within_a_facet_and_anded_across(index_dir):
    assert search("", filters={"source": ["Wire A", "Wire B"]}, index_dir=index_dir).total == 3
    res = search("", filters={"source": ["Wire A"], "country": ["Ukraine"]}, index_dir=index_dir)
    assert {h.id for h in res.hits} == {"a1", "a3"}
    res = search("", filters={"source": ["Wire B"], "country": ["Ukraine"]}, index_dir=index_dir)
    assert res.total == 0


def test_facet_counts_ignore_their_own_filter(index_dir):
    res = search("cyber", filters={"source": ["Wire A"]}, index_dir=index_dir)
    assert res.total == 1
    assert counts(res, "source") == {"Wire A": 1, "Wire B": 1, "Wire C": 1}  # all sources stay visible
    assert "Japan" not in counts(res, "country")  # other facets are narrowed by the source filter


def test_a_filter_value_that_matches_nothing_gives_no_hits(index_dir):
    res = search("cyber", filters={"source": ["Nowhere Press"]}, index_dir=index_dir)
    assert (res.total, res.hits) == (0, [])


def test_selected_value_is_listed_even_at_zero(index_dir):
    res = search("grain", filters={"source": ["Wire C"]}, index_dir=index_dir)
    assert res.total == 0
    assert ("Wire C", 0, True) in [(fv.value, fv.count, fv.selected) for fv in res.facets["source"]]


def test_values_are_ordered_by_count_then_name(index_dir):
    values = [(fv.count, fv.value) for fv in search("", index_dir=index_dir).facets["source"]]
    assert values == sorted(values, key=lambda cv: (-cv[0], cv[1]))
    assert values[0] == (2, "Wire A")


def test_unknown_facet_raises_value_error_naming_the_valid_ones(index_dir):
    with pytest.raises(ValueError) as err:
        search("", filters={"colour": ["red"]}, index_dir=index_dir)
    for name in FACETS:
        assert name in str(err.value)


def test_whoosh_syntax_works(index_dir):
    assert {h.id for h in search("cyber AND NOT pact", index_dir=index_dir).hits} == {"a1", "a4"}
    assert {h.id for h in search("cyber -pact", index_dir=index_dir).hits} == {"a1", "a4"}
    assert {h.id for h in search('"grain exports"', index_dir=index_dir).hits} == {"a3"}
    assert {h.id for h in search("country:ukraine", index_dir=index_dir).hits} == {"a1", "a3"}
    assert {h.id for h in search("title:pact OR title:grain", index_dir=index_dir).hits} == {"a2", "a3"}


def test_a_hyphen_inside_a_word_is_not_a_minus(index_dir):
    # "cyber-attack" is the words cyber and attack, never "cyber NOT attack"
    assert {h.id for h in search("cyber-attack", index_dir=index_dir).hits} == {"a1"}
    assert {h.id for h in search("cyber -attack", index_dir=index_dir).hits} == {"a2", "a4"}


def test_iso_date_ranges_in_the_query(index_dir):
    assert {h.id for h in search("published:[2022-01-01 TO 2022-12-31]", index_dir=index_dir).hits} == {"a1"}
    assert {h.id for h in search("published:[2021-07-01 TO 2022-03-01]", index_dir=index_dir).hits} == {"a1", "a3"}
    assert {h.id for h in search("published:2023-05", index_dir=index_dir).hits} == {"a2"}
    assert {h.id for h in search("cyber published:>2022-06-01", index_dir=index_dir).hits} == {"a2"}


@pytest.mark.parametrize("text", ['cyber AND (', '"unclosed', "title:", "((((", "cyber OR OR", "*", "NOT"])
def test_unparseable_queries_still_answer(index_dir, text):
    res = search(text, index_dir=index_dir)
    assert res.total >= 0 and isinstance(res.hits, list)


def test_script_in_article_text_is_escaped(index_dir):
    (hit,) = search("cyber", filters={"source": ["Wire C"]}, index_dir=index_dir).hits
    assert "<script>" not in hit.snippet and "&lt;script&gt;alert(1)&lt;/script&gt;" in hit.snippet
    assert "<b>" not in hit.snippet and "&amp;" in hit.snippet
    assert "<script>" not in hit.title_html and "<mark>cyber</mark>" in hit.title_html
    stripped = hit.snippet.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in stripped and ">" not in stripped  # only our own tags are markup


def test_marked_html_escapes_the_text_and_marks_only_the_spans_inside_the_window():
    from search import marked_html  # public: the page rebuilds the article view with it
    text = "<b>cyber</b> & cyber"
    spans = [(3, 8), (15, 20)]
    assert marked_html(text, spans) == "&lt;b&gt;<mark>cyber</mark>&lt;/b&gt; &amp; <mark>cyber</mark>"
    assert marked_html(text, spans, 0, 12) == "&lt;b&gt;<mark>cyber</mark>&lt;/b&gt;"
    assert marked_html(text, spans, 5, 20) == "ber&lt;/b&gt; &amp; <mark>cyber</mark>"  # a cut match is not marked
    assert marked_html(text, []) == "&lt;b&gt;cyber&lt;/b&gt; &amp; cyber"


def test_paging(index_dir):
    first = search("", per_page=3, index_dir=index_dir)
    second = search("", per_page=3, page=2, index_dir=index_dir)
    assert len(first.hits) == 3 and len(second.hits) == 1 and first.pages == 2
    assert not {h.id for h in first.hits} & {h.id for h in second.hits}


def test_did_you_mean(index_dir):
    res = search("cyberr", index_dir=index_dir)
    assert res.total == 0 and res.suggestion == "cyber"
    assert search("cyber", index_dir=index_dir).suggestion is None


def test_relevance_puts_title_matches_first(index_dir):
    res = search("grain", index_dir=index_dir)
    assert res.hits[0].id == "a3" and res.hits[0].score > 0


def test_bad_sort_is_rejected(index_dir):
    with pytest.raises(ValueError, match="relevance"):
        search("", sort="sideways", index_dir=index_dir)


def test_article_record_shape():
    article = Article(id="x", title="t", body="b")
    assert article.speakers == [] and article.published is None


def test_dates_stay_aligned_when_a_later_batch_has_no_dates(tmp_path):
    """A segment without any dated article has no date column; the others must keep their dates."""
    dated, undated, later = tmp_path / "dated.jsonl", tmp_path / "undated.txt", tmp_path / "later.jsonl"
    dated.write_text(json.dumps({"id": "d1", "title": "Harbour opens", "text": "The harbour opened.",
                                 "date": "2020-01-02"}), "utf-8")
    undated.write_text("Harbour closes\nThe harbour closed for the winter.\n", "utf-8")
    later.write_text(json.dumps({"id": "d2", "title": "Harbour reopens", "text": "The harbour reopened.",
                                 "date": "2021-06-07"}), "utf-8")
    index = tmp_path / "index"
    for batch in (dated, undated):  # one commit each: one segment each
        build_index([batch], index)
    res = search("harbour", sort="newest", index_dir=index)
    assert res.total == 2 and [str(h.published) for h in res.hits] == ["2020-01-02", "None"]
    assert [m.value for m in res.dates.months] == ["2020-01"]
    build_index([later], index)  # a dated segment after the undated one
    res = search("harbour", sort="oldest", index_dir=index)
    assert [str(h.published) for h in res.hits] == ["2020-01-02", "2021-06-07", "None"]
    assert search("harbour", date_from=date(2021, 1, 1), index_dir=index).total == 1


def test_refining_by_facets_reuses_the_text_match_without_changing_it(index_dir):
    everything = search("cyber", index_dir=index_dir).total
    narrowed = search("cyber", filters={"source": ["Wire A"]}, index_dir=index_dir)
    assert 0 < narrowed.total < everything
    assert {h.source for h in narrowed.hits} == {"Wire A"}
    assert search("cyber", index_dir=index_dir).total == everything
    assert search("cyber", exclude={"source": ["Wire A"]}, index_dir=index_dir).total == everything - narrowed.total


def test_prefix_and_wildcard_words_are_highlighted_as_indexed(index_dir):
    res = search("bank* OR expor?s", index_dir=index_dir)
    assert {h.id for h in res.hits} == {"a1", "a3"}
    marked = {h.id: h.title_html + h.snippet for h in res.hits}
    assert "<mark>banks</mark>" in marked["a1"] and "<mark>exports</mark>" in marked["a3"]


def test_a_suggestion_that_cannot_run_still_answers(seed_index):
    """Found by hypothesis (tests/test_fuzz.py): the "did you mean" text of `published:""ANDOR`
    is a query Whoosh parses but cannot run (an empty date); it is searched as plain words, as
    the query itself would be, and never raises."""
    res = search('published:""ANDOR', index_dir=seed_index)
    assert res.total == 0
    assert res.notice
