"""The command line, run as a real subprocess: `python -m search ...`."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args):
    return subprocess.run([sys.executable, "-m", "search", *args], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("cli-index"))
    out = run("index", str(ROOT / "seeds"), "--index-dir", path)
    assert out.returncode == 0 and "added 2, updated 0, skipped 0, errors 0" in out.stdout
    return path


def test_reindexing_reports_skipped(index_dir):
    reindexed = run("index", str(ROOT / "seeds"), "--index-dir", index_dir).stdout
    assert "added 0, updated 0, skipped 2, errors 0" in reindexed


def test_query_as_json_with_a_filter(index_dir):
    out = run("query", "cyber", "--filter", "source=NATO", "--index-dir", index_dir, "--json")
    result = json.loads(out.stdout)
    assert result["total"] == 1 and result["hits"][0]["source"] == "NATO"
    assert {v["value"] for v in result["facets"]["source"]} == {"NATO", "Arirang TV"}


def test_query_as_text_marks_matches(index_dir):
    out = run("query", "cyber", "--index-dir", index_dir)
    assert "2 articles match" in out.stdout and "[cyber]" in out.stdout.lower()


def test_exclude_and_dates(index_dir):
    out = run("query", "", "--exclude", "source=NATO", "--index-dir", index_dir, "--json")
    assert [h["source"] for h in json.loads(out.stdout)["hits"]] == ["Arirang TV"]
    out = run("query", "", "--from", "2022-01-01", "--to", "2022-12-31", "--index-dir", index_dir, "--json")
    assert [h["source"] for h in json.loads(out.stdout)["hits"]] == ["NATO"]


def test_facet_order_by_name(index_dir):
    out = run("query", "", "--facet-order", "name", "--json", "--index-dir", index_dir)
    countries = [v["value"] for v in json.loads(out.stdout)["facets"]["country"]]
    assert len(countries) > 3 and countries == sorted(countries, key=str.lower)


def test_export_csv_has_every_match(index_dir):
    out = run("export", "cyber", "--format", "csv", "--index-dir", index_dir)
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert len(rows) == 2 and {r["source"] for r in rows} == {"NATO", "Arirang TV"}
    assert all(r["body"] and r["countries"] for r in rows)


def test_values_similar_cooccur_and_stats(index_dir):
    assert "South Korea" in run("values", "--facet", "country", "--contains", "korea", "--index-dir", index_dir).stdout
    nato = json.loads(run("query", "", "--filter", "source=NATO", "--json", "--index-dir", index_dir).stdout)
    nato_id = nato["hits"][0]["id"]
    similar = run("similar", nato_id, "--index-dir", index_dir).stdout
    assert "Arirang TV" in similar and "NATO ·" not in similar
    # similar within filters: no article has the source "Nowhere"
    assert "Arirang TV" not in run("similar", nato_id, "--filter", "source=Nowhere", "--index-dir", index_dir).stdout
    assert "×" in run("cooccur", "--rows", "country", "--columns", "source", "--index-dir", index_dir).stdout
    assert "2 articles from 2 sources" in run("stats", "--index-dir", index_dir).stdout


def test_errors_are_one_line_not_a_traceback(index_dir, tmp_path):
    out = run("query", "x", "--filter", "colour=red", "--index-dir", index_dir)
    assert out.returncode == 2 and "unknown facet" in out.stderr and "Traceback" not in out.stderr
    out = run("query", "x", "--index-dir", str(tmp_path / "missing"))
    assert out.returncode == 2 and "no index" in out.stderr and "Traceback" not in out.stderr
    out = run("query", "x", "--from", "yesterday", "--index-dir", index_dir)
    assert out.returncode == 2 and "YYYY-MM-DD" in out.stderr
