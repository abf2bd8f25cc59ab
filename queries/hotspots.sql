-- Hotspots for joint Imigrasi-KP2MI socialisation: regencies of residence whose non-procedural
-- labour departures are highest in the period and higher than in the comparison period
-- ($prev_start..$prev_end), with the destinations and checkpoints that carry them.
WITH current_period AS (
    SELECT region_regency AS regency_code, destination_country, checkpoint_code
    FROM f_labour_departures($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
    WHERE departure_class = 'non_procedural' AND region_regency IS NOT NULL
),
previous_period AS (
    SELECT region_regency AS regency_code, count(*) AS previous
    FROM f_labour_departures($prev_start, $prev_end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
    WHERE departure_class = 'non_procedural'
    GROUP BY ALL
),
totals AS (
    SELECT regency_code, count(*) AS non_procedural_departures
    FROM current_period
    GROUP BY ALL
),
by_destination AS (
    SELECT regency_code, destination_country, count(*) AS n
    FROM current_period
    WHERE destination_country IS NOT NULL
    GROUP BY ALL
),
by_checkpoint AS (
    SELECT regency_code, checkpoint_code, count(*) AS n
    FROM current_period
    GROUP BY ALL
)
SELECT
    t.regency_code,
    r.regency_name,
    r.province_code,
    t.non_procedural_departures,
    coalesce(p.previous, 0) AS previous_non_procedural_departures,
    t.non_procedural_departures - coalesce(p.previous, 0) AS increase,
    (SELECT string_agg(destination_country, ', ' ORDER BY n DESC, destination_country)
     FROM (SELECT * FROM by_destination AS d WHERE d.regency_code = t.regency_code
           ORDER BY n DESC, destination_country LIMIT 3)) AS main_destinations,
    (SELECT string_agg(checkpoint_code, ', ' ORDER BY n DESC, checkpoint_code)
     FROM (SELECT * FROM by_checkpoint AS c WHERE c.regency_code = t.regency_code
           ORDER BY n DESC, checkpoint_code LIMIT 3)) AS main_checkpoints
FROM totals AS t
JOIN regencies AS r ON r.regency_code = t.regency_code
LEFT JOIN previous_period AS p ON p.regency_code = t.regency_code
WHERE t.non_procedural_departures > coalesce(p.previous, 0)
ORDER BY t.non_procedural_departures DESC, increase DESC, t.regency_code
LIMIT $limit;
