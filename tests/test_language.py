"""Each article's language (issue 13, point 7): given by the source or detected offline; a facet
shown by name; the extractors that read English are not run on other languages, and the article
view says so. The texts are our own."""

from __future__ import annotations

import json

import pytest

from search import Article, build_index, get_article, search
from search.app.article_html import article_facets_html
from search.app.ui import facet_label
from search.ingest.enrich import enrich
from search.ingest.enrich.language import _WORD, detect_language, given_language, plainly_english
from search.model import FACETS, FacetValue

TEXTS = {
    "en": "The finance minister said on Tuesday that the government would raise pensions next year, "
          "after weeks of talks with the unions in the capital.",
    "fr": "Le ministre des Finances a déclaré mardi que le gouvernement augmenterait les retraites l'année "
          "prochaine, après des semaines de discussions avec les syndicats.",
    "de": "Der Finanzminister sagte am Dienstag, die Regierung werde die Renten im nächsten Jahr erhöhen, "
          "nach wochenlangen Gesprächen mit den Gewerkschaften.",
    "es": "El ministro de Finanzas dijo el martes que el gobierno subirá las pensiones el próximo año, "
          "tras semanas de conversaciones con los sindicatos.",
    "ru": "Министр финансов заявил во вторник, что правительство повысит пенсии в следующем году после "
          "нескольких недель переговоров с профсоюзами.",
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_the_language_of_a_short_news_text_is_detected(code):
    assert detect_language(TEXTS[code]) == code
    assert detect_language(TEXTS[code].upper()) == code  # wire copy in capitals


def test_plainly_english_text_skips_the_model_and_other_text_does_not():
    assert plainly_english(_WORD.findall(TEXTS["en"].lower()))
    assert not any(plainly_english(_WORD.findall(TEXTS[code].lower())) for code in ("fr", "de", "es", "ru"))
    terse = "Profits rose sharply. Shares up five pct. Analysts expect higher dividends soon."
    assert not plainly_english(_WORD.findall(terse.lower())) and detect_language(terse) == "en"  # by the model


def test_english_without_the_word_the_skips_the_model_and_germanic_texts_sharing_words_do_not():
    wire = "Acme Tools Corp, a unit of Bolt Holdings, said it is cutting its prices by two pct from Monday."
    assert plainly_english(_WORD.findall(wire.lower())) and detect_language(wire) == "en"
    # Dutch, Danish, Swedish and German write "in", "is", "was", "for", "at", "to" too, but no anchor word
    germanic = {
        "nl": "De minister zei dinsdag dat het kabinet in het nieuwe jaar de pensioenen verhoogt; dit was een "
              "besluit na weken van overleg met de bonden, en het is voor iedereen goed.",
        "da": "Ministeren sagde tirsdag, at regeringen vil hæve pensionerne næste år, og at det er for tidligt "
              "at sige hvad det vil koste; han var i Bruxelles til et møde.",
        "sv": "Ministern sade på tisdagen att regeringen ska höja pensionerna nästa år, och att det är för "
              "tidigt att säga vad det kostar; han var i Stockholm.",
        "de": "Der Minister sagte am Dienstag in Berlin, was die Regierung plant, sei für alle gut; es ist ein "
              "Plan, der in diesem Jahr beschlossen wird.",
    }
    for code, text in germanic.items():
        assert not plainly_english(_WORD.findall(text.lower())) and detect_language(text) == code


def test_a_text_without_letters_has_no_language_and_a_given_one_wins():
    assert detect_language("2024-03-01 12:00 … 42 %") == ""
    assert given_language(["fr-FR"]) == "fr" and given_language(["pt_BR"]) == "pt"
    assert given_language(["French"]) == "" and given_language([]) == ""
    article = enrich(Article(id="x", title="", body=TEXTS["en"], metadata={"language": ["de-AT"]}))
    assert article.facets["language"] == ["de"]


def test_english_only_facets_are_not_extracted_for_other_languages():
    english = enrich(Article(id="en", title="Pensions", body='"We will raise pensions," said Finance Minister '
                             'John Carter in London on Tuesday. ' + TEXTS["en"]))
    assert english.facets["language"] == ["en"] and "John Carter" in english.people
    french = enrich(Article(id="fr", title="Retraites", body='« Nous augmenterons les retraites », a déclaré le '
                            'ministre John Carter mardi à Paris. ' + TEXTS["fr"], speakers=["Marie Dupont"]))
    assert french.facets["language"] == ["fr"]
    assert french.people == ["Marie Dupont"] and french.speakers == ["Marie Dupont"]  # the byline only
    assert french.organisations == [] and french.themes == []
    assert french.countries == ["France"]  # place names are read in any language


def test_the_index_counts_filters_and_names_languages(tmp_path):
    records = [{"id": code, "title": f"Pensions {code}", "text": text} for code, text in TEXTS.items()]
    records.append({"id": "fr2", "title": "Retraites", "text": TEXTS["fr"] + " Encore.", "language": "fr-CA"})
    (tmp_path / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    index_dir = tmp_path / "index"
    assert build_index([tmp_path / "news.jsonl"], index_dir).added == 6
    res = search("", index_dir=index_dir)
    assert {fv.value: fv.count for fv in res.facets["language"]} == {"fr": 2, "en": 1, "de": 1, "es": 1, "ru": 1}
    assert sorted(h.id for h in search("", filters={"language": ["fr"]}, index_dir=index_dir).hits) == ["fr", "fr2"]
    assert FACETS["language"].shown("fr") == "French" and FACETS["language"].shown("ru") == "Russian"
    assert facet_label(FacetValue("de", 1), "language") == "German (1)"

    french = article_facets_html(get_article("fr", index_dir=index_dir))
    assert "This article is in French" in french and "English text only" in french
    assert "English text only" not in article_facets_html(get_article("en", index_dir=index_dir))


def test_the_remembered_automaton_walk_finds_py3langid_s_features_in_its_order():
    from py3langid.langid import visit_counts

    from search.ingest.enrich.language import _loaded, _walk

    identifier = _loaded()
    wire = "Acme Corp 4th qtr shr 12 cts vs 9 cts net 1.2 mln vs 0.9 mln revs 20.1 mln vs 18.3 mln"
    for text in [*TEXTS.values(), wire, wire, "  double  spaces ", "", " "]:  # the wire twice: from the memo
        data = identifier._encode(text.lower())
        expected = visit_counts(identifier.tk_nextmove, identifier._rowbase, identifier.tk_output, data)
        walked = _walk(identifier, data)
        assert (walked is None and expected is None) or list(walked.items()) == list(expected.items())
    assert detect_language(wire) == str(identifier.classify(wire.lower())[0])
