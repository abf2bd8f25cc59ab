"""`python -m pantau ingest|demo|summary|briefing|push`: the command line over the same engine as the dashboard."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

from pantau import remote, store
from pantau.filters import from_query_params
from pantau.ingest import IngestError, IngestReport, Progress, ingest
from pantau.paths import remote_data, warehouse_dir
from pantau.schema import EXTRACTS

EXIT_QUARANTINED = 1
EXIT_FAILED = 2


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value}") from e


def print_report(report: IngestReport, out=None) -> None:
    out = out or sys.stdout
    for f in report.files:
        print(
            f"{f.file} ({f.kind}): read {f.rows_read}, published {f.rows_published}, "
            f"quarantined {f.rows_quarantined}",
            file=out,
        )
        for reason, n in sorted(f.reasons.items()):
            print(f"  quarantined {reason}: {n}", file=out)
        for warning, n in sorted(f.warnings.items()):
            print(f"  warning {warning}: {n} (published)", file=out)
        if f.dropped_columns:
            print(f"  columns outside the contract, not published: {', '.join(f.dropped_columns)}", file=out)
    totals = (sum(f.rows_read for f in report.files), sum(f.rows_published for f in report.files))
    print(f"total: read {totals[0]}, published {totals[1]}, quarantined {report.rows_quarantined}", file=out)
    for kind, change in report.changes.items():
        if any(change.values()):
            new, updated, unchanged = change["new"], change["updated"], change["unchanged"]
            print(f"{kind}: {new} new, {updated} updated, {unchanged} unchanged", file=out)
    if report.published_new_version:
        sizes = ", ".join(f"{t} {n}" for t, n in report.tables.items())
        print(f"published version {report.version}: {sizes}", file=out)
    else:
        print(f"nothing changed; version {report.version} stays current", file=out)
    if report.quarantine_file:
        print(f"quarantine report (NIK masked): {report.quarantine_file}", file=out)


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class ProgressLine:
    """Ingest progress on stderr: while reading, at most once per `interval` seconds (rows read,
    rows/s, share of bytes, ETA); each later phase once, as it starts.

    On a terminal the reading line rewrites itself; into a file (`--progress` without a
    terminal) each update is its own line. Never on stdout, where the report goes.
    """

    def __init__(self, out=None, clock=time.monotonic, interval: float = 1.0):
        self.out = out or sys.stderr
        self.clock = clock
        self.interval = interval
        self.last_print = clock()
        self.reading: Progress | None = None  # the latest reading progress
        self.summarised = False  # the reading summary is printed
        self.open_line = False  # a rewritable line is on the terminal
        self.tty = bool(getattr(self.out, "isatty", lambda: False)())

    @staticmethod
    def text(p: Progress) -> str:
        share = f"{100 * p.bytes_done / p.bytes_total:.0f}%" if p.bytes_total else "?"
        eta = p.eta_seconds
        return (f"{p.file}: {p.rows_read:,} rows read, {p.rows_per_second:,.0f} rows/s, {share}, "
                f"ETA {_duration(eta) if eta is not None else '?'}")

    def _print(self, text: str, rewritable: bool = False) -> None:
        if self.tty:
            print("\r" + text, end="" if rewritable else "\n", file=self.out, flush=True)
            self.open_line = rewritable
        else:
            print(text, file=self.out, flush=True)

    def __call__(self, p: Progress) -> None:
        if p.phase != "reading":
            self.finish()
            self._print(f"{p.phase}... ({_duration(p.seconds)} so far)")
            return
        self.reading = p
        now = self.clock()
        if now - self.last_print < self.interval:
            return
        self.last_print = now
        self._print(self.text(p), rewritable=True)

    def finish(self) -> None:
        """Once, when reading is over: every row read, and the pace of reading them."""
        if self.reading is not None and not self.summarised:
            p = self.reading
            self._print(f"read {p.rows_read:,} rows in {_duration(p.seconds)} ({p.rows_per_second:,.0f} rows/s)")
            self.summarised = True
        elif self.open_line:
            print(file=self.out, flush=True)
            self.open_line = False


def cmd_ingest(args: argparse.Namespace) -> int:
    line = ProgressLine() if args.progress or sys.stderr.isatty() else None
    try:
        report = ingest([Path(p) for p in args.files], kind=args.kind, progress=line)
    except (IngestError, store.PublishError, OSError) as e:
        if line is not None:
            line.finish()
        print(f"ingest failed, nothing published: {e}", file=sys.stderr)
        return EXIT_FAILED
    if line is not None:
        line.finish()
    print_report(report)
    return EXIT_QUARANTINED if report.rows_quarantined else 0


def build_demo(seed: int, scale: float, years: int, out=None) -> IngestReport:
    """Generate the synthetic extracts and send them through the normal ingest.

    The raw files carry (synthetic) NIKs, so they live in a temporary folder outside the data
    folder and are gone once ingested: no file under PANTAU_DATA ever holds a NIK.
    """
    from pantau import demo

    out = out or sys.stdout
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="pantau-demo-") as raw_dir:
        files = demo.generate(Path(raw_dir), seed=seed, scale=scale, years=years)
        generated = time.perf_counter()
        report = ingest([p for kind in EXTRACTS for p in files[kind]], demo=True)
    print(
        f"demo data (synthetic, seed {seed}, scale {scale:g}, {years} years): "
        f"generated in {generated - started:.1f} s, ingested in {time.perf_counter() - generated:.1f} s",
        file=out,
    )
    return report


def cmd_demo(args: argparse.Namespace) -> int:
    from pantau import demo

    try:
        report = build_demo(args.seed, args.scale if args.scale is not None else demo.DEFAULT_SCALE,
                            args.years if args.years is not None else demo.DEFAULT_YEARS)
    except (IngestError, store.PublishError, OSError) as e:
        print(f"demo failed, nothing published: {e}", file=sys.stderr)
        return EXIT_FAILED
    print_report(report)
    return EXIT_QUARANTINED if report.rows_quarantined else 0


def cmd_summary(args: argparse.Namespace) -> int:
    from pantau.indicators import headline

    if args.start > args.end:
        print("--start is after --end", file=sys.stderr)
        return EXIT_FAILED
    if store.current_version() is None:
        print("no dataset published yet: run `python -m pantau demo` or `ingest` first", file=sys.stderr)
        return EXIT_FAILED
    filters, notices = from_query_params(
        {"province": args.province, "regency": args.regency, "destination": args.destination,
         "gender": args.gender},
        args.start,
        args.end,
    )
    if notices:
        for n in notices:
            print(f"{n.reason}: --{n.param} {n.value}", file=sys.stderr)
        return EXIT_FAILED
    result = headline(filters)
    if args.json:
        print(json.dumps(result))
    else:
        version = store.current_version()
        print(f"{args.start} .. {args.end}  (dataset {version.id}{', demo data' if version.demo else ''})")
        for key, value in result.items():
            if isinstance(value, dict):
                value = ", ".join(f"{k} {v}" for k, v in value.items())
            print(f"  {key}: {value}")
    return 0


def cmd_briefing(args: argparse.Namespace) -> int:
    """Write the meeting briefing (pantau/briefing/) as .pptx or .pdf, by the name given with --out."""
    from pantau.briefing import content, files

    out = Path(args.out)
    try:
        kind = files.kind_of(out)
        area = (content.Area("regency", args.regency.replace(".", "")) if args.regency
                else content.Area("province", args.province) if args.province else content.Area())
        request = content.Request(args.start, args.end, area, args.lang)
    except (ValueError, content.BriefingError) as e:
        print(f"briefing: {e}", file=sys.stderr)
        return EXIT_FAILED
    if store.current_version() is None:
        print("no dataset published yet: run `python -m pantau demo` or `ingest` first", file=sys.stderr)
        return EXIT_FAILED
    started = time.perf_counter()
    briefing = content.build(request)
    data = files.render(briefing, kind)
    try:
        out.write_bytes(data)
    except OSError as e:
        print(f"briefing: cannot write {out}: {e}", file=sys.stderr)
        return EXIT_FAILED
    print(f"wrote {out} ({kind}, {len(briefing.slides)} slides, {len(data):,} bytes) in "
          f"{time.perf_counter() - started:.1f} s: {area.name(args.lang)}, {args.start} .. {args.end}, "
          f"dataset {briefing.version_id}{', demo data' if briefing.demo else ''}")
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    """Copy the local versions to object storage for the replicas (pantau/remote.py), CURRENT last."""
    try:
        report = remote.push(args.url.rstrip("/"), warehouse_dir())
    except remote.RemoteError as e:
        print(f"push failed: {e}", file=sys.stderr)
        return EXIT_FAILED
    for version_id in report.versions:
        print(f"uploaded version {version_id}")
    if report.files:
        print(f"uploaded {report.files} files, {report.bytes:,} bytes")
    if report.pointer_moved:
        print(f"{report.url} now serves version {report.current}")
    else:
        print(f"{report.url} is up to date: it serves version {report.current}")
    return 0


# Commands that write the local data folder: a replica reading object storage refuses them.
LOCAL_ONLY = ("ingest", "demo", "push")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pantau", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    ing = sub.add_parser("ingest", help="validate and publish extract files (CSV, XLSX, Parquet)")
    ing.add_argument("files", nargs="+")
    ing.add_argument("--kind", choices=list(EXTRACTS), help="the extract kind, if the headers do not say")
    ing.add_argument("--progress", action="store_true",
                     help="show progress on stderr even when it is not a terminal (it is shown on a terminal)")
    ing.set_defaults(func=cmd_ingest)

    dem = sub.add_parser("demo", help="generate synthetic extracts and ingest them as the current dataset")
    dem.add_argument("--seed", type=int, default=7)
    dem.add_argument("--scale", type=float, help="1 = national size (~8M departures a year)")
    dem.add_argument("--years", type=int, help="calendar years ending 2026")
    dem.set_defaults(func=cmd_demo)

    summ = sub.add_parser("summary", help="headline indicators for a period and filters")
    summ.add_argument("--start", type=_date, required=True)
    summ.add_argument("--end", type=_date, required=True)
    summ.add_argument("--province", action="append", default=[], help="Kemendagri code, e.g. 32")
    summ.add_argument("--regency", action="append", default=[], help="Kemendagri code, e.g. 3201")
    summ.add_argument("--destination", action="append", default=[], help="ISO 3166-1 alpha-3")
    summ.add_argument("--gender", action="append", default=[], help="M or F")
    summ.add_argument("--json", action="store_true")
    summ.set_defaults(func=cmd_summary)

    brief = sub.add_parser("briefing", help="the coordination-meeting briefing as a PowerPoint deck or a PDF")
    brief.add_argument("--start", type=_date, required=True)
    brief.add_argument("--end", type=_date, required=True)
    where = brief.add_mutually_exclusive_group()
    where.add_argument("--province", help="Kemendagri code, e.g. 32 (default: national)")
    where.add_argument("--regency", help="Kemendagri code, e.g. 3201")
    brief.add_argument("--lang", choices=["id", "en"], default="id")
    brief.add_argument("--out", required=True, help="FILE.pptx or FILE.pdf")
    brief.set_defaults(func=cmd_briefing)

    push = sub.add_parser("push", help="upload the published versions to object storage (s3://bucket/prefix) "
                                       "for dashboard replicas; run it on the ingest host")
    push.add_argument("url", help="s3://bucket/prefix; credentials and endpoint from AWS_* variables")
    push.set_defaults(func=cmd_push)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command in LOCAL_ONLY and (url := remote_data()) is not None:
        print(remote.read_only_message(url), file=sys.stderr)
        return EXIT_FAILED
    try:
        return args.func(args)
    except remote.RemoteError as e:  # PANTAU_DATA=s3://... and the bucket cannot serve a version
        print(e, file=sys.stderr)
        return EXIT_FAILED
