"""Safe output (issue 12, rows 5 to 7): CSV cells that a spreadsheet would run as formulas are
neutralised (API, CLI; the page's download is the API's export); the command line's text output
carries no control characters or escape sequences from articles (`--json` is unchanged); the
page shows facet values in its labels and chips as plain text (real Chromium, marked `browser`)."""

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from search import export
from search.engine.export import FORMULA_STARTS, spreadsheet_safe

ROOT = Path(__file__).resolve().parent.parent

ESCAPES = {
    "clear screen": "\x1b[2J",
    "window title": "\x1b]0;owned\x07",
    "OSC 8 link": "\x1b]8;;http://hidden.invalid/\x1b\\click here\x1b]8;;\x1b\\",
    "C1 CSI": "\x9b31m",
    "reset": "\x1bc",
    "bell": "\x07",
}

HOSTILE = [
    {"id": "f1", "title": '=HYPERLINK("http://evil.example","Tanker rates")', "source": "+Formula Wire",
     "text": "-10% was the drop in tanker rates reported on Monday by the harbour office.", "date": "2024-03-04"},
    {"id": "f2", "title": "@SUM(A1:A9) grain harvest", "source": "@Grain Desk",
     "text": "\tA tab starts this report on the grain harvest, which farmers called late.", "date": "2024-03-05"},
    {"id": "e1", "title": "Harbour " + "".join(ESCAPES.values()) + " strike",
     "source": "Wire\x1b[31m Red", "text": "The harbour strike " + ESCAPES["OSC 8 link"] + " went on for a week; "
     + ESCAPES["clear screen"] + ESCAPES["window title"] + " dock workers asked for tanker rates to rise.",
     "date": "2024-03-06"},
    {"id": "p1", "title": "Plain grain report", "source": "Plain Wire",
     "text": "Tanker rates and the grain harvest were both steady, said the harbour office.", "date": "2024-03-07"},
]

# C0 controls but newline and tab, DEL, C1 controls: what a terminal acts on
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "search", *args], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def hostile_index(tmp_path_factory, make_index) -> Path:
    folder = tmp_path_factory.mktemp("hostile-output")
    (folder / "hostile.jsonl").write_text("\n".join(json.dumps(r) for r in HOSTILE) + "\n", encoding="utf-8")
    return make_index(folder / "hostile.jsonl")


@pytest.mark.parametrize("cell, expected", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("plain", "plain"), ("", ""), ("a=b", "a=b"), (" =1", " =1"), ("'=1", "'=1"),
])
def test_a_cell_is_neutralised_only_when_it_begins_with_a_formula_character(cell, expected):
    assert spreadsheet_safe(cell) == expected


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _json_cells(index_dir: Path, query: str) -> list[dict[str, str]]:
    """The same export as JSON (not neutralised), each cell as the CSV writes it before quoting."""
    return [{k: "; ".join(v) if isinstance(v, list) else str(v) for k, v in record.items()}
            for record in json.loads("".join(export(query, format="json", index_dir=index_dir)))]


def test_csv_export_neutralises_formula_cells_and_changes_nothing_else(hostile_index):
    rows = _csv_rows("".join(export("", format="csv", index_dir=hostile_index)))
    originals = _json_cells(hostile_index, "")
    assert [r["id"] for r in rows] == [o["id"] for o in originals] and len(rows) == len(HOSTILE)
    neutralised = 0
    for row, original in zip(rows, originals, strict=True):
        assert row.keys() == original.keys()
        for name, value in original.items():
            if value.startswith(FORMULA_STARTS):
                assert row[name] == "'" + value, name
                neutralised += 1
            else:
                assert row[name] == value, name
        assert not any(cell.startswith(FORMULA_STARTS) for cell in row.values())
    assert neutralised >= 5  # titles, sources and bodies of f1 and f2


def test_json_export_keeps_the_text_as_it_is(hostile_index):
    records = {r["id"]: r for r in json.loads("".join(export("", format="json", index_dir=hostile_index)))}
    assert records["f1"]["title"] == HOSTILE[0]["title"] and records["f2"]["source"] == "@Grain Desk"


