-- Hotspots for joint Imigrasi-KP2MI socialisation: regencies of residence whose non-procedural
-- labour departures are highest in the period and higher than in the comparison period
-- ($prev_start..$prev_end), with the destinations and checkpoints that carry them.
WITH current_period AS (
    SELECT region_regency AS regency_code, destination_country, checkpoint_code, n
    FROM f_labour_departure_counts($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
    WHERE departure_class = 'non_procedural' AND region_regency IS NOT NULL
),
previous_period AS (
    SELECT region_regency AS regency_code, records(n) AS previous
    FROM f_labour_departure_counts($prev_start, $prev_end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
    WHERE departure_class = 'non_procedural'
    GROUP BY ALL
),
totals AS (
    SELECT regency_code, records(n) AS non_procedural_departures
    FROM current_period
    GROUP BY ALL
),
by_destination AS (
    SELECT regency_code, destination_country, records(n) AS n
    FROM current_period
    WHERE destination_country IS NOT NULL
    GROUP BY ALL
),
by_checkpoint AS (
    SELECT regency_code, checkpoint_code, records(n) AS n
    FROM current_period
    GROUP BY ALL
),
hot AS (
    SELECT t.regency_code,
           r.regency_name,
           r.province_code,
           t.non_procedural_departures,
           coalesce(p.previous, 0) AS previous_non_procedural_departures,
           t.non_procedural_departures - coalesce(p.previous, 0) AS increase
    FROM totals AS t
    JOIN regencies AS r ON r.regency_code = t.regency_code
    LEFT JOIN previous_period AS p ON p.regency_code = t.regency_code
    WHERE t.non_procedural_departures > coalesce(p.previous, 0)
    ORDER BY t.non_procedural_departures DESC, increase DESC, t.regency_code
    LIMIT $limit
),
-- The three destinations and checkpoints carrying most of each hotspot's departures (ties by code).
main_destinations AS (
    SELECT regency_code, string_agg(destination_country, ', ' ORDER BY n DESC, destination_country) AS codes
    FROM (SELECT *, row_number() OVER (PARTITION BY regency_code ORDER BY n DESC, destination_country) AS rank
          FROM by_destination
          WHERE regency_code IN (SELECT regency_code FROM hot))
    WHERE rank <= 3
    GROUP BY regency_code
),
main_checkpoints AS (
    SELECT regency_code, string_agg(checkpoint_code, ', ' ORDER BY n DESC, checkpoint_code) AS codes
    FROM (SELECT *, row_number() OVER (PARTITION BY regency_code ORDER BY n DESC, checkpoint_code) AS rank
          FROM by_checkpoint
          WHERE regency_code IN (SELECT regency_code FROM hot))
    WHERE rank <= 3
    GROUP BY regency_code
)
SELECT
    hot.*,
    d.codes AS main_destinations,
    c.codes AS main_checkpoints
FROM hot
LEFT JOIN main_destinations AS d USING (regency_code)
LEFT JOIN main_checkpoints AS c USING (regency_code)
ORDER BY hot.non_procedural_departures DESC, hot.increase DESC, hot.regency_code;
