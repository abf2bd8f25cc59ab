-- Destination countries with the most labour departures, split by class.
-- Counted per country code first, then named: the join then meets one row per country instead
-- of every rollup row (same answer: iso3 is unique in the countries list).
WITH counts AS (
    SELECT
        destination_country AS iso3,
        records(n) AS labour_departures,
        records_if(n, departure_class = 'procedural') AS procedural,
        records_if(n, departure_class = 'non_procedural') AS non_procedural
    FROM f_labour_departure_counts($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
    GROUP BY destination_country
)
SELECT
    d.iso3,
    c.name_id,
    c.name_en,
    d.labour_departures,
    d.procedural,
    d.non_procedural
FROM counts AS d
JOIN countries AS c ON c.iso3 = d.iso3
ORDER BY d.labour_departures DESC, d.iso3
LIMIT $limit;
