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

CREATE VIEW checkpoints AS SELECT * FROM read_csv('checkpoints.csv', all_varchar = true);

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

CREATE VIEW provinces AS SELECT * FROM read_csv('provinces.csv', all_varchar = true);
CREATE VIEW regencies AS SELECT * FROM read_csv('regencies.csv', all_varchar = true);
CREATE VIEW countries AS SELECT * FROM read_csv('countries.csv', all_varchar = true);
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
