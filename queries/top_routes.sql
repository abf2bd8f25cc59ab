-- Routes (checkpoint -> destination) carrying the most non-procedural labour departures.
SELECT
    d.checkpoint_code,
    cp.name AS checkpoint_name,
    cp.kind AS checkpoint_kind,
    d.destination_country,
    records_if(d.n, d.departure_class = 'non_procedural') AS non_procedural_departures,
    records(d.n) AS labour_departures,
    non_procedural_departures / labour_departures AS non_procedural_share
FROM f_labour_departure_counts($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds) AS d
JOIN checkpoints AS cp USING (checkpoint_code)
GROUP BY ALL
HAVING non_procedural_departures > 0
ORDER BY non_procedural_departures DESC, d.checkpoint_code, d.destination_country
LIMIT $limit;
