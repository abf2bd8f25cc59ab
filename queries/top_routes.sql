-- Routes (checkpoint -> destination) carrying the most non-procedural labour departures.
-- Counted per (checkpoint, destination) code pair first, then named: the join then meets one row
-- per route instead of every rollup row (same answer: checkpoint codes are unique in the list).
WITH routes AS (
    SELECT
        checkpoint_code,
        destination_country,
        records_if(n, departure_class = 'non_procedural') AS non_procedural_departures,
        records(n) AS labour_departures
    FROM f_labour_departure_counts($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
    GROUP BY checkpoint_code, destination_country
    HAVING non_procedural_departures > 0
)
SELECT
    d.checkpoint_code,
    cp.name AS checkpoint_name,
    cp.kind AS checkpoint_kind,
    d.destination_country,
    d.non_procedural_departures,
    d.labour_departures,
    d.non_procedural_departures / d.labour_departures AS non_procedural_share
FROM routes AS d
JOIN checkpoints AS cp USING (checkpoint_code)
ORDER BY d.non_procedural_departures DESC, d.checkpoint_code, d.destination_country
LIMIT $limit;
