"""The benchmark scripts keep working: tiny runs of both, with their tables checked.

The real runs (20k and 100k articles) are in docs/benchmarks.md; these only make sure the
scripts run end to end and print a well-formed table with plausible numbers.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.corpus  # both scripts read ../shared/corpora

ROOT = Path(__file__).resolve().parent.parent


def run_script(*args: str, timeout: int = 600) -> str:
    out = subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, timeout=timeout)
    assert out.returncode == 0, out.stderr
    return out.stdout


def table_rows(text: str, first_cell: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip("|").split("|")] for line in text.splitlines()
            if line.startswith(f"| {first_cell}")]


def test_search_benchmark_smoke(tmp_path):
    out = run_script("benchmarks/bench_search.py", "--smoke", "--systems", "ours", "sqlite",
                     "--workdir", str(tmp_path))
    rows = {row[1]: row for row in table_rows(out, "300 ")}
    assert set(rows) == {"ours", "sqlite"}
    for row in rows.values():
        p50, p95, largest = (float(row[i]) for i in (8, 9, 10))
        assert 0 < p50 <= p95 <= largest
        assert float(row[7]) > 0  # fresh process + first query, seconds
    assert float(rows["sqlite"][12]) == 1.0  # SQLite is the ratio's reference
    assert float(rows["ours"][2].replace(",", "")) > 0  # indexing with enrichment ran and was timed


def section(text: str, heading: str, stop: str = "\n#") -> str:
    """The lines of `text` from `heading` up to the next heading (or up to `stop`)."""
    start = text.index(heading)
    end = text.find(stop, start + len(heading))
    return text[start:end if end >= 0 else len(text)]


def test_facet_evaluation_smoke():
    out = run_script("benchmarks/eval_facets.py", "--limit", "300")
    corpora = ("Wikinews", "UN General Debate", "Kremlin/Zelenskyy")
    for name in (*corpora, "overall"):  # one table per corpus of the TEST part, and one over all
        part = section(out, f"### {name}: ")
        assert int(re.search(r": (\d+) articles", part)[1]) > 0
        f1 = {row[0]: float(row[3]) for row in table_rows(part, "")
              if len(row) == 4 and re.fullmatch(r"[0-9.]+", row[3])}
        assert {"speakers", "people", "countries", "organisations", "themes", "source", "date"} <= set(f1), name
        assert all(0.0 <= v <= 1.0 for v in f1.values())
    dates = {row[0]: [int(c) for c in row[1:]] for row in table_rows(section(out, "| dates |"), "")
             if len(row) == 8 and row[1].isdigit()}
    assert set(dates) == {*corpora, "overall"}
    for articles, *counts in dates.values():  # right/wrong/none, as read and with the date left out
        assert articles == sum(counts[:3]) == sum(counts[3:])
    top = section(out, "## Top people and speakers", stop="\n## ")
    for name in (*corpora, "Reuters-21578"):  # every whole corpus lists its top values with junk and duplicates
        assert f"#### {name}: " in top
        assert re.search(rf"\| {re.escape(name)} \| [\d,]+ \| \d+ of \d+ \| \d+ \| \d+ \|", out)
    assert re.search(r"enrichment throughput, one core \| [\d,]+ articles/s", out)
