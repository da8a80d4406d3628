"""Command line: index, query, export, similar, values, cooccur, stats, check, optimize, settings and
cluster (`python -m search -h`)."""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from typing import Any

from tqdm import tqdm

from search import (
    EXPORT_FORMATS,
    FACET_ORDERS,
    FACETS,
    SORTS,
    Hit,
    IndexCorruptError,
    IndexProgress,
    OptimizeProgress,
    SearchError,
    SearchResult,
    build_index,
    check_index,
    cooccurrence,
    delete_articles,
    export,
    facet_values,
    index_stats,
    optimize,
    search,
    similar,
    use_index_facets,
)
from search.settings import lookup, markdown_table, setting, text_table

_MARK = re.compile(r"</?mark>")
# What a terminal would act on rather than show: ESC sequences (CSI such as clear screen, OSC
# such as window titles and OSC 8 links, with their text up to BEL or ST; other two-character
# escapes), then any other C0 control but newline and tab, DEL and the C1 controls.
_TERMINAL_CONTROL = re.compile(r"\x1b(?:\][^\x07\x1b]*(?:\x07|\x1b\\)?|\[[0-?]*[ -/]*[@-~]?|[ -/]*[0-~]?)"
                               r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]")
FACET_SHOWN: int = setting("facet_shown")  # values listed per facet in the text output


def _clean(text: object) -> str:
    """Text from the index as a terminal shows it literally: control characters and escape
    sequences (which could clear the screen, retitle the window or hide a link) removed."""
    return _TERMINAL_CONTROL.sub("", str(text))


def _plain(fragment: str, bold: bool) -> str:
    """Highlighted HTML as terminal text: marks become bold (or [brackets]), entities decoded,
    control characters removed (before our own bold codes go in)."""
    start, end = ("\033[1m", "\033[0m") if bold else ("[", "]")
    pieces = re.split(r"(</?mark>)", fragment)
    return "".join(start if p == "<mark>" else end if p == "</mark>" else _clean(html.unescape(p)) for p in pieces)


def _facet_pairs(items: Sequence[str], option: str) -> dict[str, list[str]]:
    pairs: dict[str, list[str]] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not value.strip():
            raise ValueError(f"{option} expects facet=value, got {item!r}")
        pairs.setdefault(name.strip(), []).append(value.strip())
    return pairs


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _selection(args: argparse.Namespace) -> dict[str, Any]:
    """The filter arguments shared by query, export, values, cooccur and similar."""
    return {
        "filters": _facet_pairs(args.filter, "--filter"),
        "exclude": _facet_pairs(args.exclude, "--exclude"),
        "match_mode": {name: "all" for name in args.all},
        "date_from": args.date_from,
        "date_to": args.date_to,
    }


