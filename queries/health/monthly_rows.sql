-- Published rows per extract and calendar month (of the day that counts periods), only months
-- that have rows; pantau/data_health.py finds the months in between that have none.
SELECT extract, month, records(n) AS rows
FROM record_months
GROUP BY ALL
ORDER BY extract, month;
