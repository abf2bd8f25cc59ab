-- Provinces of residence with the most labour departures, split by class.
SELECT
    d.region_province AS province_code,
    p.name_short AS province_name,
    count(*) AS labour_departures,
    count(*) FILTER (WHERE d.departure_class = 'procedural') AS procedural,
    count(*) FILTER (WHERE d.departure_class = 'non_procedural') AS non_procedural
FROM f_labour_departures($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds) AS d
JOIN provinces AS p ON p.province_code = d.region_province
GROUP BY ALL
ORDER BY labour_departures DESC, province_code
LIMIT $limit;
