-- Views over the current published dataset version and the reference code lists.
-- Relative file names resolve through the connection's file_search_path
-- (the version folder, then data/reference), so the same SQL serves any version.
-- Every view exposes period_day (the date that counts periods), region_province and
-- region_regency (origin or residence, as DESIGN.md defines region per extract).

-- The user's scope (pantau/access.py), set on every query's cursor by pantau/queries.py as the
-- variables scope_national, scope_provinces and scope_regencies. The extract views below keep only
-- rows inside it, so no query, filter or page can reach outside it. Unset variables (a cursor
-- nobody scoped) mean an empty scope: nothing is visible, never everything.
CREATE MACRO in_scope(region_province, region_regency) AS (
    coalesce(getvariable('scope_national'), false)
    OR coalesce(list_contains(coalesce(getvariable('scope_provinces'), []::VARCHAR[]), region_province), false)
    OR coalesce(list_contains(coalesce(getvariable('scope_regencies'), []::VARCHAR[]), region_regency), false)
);

CREATE VIEW registrations AS
SELECT *,
       registered_on AS period_day,
       origin_province_code AS region_province,
       origin_regency_code AS region_regency
FROM read_parquet('registrations.parquet')
WHERE in_scope(origin_province_code, origin_regency_code);

-- The code lists are copied into the connection's catalog once (tables, not views): parsing a CSV
-- on every query cost more than the rest of most queries.
CREATE TABLE checkpoints AS SELECT * FROM read_csv('checkpoints.csv', all_varchar = true);

CREATE VIEW departures AS
SELECT d.*,
       CAST(d.examined_at AS DATE) AS period_day,
       d.residence_province_code AS region_province,
       d.residence_regency_code AS region_regency,
       cp.kind AS checkpoint_kind
FROM read_parquet('departures.parquet') AS d
LEFT JOIN checkpoints AS cp USING (checkpoint_code)
WHERE in_scope(d.residence_province_code, d.residence_regency_code);

CREATE VIEW labour_departures AS
SELECT * FROM departures WHERE is_labour;

CREATE VIEW prevented_departures AS
SELECT * FROM departures WHERE outcome = 'delayed';

CREATE VIEW cases AS
SELECT *,
       reported_on AS period_day,
       origin_province_code AS region_province,
       origin_regency_code AS region_regency
FROM read_parquet('cases.parquet')
WHERE in_scope(origin_province_code, origin_regency_code);

CREATE TABLE provinces AS SELECT * FROM read_csv('provinces.csv', all_varchar = true);
CREATE TABLE regencies AS SELECT * FROM read_csv('regencies.csv', all_varchar = true);
CREATE TABLE countries AS SELECT * FROM read_csv('countries.csv', all_varchar = true);
-- The area a row counts in at a map level ('province' or 'regency').
CREATE MACRO area_code(level, region_province, region_regency) AS
    CASE level WHEN 'province' THEN region_province ELSE region_regency END;

-- An empty list means "no filter".
CREATE MACRO in_filter(selected, value) AS (len(selected) = 0 OR list_contains(selected, value));

CREATE MACRO filter_match(start_day, end_day, provinces, regencies, destinations, genders,
                          period_day, region_province, region_regency, destination, gender) AS (
    period_day BETWEEN start_day AND end_day
    AND in_filter(provinces, region_province)
    AND in_filter(regencies, region_regency)
    AND in_filter(destinations, destination)
    AND in_filter(genders, gender)
);

