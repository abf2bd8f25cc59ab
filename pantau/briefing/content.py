"""What the briefing says, slide by slide: figures from the dashboard's queries, suppressed, in one language.

Every figure comes from the SQL files the pages run (queries/headline.sql, monthly_departures.sql,
region_indicators.sql, top_destinations.sql, departures_by_checkpoint.sql, trafficking_breakdown.sql,
hotspots.sql) through pantau.queries, reshaped by the same frame helpers the pages use. The deck
(pptx_deck.py) and the PDF (pdf_doc.py) only lay these slides out, so both carry the same numbers.

Small cells (pantau/disclosure.py): a chart value or table cell is either an int or the marker
("<5"); nothing downstream sees a hidden count. Each chart or table is suppressed as one table
(complementary cells included) over all its rows before the top rows are taken, so a hidden cell
cannot be worked out from the total on the headline slide. Charts draw a hidden value as a
zero-height bar labelled with the marker (see pptx_deck.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from pantau import disclosure, indicators, queries, reference, store
from pantau.filters import Filters
from pantau.i18n import LANGS, fmt_date, fmt_datetime, fmt_int, fmt_month, fmt_pct, t
from pantau.ui import case_frames, departure_frames

LEVELS = ("national", "province", "regency")
TOP = 10
# More rows than any code list has: suppression looks at every row before the top ones are kept.
ALL_ROWS = 10_000
MODES = ("procedural", "non_procedural", "unknown")
# The headline rows, in the overview's order (pantau/ui/kpi.py).
KPIS = indicators.COUNTS
# Headline counts that add up to another headline count (labour departures): suppressed as a pair.
KPI_PAIR = ("procedural_departures", "non_procedural_departures")
# A change or share that cannot be shown because a count it comes from is hidden (or there is none).
NOT_SHOWN = "–"

Value = int | str  # a count, or the disclosure marker in its place


class BriefingError(ValueError):
    """A briefing request that cannot be answered (an unknown region code, an empty period)."""


@dataclass(frozen=True)
class Area:
    """National, one province (2-digit code) or one regency (4-digit code)."""

    level: str = "national"
    code: str = ""

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise BriefingError(f"unknown level {self.level!r}")
        known = reference.codes()
        if self.level == "province" and self.code not in known.provinces:
            raise BriefingError(f"unknown province code {self.code!r}")
        if self.level == "regency" and self.code not in known.regencies:
            raise BriefingError(f"unknown regency code {self.code!r}")
        if self.level == "national" and self.code:
            raise BriefingError("a national briefing takes no region code")

    @property
    def province(self) -> str:
        """The province the area lies in ('' for national)."""
        return self.code[:2]

    def filters(self, start: dt.date, end: dt.date) -> Filters:
        return Filters(
            start=start, end=end,
            provinces=(self.code,) if self.level == "province" else (),
            regencies=(self.code,) if self.level == "regency" else (),
        )

    def name(self, lang: str) -> str:
        if self.level == "national":
            return t("briefing.national", lang)
        province = reference.province_names()[self.province]
        if self.level == "province":
            return province
        return t("briefing.regency_in", lang, regency=reference.regency_names()[self.code], province=province)


def area_from_filters(filters: Filters) -> Area:
    """The sidebar's region as a briefing area: one regency, else one province, else national."""
    if len(filters.regencies) == 1:
        return Area("regency", filters.regencies[0])
    if len(filters.provinces) == 1:
        return Area("province", filters.provinces[0])
    return Area()


@dataclass(frozen=True)
class Request:
    start: dt.date
    end: dt.date
    area: Area = field(default_factory=Area)
    lang: str = "id"

    def __post_init__(self) -> None:
        if self.lang not in LANGS:
            raise BriefingError(f"unknown language {self.lang!r}")
        if self.start > self.end:
            raise BriefingError(f"the period starts ({self.start}) after it ends ({self.end})")


@dataclass(frozen=True)
class Series:
    key: str
    name: str
    values: tuple[Value, ...]


@dataclass(frozen=True)
class Chart:
    """A bar chart: `horizontal` bars (long names) or columns; `stacked` series or side by side."""

    key: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    horizontal: bool = False
    stacked: bool = False
    value_labels: bool = True


@dataclass(frozen=True)
class Table:
    key: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]  # right-aligned columns


