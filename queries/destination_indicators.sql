-- Per destination country: registrations, labour and non-procedural departures, cases and
-- trafficking cases, in the period and in the comparison period ($prev_start..$prev_end),
-- for the destinations page and the "growing fastest" lists. Each period is its own call of the
-- filtered macros (constant dates: DuckDB reads only the rollup rows of that period).
-- Every source's counts are stacked and summed per country once: cheaper to plan than joining them.
WITH counts AS (
    SELECT destination_country AS iso3, records(n) AS registrations
    FROM f_registration_counts($start, $end, $provinces, $regencies, $destinations, $genders)
    GROUP BY ALL
    UNION ALL BY NAME
    -- The comparison period's registrations show in no column, but a country with nothing else
    -- is still listed (with zeros), as it always was.
    SELECT destination_country AS iso3
    FROM f_registration_counts($prev_start, $prev_end, $provinces, $regencies, $destinations, $genders)
    GROUP BY ALL
    UNION ALL BY NAME
    SELECT destination_country AS iso3,
           records(n) AS labour_departures,
           records_if(n, departure_class = 'non_procedural') AS non_procedural_departures
    FROM f_labour_departure_counts($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
    GROUP BY ALL
    UNION ALL BY NAME
    SELECT destination_country AS iso3,
           records_if(n, departure_class = 'non_procedural') AS previous_non_procedural_departures
    FROM f_labour_departure_counts($prev_start, $prev_end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
    GROUP BY ALL
    UNION ALL BY NAME
    SELECT destination_country AS iso3,
           count(*) AS cases,
           count(*) FILTER (WHERE is_trafficking) AS trafficking_cases
    FROM f_cases($start, $end, $provinces, $regencies, $destinations, $genders)
    GROUP BY ALL
    UNION ALL BY NAME
    SELECT destination_country AS iso3,
           count(*) FILTER (WHERE is_trafficking) AS previous_trafficking_cases
    FROM f_cases($prev_start, $prev_end, $provinces, $regencies, $destinations, $genders)
    GROUP BY ALL
),
per_country AS (
    SELECT iso3,
           sum(registrations) AS registrations,
           sum(labour_departures) AS labour_departures,
           sum(non_procedural_departures) AS non_procedural_departures,
           sum(cases) AS cases,
           sum(trafficking_cases) AS trafficking_cases,
           sum(previous_non_procedural_departures) AS previous_non_procedural_departures,
           sum(previous_trafficking_cases) AS previous_trafficking_cases
    FROM counts
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
