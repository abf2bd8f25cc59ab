"""The validation report of an upload: counts per file, quarantine reasons, changes, the quarantine itself.

The same report is shown after "Check" and after "Publish"; only its heading, the "would publish" /
"published" wording and the download file names differ.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pantau import upload
from pantau.i18n import fmt_int, keys, t
from pantau.ingest import IngestReport
from pantau.ui import audit_events
from pantau.ui.banners import code_span

# Reason codes are <prefix>_<column> (pantau/validate.py); a whole code may have its own label.
REASON_PREFIXES = ("missing", "invalid", "unknown", "out_of_range", "ambiguous")
CHANGE_COLUMNS = ("new", "updated", "unchanged")


def _label(key: str, lang: str, **values: object) -> str | None:
    return t(key, lang, **values) if key in keys() else None


def reason_text(code: str, lang: str) -> str:
    """A quarantine reason in words; the raw code when it is not one we know."""
    whole = _label(f"upload.reason.{code}", lang)
    if whole:
        return whole
    for prefix in REASON_PREFIXES:
        if code.startswith(prefix + "_"):
            return t(f"upload.reason.{prefix}", lang, column=code[len(prefix) + 1:])
    return code


def warning_text(code: str, lang: str) -> str:
    return _label(f"upload.warning.{code}", lang) or code


def kind_text(kind: str, lang: str) -> str:
    return _label(f"upload.kind.{kind}", lang) or kind


def file_reason_text(code: str, lang: str) -> str:
    """Why a file could not be read at all (readers.ReadError codes); the raw code otherwise."""
    return _label(f"upload.file_reason.{code}", lang) or code


def files_frame(report: IngestReport, lang: str, published: bool) -> pd.DataFrame:
    """One row per file: rows read, published (or would be), quarantined."""
    would = t("upload.metric.published" if published else "upload.metric.would_publish", lang)
    return pd.DataFrame({
        t("upload.col.file", lang): [f.file for f in report.files],
        t("upload.col.kind", lang): [kind_text(f.kind, lang) for f in report.files],
        t("upload.metric.read", lang): [fmt_int(f.rows_read, lang) for f in report.files],
        would: [fmt_int(f.rows_published, lang) for f in report.files],
        t("upload.metric.quarantined", lang): [fmt_int(f.rows_quarantined, lang) for f in report.files],
    })


def counts_frame(counts: dict[str, int], label: str, text, lang: str) -> pd.DataFrame:
    """Reasons or warnings with their counts, most frequent first, the code beside its words."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return pd.DataFrame({
        label: [text(code, lang) for code, _ in ordered],
        t("upload.col.code", lang): [code for code, _ in ordered],
        t("upload.col.rows", lang): [fmt_int(n, lang) for _, n in ordered],
    })


def changes_frame(report: IngestReport, lang: str) -> pd.DataFrame:
    """New / updated / unchanged records per kind, for the kinds this upload touches."""
    touched = {kind: change for kind, change in report.changes.items() if any(change.values())}
    frame = pd.DataFrame({t("upload.col.kind", lang): [kind_text(kind, lang) for kind in touched]})
    for column in CHANGE_COLUMNS:
        frame[t(f"upload.col.{column}", lang)] = [fmt_int(change[column], lang) for change in touched.values()]
    return frame


def quarantined_rows(report: IngestReport, kind: str) -> int:
    return sum(f.rows_quarantined for f in report.files if f.kind == kind)


def _totals(report: IngestReport, lang: str, published: bool) -> None:
    read = sum(f.rows_read for f in report.files)
    kept = sum(f.rows_published for f in report.files)
    columns = st.columns(3)
    columns[0].metric(t("upload.metric.read", lang), fmt_int(read, lang))
    columns[1].metric(t("upload.metric.published" if published else "upload.metric.would_publish", lang),
                      fmt_int(kept, lang))
    columns[2].metric(t("upload.metric.quarantined", lang), fmt_int(report.rows_quarantined, lang))


def _file_details(report: IngestReport, lang: str) -> None:
    for f in report.files:
        name = code_span(f.file)
        if f.reasons:
            st.markdown("**" + t("upload.reasons.header", lang, file=name) + "**")
            st.table(counts_frame(f.reasons, t("upload.col.reason", lang), reason_text, lang), hide_index=True)
        if f.warnings:
            st.markdown("**" + t("upload.warnings.header", lang, file=name) + "**")
            st.table(counts_frame(f.warnings, t("upload.col.warning", lang), warning_text, lang), hide_index=True)
        if f.dropped_columns:
            st.caption(t("upload.dropped", lang, file=name, columns=", ".join(code_span(c) for c in f.dropped_columns)))


def _changes(report: IngestReport, lang: str) -> None:
    st.subheader(t("upload.changes.header", lang))
    frame = changes_frame(report, lang)
    if frame.empty:
        st.caption(t("upload.changes.none", lang))
    else:
        st.table(frame, hide_index=True)


def _quarantine(outcome: upload.Outcome, lang: str, stem: str) -> None:
    for kind, content in outcome.quarantine.items():
        rows = quarantined_rows(outcome.report, kind)
        st.subheader(t("upload.quarantine.header", lang, kind=kind_text(kind, lang)))
        st.caption(t("upload.quarantine.caption", lang, rows=fmt_int(rows, lang), shown=upload.PREVIEW_ROWS))
        st.dataframe(upload.preview(content), hide_index=True)
        st.download_button(
            t("upload.quarantine.download", lang),
            audit_events.deferred(lambda content=content: content, "download", what=f"quarantine_{kind}", format="csv"),
            file_name=f"pantau-pmi_quarantine_{kind}_{stem}.csv",
            mime="text/csv", key=f"_upload_quarantine_{stem}_{kind}", on_click="ignore", icon=":material/download:",
        )


def show(outcome: upload.Outcome, lang: str, published: bool, stem: str) -> None:
    """The whole report; `stem` tells the check's downloads from the publish's (a version id)."""
    report = outcome.report
    st.subheader(t("upload.report.publish" if published else "upload.report.check", lang))
    _totals(report, lang, published)
    st.table(files_frame(report, lang, published), hide_index=True)
    _file_details(report, lang)
    _changes(report, lang)
    _quarantine(outcome, lang, stem)
