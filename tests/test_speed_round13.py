"""Round 13's indexing speed: the same index, for less CPU.

The indexing process of a parallel build no longer imports the extractors (the workers do); a
worker collects garbage less often once warm; a text's indexed word ids are converted to an
array at once. Each must leave what is indexed exactly as it was.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from search.index import analysis, writers

ROOT = Path(__file__).resolve().parent.parent

ARTICLES = [
    {"id": f"r13-{k}", "title": title, "text": text, "date": "2026-03-0" + str(k + 1)}
    for k, (title, text) in enumerate([
        ("Harbour cranes idle in Lisbon", "Dock workers in Lisbon stopped the cranes on Monday. Union leader "
         "Tomasz Wierzbicki said the strike would go on until wages rose. The port authority declined to comment."),
        ("Vineyard frost in Burgundy", "A late frost hit vineyards across Burgundy, France. Grower Helene Marchetti "
         "said half of her vines were damaged and prices for the vintage would climb."),
        ("Rail link to Kenya opens", "The new rail link between Nairobi and Mombasa opened to freight. Transport "
         "minister Wanjiru Odhiambo told reporters that trade with Uganda would double."),
        ("Chess final drawn", "The chess final in Oslo was drawn after six hours. Organisers said a playoff would "
         "be held on Sunday in Norway's capital."),
        ("Wheat exports rise", "Wheat exports from Argentina rose 12 percent in May, the agriculture ministry "
         "said, as buyers in Egypt and Brazil placed larger orders."),
        ("Lighthouse restored", "Volunteers restored a lighthouse on the coast of Maine. Historian Orla Brennan "
         "said it was built in 1858 and had guided ships for a century."),
    ])
]


def fresh_python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout.strip()


def reference_words(text: str) -> tuple[list[int], int]:
    """`indexed_words` as it was: every token's id chunk by chunk, stop words (-1) left out."""
    ids = [word for chunk in text.split() for word in analysis._chunk_words(chunk)]
    kept = [word for word in ids if word >= 0]
    first = next((k for k, word in enumerate(ids) if word >= 0), 0)
    return kept, first


def test_indexed_words_are_the_ids_of_the_kept_words_in_order():
    for text in ["The ferry to the island left at dawn, and it was late.", "", "   ", "the of and to",
                 "Ünïcode wörds  and\ttabs\nand newlines: 3.14 km/h", "x " * 70 + "quarry"]:
        ids, first = analysis.indexed_words(text)
        expected, expected_first = reference_words(text)
        assert ids.dtype == np.int32 and ids.tolist() == expected and first == expected_first, text
    ids, first = analysis.indexed_words("the of glacier")
    assert [analysis.WORDS[i] for i in ids.tolist()] == ["glacier"] and first == 2


def test_a_worker_collects_garbage_less_often_once_warm():
    code = ("import gc; from search.index import writers; before = gc.get_threshold(); "
            "writers._warm(lambda articles: articles); print(list(before), list(gc.get_threshold()))")
    before, after = fresh_python(code).split("] [")
    assert before.strip("[]") != after.strip("[]")
    assert [int(n) for n in after.strip("[]").split(",")] == list(writers.WORKER_GC_THRESHOLDS)


def test_a_parallel_build_enriches_in_the_workers_only_and_indexes_as_one_process_does(tmp_path: Path):
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), "utf-8")
    code = f"""
import json, sys
from whoosh import index
import search.index.build as build
from search.model import FACETS
build.PARALLEL_MIN_ARTICLES = 2
def facets(folder):
    with index.open_dir(folder).searcher() as searcher:
        return sorted([fields["id"], {{name: fields.get(name) for name in FACETS}}, fields.get("theme_evidence")]
                      for fields in searcher.all_stored_fields())
parallel = build.build_index([{str(source)!r}], {str(tmp_path / "two")!r}, workers=2)
imported = "search.ingest.enrich" in sys.modules
alone = build.build_index([{str(source)!r}], {str(tmp_path / "one")!r}, workers=1)
print(json.dumps([imported, parallel.added, alone.added,
                  facets({str(tmp_path / "two")!r}) == facets({str(tmp_path / "one")!r}),
                  facets({str(tmp_path / "two")!r})]))
"""
    imported, parallel, alone, same, found = json.loads(fresh_python(code))
    assert not imported  # the indexing process read, handed out and committed; the workers enriched
    assert parallel == alone == len(ARTICLES) and same
    assert any(fields.get("country") for _, fields, _ in found)  # enriched indeed: countries were found
