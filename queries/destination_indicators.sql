-- Per destination country: registrations, labour and non-procedural departures, cases and
-- trafficking cases, in the period and in the comparison period ($prev_start..$prev_end),
-- for the destinations page and the "growing fastest" lists.
WITH periods AS (
    SELECT 'current' AS period, CAST($start AS DATE) AS s, CAST($end AS DATE) AS e
    UNION ALL SELECT 'previous', CAST($prev_start AS DATE), CAST($prev_end AS DATE)
),
reg AS (
    SELECT p.period, r.destination_country AS iso3, count(*) AS registrations
    FROM periods AS p,
         f_registrations(p.s, p.e, $provinces, $regencies, $destinations, $genders) AS r
    GROUP BY ALL
),
dep AS (
    SELECT p.period, d.destination_country AS iso3,
           count(*) AS labour_departures,
           count(*) FILTER (WHERE d.departure_class = 'non_procedural') AS non_procedural_departures
    FROM periods AS p,
         f_labour_departures(p.s, p.e, $provinces, $regencies, $destinations, $genders,
             checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds) AS d
    GROUP BY ALL
),
cas AS (
    SELECT p.period, c.destination_country AS iso3,
           count(*) AS cases,
           count(*) FILTER (WHERE c.is_trafficking) AS trafficking_cases
    FROM periods AS p,
         f_cases(p.s, p.e, $provinces, $regencies, $destinations, $genders) AS c
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
