"""Non-English articles are not stemmed as English (issue 13.7): their words are stemmed by their
language's Snowball stemmer (German, French, Spanish here) or, for a language Whoosh has none for
(Polish here), kept as written; a query word finds an English article by its English stem and
another article by its stem in that article's language, never by a different word that only
shares the English stem; highlighting, "did you mean", similar articles, re-indexing, `check`,
`optimize` and a cluster agree (docs/metadata-facets.md).

The articles are our own sentences; their languages are detected, as in any index, except where
the source gives one (the re-indexing test).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from search import build_index, check_index, get_article, optimize, search, similar
from search.engine.query import doc_analysis, index_analyses
from search.index.analysis import analyze
from search.index.languages import PLAIN
from search.index.snapshot import snapshot

ARTICLES = [
    {"id": "de-messe", "title": "Leipziger Messe öffnet ihre Tore",
     "text": "Die Leipziger Messe öffnet am Montag ihre Tore für Besucher aus aller Welt. Die Veranstalter "
             "erwarten in diesem Jahr mehr Aussteller als je zuvor, und die Hotels der Stadt sind seit Wochen "
             "ausgebucht. Handwerker aus Sachsen zeigen dort auch Leuchter aus Messing und Kupfer."},
    {"id": "de-messing", "title": "Gießerei sucht Fachkräfte",
     "text": "Die Gießerei in Iserlohn stellt seit hundert Jahren Glocken und Beschläge aus Messing her. Der neue "
             "Besitzer will die Produktion verdoppeln und sucht deshalb zwanzig Fachkräfte, die mit dem Metall "
             "umgehen können und bereit sind, auch am Wochenende zu arbeiten."},
    {"id": "fr-nation", "title": "Le président s'adresse aux Français",
     "text": "Le président s'est adressé à la nation hier soir depuis le palais de l'Élysée. Dans un discours "
             "d'une vingtaine de minutes, il a appelé les citoyens à l'unité face à la crise de l'énergie et a "
             "annoncé une aide pour les familles les plus modestes."},
    {"id": "fr-national", "title": "Le musée rouvre après deux ans de travaux",
     "text": "Le musée national d'histoire naturelle rouvre ses portes après deux années de travaux. Les "
             "visiteurs pourront découvrir la grande galerie de l'évolution entièrement rénovée ainsi qu'une "
             "nouvelle salle consacrée aux dinosaures et aux oiseaux disparus."},
    {"id": "es-vivienda", "title": "El gobierno aprueba la ley de vivienda",
     "text": "El gobierno aprobó ayer una nueva ley de vivienda que limita el precio de los alquileres en las "
             "grandes ciudades. Los inquilinos celebraron la decisión, mientras que los propietarios anunciaron "
             "que recurrirán la norma ante los tribunales."},
    {"id": "pl-mieszkania", "title": "Rząd ogłasza program mieszkaniowy",
     "text": "Rząd ogłosił wczoraj nowy program budowy mieszkań dla młodych rodzin. Według ministra pierwsze "
             "domy powstaną jeszcze w tym roku w Warszawie, Krakowie i Gdańsku, a wnioski będzie można składać "
             "od przyszłego miesiąca."},
    {"id": "en-marathon", "title": "Marathon runners brave the storm",
     "text": "The marathon runners were running through the city centre when the storm arrived. Organisers said "
             "the race would be run again next month and thanked the volunteers who handed out water. The whole "
             "nation watched the finish on television, and the national broadcaster said it was a record."},
    {"id": "en-fair", "title": "The trade fair was a mess",
     "text": "The trade fair in the old exhibition hall was a mess, visitors said on Sunday. The queues at the "
             "entrance were long and the heating failed in the afternoon, so many of the stands closed early "
             "and the organisers apologised to the exhibitors."},
]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("non-english")
    report = build_index([write_jsonl(folder / "articles.jsonl", ARTICLES)], folder / "index")
    assert (report.added, report.errors) == (len(ARTICLES), [])
    return folder / "index"


def found(query: str, index_dir: Path) -> set[str]:
    return {h.id for h in search(query, per_page=50, index_dir=index_dir, collapse=False).hits}


def test_languages_are_detected_and_only_english_is_stemmed(index):
    languages = {h.id: h.facets["language"] for h in search("", per_page=50, index_dir=index).hits}
    assert languages == {"de-messe": ["de"], "de-messing": ["de"], "fr-nation": ["fr"], "fr-national": ["fr"],
                         "es-vivienda": ["es"], "pl-mieszkania": ["pl"], "en-marathon": ["en"], "en-fair": ["en"]}
    snap = snapshot(index)
    foreign = {snap.stored(d)["id"]: doc_analysis(snap, d) for d in range(snap.doc_count) if snap.foreign_docs()[d]}
    assert foreign == {"de-messe": "de", "de-messing": "de", "fr-nation": "fr", "fr-national": "fr",
                       "es-vivienda": "es", "pl-mieszkania": PLAIN}
    assert index_analyses(snap).others == (PLAIN, "de", "es", "fr")
    # German "Messe" is the German stem `=de:mess`; English "mess" the English stem `mess`
    assert snap.has_term("=de:mess") and snap.has_term("mess") and snap.has_term("=de:messing")
    assert snap.has_term("=fr:nation") and snap.has_term("=fr:national") and snap.has_term("=rząd")
    assert not snap.has_term("=de:runn") and snap.has_term("runn")


def test_a_word_finds_its_exact_form_not_another_word_with_the_same_english_stem(index):
    # Porter makes "mess" of German "Messe" and "Messing", and "nation" of French "nation" and "national"
    # (a query word also searches its English stem in English articles: "mess", for "Messe")
    assert found("Messe", index) == {"de-messe", "en-fair"}
    assert found("Messing", index) == {"de-messe", "de-messing", "en-fair"}
    assert found("Messe Leuchter", index) == {"de-messe"}
    assert found("national", index) == {"fr-national", "en-marathon"}  # English "national": stem "nation"
    assert found("nation", index) == {"fr-nation", "en-marathon"}
    assert found("mieszkań", index) == {"pl-mieszkania"}


def test_a_word_finds_other_forms_of_itself_in_its_language(index):
    assert "de-messe" in found("Messen", index) and "de-messing" not in found("Messen", index)
    assert found("nationales", index) >= {"fr-national"} and "fr-nation" not in found("nationales", index)
    assert found("alquileres", index) == {"es-vivienda"} == found("alquiler*", index)
    assert found("Gießereien", index) == {"de-messing"}  # German: "ß" is "ss", plural and singular alike
    assert found("mieszkania", index) == set()  # Polish: no stemmer, the form written only


def test_english_articles_are_still_found_by_inflected_forms(index):
    for word in ("run", "runs", "running", "runners", "storms", "organiser"):
        assert "en-marathon" in found(word, index), word
    assert found("exhibitions", index) == {"en-fair"}


def test_phrases_prefixes_and_fields_in_both_kinds_of_article(index):
    assert found('"Leipziger Messe"', index) == {"de-messe"}
    assert found('"musée national"', index) == {"fr-national"}
    assert found('"marathon runner"', index) == {"en-marathon"}
    assert found('"Messe öffnet"~3', index) == {"de-messe"}
    assert found("Mess*", index) >= {"de-messe", "de-messing", "en-fair"}
    assert found("title:Leipziger", index) == {"de-messe"}
    assert found("Leuchter OR alquileres", index) == {"de-messe", "es-vivienda"}
    assert found("Messing -Kupfer", index) == {"de-messing", "en-fair"}  # (English "mess": the stem)
    assert found("Iserlohm~", index) == {"de-messing"}  # fuzzy, over the plain words


def test_highlighting_marks_the_words_that_matched(index):
    hit = search("Messe Sachsen", index_dir=index).hits[0]
    assert hit.id == "de-messe"
    assert "<mark>Messe</mark>" in hit.snippet and "<mark>Messe</mark>" in hit.title_html
    assert "Messing" in hit.snippet and "<mark>Messing</mark>" not in hit.snippet  # same English stem, not marked
    hits = {h.id: h for h in search("nation", per_page=10, index_dir=index).hits}
    assert "<mark>nation</mark>" in hits["fr-nation"].snippet
    english = hits["en-marathon"].snippet
    assert "<mark>nation</mark>" in english and "<mark>national</mark>" in english  # stemmed: both are "nation"
    view = get_article("fr-national", query="national", index_dir=index)
    assert view is not None and "<mark>national</mark>" in view.body_html


def test_no_spelling_suggestion_for_a_word_of_a_non_english_article(index):
    res = search("Gießerei", index_dir=index)
    assert res.total == 1 and res.suggestion is None
    res = search("Gieserei Iserlohn", index_dir=index)
    assert res.total == 0 and res.suggestion is not None and res.suggestion.lower() == "gießerei iserlohn"
    assert search("mieszkań Gdańsku", index_dir=index).suggestion is None


def test_similar_articles_of_a_non_english_article_come_from_its_own_words(index):
    hits = similar("de-messing", n=3, index_dir=index)
    assert hits and hits[0].id == "de-messe"  # the one other article with "Messing" (and "aus", "die")
    assert analyze("Glocken aus Messing", "de") == {"=de:glock": [0], "=de:aus": [1], "=de:messing": [2]}
    assert analyze("Glocken aus Messing", PLAIN) == {"=glocken": [0], "=aus": [1], "=messing": [2]}


def test_an_article_whose_language_changes_has_its_terms_replaced(tmp_path):
    german = {"id": "a1", "title": "Der Hafen ist wieder offen",
              "text": "Nach dem Sturm ist der Hafen seit Montag wieder geöffnet, und die Fähren fahren wieder "
                      "zwischen den Inseln, teilten die Behörden am Dienstag mit."}
    english = {"id": "a1", "title": "The harbour reopens",
               "text": "Officials said the harbour reopened on Monday after the storm, and the ferries were "
                       "running again between the islands."}
    index_dir = tmp_path / "index"
    build_index([write_jsonl(tmp_path / "one.jsonl", [german])], index_dir)
    assert found("Fähren", index_dir) == {"a1"} == found("Fähre", index_dir)  # German stems
    assert found("ferries", index_dir) == set()
    build_index([write_jsonl(tmp_path / "one.jsonl", [english])], index_dir)  # the same article, now in English
    assert [h.facets["language"] for h in search("", index_dir=index_dir).hits] == [["en"]]
    assert found("ferry", index_dir) == {"a1"} == found("harbours", index_dir)  # stemmed now
    assert found("Fähren", index_dir) == set()
    snap = snapshot(index_dir)
    assert not snap.foreign_docs()[snap.live].any()  # the German version's plain terms went with it


def test_check_repair_and_optimize_keep_the_plain_terms(tmp_path):
    index_dir = tmp_path / "index"
    build_index([write_jsonl(tmp_path / "a.jsonl", ARTICLES[:4])], index_dir)
    build_index([write_jsonl(tmp_path / "b.jsonl", ARTICLES[4:])], index_dir)  # a second segment
    queries = ["Messe Leuchter", "national", "nation", "Messing", '"Leipziger Messe"', "runners"]
    before = {q: found(q, index_dir) for q in queries}
    assert check_index(index_dir).ok
    shutil.rmtree(index_dir / "postings")  # the arrays are rebuilt from the stored text and language
    assert check_index(index_dir, repair=True).repaired
    assert check_index(index_dir).ok and len(list((index_dir / "postings").glob("*/foreign_docs.npy"))) == 2
    optimize(index_dir)  # one segment, merged by Whoosh, its arrays rebuilt from the stored text
    assert {q: found(q, index_dir) for q in queries} == before
    assert before["Messe Leuchter"] == {"de-messe"} and before["national"] == {"fr-national", "en-marathon"}
    report = check_index(index_dir)
    assert report.ok and not report.damaged


def test_a_cluster_keeps_non_english_words_unstemmed_as_the_local_index_does(make_cluster, index, tmp_path):
    from search.cluster.load import build_cluster_index

    cluster = make_cluster(1)
    report = build_cluster_index([write_jsonl(tmp_path / "articles.jsonl", ARTICLES)], cluster.url)
    assert (report.added, report.errors) == (len(ARTICLES), [])
    url = str(cluster.url)
    for query in ("Messe Leuchter", "national", "nation", "Messing", '"Leipziger Messe"', "Mess*", "alquileres",
                  "runners", "title:Leipziger", "Giesserei~"):
        assert found(query, url) == found(query, index), query
    assert found("national", url) == {"fr-national", "en-marathon"}
    hit = next(h for h in search("Messe Sachsen", index_dir=url).hits if h.id == "de-messe")
    assert "<mark>Messe</mark>" in hit.snippet and "<mark>Messing</mark>" not in hit.snippet
    assert similar("de-messing", n=1, index_dir=url)[0].id == "de-messe"


def test_marked_terms_gathered_once_answer_like_every_segment() -> None:
    """The look-up a query makes for a non-English form (`Snapshot.has_term`) answers from the
    marked terms of all segments gathered once: the same answer as asking each segment."""
    import numpy as np

    from search.index.postings import FieldPostings, has_marked_term, marked_terms

    def field(*terms: bytes) -> FieldPostings:
        empty = np.zeros(0, dtype=np.int32)
        return FieldPostings(np.array(sorted(terms)), np.zeros(len(terms) + 1, dtype=np.int64), empty,
                             np.zeros(1, dtype=np.uint32), empty)

    segments = [field(b"1999", b"=fr:maison", b"=rz\xc4\x85d", b"run"), field(b"=de:fahr", b"=fr:maison", b"zoo"),
                field(), field(b"abc")]
    gathered = marked_terms(segments)
    assert gathered.tolist() == [b"=de:fahr", b"=fr:maison", b"=rz\xc4\x85d"]
    for term in ["=de:fahr", "=fr:maison", "=rząd", "=fr:mais", "=de:fahrt", "=", "=zz", "=fr:maisonnette"]:
        assert has_marked_term(gathered, term) == any(fp.find(term) is not None for fp in segments)
    assert not has_marked_term(marked_terms([field(b"run")]), "=fr:maison")
