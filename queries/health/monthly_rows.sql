-- Published rows per extract and calendar month (of the day that counts periods), only months
-- that have rows; pantau/data_health.py finds the months in between that have none.
SELECT extract, month, count(*) AS rows
FROM (
    SELECT 'registrations' AS extract, date_trunc('month', period_day) AS month FROM registrations
    UNION ALL
    SELECT 'departures', date_trunc('month', period_day) FROM departures
    UNION ALL
    SELECT 'cases', date_trunc('month', period_day) FROM cases
)
GROUP BY ALL
ORDER BY extract, month;
