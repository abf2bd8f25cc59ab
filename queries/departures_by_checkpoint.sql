-- Per checkpoint (TPI): labour departures by class and prevented departures (penundaan).
-- Counted per checkpoint code first, then named: the join then meets one row per checkpoint
-- instead of every rollup row (same answer: checkpoint codes are unique in the list).
WITH counts AS (
    SELECT
        checkpoint_code,
        records_if(n, is_labour) AS labour_departures,
        records_if(n, departure_class = 'procedural') AS procedural_departures,
        records_if(n, departure_class = 'non_procedural') AS non_procedural_departures,
        records_if(n, outcome = 'delayed') AS prevented_departures
    FROM f_departure_counts($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
    GROUP BY checkpoint_code
)
SELECT
    d.checkpoint_code,
    cp.name AS checkpoint_name,
    cp.kind AS checkpoint_kind,
    d.labour_departures,
    d.procedural_departures,
    d.non_procedural_departures,
    d.prevented_departures
FROM counts AS d
JOIN checkpoints AS cp USING (checkpoint_code)
WHERE d.labour_departures > 0 OR d.prevented_departures > 0
ORDER BY d.non_procedural_departures DESC, d.prevented_departures DESC, d.checkpoint_code;
