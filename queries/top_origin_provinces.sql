-- Provinces of residence with the most labour departures, split by class.
-- Counted per province code first, then named: the join then meets one row per province instead
-- of every rollup row (same answer: province codes are unique in the list).
WITH counts AS (
    SELECT
        region_province AS province_code,
        records(n) AS labour_departures,
        records_if(n, departure_class = 'procedural') AS procedural,
        records_if(n, departure_class = 'non_procedural') AS non_procedural
    FROM f_labour_departure_counts($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
    GROUP BY region_province
)
SELECT
    d.province_code,
    p.name_short AS province_name,
    d.labour_departures,
    d.procedural,
    d.non_procedural
FROM counts AS d
JOIN provinces AS p ON p.province_code = d.province_code
ORDER BY d.labour_departures DESC, d.province_code
LIMIT $limit;
