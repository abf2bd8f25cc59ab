-- Per destination country: registrations, labour and non-procedural departures, cases and
-- trafficking cases, in the period and in the comparison period ($prev_start..$prev_end),
-- for the destinations page and the "growing fastest" lists. Each period is its own call of the
-- filtered macros (constant dates: DuckDB reads only the rollup rows of that period).
WITH reg AS (
    SELECT 'current' AS period, destination_country AS iso3, records(n) AS registrations
    FROM f_registration_counts($start, $end, $provinces, $regencies, $destinations, $genders)
    GROUP BY ALL
    UNION ALL
    SELECT 'previous', destination_country, records(n)
    FROM f_registration_counts($prev_start, $prev_end, $provinces, $regencies, $destinations, $genders)
    GROUP BY ALL
),
dep AS (
    SELECT 'current' AS period, destination_country AS iso3,
           records(n) AS labour_departures,
           records_if(n, departure_class = 'non_procedural') AS non_procedural_departures
    FROM f_labour_departure_counts($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
    GROUP BY ALL
    UNION ALL
    SELECT 'previous', destination_country, records(n), records_if(n, departure_class = 'non_procedural')
    FROM f_labour_departure_counts($prev_start, $prev_end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
    GROUP BY ALL
),
cas AS (
    SELECT 'current' AS period, destination_country AS iso3,
           count(*) AS cases,
           count(*) FILTER (WHERE is_trafficking) AS trafficking_cases
    FROM f_cases($start, $end, $provinces, $regencies, $destinations, $genders)
    GROUP BY ALL
    UNION ALL
    SELECT 'previous', destination_country, count(*), count(*) FILTER (WHERE is_trafficking)
    FROM f_cases($prev_start, $prev_end, $provinces, $regencies, $destinations, $genders)
    GROUP BY ALL
),
per_country AS (
    SELECT iso3,
           sum(registrations) FILTER (WHERE period = 'current') AS registrations,
           sum(labour_departures) FILTER (WHERE period = 'current') AS labour_departures,
           sum(non_procedural_departures) FILTER (WHERE period = 'current') AS non_procedural_departures,
           sum(cases) FILTER (WHERE period = 'current') AS cases,
           sum(trafficking_cases) FILTER (WHERE period = 'current') AS trafficking_cases,
           sum(non_procedural_departures) FILTER (WHERE period = 'previous') AS previous_non_procedural_departures,
           sum(trafficking_cases) FILTER (WHERE period = 'previous') AS previous_trafficking_cases
    FROM (SELECT * FROM reg FULL JOIN dep USING (period, iso3) FULL JOIN cas USING (period, iso3))
    WHERE iso3 IS NOT NULL
    GROUP BY iso3
)
SELECT
    per_country.iso3,
    c.name_id,
    c.name_en,
    CAST(coalesce(registrations, 0) AS BIGINT) AS registrations,
    CAST(coalesce(labour_departures, 0) AS BIGINT) AS labour_departures,
    CAST(coalesce(non_procedural_departures, 0) AS BIGINT) AS non_procedural_departures,
    CAST(coalesce(cases, 0) AS BIGINT) AS cases,
    CAST(coalesce(trafficking_cases, 0) AS BIGINT) AS trafficking_cases,
    CAST(coalesce(previous_non_procedural_departures, 0) AS BIGINT) AS previous_non_procedural_departures,
    CAST(coalesce(previous_trafficking_cases, 0) AS BIGINT) AS previous_trafficking_cases
FROM per_country
JOIN countries AS c ON c.iso3 = per_country.iso3
ORDER BY labour_departures DESC, registrations DESC, per_country.iso3;
