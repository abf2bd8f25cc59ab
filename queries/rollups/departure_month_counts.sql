-- departure_counts by calendar month (period_day = the month's first day): a period's whole months
-- are read from here, its other days from departure_counts (queries/views.sql, departure_counts_in).
SELECT * EXCLUDE (n) REPLACE (CAST(date_trunc('month', period_day) AS DATE) AS period_day),
       CAST(sum(n) AS BIGINT) AS n
FROM rollups.departure_counts
GROUP BY ALL
ORDER BY ALL
