-- Labour and non-procedural departures per month for the $limit destination countries with the
-- most labour departures in the period (ties by ISO3 code). With a destination filter only the
-- chosen countries compete. Every month of the period is listed for each, zero-filled.
WITH months AS (
    SELECT CAST(m AS DATE) AS month
    FROM generate_series(date_trunc('month', CAST($start AS DATE)),
                         date_trunc('month', CAST($end AS DATE)),
                         INTERVAL 1 MONTH) AS t(m)
),
dep AS (
    SELECT CAST(date_trunc('month', period_day) AS DATE) AS month,
           destination_country AS iso3,
           departure_class,
           n
    FROM f_labour_departure_counts($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
    WHERE destination_country IS NOT NULL
),
top AS (
    SELECT iso3, records(n) AS total
    FROM dep
    GROUP BY iso3
    ORDER BY total DESC, iso3
    LIMIT $limit
),
counts AS (
    SELECT month, iso3,
           records(n) AS labour_departures,
           records_if(n, departure_class = 'non_procedural') AS non_procedural_departures
    FROM dep
    WHERE iso3 IN (SELECT iso3 FROM top)
    GROUP BY ALL
)
SELECT
    top.iso3,
    c.name_id,
    c.name_en,
    months.month,
    coalesce(counts.labour_departures, 0) AS labour_departures,
    coalesce(counts.non_procedural_departures, 0) AS non_procedural_departures
FROM top
CROSS JOIN months
JOIN countries AS c ON c.iso3 = top.iso3
LEFT JOIN counts ON counts.iso3 = top.iso3 AND counts.month = months.month
ORDER BY top.total DESC, top.iso3, months.month;