-- Filtered extracts: every indicator query reads these, never the raw views, so a filter
-- (and later the user's scope) is applied the same way everywhere.
-- Registrations: cancelled ones never count (DESIGN.md, indicator "Registrations").
CREATE MACRO f_registrations(start_day, end_day, provinces, regencies, destinations, genders) AS TABLE
SELECT * FROM registrations
WHERE status <> 'cancelled'
  AND filter_match(start_day, end_day, provinces, regencies, destinations, genders,
                   period_day, region_province, region_regency, destination_country, gender);

-- Departures also filter by checkpoint and checkpoint kind (air/sea/land); only the pages
-- about departures pass these, so other extracts are never silently narrowed by them.
CREATE MACRO f_departures(start_day, end_day, provinces, regencies, destinations, genders,
                          checkpoints := [], checkpoint_kinds := []) AS TABLE
SELECT * FROM departures
WHERE filter_match(start_day, end_day, provinces, regencies, destinations, genders,
                   period_day, region_province, region_regency, destination_country, gender)
  AND in_filter(checkpoints, checkpoint_code)
  AND in_filter(checkpoint_kinds, checkpoint_kind);

CREATE MACRO f_labour_departures(start_day, end_day, provinces, regencies, destinations, genders,
                                 checkpoints := [], checkpoint_kinds := []) AS TABLE
SELECT * FROM f_departures(start_day, end_day, provinces, regencies, destinations, genders,
                           checkpoints := checkpoints, checkpoint_kinds := checkpoint_kinds)
WHERE is_labour;

CREATE MACRO f_prevented_departures(start_day, end_day, provinces, regencies, destinations, genders,
                                    checkpoints := [], checkpoint_kinds := []) AS TABLE
SELECT * FROM f_departures(start_day, end_day, provinces, regencies, destinations, genders,
                           checkpoints := checkpoints, checkpoint_kinds := checkpoint_kinds)
WHERE outcome = 'delayed';

CREATE MACRO f_cases(start_day, end_day, provinces, regencies, destinations, genders) AS TABLE
SELECT * FROM cases
WHERE filter_match(start_day, end_day, provinces, regencies, destinations, genders,
                   period_day, region_province, region_regency, destination_country, gender);

-- Rollups: counts published beside the records (queries/rollups/, pantau/rollups.py), which the page
-- queries read instead of the records: rollups.<name>, the version's rollups file that pantau/store.py
-- attaches before this file runs. Every rollup row keeps the region columns, so it is scoped like the
-- records above; n is how many records it stands for, so count(*) over records is records(n) over
-- rollup rows.
CREATE VIEW departure_counts AS
SELECT * FROM rollups.departure_counts
WHERE in_scope(region_province, region_regency);

CREATE VIEW departure_month_counts AS
SELECT * FROM rollups.departure_month_counts
WHERE in_scope(region_province, region_regency);

CREATE VIEW registration_counts AS
SELECT * FROM rollups.registration_counts
WHERE in_scope(region_province, region_regency);

CREATE VIEW registration_month_counts AS
SELECT * FROM rollups.registration_month_counts
WHERE in_scope(region_province, region_regency);

CREATE VIEW record_months AS
SELECT * FROM rollups.record_months
WHERE in_scope(region_province, region_regency);

CREATE VIEW departure_checkpoint_months AS
SELECT * FROM rollups.departure_checkpoint_months
WHERE in_scope(region_province, region_regency);

-- count(*) and count(*) FILTER (WHERE condition) over the records a set of rollup rows stands for:
-- BIGINT and 0 over no rows, as count gives (a plain sum(n) is HUGEINT and NULL over no rows).
CREATE MACRO records(n) AS CAST(coalesce(sum(n), 0) AS BIGINT);
CREATE MACRO records_if(n, condition) AS CAST(coalesce(sum(n) FILTER (WHERE condition), 0) AS BIGINT);

-- A period's whole calendar months: from the first day of the first month that starts on or after
-- start_day, to the last day of the last month that ends on or before end_day (none: first > last).
CREATE MACRO first_whole_month(start_day) AS CAST(date_trunc('month', start_day - 1) + INTERVAL 1 MONTH AS DATE);
CREATE MACRO last_whole_month_end(end_day) AS CAST(date_trunc('month', end_day + 1) AS DATE) - 1;

-- The rollup rows that cover start_day..end_day exactly: the whole months from the monthly rollup
-- (period_day = the month's first day), the days before and after them from the daily one, inside
-- the user's scope. Every row's period_day lies in the period, so the filter macros below test it
-- as they test records'. Each part is one date range: the parameters are constants by then, so
-- DuckDB drops an empty part and skips the row groups outside a range (rollups are ordered by
-- period_day). The scope is tested once over the parts (same rows as the scoped views above, less
-- planning per query).
CREATE MACRO departure_counts_in(start_day, end_day) AS TABLE
SELECT * FROM (
    SELECT * FROM rollups.departure_month_counts
    WHERE period_day BETWEEN first_whole_month(start_day) AND last_whole_month_end(end_day)
    UNION ALL BY NAME
    SELECT * FROM rollups.departure_counts
    WHERE period_day BETWEEN start_day AND least(end_day, first_whole_month(start_day) - 1)
    UNION ALL BY NAME
    SELECT * FROM rollups.departure_counts
    WHERE period_day BETWEEN greatest(start_day, first_whole_month(start_day), last_whole_month_end(end_day) + 1)
                         AND end_day
)
WHERE in_scope(region_province, region_regency);

CREATE MACRO registration_counts_in(start_day, end_day) AS TABLE
SELECT * FROM (
    SELECT * FROM rollups.registration_month_counts
    WHERE period_day BETWEEN first_whole_month(start_day) AND last_whole_month_end(end_day)
    UNION ALL BY NAME
    SELECT * FROM rollups.registration_counts
    WHERE period_day BETWEEN start_day AND least(end_day, first_whole_month(start_day) - 1)
    UNION ALL BY NAME
    SELECT * FROM rollups.registration_counts
    WHERE period_day BETWEEN greatest(start_day, first_whole_month(start_day), last_whole_month_end(end_day) + 1)
                         AND end_day
)
WHERE in_scope(region_province, region_regency);

-- Filtered rollups: the counterparts of f_registrations, f_departures and f_labour_departures, with
-- the same filters (filter_match, in_filter) on the same columns. Only departures that count in an
-- indicator are in departure_counts (labour or prevented); prevented ones are outcome 'delayed'.
-- A checkpoint kind filter keeps the checkpoints of those kinds, as the join in the departures view
-- does (a code missing from the list has no kind).
CREATE MACRO f_registration_counts(start_day, end_day, provinces, regencies, destinations, genders) AS TABLE
SELECT * FROM registration_counts_in(start_day, end_day)
WHERE filter_match(start_day, end_day, provinces, regencies, destinations, genders,
                   period_day, region_province, region_regency, destination_country, gender);

CREATE MACRO f_departure_counts(start_day, end_day, provinces, regencies, destinations, genders,
                                checkpoints := [], checkpoint_kinds := []) AS TABLE
SELECT * FROM departure_counts_in(start_day, end_day)
WHERE filter_match(start_day, end_day, provinces, regencies, destinations, genders,
                   period_day, region_province, region_regency, destination_country, gender)
  AND in_filter(checkpoints, checkpoint_code)
  AND (len(checkpoint_kinds) = 0
       OR checkpoint_code IN (SELECT checkpoint_code FROM checkpoints WHERE list_contains(checkpoint_kinds, kind)));

CREATE MACRO f_labour_departure_counts(start_day, end_day, provinces, regencies, destinations, genders,
                                       checkpoints := [], checkpoint_kinds := []) AS TABLE
SELECT * FROM f_departure_counts(start_day, end_day, provinces, regencies, destinations, genders,
                                 checkpoints := checkpoints, checkpoint_kinds := checkpoint_kinds)
WHERE is_labour;
