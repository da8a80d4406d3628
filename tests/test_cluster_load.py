"""Loading a cluster (`build_cluster_index`, `delete_cluster_articles`) on real `searchd` shards,
checked against the local index built from the same files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from search import build_index, search
from search.cluster import process
from search.cluster.connection import Connection, ShardDownError
from search.cluster.load import build_cluster_index, delete_cluster_articles
from search.cluster.meta import read_aliases, read_last_update, read_shards
from search.cluster.schema import analysed_text, facet_id, facet_token, shard_of
from search.model import FACETS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def node0(cluster) -> Connection:
    return Connection(cluster.host, cluster.nodes[0].sql_port)


def cluster_counts(cluster, facet: str) -> dict[str, int]:
    """Documents per value of `facet`, over the distributed index (every shard)."""
    with node0(cluster) as db:
        rows = db.query(f"SELECT groupby(), COUNT(*) FROM {cluster.name} GROUP BY facets.{facet} "
                        f"LIMIT 100000 OPTION max_matches = 100000")
    return {value: count for value, count in rows if value}


def cluster_ids(cluster) -> set[str]:
    with node0(cluster) as db:
        return {row[0] for row in db.query(f"SELECT article_id FROM {cluster.name} LIMIT 100000 "
                                           f"OPTION max_matches = 100000")}


def write_articles(folder: Path, articles: dict[str, str]) -> Path:
    """JSON Lines articles (id -> text) in `folder`/news.jsonl."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "news.jsonl"
    path.write_text("".join(json.dumps({"id": key, "title": f"Report {key}", "text": text}) + "\n"
                            for key, text in articles.items()), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def loaded(make_cluster, wikinews, tmp_path_factory):
    """The seeds and Wikinews loaded into a new two-shard cluster and into a local index."""
    cluster = make_cluster(2)
    report = build_cluster_index([SEEDS, wikinews], cluster.url)
    local = tmp_path_factory.mktemp("local") / "index"
    build_index([SEEDS, wikinews], local)
    return cluster, report, local


def test_a_load_holds_every_article_once_with_the_local_facet_counts(loaded):
    cluster, report, local = loaded
    assert report.added > 290 and not report.errors and report.updated == report.skipped == 0
    everything = search("", collapse=False, facet_limit=None, per_page=1, index_dir=local)
    assert everything.total == report.added
    assert len(cluster_ids(cluster)) == report.added
    for name in FACETS:  # person facets included: one value per person, as in the local index
        local_counts = {v.value: v.count for v in everything.facets[name]}
        assert cluster_counts(cluster, name) == local_counts, name
    with node0(cluster) as db:  # each article sits on the shard of its id, and nowhere else
        for shard in read_shards(cluster.url, db):
            with Connection(shard.host, shard.port) as own:
                ids = [r[0] for r in own.query(f"SELECT article_id FROM {shard.index} LIMIT 10000 "
                                               f"OPTION max_matches = 10000")]
            assert ids and all(shard_of(i, 2) == shard.number for i in ids)


def test_the_recorded_aliases_are_the_ones_counted(loaded):
    cluster, _, local = loaded
    with node0(cluster) as db:
        aliases = read_aliases(db, cluster.name)
    assert aliases.get("people"), "the Wikinews articles name people in several spellings"
    counted = cluster_counts(cluster, "people")
    for spelling, person in aliases["people"].items():
        assert spelling not in counted and person in counted
    # a filter by id on the value finds every document the count counts
    person, count = max(counted.items(), key=lambda item: item[1])
    with node0(cluster) as db:
        rows = db.query(f"SELECT COUNT(*) FROM {cluster.name} WHERE facet_ids = {facet_id('people', person)}")
        assert rows == [(count,)]
        token = facet_token("people", person)
        assert db.query(f"SELECT COUNT(*) FROM {cluster.name} WHERE MATCH(%s)", [f"@facet_terms {token}"]) == \
            [(count,)]


def test_every_analysed_term_is_found_as_sphinx_indexed_it(make_cluster, tmp_path):
    cluster = make_cluster(1)
    text = ("Zürich's U.S.-backed talks: 東京 and Ελλάδα; café déjà-vu; " + "x" * 50 + " ab\U00020000cd "
            "C++ and C# r2-d2 e-mail 3.14 fast_track")
    # t1 stemmed as English, t3 the same text stemmed as French (as their sources say)
    (tmp_path / "news.jsonl").write_text("".join(json.dumps(row) + "\n" for row in [
        {"id": "t1", "title": "Report t1", "text": text, "language": "en"},
        {"id": "t2", "title": "Report t2", "text": "Nothing in common here"},
        {"id": "t3", "title": "Report t3", "text": text, "language": "fr"}]), encoding="utf-8")
    assert build_cluster_index([tmp_path], cluster.url).added == 3
    terms = set(analysed_text(text).split())
    plain = set(analysed_text(text, "fr").split())  # (French stems)
    assert len(terms) > 10 and len(plain) == len(terms) and not terms & plain
    with node0(cluster) as db:
        for term in terms | plain:
            assert db.query(f"SELECT article_id FROM {cluster.name} WHERE MATCH(%s)", [f"@body {term}"]) == \
                [("t1" if term in terms else "t3",)], term
        # a phrase of consecutive terms matches, one in the other order does not
        first, second = analysed_text("talks 東京").split()
        assert db.query(f"SELECT COUNT(*) FROM {cluster.name} WHERE MATCH(%s)", [f'@body "{first} {second}"']) \
            == [(1,)]
        assert db.query(f"SELECT COUNT(*) FROM {cluster.name} WHERE MATCH(%s)", [f'@body "{second} {first}"']) \
            == [(0,)]


def test_a_rerun_skips_changed_articles_are_replaced_and_prune_deletes_the_gone(make_cluster, tmp_path):
    cluster = make_cluster(2)
    folder = tmp_path / "in"
    texts = {f"a{n}": f"The minister in Paris said talks number {n} went well." for n in range(12)}
    write_articles(folder, texts)
    extra = write_articles(tmp_path / "more", {"b1": "Officials in Berlin said the plan is ready."})
    first = build_cluster_index([folder, extra], cluster.url)
    assert (first.added, first.updated, first.skipped) == (13, 0, 0)
    again = build_cluster_index([folder, extra], cluster.url)
    assert (again.added, again.updated, again.skipped) == (0, 0, 13)
    texts["a3"] = "The minister in Rome said talks collapsed."
    del texts["a5"]
    write_articles(folder, texts)
    changed = build_cluster_index([folder], cluster.url, prune=True)
    assert (changed.added, changed.updated, changed.skipped, changed.pruned) == (0, 1, 10, 1)
    assert cluster_ids(cluster) == set(texts) | {"b1"}  # b1 was read from elsewhere: not pruned
    with node0(cluster) as db:
        rome, paris = analysed_text("Rome"), analysed_text("Paris")  # stems, as the local index has them
        assert db.query(f"SELECT article_id FROM {cluster.name} WHERE MATCH('@body {rome}')") == [("a3",)]
        assert db.query(f"SELECT COUNT(*) FROM {cluster.name} WHERE MATCH('@body {paris}')") == [(10,)]
    assert delete_cluster_articles(["a1", "a2", "nope"], cluster.url) == 2
    assert cluster_ids(cluster) == set(texts) - {"a1", "a2"} | {"b1"}
    rebuilt = build_cluster_index([extra], cluster.url, rebuild=True)
    assert (rebuilt.added, rebuilt.pruned) == (1, 9) and cluster_ids(cluster) == {"b1"}
    empty = build_cluster_index([tmp_path / "nothing"], str(cluster.url), rebuild=True)
    assert empty.notice and "unchanged" in empty.notice and cluster_ids(cluster) == {"b1"}


def test_bad_input_is_reported_and_the_rest_loaded(cluster, tmp_path):
    folder = tmp_path / "in"
    write_articles(folder, {"ok": "Officials in Paris said the plan is ready."})
    (folder / "broken.jsonl").write_text('{"id": "fine", "title": "Fine", "text": "A fine text."}\n{not json\n')
    # a title over the 4 MB a Sphinx string attribute holds (a local index keeps it)
    (folder / "huge.jsonl").write_text(json.dumps({"id": "huge", "title": "x" * 4_500_000, "text": "Short."}) + "\n")
    report = build_cluster_index([folder], cluster.url)
    assert report.added == 2
    wheres = " ".join(str(e) for e in report.errors)
    assert "broken.jsonl:2" in wheres and "huge" in wheres and "MB" in wheres, wheres
    assert cluster_ids(cluster) == {"ok", "fine"}


def test_a_shard_that_is_down_is_named(make_cluster, tmp_path):
    cluster = make_cluster(2)
    write_articles(tmp_path, {"x": "Officials in Paris said the plan is ready."})
    process._stop_node(cluster.nodes[1])
    with pytest.raises(ShardDownError, match=f"shard 1 .*{cluster.nodes[1].sql_port}"):
        build_cluster_index([tmp_path], cluster.url)
    with pytest.raises(ShardDownError, match="shard 1"):
        delete_cluster_articles(["x"], cluster.url)


def test_loaders_running_at_once_load_disjoint_inputs(make_cluster, tmp_path):
    cluster = make_cluster(2)
    parts = []
    for part in range(3):
        parts.append(write_articles(tmp_path / f"p{part}", {
            f"p{part}-{n}": f"Barack Obama said in Paris on day {n} that talks went well. Obama left." if n % 2
            else f"Obama met officials in Berlin on day {n}." for n in range(40)}))
    code = ("import sys; from search.cluster.load import build_cluster_index\n"
            "r = build_cluster_index([sys.argv[1]], sys.argv[2]); print(r.added, len(r.errors))")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(p), str(cluster.url)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for p in parts]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [o[1][-2000:] for o in outs]
    assert [o[0].split() for o in outs] == [["40", "0"]] * 3
    assert len(cluster_ids(cluster)) == 120
    local = tmp_path / "local"
    build_index(parts, local)
    everything = search("", collapse=False, facet_limit=None, index_dir=local)
    for name in ("speaker", "people"):  # one person, one value over the whole cluster, as locally
        assert cluster_counts(cluster, name) == {v.value: v.count for v in everything.facets[name]}
    assert cluster_counts(cluster, "people")["Barack Obama"] >= 60


