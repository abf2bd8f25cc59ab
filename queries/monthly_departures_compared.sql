-- Labour departures per month by class, with prevented departures (outcome delayed), in the period
-- ($start..$end, period 'current') and in the comparison period ($prev_start..$prev_end, period
-- 'previous'): monthly_departures.sql for both in one query, the departures page's trend charts.
-- Months without any departure are still listed, so a chart shows gaps as zeros.
WITH periods AS (
    SELECT 'current' AS period, CAST($start AS DATE) AS first_day, CAST($end AS DATE) AS last_day
    UNION ALL
    SELECT 'previous', CAST($prev_start AS DATE), CAST($prev_end AS DATE)
),
months AS (
    SELECT period, CAST(unnest(generate_series(date_trunc('month', first_day), date_trunc('month', last_day),
                                               INTERVAL 1 MONTH)) AS DATE) AS month
    FROM periods
),
counts AS (
    SELECT
        period,
        CAST(date_trunc('month', period_day) AS DATE) AS month,
        records_if(n, departure_class = 'procedural') AS procedural,
        records_if(n, departure_class = 'non_procedural') AS non_procedural,
        records_if(n, outcome = 'delayed') AS prevented
    FROM (
        SELECT 'current' AS period, *
        FROM f_departure_counts($start, $end, $provinces, $regencies, $destinations, $genders,
            checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
        UNION ALL
        SELECT 'previous', *
        FROM f_departure_counts($prev_start, $prev_end, $provinces, $regencies, $destinations, $genders,
            checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
    )
    GROUP BY ALL
)
SELECT
    months.period,
    months.month,
    coalesce(counts.procedural, 0) AS procedural,
    coalesce(counts.non_procedural, 0) AS non_procedural,
    coalesce(counts.prevented, 0) AS prevented
FROM months LEFT JOIN counts USING (period, month)
ORDER BY months.period, months.month;
