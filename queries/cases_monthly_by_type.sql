-- Cases per month and case type (every month of the period, zero-filled per type present).
WITH months AS (
    SELECT CAST(m AS DATE) AS month
    FROM generate_series(date_trunc('month', CAST($start AS DATE)),
                         date_trunc('month', CAST($end AS DATE)),
                         INTERVAL 1 MONTH) AS t(m)
),
filtered AS (
    SELECT CAST(date_trunc('month', period_day) AS DATE) AS month, case_type
    FROM f_cases($start, $end, $provinces, $regencies, $destinations, $genders)
),
types AS (SELECT DISTINCT case_type FROM filtered),
counts AS (SELECT month, case_type, count(*) AS cases FROM filtered GROUP BY ALL)
SELECT months.month, types.case_type, coalesce(counts.cases, 0) AS cases
FROM months CROSS JOIN types
LEFT JOIN counts USING (month, case_type)
ORDER BY months.month, types.case_type;