def test_a_later_load_rewrites_earlier_documents_to_one_value_per_person(cluster, tmp_path):
    first = write_articles(tmp_path / "a", {f"a{n}": f"António Guterres said in Geneva on day {n} that talks went well."
                                            for n in range(2)})
    assert build_cluster_index([first], cluster.url).added == 2
    assert cluster_counts(cluster, "speaker") == {"António Guterres": 2}
    second = write_articles(tmp_path / "b", {f"b{n}": f"Antonio Guterres said in Geneva on day {n} that talks failed."
                                             for n in range(3)})
    assert build_cluster_index([second], cluster.url).added == 3
    # the more frequent spelling is the person's value now, for the documents loaded first too
    assert cluster_counts(cluster, "speaker") == {"Antonio Guterres": 5}
    with node0(cluster) as db:
        assert read_aliases(db, cluster.name)["speaker"] == {"António Guterres": "Antonio Guterres"}
        assert db.query(f"SELECT COUNT(*) FROM {cluster.name} WHERE facet_ids = "
                        f"{facet_id('speaker', 'Antonio Guterres')}") == [(5,)]
    # deleting the articles of the more frequent spelling makes the other one the value again
    assert delete_cluster_articles(["b0", "b1", "b2"], cluster.url) == 3
    assert cluster_counts(cluster, "speaker") == {"António Guterres": 2}
    with node0(cluster) as db:
        assert read_aliases(db, cluster.name).get("speaker", {}) == {}


