"""Command line: `python -m search index PATH...` and `python -m search query TEXT`."""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date

from .errors import SearchError
from .query import SORTS, SearchResult, search
from .schema import FACETS
from .store import build_index

_MARK = re.compile(r"</?mark>")


def _plain(fragment: str, bold: bool) -> str:
    """Highlighted HTML as terminal text: marks become bold (or [brackets]), entities decoded."""
    marked = fragment.replace("<mark>", "\033[1m" if bold else "[").replace("</mark>", "\033[0m" if bold else "]")
    return html.unescape(_MARK.sub("", marked))


def _parse_filters(items: Sequence[str]) -> dict[str, list[str]]:
    filters: dict[str, list[str]] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not value.strip():
            raise ValueError(f"--filter expects facet=value, got {item!r}")
        filters.setdefault(name.strip(), []).append(value.strip())
    return filters


def _json_default(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _print_result(res: SearchResult, bold: bool) -> None:
    shown = f"{(res.page - 1) * res.per_page + 1}-{(res.page - 1) * res.per_page + len(res.hits)}" if res.hits else "0"
    print(f"{res.total} articles match ({shown} shown, {res.elapsed_ms:.0f} ms)")
    if res.notice:
        print(f"Note: {res.notice}")
    if res.suggestion:
        print(f"Did you mean: {res.suggestion}")
    for hit in res.hits:
        print()
        print(_plain(hit.title_html, bold))
        print(f"  {hit.source} · {hit.published or 'undated'} · {hit.url or hit.id}")
        if hit.speakers:
            print(f"  speakers: {', '.join(hit.speakers)}")
        if hit.countries:
            print(f"  countries: {', '.join(hit.countries)}")
        print(f"  {_plain(hit.snippet, bold)}")
    for name, values in res.facets.items():
        if values:
            listed = ", ".join(f"{'*' if v.selected else ''}{v.value} ({v.count})" for v in values[:8])
            print(f"\n{FACETS[name].label}: {listed}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit status."""
    parser = argparse.ArgumentParser(prog="python -m search", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    index_cmd = commands.add_parser("index", help="read, enrich and index files and folders")
    index_cmd.add_argument("paths", nargs="+", help="article files or folders (txt, md, json, jsonl, csv)")
    index_cmd.add_argument("--index-dir", help="index folder (default: $SEARCH_INDEX_DIR or a per-user folder)")
    index_cmd.add_argument("--rebuild", action="store_true", help="start from an empty index")
    query_cmd = commands.add_parser("query", help="search the index")
    query_cmd.add_argument("text", nargs="?", default="", help="query in Whoosh syntax; empty browses everything")
    query_cmd.add_argument("--filter", action="append", default=[], metavar="FACET=VALUE",
                           help=f"keep articles with this facet value; facets: {', '.join(FACETS)}")
    query_cmd.add_argument("--index-dir")
    query_cmd.add_argument("--sort", choices=SORTS, default="relevance")
    query_cmd.add_argument("--page", type=int, default=1)
    query_cmd.add_argument("--per-page", type=int, default=10)
    query_cmd.add_argument("--json", action="store_true", help="print the whole result as JSON")
    args = parser.parse_args(argv)
    try:
        if args.command == "index":
            report = build_index(args.paths, args.index_dir, rebuild=args.rebuild)
            print(report.summary())
            for error in report.errors:
                print(f"  error: {error}", file=sys.stderr)
            return 0
        res = search(args.text, _parse_filters(args.filter), page=args.page, per_page=args.per_page,
                     sort=args.sort, index_dir=args.index_dir)
        if args.json:
            print(json.dumps(asdict(res), default=_json_default, ensure_ascii=False, indent=2))
        else:
            _print_result(res, bold=sys.stdout.isatty())
        return 0
    except (SearchError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
