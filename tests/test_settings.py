"""The settings table (`search/settings.py`) is what the engine, the page, the command line and the
README actually use: each test below reads a default from the table and checks it where it acts."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from search import cooccurrence, facet_values, search, similar
from search.app import state, upload
from search.settings import SETTINGS, lookup, markdown_table, setting

ROOT = Path(__file__).resolve().parent.parent
SOURCES = setting("value_search_limit") + 10  # more distinct sources than any listing shows


def run(*args: str) -> str:
    out = subprocess.run([sys.executable, "-m", "search", *args], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    return out.stdout


def one_line(text: str) -> str:
    """Help text with argparse's line wrapping undone."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def many_sources(make_index, tmp_path_factory) -> Path:
    """An index of `SOURCES` articles about the same summit, each from its own outlet."""
    folder = tmp_path_factory.mktemp("many-sources")
    lines = [json.dumps({"title": f"Summit report {i}", "source": f"Outlet {i:03d}", "date": "2023-05-01",
                         "text": f"Leaders met at the summit to talk about trade and security. Report number {i}."})
             for i in range(SOURCES)]
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return make_index(folder / "articles.jsonl")


def test_names_are_unique_identifiers_and_every_setting_is_explained():
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names))
    assert all(name.isidentifier() and name == name.lower() for name in names)
    assert all(s.help and "|" not in s.help for s in SETTINGS)  # "|" would break the Markdown table


def test_an_unknown_name_fails_loudly():
    with pytest.raises(KeyError, match="no setting 'page_sise'"):
        lookup("page_sise")


def test_settings_command_lists_every_setting():
    lines = run("settings").splitlines()
    assert lines[0].split()[:2] == ["setting", "default"]
    assert len(lines) == len(SETTINGS) + 1
    for line, knob in zip(lines[1:], SETTINGS, strict=True):
        assert line.split(maxsplit=2) == [knob.name, knob.shown, f"{knob.topic}: {knob.help}"]


def test_settings_command_as_markdown_is_the_generated_table():
    table = run("settings", "--markdown").rstrip("\n")
    assert table == markdown_table()
    first = SETTINGS[0]
    assert table.splitlines()[2] == f"| {first.topic} | `{first.name}` | {first.shown} | {first.help} |"


def test_readme_settings_table_is_the_generated_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- settings -->\n(.*?)\n<!-- /settings -->", readme, re.DOTALL)
    assert found, "README.md has no <!-- settings --> … <!-- /settings --> section"
    assert found.group(1) == markdown_table(), (
        "README.md's Settings table differs from search/settings.py: paste `python -m search settings --markdown`")


@pytest.mark.parametrize(("command", "option", "name"), [
    ("index", "--commit-every N", "commit_every"),
    ("index", "--workers WORKERS", "workers"),
    ("query", "--per-page PER_PAGE", "page_size"),
    ("query", "--facet-limit FACET_LIMIT", "facet_limit"),
    ("values", "--limit LIMIT", "value_search_limit"),
    ("cooccur", "--top TOP", "cooccurrence_top"),
    ("similar", "-n N", "similar_articles"),
])
def test_command_line_help_shows_the_setting_and_its_default(command, option, name):
    knob = lookup(name)
    assert f"{option} {knob.help} (default: {knob.shown})" in one_line(run(command, "--help"))


def test_search_defaults_are_the_settings(many_sources):
    res = search("", index_dir=many_sources, collapse=False)
    assert res.total == SOURCES
    assert len(res.hits) == res.per_page == setting("page_size")
    assert len(res.facets["source"]) == setting("facet_limit") < res.facet_totals["source"] == SOURCES
    assert search("", per_page=10 * setting("max_page_size"), index_dir=many_sources,
                  collapse=False).per_page == setting(
        "max_page_size")


def test_explore_defaults_are_the_settings(many_sources):
    values, total = facet_values("source", "outlet", index_dir=many_sources)
    assert len(values) == setting("value_search_limit") < total == SOURCES
    grid = cooccurrence("source", "theme", index_dir=many_sources)
    assert len(grid.rows) == setting("cooccurrence_top")
    first = search("summit", index_dir=many_sources, collapse=False).hits[0].id
    assert len(similar(first, index_dir=many_sources)) == setting("similar_articles")


def test_a_longer_query_is_cut_at_the_setting(many_sources):
    limit = setting("max_query_chars")
    assert search("summit " * (limit // 7 + 10), index_dir=many_sources, collapse=False).notice == (
        f"The query was cut to its first {limit} characters.")
    assert search("summit " * (limit // 7 - 10), index_dir=many_sources, collapse=False).notice is None


def test_the_page_uses_the_settings():
    assert state.PageState().per_page == setting("page_size")
    assert state.PER_PAGE_OPTIONS[0] == setting("page_size") and state.PER_PAGE_OPTIONS[-1] == setting(
        "max_page_size")
    params = {"per_page": [str(setting("max_page_size"))]}
    assert state.state_from_params(lambda name: params.get(name, [])).per_page == setting("max_page_size")


def test_upload_limits_are_the_settings():
    most_files, most_mb = setting("max_upload_files"), setting("max_upload_mb")
    assert upload.check_uploads([(f"{i}.txt", 10) for i in range(most_files)]) == []
    assert any(f"at most {most_files}" in p for p in upload.check_uploads([(f"{i}.txt", 10)
                                                                           for i in range(most_files + 1)]))
    assert upload.check_uploads([("big.txt", most_mb * 1024 * 1024)]) == []
    assert any(f"at most {most_mb} MB" in p for p in upload.check_uploads([("big.txt", most_mb * 1024 * 1024 + 1)]))


def test_streamlit_upload_limit_is_the_setting():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == setting("max_upload_mb")
