"""The synthetic demo extracts: deterministic, contract-exact, linkable, and shaped like the real thing."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from pantau import demo
from pantau.reference import codes
from pantau.schema import (
    CASE_SOURCES,
    CASE_STATUS,
    CASE_TYPES,
    DEPARTURE_MODES,
    EDUCATION,
    EXPLOITATION_TYPES,
    OUTCOMES,
    PURPOSES,
    REGISTRATION_STATUS,
    SCHEMES,
    SECTORS,
)

SCALE = 0.002
FIRST_DAY, LAST_DAY = "2019-01-01", "2026-10-31"

REGISTRATION_HEADER = ["no_registrasi", "nik", "tanggal_daftar", "jenis_kelamin", "tanggal_lahir",
                       "kode_kabupaten", "pendidikan", "jabatan", "sektor", "skema", "negara_tujuan",
                       "kode_p3mi", "status"]
DEPARTURE_HEADER = ["departure_id", "nik", "examined_at", "checkpoint_code", "destination_country",
                    "residence_regency_code", "gender", "birth_date", "declared_purpose",
                    "suspected_worker", "outcome"]
CASE_HEADER = ["no_kasus", "nik", "tanggal_lapor", "sumber", "jenis_kasus", "tppo", "jenis_eksploitasi",
               "kode_kabupaten", "negara_tujuan", "jenis_kelamin", "tanggal_lahir", "prosedural", "status",
               "tanggal_selesai"]


def _read(paths: list[Path]) -> pd.DataFrame:
    return pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False) for p in paths], ignore_index=True)


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, list[Path]]:
    return demo.generate(tmp_path_factory.mktemp("demo"), seed=7, scale=SCALE)


@pytest.fixture(scope="module")
def regs(files) -> pd.DataFrame:
    return _read(files["registrations"])


@pytest.fixture(scope="module")
def deps(files) -> pd.DataFrame:
    return _read(files["departures"])


@pytest.fixture(scope="module")
def cases(files) -> pd.DataFrame:
    return _read(files["cases"])


def _bytes(files: dict[str, list[Path]]) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for kind in files for p in files[kind]}


def test_same_seed_same_bytes_other_seed_differs(files, tmp_path):
    again = demo.generate(tmp_path / "again", seed=7, scale=SCALE)
    other = demo.generate(tmp_path / "other", seed=8, scale=SCALE)
    assert _bytes(again) == _bytes(files)
    assert _bytes(other).keys() == _bytes(files).keys()
    assert all(_bytes(other)[name] != content for name, content in _bytes(files).items())


def test_files_per_year_and_headers(files):
    assert [p.name for p in files["departures"]] == [f"departures_{y}.csv" for y in range(2019, 2027)]
    assert [p.name for p in files["registrations"]] == [f"registrations_{y}.csv" for y in range(2019, 2027)]
    for kind, header in (("registrations", REGISTRATION_HEADER), ("departures", DEPARTURE_HEADER),
                         ("cases", CASE_HEADER)):
        for path in files[kind]:
            raw = path.read_bytes()
            assert raw.startswith((",".join(header) + "\n").encode()), path.name
            assert b"\r" not in raw and b'"' not in raw
            with path.open(encoding="utf-8", newline="") as f:
                assert all(len(row) == len(header) for row in csv.reader(f))


def test_departures_stay_in_their_year_file(files):
    for path in files["departures"]:
        year = path.stem.split("_")[1]
        frame = pd.read_csv(path, dtype=str)
        assert frame["examined_at"].str.startswith(year).all()
        assert frame["departure_id"].str.startswith(f"DEP-{year}-").all()


def test_ids_unique_and_required_values_present(regs, deps, cases):
    for frame, id_column in ((regs, "no_registrasi"), (deps, "departure_id"), (cases, "no_kasus")):
        assert frame[id_column].is_unique
    required = {
        "registrations": (regs, [c for c in REGISTRATION_HEADER if c != "kode_p3mi"]),
        "departures": (deps, DEPARTURE_HEADER),
        "cases": (cases, [c for c in CASE_HEADER if c not in ("nik", "jenis_eksploitasi", "tanggal_selesai")]),
    }
    for kind, (frame, columns) in required.items():
        empty = (frame[columns] == "").sum()
        assert not empty.any(), f"{kind}: {empty[empty > 0].to_dict()}"


def _nik_ok(frame: pd.DataFrame, regency: str, gender: str, birth: str, female_values: tuple[str, ...]) -> pd.Series:
    nik = frame["nik"]
    day = nik.str[6:8].astype(int)
    female = frame[gender].isin(female_values)
    born = pd.to_datetime(frame[birth])
    return (
        nik.str.fullmatch(r"[0-9]{16}")
        & (nik.str[:4] == frame[regency])
        & nik.str[4:6].astype(int).between(1, 30)
        & (day == born.dt.day + 40 * female)
        & (nik.str[8:10].astype(int) == born.dt.month)
        & (nik.str[10:12].astype(int) == born.dt.year % 100)
        & (nik.str[12:16].astype(int) >= 1)
    )


def test_nik_consistent_with_its_row(regs, deps, cases):
    assert _nik_ok(regs, "kode_kabupaten", "jenis_kelamin", "tanggal_lahir", ("P",)).all()
    assert _nik_ok(deps, "residence_regency_code", "gender", "birth_date", ("F",)).all()
    with_nik = cases[cases["nik"] != ""]
    assert _nik_ok(with_nik, "kode_kabupaten", "jenis_kelamin", "tanggal_lahir", ("P",)).all()


def test_nik_means_one_person_across_kinds(regs, deps, cases):
    def people(frame, gender, birth, regency, male):
        return pd.DataFrame({
            "nik": frame["nik"],
            "gender": frame[gender].map(lambda g: "M" if g == male else "F"),
            "birth": frame[birth],
            "regency": frame[regency],
        })

    everyone = pd.concat([
        people(regs, "jenis_kelamin", "tanggal_lahir", "kode_kabupaten", "L"),
        people(deps, "gender", "birth_date", "residence_regency_code", "M"),
        people(cases[cases["nik"] != ""], "jenis_kelamin", "tanggal_lahir", "kode_kabupaten", "L"),
    ])
    identities = everyone.drop_duplicates().groupby("nik").size()
    assert (identities == 1).all()
    # The kinds really share people: linkage has something to link.
    assert regs["nik"].isin(deps["nik"]).mean() > 0.8
    assert cases.loc[cases["nik"] != "", "nik"].isin(deps["nik"]).mean() > 0.6


def test_codes_valid_against_reference(regs, deps, cases):
    known = codes()
    for frame, column in ((regs, "kode_kabupaten"), (deps, "residence_regency_code"), (cases, "kode_kabupaten")):
        assert set(frame[column]) <= known.regencies
    for frame, column in ((regs, "negara_tujuan"), (deps, "destination_country"), (cases, "negara_tujuan")):
        assert set(frame[column]) <= known.countries
    assert set(deps["checkpoint_code"]) <= known.checkpoints


def test_enum_values(regs, deps, cases):
    assert set(regs["jenis_kelamin"]) == {"L", "P"}
    assert set(regs["pendidikan"]) <= set(EDUCATION)
    assert set(regs["sektor"]) == set(SECTORS)
    assert set(regs["skema"]) == set(SCHEMES)
    assert set(regs["status"]) == set(REGISTRATION_STATUS)
    assert regs["kode_p3mi"].str.fullmatch(r"(P3MI-[0-9]{4})?").all()
    assert (regs.loc[regs["skema"].isin(["G2G", "perseorangan"]), "kode_p3mi"] == "").all()
    assert set(deps["gender"]) == {"M", "F"}
    assert set(deps["declared_purpose"]) <= set(PURPOSES)
    assert set(deps["suspected_worker"]) == {"true", "false"}
    assert set(deps["outcome"]) == set(OUTCOMES)
    assert set(cases["sumber"]) <= set(CASE_SOURCES)
    assert set(cases["jenis_kasus"]) <= set(CASE_TYPES)
    assert set(cases["tppo"]) <= {"true", "false"}
    assert set(cases["jenis_eksploitasi"]) <= {"", *EXPLOITATION_TYPES}
    assert set(cases["prosedural"]) <= set(DEPARTURE_MODES)
    assert set(cases["status"]) <= set(CASE_STATUS)


def test_case_rules(cases):
    tppo = cases["tppo"] == "true"
    assert tppo[cases["jenis_kasus"] == "trafficking"].all()
    assert tppo[cases["sumber"] == "police_tppo"].all()
    assert ((cases["jenis_eksploitasi"] != "") == tppo).all()
    resolved = cases["status"] == "resolved"
    assert ((cases["tanggal_selesai"] != "") == resolved).all()
    assert (cases.loc[resolved, "tanggal_selesai"] > cases.loc[resolved, "tanggal_lapor"]).all()
    assert 0.05 < (cases["nik"] == "").mean() < 0.3


def test_dates_in_range_and_working_age(regs, deps, cases):
    assert deps["examined_at"].str.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d").all()
    day = deps["examined_at"].str[:10]
    for values in (regs["tanggal_daftar"], day, cases["tanggal_lapor"],
                   cases.loc[cases["tanggal_selesai"] != "", "tanggal_selesai"]):
        assert values.str.fullmatch(r"\d{4}-\d\d-\d\d").all()
        assert values.min() >= FIRST_DAY and values.max() <= LAST_DAY
    age = (pd.to_datetime(day) - pd.to_datetime(deps["birth_date"])).dt.days / 365.25
    assert age.between(18, 55).all()
    age = (pd.to_datetime(regs["tanggal_daftar"]) - pd.to_datetime(regs["tanggal_lahir"])).dt.days / 365.25
    assert age.between(18, 55).all()


def test_cases_reported_after_the_departure(deps, cases):
    first = deps.assign(day=deps["examined_at"].str[:10]).groupby("nik")["day"].min()
    linked = cases[cases["nik"].isin(first.index)]
    assert len(linked) > 0
    assert (linked["tanggal_lapor"].values > first[linked["nik"]].values).all()


def test_fewer_years(tmp_path):
    files = demo.generate(tmp_path, seed=7, scale=SCALE, years=2)
    assert [p.name for p in files["departures"]] == ["departures_2025.csv", "departures_2026.csv"]
    frame = _read(files["registrations"])
    assert frame["tanggal_daftar"].min() >= "2025-01-01"
    with pytest.raises(ValueError):
        demo.generate(tmp_path, years=9)


# --- shape ---


def test_registrations_pandemic_dip_and_recovery(regs):
    per_year = regs["tanggal_daftar"].str[:4].value_counts()
    assert per_year["2020"] < 0.6 * per_year["2019"]
    assert per_year["2024"] > per_year["2021"]


def test_registrations_mostly_women(regs):
    assert 0.55 <= (regs["jenis_kelamin"] == "P").mean() <= 0.68


def test_registrations_some_cancelled_some_extensions(regs):
    status = regs["status"].value_counts(normalize=True)
    assert 0.02 <= status["cancelled"] <= 0.06
    extensions = regs[regs["skema"] == "perpanjangan"]
    assert 0.05 < len(extensions) / len(regs) < 0.15


def test_trafficking_cases_mostly_registration_less_departures(regs, deps, cases):
    trafficking = cases[(cases["tppo"] == "true") & (cases["nik"] != "")]
    assert len(trafficking) >= 10
    registered = set(regs["nik"])
    without_registration = set(deps["nik"]) - registered
    assert trafficking["nik"].isin(without_registration).mean() > 0.75


def _labour(deps: pd.DataFrame, regs: pd.DataFrame) -> pd.DataFrame:
    registered = deps["nik"].isin(set(regs["nik"]))
    labour = (deps["outcome"] == "departed") & (
        (deps["declared_purpose"] == "work") | (deps["suspected_worker"] == "true") | registered)
    return deps[labour].assign(registered=registered[labour])


def test_ferries_to_malaysia_less_registered_than_air_to_hong_kong_taiwan(regs, deps):
    labour = _labour(deps, regs)
    ferries = labour[labour["checkpoint_code"].isin(["SEA-BTC", "SEA-TBK"])
                     & labour["destination_country"].isin(["MYS", "SGP"])]
    air = labour[(labour["checkpoint_code"] == "AIR-CGK") & labour["destination_country"].isin(["HKG", "TWN"])]
    assert len(ferries) >= 20 and len(air) >= 20
    assert (~ferries["registered"]).mean() > 0.8
    assert (~air["registered"]).mean() < 0.1


def test_tourists_dominate_and_travel_mostly_by_air(deps):
    kind = deps["checkpoint_code"].str[:3]
    assert 0.74 < (kind == "AIR").mean() < 0.85
    assert (deps["declared_purpose"] == "work").mean() < 0.1
    assert 0.1 < (deps["destination_country"] == "SAU").mean() < 0.25
    assert (deps.loc[deps["declared_purpose"] == "religious", "destination_country"] == "SAU").mean() > 0.9


def test_border_checkpoints_serve_plausible_destinations(deps):
    surface = deps[~deps["checkpoint_code"].str.startswith("AIR")]
    allowed = {"SEA-BTC": {"SGP", "MYS"}, "SEA-SKP": {"SGP"}, "SEA-HBB": {"SGP", "MYS"},
               "SEA-NNK": {"MYS"}, "LND-ENT": {"MYS"}, "LND-MTA": {"TLS"}, "LND-SKW": {"PNG"},
               "SEA-DUM": {"MYS"}, "SEA-TBA": {"MYS"}}
    for checkpoint, destinations in allowed.items():
        assert set(surface.loc[surface["checkpoint_code"] == checkpoint, "destination_country"]) <= destinations


def test_prevented_departures_are_suspected_workers_at_known_checkpoints(deps):
    delayed = deps[deps["outcome"] == "delayed"]
    assert len(delayed) > 0
    assert (delayed["suspected_worker"] == "true").all()
    hubs = {"AIR-CGK", "SEA-BTC", "SEA-SKP", "SEA-HBB", "SEA-TBK", "SEA-TBA", "AIR-DPS", "AIR-LOP"}
    assert delayed["checkpoint_code"].isin(hubs).mean() > 0.6


def test_workers_leave_after_registering(regs, deps):
    departed = regs[regs["status"] == "departed"]
    first = deps.assign(day=deps["examined_at"].str[:10]).groupby("nik")["day"].min()
    placed = departed[departed["nik"].isin(first.index) & (departed["skema"] != "perpanjangan")]
    lag = (pd.to_datetime(first[placed["nik"]].values) - pd.to_datetime(placed["tanggal_daftar"].values)).days
    assert len(placed) > 0.8 * (departed["skema"] != "perpanjangan").sum()
    assert lag.min() >= 7 and lag.max() <= 180


def test_ingest_publishes_every_row(files, data_dir):
    from pantau.ingest import ingest

    paths = [p for kind in ("registrations", "departures", "cases") for p in files[kind]]
    report = ingest(paths, demo=True)
    assert report.rows_quarantined == 0
    assert all(not f.warnings for f in report.files), [f.warnings for f in report.files if f.warnings]
    assert sum(f.rows_published for f in report.files) == sum(
        sum(1 for _ in p.open(encoding="utf-8")) - 1 for p in paths)


def test_nik_serial_blocks_fit_four_digits():
    # Each (year, step) owns a block of serials, so NIKs stay unique without a global registry.
    assert demo.SERIALS_PER_PART * demo.STEPS_PER_YEAR * (demo.LAST_YEAR - demo.FIRST_YEAR + 1) <= 9999
