-- Examinations (every departure record, whatever its outcome) per checkpoint and calendar month,
-- only months that have any; pantau/data_health.py looks for busy checkpoints with an empty month.
SELECT d.checkpoint_code,
       coalesce(cp.name, d.checkpoint_code) AS checkpoint_name,
       date_trunc('month', d.period_day) AS month,
       count(*) AS departures
FROM departures AS d
LEFT JOIN checkpoints AS cp USING (checkpoint_code)
GROUP BY ALL
ORDER BY d.checkpoint_code, month;
