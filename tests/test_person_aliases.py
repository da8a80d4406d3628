"""One person, one value in the whole index: alias rules, and what search shows for them."""

import json

import numpy as np
import pytest

from search import Facet, build_index, export, facet_values, register_facet, search
from search.index.facet_arrays import load_tables, save_tables
from search.index.person_aliases import canonical_names, fold, person_facets
from search.index.schema import FACETS
from search.index.snapshot import snapshot


def test_fold_ignores_accents_case_dots_and_dash_kinds():
    assert fold("Élodie  Ngata-Brün") == fold("elodie ngata\u2010brun")
    assert fold("T. J. O\u2019Rourke") == fold("T J O'Rourke")


def test_same_folded_key_is_one_value_the_most_frequent_spelling():
    mapping = canonical_names(["Renée Varga", "Renee Varga", "RENEE VARGA"], [3, 5, 1])
    assert set(mapping.values()) == {"Renee Varga"}


def test_tied_spellings_prefer_the_accented_one():
    assert canonical_names(["Renée Varga", "Renee Varga"], [2, 2])["Renee Varga"] == "Renée Varga"


def test_surname_alone_joins_the_one_full_name_ending_with_it():
    mapping = canonical_names(["Tobias Quell", "Quell", "Mara Linden"], [4, 9, 2])
    assert mapping["Quell"] == "Tobias Quell"
    assert mapping["Mara Linden"] == "Mara Linden"


def test_surname_shared_by_two_people_stays_apart():
    mapping = canonical_names(["John Smith", "Jane Smith", "Smith"], [5, 4, 7])
    assert mapping == {"John Smith": "John Smith", "Jane Smith": "Jane Smith", "Smith": "Smith"}


def test_surname_goes_to_a_clearly_dominant_person():
    mapping = canonical_names(["Odile Brask", "Pia Brask", "Brask"], [90, 10, 30])
    assert mapping["Brask"] == "Odile Brask" and mapping["Pia Brask"] == "Pia Brask"


def test_middle_names_and_initials_merge_first_and_last_word_must_agree():
    mapping = canonical_names(["Ivo Kessa", "Ivo Ramul Kessa", "Ivo R. Kessa", "Ina Kessa", "Ivo Kestrel"],
                              [6, 2, 1, 3, 2])
    assert {mapping[v] for v in ("Ivo Kessa", "Ivo Ramul Kessa", "Ivo R. Kessa")} == {"Ivo Kessa"}
    assert mapping["Ina Kessa"] == "Ina Kessa" and mapping["Ivo Kestrel"] == "Ivo Kestrel"


def test_same_ends_with_other_middle_words_stay_apart():
    mapping = canonical_names(["Banca Rossa di Lugo", "Banca Verde Lugo"], [4, 4])
    assert mapping["Banca Verde Lugo"] == "Banca Verde Lugo"


def test_a_given_name_alone_is_no_surname():
    mapping = canonical_names(["Seth Darel", "Darel Obuya", "Darel"], [2, 5, 3])
    assert mapping["Darel"] == "Darel"


def test_a_name_that_lost_its_last_non_ascii_letter_is_the_same_person():
    mapping = canonical_names(["Goran Vukotić", "Goran Vukoti", "Ana Marković"], [5, 3, 2])
    assert mapping["Goran Vukoti"] == "Goran Vukotić" and mapping["Ana Marković"] == "Ana Marković"


def test_transliteration_variants_are_one_person():
    mapping = canonical_names(["Mykola Hrytsenko", "Mykola Hritsenko", "Mikola Khrytsenko", "Olha Petrenko"],
                              [5, 2, 1, 3])
    assert {mapping[v] for v in ("Mykola Hritsenko", "Mikola Khrytsenko")} == {"Mykola Hrytsenko"}
    assert mapping["Olha Petrenko"] == "Olha Petrenko"


def test_a_suffix_after_the_name_is_no_other_person():
    mapping = canonical_names(["Tobias Quell Jr.", "Tobias Quell", "Quell"], [3, 2, 4])
    assert set(mapping.values()) == {"Tobias Quell Jr."}


def test_a_lost_ascii_letter_merges_nothing():
    mapping = canonical_names(["Omar Hassani", "Omar Hassan"], [4, 3])
    assert mapping == {"Omar Hassani": "Omar Hassani", "Omar Hassan": "Omar Hassan"}


def test_a_first_name_cut_short_is_the_one_person_it_starts():
    mapping = canonical_names(["Bartholomew Quell", "Bart Quell", "Quell"], [5, 4, 2])
    assert set(mapping.values()) == {"Bartholomew Quell"}


def test_a_cut_first_name_that_fits_two_people_or_differs_by_a_letter_or_two_stays_apart():
    two = canonical_names(["Maximilian Orth", "Maxine Orth", "Maxi Orth"], [3, 3, 2])
    assert two["Maxi Orth"] == "Maxi Orth"  # "maxi" starts both names
    paul = canonical_names(["Paula Venn", "Paul Venn"], [3, 3])
    assert paul == {"Paula Venn": "Paula Venn", "Paul Venn": "Paul Venn"}
    assert canonical_names(["Ed Lorr", "Edmund Lorr"], [2, 2]) == {"Ed Lorr": "Ed Lorr", "Edmund Lorr": "Edmund Lorr"}


