-- Provinces of residence with the most labour departures, split by class.
SELECT
    d.region_province AS province_code,
    p.name_short AS province_name,
    records(d.n) AS labour_departures,
    records_if(d.n, d.departure_class = 'procedural') AS procedural,
    records_if(d.n, d.departure_class = 'non_procedural') AS non_procedural
FROM f_labour_departure_counts($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds) AS d
JOIN provinces AS p ON p.province_code = d.region_province
GROUP BY ALL
ORDER BY labour_departures DESC, province_code
LIMIT $limit;
