"""Adding articles from the page: check the uploaded files, save them, index them, report per file.

Files are saved under `<index folder's parent>/uploads/<timestamp>/` and indexed one file at a
time with `build_index(..., workers=1)` (no forking inside the Streamlit server), so the report
can say what each file gave: articles added, updated and skipped, and each error with its line.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path

from search import ARTICLE_SUFFIXES, IndexProgress, build_index, file_type
from search.settings import setting

# Every type the readers take, by its whole ending ("warc.gz", "tar.gz": the uploader matches the end of the name).
ALLOWED_TYPES = tuple(sorted(suffix.lstrip(".") for suffix in ARTICLE_SUFFIXES))
MAX_FILES: int = setting("max_upload_files")
MAX_FILE_MB: int = setting("max_upload_mb")
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024
_UNSAFE = re.compile(r"[^\w.\- ]+")


@dataclass(frozen=True)
class Upload:
    """An uploaded file: its name as the browser gave it, and its content."""

    name: str
    data: bytes


def check_uploads(files: Sequence[tuple[str, int]]) -> list[str]:
    """What is wrong with these (name, size) uploads, as messages for people; [] when they can be added."""
    problems = []
    if not files:
        return ["Choose at least one file to add."]
    if len(files) > MAX_FILES:
        problems.append(f"{len(files)} files chosen; at most {MAX_FILES} can be added at once. "
                        f"Add them in several rounds.")
    for name, size in files:
        if not file_type(name):
            problems.append(f"“{name}” is not a supported file type (use {', '.join(ALLOWED_TYPES)}).")
        if size > MAX_FILE_BYTES:
            problems.append(f"“{name}” is {size / 1024 / 1024:,.1f} MB; files can be at most {MAX_FILE_MB} MB.")
        elif size == 0:
            problems.append(f"“{name}” is empty.")
    return problems


def safe_name(name: str, taken: set[str]) -> str:
    """A file name safe to create in the upload folder (no folders, no odd characters, not in `taken`)."""
    base = _UNSAFE.sub("_", Path(name.replace("\\", "/")).name).strip(" .") or "upload"
    suffix = file_type(base) or Path(base).suffix.lower()  # the whole ending: "news.tar.gz" stays a .tar.gz
    stem = base[:len(base) - len(suffix)] or "upload"
    candidate, number = f"{stem}{suffix}", 2
    while candidate.casefold() in taken:
        candidate, number = f"{stem}-{number}{suffix}", number + 1
    taken.add(candidate.casefold())
    return candidate


def upload_folder(uploads: Path, now: datetime | None = None) -> Path:
    """`<uploads>/<timestamp>`, a new folder name for one round of uploads."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    return Path(uploads) / stamp


def save_uploads(uploads: Sequence[Upload], folder: Path) -> list[tuple[str, Path]]:
    """Write the files into `folder` (created); returns (name as uploaded, path written) for each."""
    folder.mkdir(parents=True, exist_ok=False)
    taken: set[str] = set()
    saved = []
    for upload in uploads:
        path = folder / safe_name(upload.name, taken)
        path.write_bytes(upload.data)
        saved.append((upload.name, path))
    return saved


@dataclass
class FileReport:
    """What indexing one uploaded file gave."""

    name: str
    added: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (where in the file, message)
    notes: list[str] = field(default_factory=list)  # what was passed over on purpose (not errors)

    @property
    def ok(self) -> bool:
        return not self.errors


def where_in_file(where: str, path: Path) -> str:
    """"line 3", "record 2", "pages/a.html", "feeds/world.rss, record 2" (an archive's member) or ""
    (the whole file), from a `ReadError.where` about `path`."""
    rest = where[len(str(path)):] if where.startswith(str(path)) else ""
    member, sep, rest = rest.removeprefix("!/").rpartition(":") if ":" in rest else (rest.removeprefix("!/"), "", "")
    if not sep:  # no line: maybe a record number
        m = re.fullmatch(r"(.*?)\[(\d+)\]", member)
        member, rest = (m.group(1), f"record {m.group(2)}") if m else (member, "")
    elif rest.isdigit():
        rest = f"line {rest}"
    else:
        member, rest = f"{member}:{rest}", ""
    return ", ".join(part for part in (member, rest) if part)


