"""The Add articles tab: choose files, add them to the index, and see what each file gave.

Checking, saving and indexing the files is `search.app.upload`'s work; this module draws the
uploader, the progress bar and the per-file report. The report of the last round stays in the
session (it is the outcome of an action, not a view the URL could bring back).
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from search import IndexProgress, index_location, index_stats, uploads_folder  # the public API only
from search.app import ui
from search.app import upload as ui_upload
from search.app.views.core import friendly_error

ROUND_KEY, REPORT_KEY = "upload_round", "upload_report"


def add_articles_tab() -> None:
    """The uploader, its checks, the "Add to the index" button and the last round's report."""
    st.markdown("##### Add articles to the index")
    st.caption(f"Saved web pages (.html), news feeds (RSS, Atom, JSON Feed), web archives (.warc, .warc.gz), "
               f"plain text (.txt: the first line is the title), CSV with a text column, JSON or JSON Lines "
               f"(one article per line), or a .zip / .tar.gz of any of these. Up to {ui_upload.MAX_FILES} files "
               f"of at most {ui_upload.MAX_FILE_MB} MB each. Articles already in the index are updated, never "
               f"added twice.")
    upload_round = st.session_state.setdefault(ROUND_KEY, 0)
    files = st.file_uploader("Files to add", type=list(ui_upload.ALLOWED_TYPES), accept_multiple_files=True,
                             key=f"uploads:{upload_round}", max_upload_size=ui_upload.MAX_FILE_MB)
    problems = ui_upload.check_uploads([(f.name, f.size) for f in files]) if files else []
    for problem in problems:
        st.error(ui.md_escape(problem), icon=":material/error:")
    if st.button("Add to the index", type="primary", key="add_submit", disabled=not files or bool(problems),
                 icon=":material/upload:"):
        _index_uploaded(files)
    report = st.session_state.get(REPORT_KEY)
    if report:
        _upload_report(report)


def _index_uploaded(files: list[UploadedFile]) -> None:
    bar = st.progress(0.0, text="Saving the files…")

    def show_progress(progress: IndexProgress) -> None:
        bar.progress(progress.fraction, text=ui_upload.progress_text(progress))

    try:
        index_dir = index_location()  # a folder or a cluster URL
        index_stats()  # makes sure the index exists (built from the samples on first use)
        folder = ui_upload.upload_folder(uploads_folder())
        saved = ui_upload.save_uploads([ui_upload.Upload(f.name, f.getvalue()) for f in files], folder)
        reports = ui_upload.index_uploads(saved, index_dir, show_progress)
    except Exception as exc:
        bar.empty()
        friendly_error(exc, "The files could not be added.")
        return
    bar.empty()
    st.session_state[REPORT_KEY] = reports
    st.session_state[ROUND_KEY] += 1  # a new, empty uploader: the same files are not added twice by mistake
    st.rerun()


def _upload_report(reports: list[ui_upload.FileReport]) -> None:
    bad = any(not r.ok for r in reports)
    (st.warning if bad else st.success)(ui.md_escape(ui_upload.report_summary(reports)),
                                        icon=":material/warning:" if bad else ":material/check_circle:")
    st.html(ui_upload.report_html(reports))
