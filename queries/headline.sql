-- Headline indicators for one set of filters (DESIGN.md, "Indicators").
-- One row; the summary CLI and the overview page both read it.
WITH
reg AS (
    SELECT records(n) AS n
    FROM f_registration_counts($start, $end, $provinces, $regencies, $destinations, $genders)
),
dep AS (
    SELECT
        records_if(n, is_labour) AS labour,
        records_if(n, departure_class = 'procedural') AS procedural,
        records_if(n, departure_class = 'non_procedural') AS non_procedural,
        records_if(n, outcome = 'delayed') AS prevented
    FROM f_departure_counts($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
),
cas AS (
    SELECT
        count(*) AS cases,
        count(*) FILTER (WHERE departure_mode = 'procedural') AS cases_procedural,
        count(*) FILTER (WHERE departure_mode = 'non_procedural') AS cases_non_procedural,
        count(*) FILTER (WHERE departure_mode = 'unknown') AS cases_unknown,
        count(*) FILTER (WHERE is_trafficking) AS trafficking_cases,
        count(*) FILTER (WHERE is_trafficking AND departure_mode = 'procedural') AS trafficking_procedural,
        count(*) FILTER (WHERE is_trafficking AND departure_mode = 'non_procedural') AS trafficking_non_procedural,
        count(*) FILTER (WHERE is_trafficking AND departure_mode = 'unknown') AS trafficking_unknown
    FROM f_cases($start, $end, $provinces, $regencies, $destinations, $genders)
)
SELECT
    reg.n AS registrations,
    dep.labour AS labour_departures,
    dep.procedural AS procedural_departures,
    dep.non_procedural AS non_procedural_departures,
    dep.prevented AS prevented_departures,
    cas.*
FROM reg, dep, cas;