def progress_text(progress: IndexProgress) -> str:
    """"Indexed 120 articles · 45 articles/s · about 3 s left"."""
    parts = [f"Indexed {progress.articles:,} article{'' if progress.articles == 1 else 's'}"]
    if progress.rate:
        parts.append(f"{progress.rate:,.0f} articles/s")
    left = progress.eta_s
    if left is not None and progress.bytes_read < progress.bytes_total:
        parts.append(f"about {left:,.0f} s left" if left < 120 else f"about {left / 60:,.0f} min left")
    return " · ".join(parts)


def index_uploads(saved: Sequence[tuple[str, Path]], index_dir: str | Path | None,
                  on_progress: Callable[[IndexProgress], None] | None = None) -> list[FileReport]:
    """Index each saved file into `index_dir` (None: the default index), reporting progress over
    all the files (articles and bytes so far, of every file) after each article."""
    sizes = [path.stat().st_size for _, path in saved]
    total, done_bytes, done_articles = sum(sizes), 0, 0
    started = time.perf_counter()
    reports = []
    for (name, path), size in zip(saved, sizes, strict=True):
        def progress(p: IndexProgress, before_bytes: int = done_bytes, before_articles: int = done_articles) -> None:
            if on_progress:
                on_progress(IndexProgress(before_articles + p.articles, before_bytes + p.bytes_read, total,
                                          time.perf_counter() - started))

        report = build_index([path], index_dir, workers=1, progress=progress)
        reports.append(FileReport(name, report.added, report.updated, report.skipped,
                                  [(where_in_file(e.where, path), e.message) for e in report.errors],
                                  [_note(p.where, p.count, p.what, path) for p in report.passed_over]))
        done_bytes += size
        done_articles += report.added + report.updated + report.skipped
        if on_progress:
            on_progress(IndexProgress(done_articles, done_bytes, total, time.perf_counter() - started))
    return reports


def _note(where: str, count: int, what: str, path: Path) -> str:
    inside = where_in_file(where, path)
    return f"{inside + ': ' if inside else ''}passed over {count:,} {what}"


def report_summary(reports: Sequence[FileReport]) -> str:
    """"Added 3 articles from 2 files (1 updated, 0 already indexed); 1 file has problems (see below). …"."""
    added = sum(r.added for r in reports)
    updated = sum(r.updated for r in reports)
    skipped = sum(r.skipped for r in reports)
    bad = sum(1 for r in reports if not r.ok)
    text = (f"Added {added:,} article{'' if added == 1 else 's'} "
            f"from {len(reports)} file{'' if len(reports) == 1 else 's'}"
            f" ({updated:,} updated, {skipped:,} already indexed)")
    if bad:
        text += f"; {bad} file{' has' if bad == 1 else 's have'} problems (see below)"
    return text + (". The new articles are searchable now." if added + updated else ".")


def report_html(reports: Sequence[FileReport]) -> str:
    """The per-file report as a table (every name and message escaped)."""
    rows = []
    for r in reports:
        status = '<span class="ns-report-ok">✓</span>' if r.ok else '<span class="ns-report-bad">✗</span>'
        problems = "".join(f"<li><strong>{escape(where or 'whole file')}</strong>: {escape(message)}</li>"
                           for where, message in r.errors)
        notes = "".join(f"<li>{escape(note)}</li>" for note in r.notes)
        cell = (f"<ul class=ns-problems>{problems}</ul>" if problems else "") + (
            f"<ul class=ns-notes>{notes}</ul>" if notes else "")
        rows.append(f'<tr class="{"ns-file-ok" if r.ok else "ns-file-bad"}"><td>{status} {escape(r.name)}</td>'
                    f"<td>{r.added:,}</td><td>{r.updated:,}</td><td>{r.skipped:,}</td>"
                    f"<td>{cell or '—'}</td></tr>")
    return ('<table class="ns-report"><thead><tr><th>File</th><th>Added</th><th>Updated</th>'
            '<th>Already indexed</th><th>Problems and notes</th></tr></thead><tbody>'
            + "".join(rows) + "</tbody></table>")