@pytest.mark.corpus
def test_workers_load_what_one_process_loads(make_cluster, tmp_path):
    """600 Reuters articles (enough for worker processes) with two workers: the cluster holds
    the articles and facet counts of a local index of the same file, and progress is told."""
    reuters = ROOT.parent / "shared" / "corpora" / "reuters21578" / "reuters21578.jsonl"
    with open(reuters, encoding="utf-8") as lines:
        sample = [next(lines) for _ in range(600)]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "reuters.jsonl").write_text("".join(sample), encoding="utf-8")
    cluster = make_cluster(2)
    seen = []
    report = build_cluster_index([tmp_path / "in"], cluster.url, workers=2, commit_every=200, progress=seen.append)
    assert report.added > 500 and all("no article text" in e.message for e in report.errors)  # Reuters has some
    assert seen and seen[-1].fraction == 1.0 and seen[-1].articles == report.added + report.skipped
    local = tmp_path / "local"
    build_index([tmp_path / "in"], local, workers=2)
    everything = search("", collapse=False, facet_limit=None, index_dir=local)
    assert len(cluster_ids(cluster)) == everything.total == report.added
    for name in FACETS:
        assert cluster_counts(cluster, name) == {v.value: v.count for v in everything.facets[name]}, name


@pytest.mark.corpus
@pytest.mark.cluster
def test_the_loading_benchmark_runs(tmp_path):
    out = subprocess.run([sys.executable, "benchmarks/bench_cluster.py", "--smoke", "--workdir", str(tmp_path)],
                         capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert out.returncode == 0, out.stderr
    rows = {line.split("|")[1].strip(): [c.strip() for c in line.split("|")[2:-1]]
            for line in out.stdout.splitlines() if line.startswith("| local") or line.startswith("| 1 shard")}
    assert set(rows) == {"local index", "1 shard"}
    for articles, seconds, rate, *_ in rows.values():
        assert articles == "300" and float(seconds) > 0 and float(rate.replace(",", "")) > 0
    assert float(rows["1 shard"][4]) > 0  # the shard's memory was measured
    assert not list(tmp_path.glob("cluster-*/node0/searchd.pid"))  # stopped


def test_a_shard_killed_during_a_load_is_named_and_a_rerun_finishes_the_load(make_cluster, tmp_path):
    cluster = make_cluster(2)
    texts = {f"k{n}": f"The minister in Paris said talks number {n} went well." for n in range(40)}
    write_articles(tmp_path / "in", texts)
    victim = cluster.nodes[1]
    seen = []

    def kill_half_way(progress) -> None:
        seen.append(progress)
        if len(seen) == 20:
            process.kill(cluster.folder, 1)

    with pytest.raises(ShardDownError, match=f"shard 1 \\(news_1 at 127.0.0.1:{victim.sql_port}\\)"):
        build_cluster_index([tmp_path / "in"], cluster.url, progress=kill_half_way)
    assert len(seen) >= 20 and not process.status(cluster.folder)[1].answering  # it stays down
    process.start(cluster.folder, shards=2)  # brings the killed node back, with what it had
    rerun = build_cluster_index([tmp_path / "in"], cluster.url)
    assert rerun.added + rerun.skipped == 40 and rerun.added > 0
    assert cluster_ids(cluster) == set(texts)
    with node0(cluster) as db:
        assert db.query(f"SELECT COUNT(*) FROM {cluster.name}") == [(40,)]  # nothing doubled
        assert read_last_update(db, cluster.name) is not None
