-- Per kind of checkpoint (air, sea, land): labour departures by class and prevented departures.
-- Every kind is listed, zero where nothing happened; a checkpoint missing from the reference list
-- counts as 'unknown' (listed only when it occurs), so the kinds add up to the national totals.
WITH kinds AS (
    SELECT kind, ordinal AS sort_order
    FROM (SELECT unnest(['air', 'sea', 'land']) AS kind, unnest([1, 2, 3]) AS ordinal)
),
counts AS (
    SELECT
        coalesce(checkpoint_kind, 'unknown') AS kind,
        count(*) FILTER (WHERE is_labour) AS labour_departures,
        count(*) FILTER (WHERE departure_class = 'procedural') AS procedural_departures,
        count(*) FILTER (WHERE departure_class = 'non_procedural') AS non_procedural_departures,
        count(*) FILTER (WHERE outcome = 'delayed') AS prevented_departures
    FROM f_departures($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
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
