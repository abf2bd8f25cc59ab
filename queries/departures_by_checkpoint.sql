-- Per checkpoint (TPI): labour departures by class and prevented departures (penundaan).
SELECT
    d.checkpoint_code,
    cp.name AS checkpoint_name,
    cp.kind AS checkpoint_kind,
    records_if(d.n, d.is_labour) AS labour_departures,
    records_if(d.n, d.departure_class = 'procedural') AS procedural_departures,
    records_if(d.n, d.departure_class = 'non_procedural') AS non_procedural_departures,
    records_if(d.n, d.outcome = 'delayed') AS prevented_departures
FROM f_departure_counts($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds) AS d
JOIN checkpoints AS cp USING (checkpoint_code)
GROUP BY ALL
HAVING labour_departures > 0 OR prevented_departures > 0
ORDER BY non_procedural_departures DESC, prevented_departures DESC, checkpoint_code;
