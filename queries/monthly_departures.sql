-- Labour departures per month by class, with prevented departures (outcome delayed).
-- Months without any departure are still listed, so a chart shows gaps as zeros.
WITH months AS (
    SELECT CAST(m AS DATE) AS month
    FROM generate_series(date_trunc('month', CAST($start AS DATE)),
                         date_trunc('month', CAST($end AS DATE)),
                         INTERVAL 1 MONTH) AS t(m)
),
counts AS (
    SELECT
        CAST(date_trunc('month', period_day) AS DATE) AS month,
        records_if(n, departure_class = 'procedural') AS procedural,
        records_if(n, departure_class = 'non_procedural') AS non_procedural,
        records_if(n, outcome = 'delayed') AS prevented
    FROM f_departure_counts($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
    GROUP BY ALL
)
SELECT
    months.month,
    coalesce(counts.procedural, 0) AS procedural,
    coalesce(counts.non_procedural, 0) AS non_procedural,
    coalesce(counts.prevented, 0) AS prevented
FROM months LEFT JOIN counts USING (month)
ORDER BY months.month;