@dataclass(frozen=True)
class MapPanel:
    """Areas coloured by one count; `province` '' means all provinces, else that province's regencies."""

    title: str
    province: str
    codes: tuple[str, ...]
    names: tuple[str, ...]
    values: tuple[Value, ...]
    highlight: str = ""


@dataclass(frozen=True)
class Slide:
    key: str
    title: str
    subtitle: str = ""
    lines: tuple[str, ...] = ()  # title and closing slides: text lines; elsewhere a lead sentence
    charts: tuple[Chart, ...] = ()
    table: Table | None = None
    map: MapPanel | None = None
    notes: tuple[str, ...] = ()  # small print under the slide's content
    empty: str = ""  # set when there is nothing to draw


@dataclass(frozen=True)
class Briefing:
    request: Request
    version_id: str
    version_created: str
    demo: bool
    suppressed: bool
    k: int
    slides: tuple[Slide, ...]

    @property
    def lang(self) -> str:
        return self.request.lang

    def footer(self) -> str:
        return t("briefing.footer", self.lang, region=self.request.area.name(self.lang),
                 period=period_text(self.request.start, self.request.end, self.lang), version=self.version_id)

    def demo_label(self) -> str:
        return t("demo.banner", self.lang) if self.demo else ""

    def file_stem(self) -> str:
        area = self.request.area.code or "nasional"
        return f"pantau-pmi_bahan-rapat_{area}_{self.request.start}_{self.request.end}_{self.lang}"


def period_text(start: dt.date, end: dt.date, lang: str) -> str:
    return t("briefing.period", lang, start=fmt_date(start, lang), end=fmt_date(end, lang))


# Suppression -----------------------------------------------------------------------------------


