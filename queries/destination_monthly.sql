-- Labour and non-procedural departures per month for the $limit destination countries with the
-- most labour departures in the period (ties by ISO3 code). With a destination filter only the
-- chosen countries compete. Every month of the period is listed for each, zero-filled.
-- The rollup rows are counted per month and country once; the ranking and the chart both read
-- those few counts (a country's total is the sum of its months).
WITH months AS (
    SELECT CAST(m AS DATE) AS month
    FROM generate_series(date_trunc('month', CAST($start AS DATE)),
                         date_trunc('month', CAST($end AS DATE)),
                         INTERVAL 1 MONTH) AS t(m)
),
counts AS (
    SELECT CAST(date_trunc('month', period_day) AS DATE) AS month,
           destination_country AS iso3,
           records(n) AS labour_departures,
           records_if(n, departure_class = 'non_procedural') AS non_procedural_departures
    FROM f_labour_departure_counts($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
    WHERE destination_country IS NOT NULL
    GROUP BY ALL
),
top AS (
    SELECT iso3, CAST(sum(labour_departures) AS BIGINT) AS total
    FROM counts
    GROUP BY iso3
    ORDER BY total DESC, iso3
    LIMIT $limit
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
