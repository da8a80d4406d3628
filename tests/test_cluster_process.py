"""A local cluster's processes, configuration, records and URLs, on real `searchd` processes."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from search.cluster import config, process
from search.cluster.connection import ClusterError, Connection, ShardDownError
from search.cluster.meta import read_shards
from search.cluster.schema import analysed_text, doc_id, facet_id, shard_of, stable_hash, term_token
from search.cluster.url import ClusterUrl, is_cluster_url, parse_cluster_url
from search.index.analysis import analyze

ROOT = Path(__file__).resolve().parent.parent


def test_a_cluster_url_is_parsed_and_printed_back():
    url = parse_cluster_url("sphinx://127.0.0.1:9312/news")
    assert url == ClusterUrl("127.0.0.1", 9312, "news")
    assert str(url) == "sphinx://127.0.0.1:9312/news"
    assert parse_cluster_url(" SPHINX://search-1.example.org/archive_2 ") == \
        ClusterUrl("search-1.example.org", 9306, "archive_2")
    assert parse_cluster_url("sphinx://[::1]:9400/news").host == "::1"
    assert is_cluster_url("sphinx://h/n") and not is_cluster_url("/tmp/index") and not is_cluster_url(None)


@pytest.mark.parametrize("bad", ["http://127.0.0.1:9306/news", "sphinx://127.0.0.1:9306/", "sphinx://h:99999/n",
                                 "sphinx://h:9306/news;drop", "sphinx://h:9306/1news", "sphinx:///news"])
def test_a_wrong_cluster_url_is_a_clear_error(bad):
    with pytest.raises(ValueError, match="sphinx://"):
        parse_cluster_url(bad)


def test_ids_and_shards_are_stable_across_processes():
    ids = ["https://example.org/a", "é-article", "x" * 500]
    here = [(doc_id(i), shard_of(i, 3), facet_id("country", i)) for i in ids]
    code = ("from search.cluster.schema import doc_id, shard_of, facet_id\n"
            f"print([(doc_id(i), shard_of(i, 3), facet_id('country', i)) for i in {ids!r}])")
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                           env={"PYTHONHASHSEED": "123", "PATH": ""})
    assert other.stdout.strip() == str(here)
    assert all(0 < value < 2 ** 63 for triple in here for value in (triple[0], triple[2]))
    counts = [0, 0, 0]
    for n in range(3000):
        counts[shard_of(f"article-{n}", 3)] += 1
    assert min(counts) > 900, counts  # a fair spread over the shards
    assert facet_id("country", "Japan") != facet_id("region", "Japan") != stable_hash("Japan")


def test_terms_sphinx_cannot_keep_become_hash_tokens():
    assert term_token("cyber") == "cyber" and term_token("u.s") == "u.s" and term_token("東京") == "東京"
    for term in ("a" * 43, "x*y", "ab\U00020000"):
        token = term_token(term)
        assert token.startswith("§t") and token == term_token(term) and token != term_token(term + "z")
    text = "The U.S. Ministers met in Zürich; cyber-attacks rose. Stop words are dropped."
    terms = sorted(((p, t) for t, ps in analyze(text).items() for p in ps))
    assert analysed_text(text) == " ".join(t for _, t in terms)
    assert analysed_text("") == "" and analysed_text("the of a") == ""


def test_a_cluster_starts_answers_and_stops(tmp_path):
    port = process.free_ports("127.0.0.1", 4, start=41_000)
    cluster = process.start(tmp_path / "c", shards=2, port=port, name="wire")
    try:
        assert str(cluster.url) == f"sphinx://127.0.0.1:{port}/wire"
        states = process.status(tmp_path / "c")
        assert [(s.shard, s.endpoint, s.answering, s.documents) for s in states] == \
            [(0, f"127.0.0.1:{port}", True, 0), (1, f"127.0.0.1:{port + 2}", True, 0)]
        assert all(s.pid for s in states) and "running" in states[1].describe()
        shards = read_shards(cluster.url)
        assert [(s.number, s.port, s.index) for s in shards] == [(0, port, "wire_0"), (1, port + 2, "wire_1")]
        with Connection("127.0.0.1", port) as db:  # the distributed index asks both shards
            assert db.query("SELECT COUNT(*) FROM wire") == [(0,)]
            db.execute("REPLACE INTO wire_0 (id, title, article_id) VALUES (7, 'kept', 'a7')")
        # starting it again while it runs changes nothing; stopping and starting keeps the data
        assert process.start(tmp_path / "c", shards=2).url == cluster.url
        pids = [s.pid for s in states]
        assert process.stop(tmp_path / "c") == 2
        assert [s.answering for s in process.status(tmp_path / "c")] == [False, False]
        assert not any(Path(f"/proc/{pid}").exists() for pid in pids)
        with pytest.raises(ShardDownError, match=f"127.0.0.1:{port}"):
            read_shards(cluster.url)
        process.start(tmp_path / "c", shards=2)
        with Connection("127.0.0.1", port) as db:
            assert db.query("SELECT article_id FROM wire WHERE MATCH('kept')") == [("a7",)]
    finally:
        process.stop(tmp_path / "c")
    assert process.stop(tmp_path / "c") == 0


def test_a_taken_port_or_a_foreign_folder_is_a_clear_error(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(process.ClusterProcessError, match=f"port {port} .* taken"):
            process.start(tmp_path / "c", shards=1, port=port)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine")
    with pytest.raises(process.ClusterProcessError, match="not empty"):
        process.start(tmp_path / "other", shards=1)
    with pytest.raises(process.ClusterProcessError, match="holds no cluster"):
        process.status(tmp_path / "none")
    with pytest.raises(ValueError, match="1 to 64 shards"):
        process.start(tmp_path / "zero", shards=0)


def test_the_shard_count_of_a_folder_is_kept(cluster):
    with pytest.raises(process.ClusterProcessError, match="2 shards"):
        process.start(cluster.folder, shards=3)


def test_a_url_of_no_cluster_is_a_clear_error(cluster):
    other = ClusterUrl(cluster.host, cluster.nodes[0].sql_port, "nothing")
    with pytest.raises(ClusterError, match="no cluster records"):
        read_shards(other)
    port = process.free_ports("127.0.0.1", 1, start=43_000)
    with pytest.raises(ShardDownError, match=f"127.0.0.1:{port}"):
        read_shards(ClusterUrl("127.0.0.1", port, "news"))


def test_the_configuration_names_every_shard_as_an_agent(tmp_path):
    layout = config.plan(tmp_path, "news", 3, 9400)
    first = config.node_config(layout, layout.nodes[0])
    assert "local = news_0" in first and "agent = 127.0.0.1:9403:news_1" in first
    assert "agent = 127.0.0.1:9405:news_2" in first and "agent_query_timeout" in first
    assert "index news_meta" in first and "listen = 127.0.0.1:9400:mysql41" in first
    second = config.node_config(layout, layout.nodes[1])
    assert "type = distributed" not in second and "index news_1" in second and "9402:mysql41" in second


def test_the_command_line_starts_reports_and_stops_a_cluster(tmp_path):
    folder = tmp_path / "cli"
    port = process.free_ports("127.0.0.1", 2, start=45_000)

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "search", "cluster", *args, "--dir", str(folder)],
                              capture_output=True, text=True, cwd=ROOT, timeout=120)

    try:
        started = cli("start", "--shards", "1", "--port", str(port), "--name", "wire")
        assert started.returncode == 0, started.stderr
        assert started.stdout.splitlines()[0] == f"sphinx://127.0.0.1:{port}/wire"
        status = cli("status")
        assert status.returncode == 0 and f"shard 0 at 127.0.0.1:{port}: running" in status.stdout
    finally:
        stopped = cli("stop")
    assert stopped.returncode == 0 and "stopped 1" in stopped.stdout
    down = cli("status")
    assert down.returncode == 2 and "stopped" in down.stdout and "not answering" in down.stderr
    missing = subprocess.run([sys.executable, "-m", "search", "cluster", "status", "--dir", str(tmp_path / "none")],
                             capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert missing.returncode == 2 and "holds no cluster" in missing.stderr