def test_cli_export_csv_is_neutralised(hostile_index):
    out = run("export", "", "--format", "csv", "--index-dir", str(hostile_index))
    assert out.returncode == 0, out.stderr
    rows = {r["id"]: r for r in _csv_rows(out.stdout)}
    assert rows["f1"]["title"] == "'" + HOSTILE[0]["title"] and rows["f2"]["source"] == "'@Grain Desk"
    assert rows["p1"]["title"] == "Plain grain report"


def test_cli_text_output_has_no_control_characters(hostile_index):
    out = run("query", "harbour OR tanker OR grain", "--index-dir", str(hostile_index))
    assert out.returncode == 0, out.stderr
    assert "4 articles match" in out.stdout
    assert not CONTROL.findall(out.stdout), sorted(set(CONTROL.findall(out.stdout)))
    # what the escapes wrapped is shown as text; what only the terminal would read is gone
    assert "[Harbour]" in out.stdout and "click here" in out.stdout and "Wire Red" in out.stdout
    assert "hidden.invalid" not in out.stdout and "owned" not in out.stdout
    assert "Plain grain report" in out.stdout.replace("[", "").replace("]", "")


def test_cli_text_output_of_values_is_clean(hostile_index):
    out = run("values", "--facet", "source", "--index-dir", str(hostile_index))
    assert out.returncode == 0, out.stderr
    assert not CONTROL.findall(out.stdout) and "Wire Red" in out.stdout


def test_cli_json_output_is_unchanged(hostile_index):
    out = run("query", "harbour", "--index-dir", str(hostile_index), "--json")
    hits = {h["id"]: h for h in json.loads(out.stdout)["hits"]}
    assert hits["e1"]["title"] == HOSTILE[2]["title"] and hits["e1"]["source"] == HOSTILE[2]["source"]


# --- row 7: facet values in the page are plain text -----------------------------------------------

MARKDOWN_VALUES = ["http://example.com", "www.example.org", ":material/home:", ":smile:", "&lt;b", "[x](http://y.example)"]
LABEL_DOM = """() => {
    const markdown = '[data-testid="stMarkdownContainer"]';
    const labels = [...document.querySelectorAll(`[data-testid="stSidebar"] [data-testid="stCheckbox"] ${markdown}`),
                    ...document.querySelectorAll(`[class*="st-key-chip"] button ${markdown}`)];
    return {
        shown: labels.map(s => s.innerText.replaceAll("\\u2060", "").replace(/\\s+/g, " ").trim()),
        links: labels.flatMap(s => [...s.querySelectorAll("a")]).map(a => a.outerHTML),
        icons: labels.flatMap(s => [...s.querySelectorAll('[data-testid^="stIcon"], img, svg')]).map(i => i.outerHTML),
    };
}"""


def test_facet_values_show_as_plain_text_in_labels_and_chips(page, app_server, make_index, tmp_path, artifacts_dir):
    folder = tmp_path / "markdown-values"
    folder.mkdir()
    for i, value in enumerate(MARKDOWN_VALUES):
        (folder / f"a{i}.txt").write_text(f"Cyber note {i}\nA short cyber note about networks, number {i}.\n",
                                          encoding="utf-8")
        (folder / f"a{i}.meta.toml").write_text(f"source = {json.dumps(value)}\n", encoding="utf-8")
    base = app_server(make_index(folder))

    page.goto(base + "?" + urlencode([("q", "cyber"), *[("source", v) for v in MARKDOWN_VALUES]]))
    expect(page.locator(".ns-stats")).to_contain_text("6 articles match")
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0)
    page.wait_for_timeout(500)
    page.screenshot(path=artifacts_dir / "markdown-values.png")
    dom = page.evaluate(LABEL_DOM)
    assert dom["links"] == [] and dom["icons"] == [], "\n".join(map(str, dom.values()))
    for value in MARKDOWN_VALUES:
        assert f"{value} (1)" in dom["shown"], (value, dom["shown"])  # the sidebar's checkbox label
        assert f"Source: {value}" in dom["shown"], (value, dom["shown"])  # the chip above the results
