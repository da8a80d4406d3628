"""The reading-speed benchmark of pages and web archives keeps working: a tiny run, its table checked.
The real run (5,000 pages) is in docs/formats.md."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.corpus  # the pages are Reuters-21578 articles from ../shared/corpora

ROOT = Path(__file__).resolve().parent.parent


def test_formats_benchmark_smoke() -> None:
    out = subprocess.run([sys.executable, "benchmarks/bench_formats.py", "--smoke"], capture_output=True,
                         text=True, cwd=ROOT, timeout=600)
    assert out.returncode == 0, out.stderr
    rows = {cells[0]: cells for cells in ([c.strip() for c in line.strip("|").split("|")]
                                          for line in out.stdout.splitlines() if line.startswith("| ")
                                          and not line.startswith(("| input", "|---")))}
    assert set(rows) == {"folder of .html", ".warc.gz"}
    for name, cells in rows.items():
        assert (cells[1], cells[2]) == ("60", "0"), name  # every page read, none failed
        assert float(cells[5].replace(",", "")) > 0
    assert rows[".warc.gz"][3] == "6" and rows["folder of .html"][3] == "0"  # one image per ten pages passed over
