-- Examinations (every departure record, whatever its outcome) per checkpoint and calendar month,
-- only months that have any; pantau/data_health.py looks for busy checkpoints with an empty month.
SELECT d.checkpoint_code,
       coalesce(cp.name, d.checkpoint_code) AS checkpoint_name,
       d.month,
       records(d.n) AS departures
FROM departure_checkpoint_months AS d
LEFT JOIN checkpoints AS cp USING (checkpoint_code)
GROUP BY ALL
ORDER BY d.checkpoint_code, d.month;
