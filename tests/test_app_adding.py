"""The page's "Add articles" tab in a real browser: good files are searchable at once, a broken file is reported
while its good records are indexed (each test on an index of its own; split from test_app_journey.py).
"""

from __future__ import annotations

import re

from conftest import SEEDS
from page_steps import Shots, assert_clean, choose_and_add, report_row, search_for, settled, url_params, wait_for_count
from playwright.sync_api import Page, expect

from search import search

# --- adding articles ----------------------------------------------------------------------------

def test_added_articles_are_reported_and_searchable_at_once(page: Page, app_server, make_index, tmp_path,
                                                           artifacts_dir):
    index = make_index(SEEDS)  # an index of its own: this test adds to it
    base = app_server(index)
    shot = Shots(page, artifacts_dir, "upload")
    text_file = tmp_path / "lighthouse.txt"
    text_file.write_text("Zanzibar lighthouse keepers strike\n"
                         "The lighthouse keepers of Zanzibar went on strike on Monday, the harbour master said.\n",
                         encoding="utf-8")
    lines_file = tmp_path / "wildlife.jsonl"
    lines_file.write_text(
        '{"title": "Quokka census counts record numbers", "text": "Rangers on Rottnest Island counted a '
        'record number of quokkas this year.", "date": "2021-03-04", "source": "Island Post"}\n'
        '{"title": "Wombat crossing opens", "text": "A new wombat crossing opened near Hobart, officials said."}\n',
        encoding="utf-8")

    page.goto(base + "?tab=add")
    expect(page.get_by_text("Add articles to the index")).to_be_visible()
    settled(page)
    shot("tab")
    choose_and_add(page, [text_file, lines_file])
    expect(page.locator('[data-testid="stAlertContentSuccess"]')).to_contain_text(
        "Added 3 articles from 2 files (0 updated, 0 already indexed). The new articles are searchable now.")
    expect(report_row(page, "lighthouse.txt").locator("td")).to_have_text(["✓ lighthouse.txt", "1", "0", "0", "—"])
    expect(report_row(page, "wildlife.jsonl").locator("td")).to_have_text(["✓ wildlife.jsonl", "2", "0", "0", "—"])
    expect(page.locator('[data-testid="stFileUploader"]').get_by_text("lighthouse.txt")).to_have_count(0)
    expect(page.locator(".ns-index")).to_contain_text("5 articles")
    assert_clean(page)
    shot("report")

    # searching from the tab shows the results, with the new articles in them at once
    search_for(page, "zanzibar")
    wait_for_count(page, 1, "zanzibar")
    expect(page.locator(".ns-card .ns-title")).to_have_text("Zanzibar lighthouse keepers strike")
    assert url_params(page) == {"q": ["zanzibar"]}
    assert_clean(page)
    shot("found-text")
    search_for(page, "quokka OR wombat")
    wait_for_count(page, 2, "quokka OR wombat")
    assert sorted(page.locator(".ns-card .ns-title").all_inner_texts()) == [
        "Quokka census counts record numbers", "Wombat crossing opens"]
    expect(page.locator(".ns-card", has_text="Quokka").locator(".ns-meta")).to_have_text("Island Post·4 Mar 2021")
    assert_clean(page)
    shot("found-lines")
    assert search("quokka OR wombat OR zanzibar", index_dir=index).total == 3


def test_a_broken_file_is_reported_and_its_good_records_indexed(page: Page, app_server, make_index, tmp_path,
                                                               artifacts_dir):
    index = make_index(SEEDS)  # an index of its own: this test adds to it
    base = app_server(index)
    shot = Shots(page, artifacts_dir, "upload-broken")
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text('{"title": "Axolotl numbers recover", "text": "Axolotl numbers in Xochimilco recovered."}\n'
                     '{"title": "Broken record", "text": "Pangolin\n'
                     '{"title": "Narwhal tusks studied", "text": "Scientists studied narwhal tusks in Greenland."}\n',
                     encoding="utf-8")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG garbage \xff\xfe")  # not text at all

    page.goto(base + "?tab=add")
    expect(page.get_by_text("Add articles to the index")).to_be_visible()
    choose_and_add(page, [mixed, binary])
    expect(page.locator('[data-testid="stAlertContentWarning"]')).to_contain_text(
        "Added 2 articles from 2 files (0 updated, 0 already indexed); 2 files have problems (see below). "
        "The new articles are searchable now.")
    expect(report_row(page, "mixed.jsonl").locator("td").nth(1)).to_have_text("2")
    expect(report_row(page, "mixed.jsonl").locator(".ns-problems li")).to_have_text(
        re.compile(r"^line 2: invalid JSON \(Unterminated string starting at: column \d+\)$"))
    expect(report_row(page, "scan.txt").locator("td").nth(1)).to_have_text("0")
    expect(report_row(page, "scan.txt").locator(".ns-problems li")).to_have_text(
        re.compile(r"^whole file: not UTF-8"))
    expect(page.locator(".ns-report .ns-report-bad")).to_have_count(2)
    assert_clean(page)
    shot("report")

    search_for(page, "axolotl OR narwhal")
    wait_for_count(page, 2, "axolotl OR narwhal")
    assert sorted(page.locator(".ns-card .ns-title").all_inner_texts()) == [
        "Axolotl numbers recover", "Narwhal tusks studied"]
    assert_clean(page)
    shot("good-records-found")
    search_for(page, "pangolin")
    expect(page.locator(".ns-empty")).to_contain_text("No articles match")
    wait_for_count(page, 0, "pangolin")
    shot("bad-record-absent")
    assert search("axolotl OR narwhal OR pangolin", index_dir=index).total == 2