def _json_default(value: object) -> Any:
    """JSON for what `json` cannot write itself: dates, hits (each facet under its attribute
    name: "source", "speakers", …) and the other result records (field by field)."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Hit):
        return value.as_dict()
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in fields(value)}
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _print_json(value: object) -> None:
    print(json.dumps(value, default=_json_default, ensure_ascii=False, indent=2))


def _print_hit(hit: Hit, bold: bool) -> None:
    print()
    print(_plain(hit.title_html, bold))
    print(_clean(f"  {hit.source} · {hit.published or 'undated'} · {hit.url or hit.id}"))
    for facet in FACETS.values():
        values = hit.facets.get(facet.name)
        if facet.on_hits and values:
            print(_clean(f"  {facet.attr}: {', '.join(values)}"))
    print(f"  {_plain(hit.snippet, bold)}")
    if hit.duplicates.count:
        print(_clean(f"  + {hit.duplicates.count} versions ({', '.join(hit.duplicates.sources) or 'no source'})"))


def _print_result(res: SearchResult, bold: bool) -> None:
    first = (res.page - 1) * res.per_page + 1
    shown = f"{first}-{first + len(res.hits) - 1}" if res.hits else "none"
    matched = f"{res.total} articles" if res.total == res.total_articles or not res.collapsed else \
        f"{res.total} stories ({res.total_articles} articles)"
    print(f"{matched} match ({shown} shown, page {res.page} of {res.pages}, {res.elapsed_ms:.0f} ms)")
    if res.notice:
        print(_clean(f"Note: {res.notice}"))
    if res.suggestion:
        print(_clean(f"Did you mean: {res.suggestion}"))
    for hit in res.hits:
        _print_hit(hit, bold)
    for name, values in res.facets.items():
        if values:
            listed = ", ".join(f"{'-' if v.excluded else '*' if v.selected else ''}{v.value} ({v.count})"
                               for v in values[:FACET_SHOWN])
            more = res.facet_totals.get(name, 0) - min(len(values), FACET_SHOWN)
            print(f"\n{FACETS[name].label}: {_clean(listed)}" + (f" … and {more} more" if more > 0 else ""))
    if res.dates.years:
        print("\nYears: " + ", ".join(f"{v.value} ({v.count})" for v in res.dates.years))


def _knob(cmd: argparse.ArgumentParser, flag: str, name: str, **options: Any) -> None:
    """An integer option whose default and help come from setting `name` (search/settings.py)."""
    knob = lookup(name)
    cmd.add_argument(flag, type=int, default=knob.default, help=knob.help_with_default, **options)


def _workers(chosen: int | None) -> int:
    """`--workers`, or one per CPU core when not given (the `workers` setting is "auto")."""
    return chosen if chosen is not None else os.cpu_count() or 1


class ProgressBar:
    """A tqdm bar on stderr over the input bytes, showing articles, articles/s and the time left."""

    def __init__(self, disable: bool | None) -> None:  # None: shown only on a terminal
        self._bar = tqdm(total=0, unit="B", unit_scale=True, desc="indexing", disable=disable, file=sys.stderr,
                         bar_format="{desc}: {percentage:3.0f}%|{bar}| {postfix} [{elapsed}<{remaining}]")

    def update(self, state: IndexProgress) -> None:
        """Move the bar to `state` (called by `build_index` after each article)."""
        self._bar.total = state.bytes_total
        self._bar.n = state.bytes_read
        self._bar.set_postfix_str(f"{state.articles:,} articles, {state.rate:,.0f}/s", refresh=False)
        self._bar.refresh() if state.articles % 50 == 0 else None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.close()


def _index_option() -> argparse.ArgumentParser:
    index_option = argparse.ArgumentParser(add_help=False)
    index_option.add_argument("--index-dir", help="index folder (default: $SEARCH_INDEX_DIR or a per-user folder)")
    return index_option


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m search", description=__doc__)
    index_option = _index_option()
    narrowing = argparse.ArgumentParser(add_help=False)
    narrowing.add_argument("--filter", action="append", default=[], metavar="FACET=VALUE",
                        help=f"keep articles with this value (repeatable); facets: {', '.join(FACETS)}")
    narrowing.add_argument("--exclude", action="append", default=[], metavar="FACET=VALUE",
                        help="drop articles with this value (repeatable)")
    narrowing.add_argument("--all", action="append", default=[], metavar="FACET",
                        help="articles must have every selected value of FACET (default: any)")
    narrowing.add_argument("--from", dest="date_from", type=_day, metavar="YYYY-MM-DD", help="published on or after")
    narrowing.add_argument("--to", dest="date_to", type=_day, metavar="YYYY-MM-DD", help="published on or before")
    chosen = argparse.ArgumentParser(add_help=False, parents=[narrowing])
    chosen.add_argument("text", nargs="?", default="", help="query in Whoosh syntax; empty matches everything")
    collapsing = argparse.ArgumentParser(add_help=False)
    collapsing.add_argument("--no-collapse", action="store_true",
                            help="count and list near-duplicate copies one by one (default: one story once)")
    commands = parser.add_subparsers(dest="command", required=True)

    cmd = commands.add_parser("index", parents=[index_option], help="read, enrich and index files and folders")
    cmd.add_argument("paths", nargs="+", help="article files or folders (txt, json, jsonl, csv)")
    cmd.add_argument("--rebuild", action="store_true", help="replace the whole index (in one commit at the end)")
    cmd.add_argument("--prune", action="store_true", help="delete articles whose files or records are gone")
    _knob(cmd, "--workers", "workers")
    _knob(cmd, "--commit-every", "commit_every", metavar="N")
    cmd.add_argument("--quiet", action="store_true", help="no progress bar")
    cmd.add_argument("--facet", dest="facets", action="append", default=[], metavar="FIELD",
                     help="make a metadata field (a JSON/CSV column, a page's section, a feed's tags) a facet; "
                          "repeatable; kept for later builds (see `stats` for suggestions)")
    cmd.add_argument("--facet-separator", default="", metavar="SEP",
                     help="split the values of the --facet fields at SEP (a CSV cell \"war; trade\": ';')")

    cmd = commands.add_parser("delete", parents=[index_option], help="delete articles by id")
    cmd.add_argument("ids", nargs="+")

    cmd = commands.add_parser("query", parents=[chosen, collapsing, index_option], help="search the index")
    cmd.add_argument("--sort", choices=SORTS, default="relevance")
    cmd.add_argument("--page", type=int, default=1)
    _knob(cmd, "--per-page", "page_size")
    _knob(cmd, "--facet-limit", "facet_limit")
    cmd.add_argument("--facet-order", choices=FACET_ORDERS, default="count", help="facet values by count or name")
    cmd.add_argument("--json", action="store_true", help="print the whole result as JSON")

    cmd = commands.add_parser("export", parents=[chosen, index_option], help="write all matches to stdout")
    cmd.add_argument("--format", choices=EXPORT_FORMATS, default="csv")
    cmd.add_argument("--sort", choices=SORTS, default="newest")
    cmd.add_argument("--skip-copies", action="store_true",
                     help="write only the first article of each story of near-duplicates (default: every match)")

    cmd = commands.add_parser("values", parents=[chosen, collapsing, index_option],
                              help="find values of a facet by substring")
    cmd.add_argument("--facet", required=True, choices=list(FACETS))
    cmd.add_argument("--contains", default="", help="substring to look for (case-insensitive)")
    _knob(cmd, "--limit", "value_search_limit")

    cmd = commands.add_parser("cooccur", parents=[chosen, collapsing, index_option],
                              help="pairs of values across two facets")
    cmd.add_argument("--rows", required=True, choices=list(FACETS))
    cmd.add_argument("--columns", required=True, choices=list(FACETS))
    _knob(cmd, "--top", "cooccurrence_top")

    cmd = commands.add_parser("similar", parents=[narrowing, collapsing, index_option],
                              help="articles like the one with this id")
    cmd.add_argument("id")
    _knob(cmd, "-n", "similar_articles")

    commands.add_parser("stats", parents=[index_option], help="summary of the index")

    cmd = commands.add_parser("check", parents=[index_option],
                              help="check every index file against its record; say which articles damage affects")
    cmd.add_argument("--repair", action="store_true",
                     help="rebuild damaged derived files, drop unreadable segments (their articles are listed)")
    cmd = commands.add_parser("optimize", parents=[index_option],
                              help="merge the index into one segment, reclaiming deleted articles' space")
    cmd.add_argument("--quiet", action="store_true", help="no progress bar")

    cmd = commands.add_parser("settings", help="list the settings: name, default and what each sets")
    cmd.add_argument("--markdown", action="store_true", help="as a Markdown table (the one in README.md)")
    _cluster_parser(commands.add_parser("cluster", help="run a local Sphinx cluster: start, status, stop"))
    return parser


def _cluster_parser(cmd: argparse.ArgumentParser) -> None:
    """`cluster start|status|stop --dir DIR`: local searchd processes (docs/scale-out.md)."""
    actions = cmd.add_subparsers(dest="action", required=True)
    start = actions.add_parser("start", help="write the configs, start one searchd per shard, print the cluster URL")
    start.add_argument("--shards", type=int, default=2, help="shards, one searchd each (default: 2)")
    start.add_argument("--port", type=int, help="SphinxQL port of shard 0; shard k uses PORT+2k and PORT+2k+1 "
                                                "(default: the first free ones from 9306)")
    start.add_argument("--name", default="news", help="name of the distributed index, the URL's last part")
    actions.add_parser("status", help="each shard: running, its process, its articles")
    actions.add_parser("stop", help="stop the searchd processes (their data stays)")
    for action in actions.choices.values():
        action.add_argument("--dir", required=True, help="the cluster's folder (configs, data, logs)")


def _cluster(args: argparse.Namespace) -> None:
    from search.cluster import process  # imported here: only the cluster commands need it

    if args.action == "start":
        started = process.start(args.dir, shards=args.shards, port=args.port, name=args.name)
        print(started.url)
        print(f"search it with --index-dir {started.url} (or SEARCH_INDEX_DIR={started.url}); "
              f"stop it with: python -m search cluster stop --dir {args.dir}", file=sys.stderr)
    elif args.action == "status":
        states = process.status(args.dir)
        for state in states:
            print(state.describe())
        if not all(state.answering for state in states):
            raise process.ClusterProcessError(f"{sum(not s.answering for s in states)} of {len(states)} shards "
                                              f"are not answering")
    else:
        print(f"stopped {process.stop(args.dir)} searchd processes")


def _maintain(args: argparse.Namespace) -> None:
    """`check` (an error status when damage remains) and `optimize` (a progress bar on stderr)."""
    if args.command == "check":
        report = check_index(args.index_dir, repair=args.repair)
        print("\n".join(report.lines()))
        if not report.ok:
            raise IndexCorruptError(f"the index at {report.index_dir} is damaged")
        return
    with tqdm(total=0, unit="segment", desc="merging", disable=True if args.quiet else None, file=sys.stderr) as bar:
        def show(state: OptimizeProgress) -> None:
            bar.set_description("merging" if state.step == "merging" else "rebuilding search arrays")
            bar.total, bar.n = state.total, state.done
            bar.refresh()

        done = optimize(args.index_dir, progress=show)
    print(f"{done.segments_before} segments → {done.segments_after}; "
          f"{done.bytes_before / 1e6:.1f} MB → {done.bytes_after / 1e6:.1f} MB")


def _run(args: argparse.Namespace) -> None:
    bold = sys.stdout.isatty()
    if args.command in ("check", "optimize"):
        _maintain(args)
    elif args.command == "index":
        with ProgressBar(disable=True if args.quiet else None) as bar:
            report = build_index(args.paths, args.index_dir, rebuild=args.rebuild, prune=args.prune,
                                 workers=_workers(args.workers), commit_every=args.commit_every, progress=bar.update,
                                 facets=args.facets, facet_separator=args.facet_separator)
        print(report.summary())
        for error in report.errors:
            print(f"  error: {error}", file=sys.stderr)
    elif args.command == "delete":
        print(f"deleted {delete_articles(args.ids, args.index_dir)} of {len(args.ids)}")
    elif args.command == "query":
        res = search(args.text, page=args.page, per_page=args.per_page, sort=args.sort, index_dir=args.index_dir,
                     facet_limit=args.facet_limit, facet_order=args.facet_order, collapse=not args.no_collapse,
                     **_selection(args))
        _print_json(res) if args.json else _print_result(res, bold)
    elif args.command == "export":
        for chunk in export(args.text, format=args.format, sort=args.sort, index_dir=args.index_dir,
                            collapse=args.skip_copies, **_selection(args)):
            sys.stdout.write(chunk)
    elif args.command == "values":
        values, total = facet_values(args.facet, args.contains, args.text, limit=args.limit,
                                     collapse=not args.no_collapse, index_dir=args.index_dir, **_selection(args))
        for v in values:
            print(f"{v.count:>6}  {_clean(v.value)}")
        print(f"({total} matching values)")
    elif args.command == "cooccur":
        grid = cooccurrence(args.rows, args.columns, args.text, top=args.top, collapse=not args.no_collapse,
                            index_dir=args.index_dir, **_selection(args))
        for row, column, count in grid.pairs(args.top):
            print(f"{count:>6}  {_clean(row)} × {_clean(column)}")
    elif args.command == "similar":
        for hit in similar(args.id, args.n, collapse=not args.no_collapse, index_dir=args.index_dir,
                           **_selection(args)):
            _print_hit(hit, bold)
    elif args.command == "settings":
        print(markdown_table() if args.markdown else text_table())
    elif args.command == "cluster":
        _cluster(args)
    else:
        stats = index_stats(args.index_dir)
        span = f"{stats.first_published} to {stats.last_published}" if stats.first_published else "no dates"
        stories = f" ({stats.stories} stories)" if stats.stories != stats.articles else ""
        print(f"{stats.articles} articles{stories} from {stats.sources} sources, {span}; "
              f"last update {stats.last_update:%Y-%m-%d %H:%M}; {stats.size_bytes / 1e6:.1f} MB on disk")
        for suggestion in stats.suggested_facets:
            print(f"suggested facet: {_clean(suggestion.field)} (in {suggestion.coverage:.0%} of articles, "
                  f"{suggestion.distinct} values, e.g. {_clean(', '.join(suggestion.examples))}; "
                  f"add it with `index … --rebuild --facet {_clean(suggestion.field)}`)")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit status (2 for a usage or index error)."""
    known, _ = _index_option().parse_known_args(argv)
    try:
        use_index_facets(known.index_dir)  # the index's metadata facets are choices of --filter, --facet, …
    except SearchError:
        pass  # reported when the command opens the index
    args = _parser().parse_args(argv)
    try:
        _run(args)
        return 0
    except (SearchError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `python -m search export | head`
        return 0