def test_a_short_form_of_a_first_name_is_the_one_person_of_its_full_form():
    mapping = canonical_names(["Jim Quorrel", "James Quorrel", "Quorrel"], [9, 3, 20])
    assert set(mapping.values()) == {"Jim Quorrel"}  # the most frequent full spelling
    assert canonical_names(["Bill Ostrander", "William Ostrander"], [1, 4])["Bill Ostrander"] == "William Ostrander"
    # two different people of the full form, or another last name: nothing is merged
    two = canonical_names(["Bob Pellow", "Robert Kane Pellow", "Robert Lee Pellow"], [2, 2, 2])
    assert two["Bob Pellow"] == "Bob Pellow"
    assert canonical_names(["Bob Pellow", "Robert Pellew"], [2, 2])["Bob Pellow"] == "Bob Pellow"


def test_one_word_value_that_is_no_surname_stays():
    mapping = canonical_names(["Zorvath", "Pell Amundo"], [3, 3])
    assert mapping == {"Zorvath": "Zorvath", "Pell Amundo": "Pell Amundo"}


ARTICLES = [
    ("a1", "Talks on trade", "Barack Obama said the talks would continue next week."),
    ("a2", "Trade plan", "President Obama said the plan was sound. Critics disagreed with the plan."),
    ("a3", "Budget vote", "Mr Obama said the vote mattered more than the timing."),
    ("a4", "Farm prices", "Farmers said prices fell sharply in the spring."),
]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("aliases-corpus")
    rows = [{"id": i, "title": t, "text": b, "date": "2016-03-0" + i[1], "source": "Wire"} for i, t, b in ARTICLES]
    (folder / "news.jsonl").write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    path = tmp_path_factory.mktemp("aliases-index") / "index"
    report = build_index([folder], path)
    assert report.added == len(ARTICLES) and not report.errors
    return path


def test_raw_values_really_differ(index_dir):
    """The test is only worth something if enrichment gives the two spellings."""
    raw = {v for docnum in range(4)
           for v in snapshot(index_dir).searcher.stored_fields(docnum).get("people", [])}
    assert {"Barack Obama", "Obama"} <= raw


def test_facets_list_one_person_with_every_article(index_dir):
    res = search("", index_dir=index_dir)
    people = {fv.value: fv.count for fv in res.facets["people"]}
    assert people.get("Barack Obama") == 3 and "Obama" not in people


def test_filter_on_the_person_finds_surname_only_articles(index_dir):
    res = search("", filters={"people": ["Barack Obama"]}, index_dir=index_dir)
    assert {h.id for h in res.hits} == {"a1", "a2", "a3"}
    by_alias = search("", filters={"people": ["Obama"]}, index_dir=index_dir)
    assert {h.id for h in by_alias.hits} == {"a1", "a2", "a3"}


def test_hits_and_export_show_the_one_value(index_dir):
    res = search("obama", index_dir=index_dir)
    assert res.hits and all(h.facets["people"] == ["Barack Obama"] for h in res.hits)
    rows = [json.loads(line) for line in "".join(export("", format="jsonl", index_dir=index_dir)).splitlines()]
    assert sum(row["people"] == ["Barack Obama"] for row in rows) == 3


def test_value_search_finds_the_person_by_any_spelling(index_dir):
    values, total = facet_values("people", "obama", index_dir=index_dir)
    assert [v.value for v in values] == ["Barack Obama"] and total == 1 and values[0].count == 3


def test_query_syntax_on_an_alias_matches_every_spelling(index_dir):
    res = search('people:"Obama"', index_dir=index_dir)
    assert {h.id for h in res.hits} == {"a1", "a2", "a3"}
    assert {h.id for h in search('people:"Barack Obama"', index_dir=index_dir).hits} == {"a1", "a2", "a3"}


def test_saved_tables_keep_aliases_and_old_files_are_rebuilt(index_dir, tmp_path):
    snap = snapshot(index_dir)
    tables = {name: snap.table(name) for name in FACETS}
    save_tables(tmp_path, 7, ["s:3:0"], tables)
    assert load_tables(tmp_path, 7, ["s:3:0"])["people"].aliases == {"Obama": "Barack Obama"}
    saved = tmp_path / "facets" / "tables-7.npz"
    with np.load(saved) as arrays:  # as saved before aliases were kept: no `.aliases` arrays
        old = {k: arrays[k] for k in arrays.files if "alias" not in k}
    with saved.open("wb") as handle:
        np.savez(handle, **old)
    assert load_tables(tmp_path, 7, ["s:3:0"]) == {}


def test_the_person_facets_are_those_declared_person():
    assert set(person_facets()) == {"speaker", "people"}
    assert not any(FACETS[name].person for name in ("source", "country", "organisation", "theme"))


def signers(article) -> list[str]:
    """An extra facet of names: who signs the letter, as the last line gives it ("Signed: …")."""
    return [line.removeprefix("Signed: ") for line in article.body.splitlines() if line.startswith("Signed: ")]


@pytest.mark.parametrize("person", [True, False])
def test_an_extra_facet_of_names_opts_in_to_one_value_per_person(tmp_path, person):
    register_facet(Facet("signer", "Signed by", attr="signers", extract=signers, person=person))
    try:
        rows = [{"id": f"s{k}", "title": f"Letter {k}", "text": f"We ask for a new bridge.\nSigned: {name}"}
                for k, name in enumerate(["Tobias Quell", "Quell", "Tobias Quell"])]
        (tmp_path / "letters.jsonl").write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
        build_index([tmp_path / "letters.jsonl"], tmp_path / "index", workers=1)
        counts = {fv.value: fv.count for fv in search("", index_dir=tmp_path / "index").facets["signer"]}
        assert counts == ({"Tobias Quell": 3} if person else {"Tobias Quell": 2, "Quell": 1})
    finally:
        FACETS.pop("signer", None)  # the registry is back to the built-in facets for the other tests
