-- Destination countries with the most labour departures, split by class.
SELECT
    d.destination_country AS iso3,
    c.name_id,
    c.name_en,
    records(d.n) AS labour_departures,
    records_if(d.n, d.departure_class = 'procedural') AS procedural,
    records_if(d.n, d.departure_class = 'non_procedural') AS non_procedural
FROM f_labour_departure_counts($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds) AS d
JOIN countries AS c ON c.iso3 = d.destination_country
GROUP BY ALL
ORDER BY labour_departures DESC, iso3
LIMIT $limit;
