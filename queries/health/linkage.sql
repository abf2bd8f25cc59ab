-- Linkage rate for the filters: the share of labour departures linked to a registration
-- (queries/publish/link_departures.sql), and the share of cases linked to a departure
-- (mode_source 'linked', queries/publish/link_cases.sql). Checkpoint filters narrow the
-- departures only, as in queries/headline.sql. The ingest manifest keeps the same two rates for
-- the whole version (pantau/ingest.py, linkage_rates). A labour departure is linked exactly when
-- it is procedural (queries/publish/link_departures.sql), which the departure rollup keeps.
WITH dep AS (
    SELECT records(n) AS labour_departures,
           records_if(n, departure_class = 'procedural') AS linked_departures
    FROM f_labour_departure_counts($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
),
cas AS (
    SELECT count(*) AS cases,
           count(*) FILTER (WHERE mode_source = 'linked') AS linked_cases
    FROM f_cases($start, $end, $provinces, $regencies, $destinations, $genders)
)
SELECT * FROM dep, cas;