def hidden_mask(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Which cells to hide (primary and complementary, and cells already hidden); none when suppression is off."""
    already = frame[columns].map(is_hidden)
    if not disclosure.is_on() or frame.empty:
        return already
    return disclosure.hidden_cells(frame, columns) | already


def shown(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The frame with hidden counts replaced by the marker and the others as plain ints.

    A frame helper of the pages (pantau/ui/*_frames.py) may have suppressed it already: its markers stay.
    """
    mask = hidden_mask(frame, columns)
    out = frame.copy()
    for column in columns:
        out[column] = pd.Series(
            [disclosure.marker() if hidden else 0 if pd.isna(v) else int(v)
             for v, hidden in zip(frame[column], mask[column], strict=True)],
            index=frame.index, dtype=object)
    return out


def is_hidden(value: object) -> bool:
    return isinstance(value, str)


def fmt_value(value: Value, lang: str) -> str:
    return value if isinstance(value, str) else fmt_int(value, lang)


def any_hidden(*groups: object) -> bool:
    """Whether any value of these charts, tables or maps is hidden (the slide then explains the marker)."""
    for group in groups:
        if isinstance(group, Chart) and any(is_hidden(v) for s in group.series for v in s.values):
            return True
        if isinstance(group, Table) and any(c.startswith("<") for row in group.rows for c in row):
            return True
        if isinstance(group, MapPanel) and any(is_hidden(v) for v in group.values):
            return True
    return False


def hidden_note(lang: str) -> str:
    k = disclosure.threshold()
    return t("briefing.hidden_note", lang, k=k, k1=k - 1)


# The slides ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    request: Request
    filters: Filters
    previous: Filters
    current: dict
    before: dict

    @property
    def lang(self) -> str:
        return self.request.lang


def _version_lines(version: store.Version, lang: str) -> tuple[str, str]:
    created = str(version.manifest.get("created_at", ""))
    # An unexpected format is still worth showing as written.
    with contextlib.suppress(ValueError):
        created = fmt_datetime(dt.datetime.fromisoformat(created), lang)
    return version.id, created


def title_slide(c: _Context, version_id: str, created: str) -> Slide:
    lang = c.lang
    return Slide("title", t("briefing.deck_title", lang), subtitle=t("briefing.deck_subtitle", lang), lines=(
        t("briefing.title.region", lang, region=c.request.area.name(lang)),
        t("briefing.title.period", lang, period=period_text(c.filters.start, c.filters.end, lang)),
        t("briefing.title.comparison", lang, period=period_text(c.previous.start, c.previous.end, lang)),
        t("briefing.title.version", lang, version=version_id, created=created),
        t("briefing.title.source", lang),
    ))


def headline_values(headline: dict) -> dict[str, Value]:
    """The headline counts of one period, each hidden when small; procedural and non-procedural as a pair."""
    values: dict[str, Value] = {name: disclosure.value(headline[name]) for name in KPIS}
    pair = shown(pd.DataFrame([{name: headline[name] for name in KPI_PAIR}]), list(KPI_PAIR))
    values.update({name: pair.iloc[0][name] for name in KPI_PAIR})
    return values


def change_text(current: Value, previous: Value, lang: str) -> str:
    if is_hidden(current) or is_hidden(previous):
        return NOT_SHOWN  # a change gives a hidden count back
    return fmt_pct(indicators.change(current, previous), lang, signed=True)


def kpi_slide(c: _Context) -> Slide:
    lang = c.lang
    now, before = headline_values(c.current), headline_values(c.before)
    rows = tuple(
        (t(f"kpi.{name}", lang), fmt_value(now[name], lang), fmt_value(before[name], lang),
         change_text(now[name], before[name], lang))
        for name in KPIS
    )
    table = Table("kpis", tuple(t(f"briefing.kpi.col.{col}", lang) for col in ("indicator", "current", "previous",
                                                                                   "change")),
                  rows, (False, True, True, True))
    notes = [t("briefing.kpi.change_note", lang)]
    if any_hidden(table):
        notes.append(hidden_note(lang))
    return Slide("kpis", t("briefing.kpi.title", lang), subtitle=t(
        "briefing.kpi.subtitle", lang, period=period_text(c.filters.start, c.filters.end, lang),
        previous=period_text(c.previous.start, c.previous.end, lang)), table=table, notes=tuple(notes))


def trend_slide(c: _Context) -> Slide:
    lang = c.lang
    title = t("briefing.trend.title", lang)
    raw = queries.run("monthly_departures", c.filters)
    counts = ["procedural", "non_procedural"]
    if raw.empty or int(raw[counts].to_numpy().sum()) == 0:
        return Slide("trend", title, empty=t("briefing.no_data", lang))
    frame = shown(raw, counts)
    chart = Chart(
        "trend", t("briefing.trend.chart", lang),
        tuple(fmt_month(pd.Timestamp(m).date(), lang) for m in raw["month"]),
        tuple(Series(s, t(f"col.{s}", lang), tuple(frame[s])) for s in counts),
        value_labels=False,
    )
    notes = [t("briefing.trend.note", lang)] + ([hidden_note(lang)] if any_hidden(chart) else [])
    return Slide("trend", title, charts=(chart,), notes=tuple(notes))


def map_slide(c: _Context) -> Slide:
    """National: provinces. Province: its regencies. Regency: its province's regencies, it outlined."""
    lang = c.lang
    area = c.request.area
    title = t("briefing.map.title", lang)
    if area.level == "national":
        raw = queries.run("region_indicators", c.filters, level="province", province="")
        map_title = t("briefing.map.provinces", lang)
    else:
        # A regency is shown among its province's regencies: the filters widen to the province.
        province_filters = Area("province", area.province).filters(c.filters.start, c.filters.end)
        raw = queries.run("region_indicators", province_filters, level="regency", province=area.province)
        map_title = t("briefing.map.regencies", lang, province=reference.province_names()[area.province])
    column = "non_procedural_departures"
    if int(raw[column].sum()) == 0:
        return Slide("map", title, empty=t("briefing.no_data", lang))
    frame = shown(raw, [column])
    panel = MapPanel(map_title, "" if area.level == "national" else area.province, tuple(raw["code"]),
                     tuple(raw["name"]), tuple(frame[column]), highlight=area.code if area.level == "regency" else "")
    # The table beside the map: the areas with the most, ties by code (hidden ones rank by their true
    # value, which only places them; it never prints them).
    top = raw.assign(shown=frame[column]).sort_values([column, "code"], ascending=[False, True])
    top = top[top[column] > 0].head(TOP)
    table = Table("map_top", (t("briefing.col.area", lang), t("briefing.col.non_procedural", lang)),
                  tuple((name, fmt_value(v, lang)) for name, v in zip(top["name"], top["shown"], strict=True)),
                  (False, True))
    notes = [t("briefing.map.note", lang)]
    if panel.highlight:
        notes.append(t("briefing.map.highlight", lang, regency=reference.regency_names()[panel.highlight]))
    if any_hidden(panel, table):
        notes.append(hidden_note(lang))
    return Slide("map", title, map=panel, table=table, notes=tuple(notes))


def _class_chart(key: str, title: str, frame: pd.DataFrame, label: str, lang: str) -> Chart:
    """Stacked bars of procedural and non-procedural labour departures, the top rows of a suppressed frame."""
    counts = ["procedural_departures", "non_procedural_departures"]
    safe = shown(frame, counts).head(TOP)
    return Chart(key, title, tuple(safe[label]), (
        Series("procedural", t("col.procedural", lang), tuple(safe["procedural_departures"])),
        Series("non_procedural", t("col.non_procedural", lang), tuple(safe["non_procedural_departures"])),
    ), horizontal=True, stacked=True)


def routes_slide(c: _Context) -> Slide:
    """Top origins (provinces, or a province's regencies; none for a single regency) and destinations."""
    lang = c.lang
    area = c.request.area
    charts = []
    if area.level != "regency":
        level = "province" if area.level == "national" else "regency"
        raw = queries.run("region_indicators", c.filters, level=level, province=area.province)
        origins = departure_frames.origins(raw, "area", ALL_ROWS)
        if not origins.empty:
            charts.append(_class_chart("origins", t(f"briefing.routes.{level}", lang), origins, "area", lang))
    destinations = departure_frames.destinations(queries.run("top_destinations", c.filters, limit=ALL_ROWS), lang)
    if not destinations.empty:
        charts.append(_class_chart("destinations", t("briefing.routes.destinations", lang), destinations,
                                   "country", lang))
    title = t("briefing.routes.title", lang)
    if not charts:
        return Slide("routes", title, empty=t("briefing.no_data", lang))
    notes = (hidden_note(lang),) if any_hidden(*charts) else ()
    return Slide("routes", title, charts=tuple(charts), notes=notes)


def checkpoints_slide(c: _Context) -> Slide:
    lang = c.lang
    title = t("briefing.checkpoints.title", lang)
    raw = queries.run("departures_by_checkpoint", c.filters)
    raw = raw[raw["prevented_departures"] > 0].sort_values(["prevented_departures", "checkpoint_code"],
                                                           ascending=[False, True])
    if raw.empty:
        return Slide("checkpoints", title, empty=t("briefing.no_data", lang),
                     notes=(t("briefing.checkpoints.note", lang),))
    safe = shown(raw.reset_index(drop=True), ["prevented_departures"]).head(TOP)
    chart = Chart("checkpoints", t("briefing.checkpoints.chart", lang),
                  tuple(departure_frames.short_checkpoint(n) for n in safe["checkpoint_name"]),
                  (Series("prevented", t("col.prevented", lang), tuple(safe["prevented_departures"])),),
                  horizontal=True)
    notes = [t("briefing.checkpoints.note", lang)] + ([hidden_note(lang)] if any_hidden(chart) else [])
    return Slide("checkpoints", title, charts=(chart,), notes=tuple(notes))


def trafficking_share(by_mode: dict[str, Value], lang: str) -> str:
    """Non-procedural ÷ (procedural + non-procedural), unless a hidden count or a small base would show through."""
    if is_hidden(by_mode["procedural"]) or is_hidden(by_mode["non_procedural"]):
        return NOT_SHOWN
    share = disclosure.share(by_mode["non_procedural"], by_mode["procedural"] + by_mode["non_procedural"])
    return NOT_SHOWN if share is None else fmt_pct(share, lang)


def trafficking_slide(c: _Context) -> Slide:
    lang = c.lang
    title = t("briefing.trafficking.title", lang)
    if c.current["trafficking_cases"] == 0:
        return Slide("trafficking", title, empty=t("briefing.no_data", lang))
    raw = queries.run("trafficking_breakdown", c.filters, dimension="exploitation")
    frame = shown(case_frames.trafficking_breakdown(raw, "exploitation", lang), list(MODES))
    by_exploitation = Chart(
        "exploitation", t("briefing.trafficking.exploitation", lang), tuple(frame["exploitation"]),
        tuple(Series(m, t(f"col.{m}", lang), tuple(frame[m])) for m in MODES), horizontal=True, stacked=True,
    )
    modes = shown(pd.DataFrame([c.current["trafficking_by_mode"]]), list(MODES)).iloc[0]
    by_mode = Chart("modes", t("briefing.trafficking.modes", lang), tuple(t(f"col.{m}", lang) for m in MODES),
                    (Series("trafficking_cases", t("kpi.trafficking_cases", lang), tuple(modes[m] for m in MODES)),))
    lead = t("briefing.trafficking.share", lang, share=trafficking_share(dict(modes), lang),
             unknown=fmt_value(modes["unknown"], lang))
    notes = (hidden_note(lang),) if any_hidden(by_exploitation, by_mode) else ()
    return Slide("trafficking", title, lines=(lead,), charts=(by_exploitation, by_mode), notes=notes)


def _names(codes: object, lookup: dict[str, str]) -> str:
    if not isinstance(codes, str) or not codes:
        return ""
    return "; ".join(lookup.get(code, code) for code in codes.split(", "))


def hotspots_slide(c: _Context) -> Slide:
    lang = c.lang
    title = t("briefing.hotspots.title", lang)
    lead = t("briefing.hotspots.why", lang, previous=period_text(c.previous.start, c.previous.end, lang))
    raw = queries.run("hotspots", c.filters, prev_start=c.previous.start, prev_end=c.previous.end, limit=TOP)
    if raw.empty:
        return Slide("hotspots", title, lines=(lead,), empty=t("briefing.hotspots.none", lang))
    counts = ["non_procedural_departures", "previous_non_procedural_departures"]
    safe = shown(raw, counts)
    # The increase is the difference of the two: hidden with either of them.
    increase = [disclosure.marker() if is_hidden(a) or is_hidden(b) else int(i) for a, b, i in
                zip(safe[counts[0]], safe[counts[1]], raw["increase"], strict=True)]
    provinces = reference.province_names()
    countries = reference.country_names(lang)
    checkpoints = {code: departure_frames.short_checkpoint(name) for code, name in reference.checkpoint_names().items()}
    rows = tuple(
        (name, provinces.get(province, province), fmt_value(now, lang), fmt_value(before, lang),
         fmt_value(up, lang), _names(dest, countries), _names(cps, checkpoints))
        for name, province, now, before, up, dest, cps in zip(
            raw["regency_name"], raw["province_code"], safe[counts[0]], safe[counts[1]], increase,
            raw["main_destinations"], raw["main_checkpoints"], strict=True)
    )
    table = Table("hotspots", tuple(t(f"briefing.col.{col}", lang) for col in (
        "regency", "province", "current", "previous", "increase", "destinations", "checkpoints")),
        rows, (False, False, True, True, True, False, False))
    notes = (hidden_note(lang),) if any_hidden(table) else ()
    return Slide("hotspots", title, lines=(lead,), table=table, notes=notes)


def closing_slide(c: _Context, version_id: str, created: str, demo: bool) -> Slide:
    lang = c.lang
    k = disclosure.threshold()
    definitions = [f"{t(f'kpi.{name}', lang)}: {t(f'kpi.{name}.help', lang)}" for name in KPIS]
    definitions += [t("briefing.closing.case_mode", lang), t("briefing.closing.region", lang)]
    sources = [t(f"briefing.closing.{key}", lang) for key in ("registrations", "departures", "cases", "linkage")]
    privacy = (t("briefing.closing.suppression", lang, k=k, k1=k - 1) if disclosure.is_on()
               else t("briefing.closing.unsuppressed", lang))
    version = t("briefing.title.version", lang, version=version_id, created=created)
    lines = (f"# {t('briefing.closing.definitions', lang)}", *definitions,
             f"# {t('briefing.closing.sources', lang)}", *sources, privacy, version)
    if demo:
        lines += (t("demo.banner", lang),)
    return Slide("closing", t("briefing.closing.title", lang), lines=lines)


def build(request: Request) -> Briefing:
    """The briefing for a period, a region and a language, from the current dataset version."""
    version = store.current_version()
    if version is None:
        raise LookupError("no dataset published yet")
    filters = request.area.filters(request.start, request.end)
    previous = filters.previous_year()
    context = _Context(request, filters, previous, indicators.headline(filters), indicators.headline(previous))
    version_id, created = _version_lines(version, request.lang)
    slides = (
        title_slide(context, version_id, created),
        kpi_slide(context),
        trend_slide(context),
        map_slide(context),
        routes_slide(context),
        checkpoints_slide(context),
        trafficking_slide(context),
        hotspots_slide(context),
        closing_slide(context, version_id, created, version.demo),
    )
    return Briefing(request, version_id, created, version.demo, disclosure.is_on(), disclosure.threshold(), slides)
