-- Per kind of checkpoint (air, sea, land): labour departures by class and prevented departures.
-- Every kind is listed, zero where nothing happened; a checkpoint missing from the reference list
-- counts as 'unknown' (listed only when a labour or prevented departure has one), so the kinds add
-- up to the national totals.
WITH kinds AS (
    SELECT kind, ordinal AS sort_order
    FROM (SELECT unnest(['air', 'sea', 'land']) AS kind, unnest([1, 2, 3]) AS ordinal)
),
counts AS (
    SELECT
        coalesce(cp.kind, 'unknown') AS kind,
        records_if(d.n, d.is_labour) AS labour_departures,
        records_if(d.n, d.departure_class = 'procedural') AS procedural_departures,
        records_if(d.n, d.departure_class = 'non_procedural') AS non_procedural_departures,
        records_if(d.n, d.outcome = 'delayed') AS prevented_departures
    FROM f_departure_counts($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds) AS d
    LEFT JOIN checkpoints AS cp USING (checkpoint_code)
    GROUP BY ALL
)
SELECT
    kind,
    coalesce(counts.labour_departures, 0) AS labour_departures,
    coalesce(counts.procedural_departures, 0) AS procedural_departures,
    coalesce(counts.non_procedural_departures, 0) AS non_procedural_departures,
    coalesce(counts.prevented_departures, 0) AS prevented_departures
FROM kinds FULL JOIN counts USING (kind)
ORDER BY coalesce(kinds.sort_order, 4);
