"""Reading and indexing files: formats, bad files reported by name, re-indexing adds nothing twice."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from search import build_index, read_paths, search
from search.errors import IndexCorruptError, IndexNotFoundError
from search.ingest.enrich import enrich
from search.ingest.readers import ReadError, given_names

ROOT = Path(__file__).resolve().parent.parent


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_plain_text_front_matter_and_sidecar(tmp_path):
    write(tmp_path, "a.txt", "---\nsource: Example Wire\nurl: https://example.org/a\ndate: 2024-07-01\n---\n\n"
                             "Title line\nBody text here.")
    write(tmp_path, "sub/b.txt", "Second title\n\nSecond body.")
    write(tmp_path, "sub/b.meta.toml", 'source = "Side Wire"\n')
    articles = {a.title: a for a in read_paths([tmp_path])}
    a, b = articles["Title line"], articles["Second title"]
    assert (a.source, a.url, str(a.published), a.body) == ("Example Wire", "https://example.org/a", "2024-07-01",
                                                           "Body text here.")
    assert a.id == "https://example.org/a"  # the url is the id when none is given
    assert (b.source, b.body) == ("Side Wire", "Second body.")
    assert len(b.id) == 16  # no id, no url: a hash of title and body


def test_csv_columns_are_matched_case_insensitively(tmp_path):
    write(tmp_path, "news.csv", "Headline,CONTENT,Published,Link,Source\n"
                                'One,"Body, with comma",2020-01-02,https://x.org/1,Wire\n')
    (article,) = read_paths([tmp_path / "news.csv"])
    assert (article.title, article.body, str(article.published), article.url, article.source) == (
        "One", "Body, with comma", "2020-01-02", "https://x.org/1", "Wire")


def test_json_and_jsonl_with_a_bad_line(tmp_path):
    write(tmp_path, "one.json", json.dumps({"id": "j1", "title": "T", "body": "B"}))
    write(tmp_path, "many.jsonl", '{"id": "l1", "title": "T1", "text": "B1"}\n{broken\n{"id": "l2", "text": "B2"}\n')
    items = list(read_paths([tmp_path]))
    ids = sorted(i.id for i in items if not isinstance(i, ReadError))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert ids == ["j1", "l1", "l2"]
    assert [e.where for e in errors] == [f"{tmp_path / 'many.jsonl'}:2"]


@pytest.mark.parametrize("value, names", [
    ("By Jane Doe and John Roe, Reuters", ["Jane Doe", "John Roe", "Reuters"]),
    ("Jane Doe; Sam Smith | Ana Lopez & Tom Gray", ["Jane Doe", "Sam Smith", "Ana Lopez", "Tom Gray"]),
    (["Jane Doe", "by John Roe"], ["Jane Doe", "John Roe"]),
    ("", []),
])
def test_byline_fields_are_split_into_names(value, names):
    assert given_names(value) == names


def test_speaker_author_and_byline_fields_in_every_format(tmp_path):
    write(tmp_path, "a.json", json.dumps({"title": "Port vote", "text": "The council voted.",
                                          "Byline": "By Jane Doe and John Roe, Reuters"}))
    write(tmp_path, "b.jsonl", json.dumps({"title": "Rail plan", "body": "Trains run.", "speakers": ["Ana Lopez"]}))
    write(tmp_path, "c.csv", 'title,text,AUTHOR\nBridge plan,The bridge opens.,"Sam Smith; Tom Gray"\n')
    write(tmp_path, "d.txt", "---\nspeaker: President Maria Novak\n---\nHarbour plan\nThe harbour grows.")
    write(tmp_path, "e.txt", "Airport plan\nThe airport grows.")
    write(tmp_path, "e.meta.toml", 'authors = ["Olek Brandt", "Staff Writer"]\n')
    given = {a.title: a.speakers for a in read_paths([tmp_path])}
    assert given == {"Port vote": ["Jane Doe", "John Roe", "Reuters"], "Rail plan": ["Ana Lopez"],
                     "Bridge plan": ["Sam Smith", "Tom Gray"], "Harbour plan": ["President Maria Novak"],
                     "Airport plan": ["Olek Brandt", "Staff Writer"]}
    # enrichment keeps the person's name of each given value (no agency, role or title) and merges
    # the speakers it finds in the text after them; a found surname of a given speaker is that person
    enriched = {a.title: enrich(a) for a in read_paths([tmp_path])}
    assert enriched["Port vote"].speakers == ["Jane Doe", "John Roe"]
    assert enriched["Harbour plan"].speakers == ["Maria Novak"]
    assert enriched["Airport plan"].speakers == ["Olek Brandt"]
    assert {"Jane Doe", "John Roe"} <= set(enriched["Port vote"].people)
    write(tmp_path, "f.json", json.dumps({"title": "Dam vote", "author": "Jane Doe",
                                          "text": "Lena Moreau said the dam is safe. Doe said it is not."}))
    dam = enrich(next(a for a in read_paths([tmp_path / "f.json"])))
    assert dam.speakers == ["Jane Doe", "Lena Moreau"]
    # a regnal number stays; a name the name finder does not know is kept when it looks like one
    write(tmp_path, "g.jsonl", json.dumps({"title": "Reef talk", "text": "The reef is dying.",
                                           "speaker": "King Tupou IV"}) + "\n"
          + json.dumps({"title": "Port talk", "text": "The port is busy.", "speaker": "K. Shanmugam"}) + "\n")
    assert [enrich(a).speakers for a in read_paths([tmp_path / "g.jsonl"])] == [["King Tupou IV"], ["K. Shanmugam"]]


def test_given_speakers_are_part_of_the_content_hash(tmp_path):
    plain = write(tmp_path, "a.json", json.dumps({"title": "Port vote", "text": "The council voted."}))
    before = next(iter(read_paths([plain]))).content_hash()
    write(tmp_path, "a.json", json.dumps({"title": "Port vote", "text": "The council voted.", "author": "Jane Doe"}))
    assert next(iter(read_paths([plain]))).content_hash() != before


def test_bad_files_are_reported_by_name_and_good_ones_indexed(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus, "good.txt", "Good article\nNATO met in Brussels.")
    write(corpus, "empty.txt", "")
    write(corpus, "binary.txt", bytes(range(256)) * 4)
    write(corpus, "notext.csv", "title,date\nNo body,2020-01-01\n")
    report = build_index([corpus], tmp_path / "index")
    assert report.added == 1
    reported = {Path(e.where).name: e.message for e in report.errors}
    assert set(reported) == {"empty.txt", "binary.txt", "notext.csv"}
    assert "empty" in reported["empty.txt"]
    assert "text column" in reported["notext.csv"]
    assert search("nato", index_dir=tmp_path / "index").total == 1


def test_reindexing_adds_nothing_twice_and_updates_changes(tmp_path):
    corpus = tmp_path / "corpus"
    path = write(corpus, "a.jsonl", '{"id": "x", "title": "Old", "text": "old body"}\n')
    index_dir = tmp_path / "index"
    assert (build_index([corpus], index_dir).added, build_index([corpus], index_dir).skipped) == (1, 1)
    path.write_text('{"id": "x", "title": "New", "text": "new body"}\n', "utf-8")
    report = build_index([corpus], index_dir)
    assert (report.added, report.updated, report.skipped) == (0, 1, 0)
    res = search("", index_dir=index_dir)
    assert res.total == 1 and res.hits[0].title == "New"
    assert build_index([corpus], index_dir, rebuild=True).added == 1


def test_missing_or_foreign_index_gives_a_clear_error(tmp_path):
    with pytest.raises(IndexNotFoundError, match="no index"):
        search("x", index_dir=tmp_path / "nowhere")
    write(tmp_path / "foreign", "notes.txt", "not an index")
    with pytest.raises(IndexNotFoundError):
        search("x", index_dir=tmp_path / "foreign")
    with pytest.raises(IndexCorruptError, match="not empty"):
        build_index([ROOT / "seeds"], tmp_path / "foreign")


def test_pipeline_runs_with_an_empty_nltk_data_folder(tmp_path):
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    script = (
        "from search import build_index, search\n"
        f"r = build_index([{str(ROOT / 'seeds')!r}], {str(tmp_path / 'index')!r})\n"
        f"res = search('cyber', index_dir={str(tmp_path / 'index')!r})\n"
        "print(r.added, res.total, sorted(s for h in res.hits for s in h.speakers))\n"
    )
    env = {**os.environ, "NLTK_DATA": str(empty), "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True,
                         cwd=tmp_path)
    assert out.stdout.split()[:2] == ["2", "2"]
    assert "Stoltenberg" in out.stdout and not list(empty.iterdir())


def test_default_index_is_built_from_the_seeds(tmp_path, monkeypatch):
    monkeypatch.delenv("SEARCH_INDEX_DIR", raising=False)  # none configured: the per-user folder
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    res = search("cyber")
    assert res.total == 2 and (tmp_path / "data" / "news-search" / "index").is_dir()
