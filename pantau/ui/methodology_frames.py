"""Tables and the chart of the methodology page, from pantau/data_health.py results (no Streamlit here).

Values are put in the user's language (dates, months, extract names, reasons); headers come from
the methodology.col.* labels.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from pantau import data_health
from pantau.i18n import fmt_date, fmt_datetime, fmt_month, plotly_separators, t

# One colour per reason family, so a new column's reasons still read as the same kind of fault.
REASON_COLORS = {
    "missing": "#E4572E",
    "invalid": "#F3A712",
    "unknown": "#3D3B8E",
    "out_of_range": "#1F6F8B",
    "duplicate_id": "#9E9E9E",
}
OTHER_COLOR = "#6C757D"
# With this few runs on the axis, bars are kept narrow rather than filling the chart.
FEW_RUNS = 3


def headers(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return frame.rename(columns={c: t(f"methodology.col.{c}", lang) for c in frame.columns})


def extract_name(kind: str, lang: str) -> str:
    return t(f"extract.{kind}", lang)


def published(created_at: str, lang: str) -> str:
    """A manifest's created_at the user's way; written as is when it is not ISO."""
    try:
        return fmt_datetime(dt.datetime.fromisoformat(created_at), lang)
    except ValueError:
        return created_at


def reason_label(reason: str, lang: str) -> str:
    """'registered_on kosong' for missing_registered_on; an unknown reason is shown as its code."""
    family, column = data_health.reason_parts(reason)
    if column is not None:
        return t(f"methodology.reason.{family}", lang, column=column)
    if reason == "duplicate_id":
        return t("methodology.reason.duplicate_id", lang)
    return reason


def reason_color(reason: str) -> str:
    return REASON_COLORS.get(data_health.reason_parts(reason)[0], OTHER_COLOR)


def gaps(items: list[data_health.Gap], lang: str) -> pd.DataFrame:
    frame = pd.DataFrame(
        [{"extract": extract_name(g.kind, lang), "first_month": fmt_month(g.first_month, lang),
          "last_month": fmt_month(g.last_month, lang), "months": g.months} for g in items],
        columns=["extract", "first_month", "last_month", "months"],
    )
    return headers(frame, lang)


def outages(items: list[data_health.Outage], lang: str) -> pd.DataFrame:
    frame = pd.DataFrame(
        [{"checkpoint": o.checkpoint_name, "checkpoint_code": o.checkpoint_code, "month": fmt_month(o.month, lang),
          "typical": o.typical} for o in items],
        columns=["checkpoint", "checkpoint_code", "month", "typical"],
    )
    return headers(frame, lang)


def runs(summary: pd.DataFrame, current: str, lang: str) -> pd.DataFrame:
    """One row per ingest run, newest first; the version in use is marked."""
    frame = summary.iloc[::-1].copy()
    frame["created_at"] = [published(c, lang) for c in frame["created_at"]]
    frame["version"] = [v + (" " + t("methodology.quarantine.current", lang) if v == current else "")
                        for v in frame["version"]]
    frame["demo"] = [t("methodology.yes" if d else "methodology.no", lang) for d in frame["demo"]]
    frame = frame.rename(columns={"created_at": "published"})
    return headers(frame[["published", "version", "demo", "files", "rows_read", "rows_published",
                          "rows_quarantined"]], lang)


def quarantine_table(by_reason: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Quarantined rows per run, extract and reason, newest run first."""
    frame = pd.DataFrame({
        "published": [published(c, lang) for c in by_reason["created_at"]],
        "version": by_reason["version"],
        "extract": [extract_name(k, lang) if k in data_health.KINDS else k for k in by_reason["kind"]],
        "reason": [reason_label(r, lang) for r in by_reason["reason"]],
        "reason_code": by_reason["reason"],
        "rows": by_reason["rows"],
    })
    return headers(frame.iloc[::-1].reset_index(drop=True), lang)


def quarantine_chart(by_reason: pd.DataFrame, history: list[data_health.Run], lang: str) -> go.Figure:
    """Stacked bars: quarantined rows per run (every run on the axis, oldest first), one colour per reason."""
    order = [r.version for r in history]
    ticks = [published(r.created_at, lang) for r in history]
    fig = go.Figure()
    for reason, group in by_reason.groupby("reason", sort=True):
        per_run = group.groupby("version")["rows"].sum()
        name = reason_label(str(reason), lang)
        fig.add_bar(
            x=order, y=[int(per_run.get(v, 0)) for v in order], name=name, marker_color=reason_color(str(reason)),
            hovertemplate=f"{name}: %{{y:,}}<extra></extra>",
        )
    fig.update_xaxes(type="category", tickvals=order, ticktext=ticks, title=t("methodology.quarantine.axis.run", lang))
    fig.update_yaxes(title=t("methodology.quarantine.axis.rows", lang), rangemode="tozero")
    if by_reason.empty or by_reason.groupby("version")["rows"].sum().max() <= 6:
        fig.update_yaxes(dtick=1, tick0=0)
    fig.update_layout(
        barmode="stack", showlegend=True, bargap=0.2 if len(order) > FEW_RUNS else 0.6,
        separators=plotly_separators(lang), height=380,
        title={"text": t("methodology.quarantine.chart", lang), "x": 0, "xanchor": "left"},
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0, "traceorder": "normal"},
    )
    return fig


def day_or(day: dt.date | None, lang: str, missing_key: str = "methodology.freshness.none") -> str:
    return fmt_date(day, lang) if day else t(missing_key, lang)
