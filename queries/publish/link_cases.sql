-- Cases with their departure mode (DESIGN.md, "Case departure mode").
--
-- From the linked departure: the same person's latest labour departure on or before the
-- report date, to the same destination (or either unknown); else the mode the case reported;
-- else unknown. mode_source says which of the three applied.
-- is_trafficking was settled at ingest (pantau/schema.py, DERIVED): flagged tppo or of type trafficking.
WITH candidates AS (
    SELECT
        c.case_id,
        d.departure_id,
        d.departure_class,
        row_number() OVER (
            PARTITION BY c.case_id
            ORDER BY d.examined_at DESC, d.departure_id DESC
        ) AS rank
    FROM case_records AS c
    JOIN linked_departures AS d
      ON d.person_key = c.person_key
     AND d.is_labour
     AND CAST(d.examined_at AS DATE) <= c.reported_on
     AND (d.destination_country = c.destination_country
          OR d.destination_country IS NULL
          OR c.destination_country IS NULL)
),
linked AS (
    SELECT case_id, departure_id AS linked_departure_id, departure_class AS linked_class
    FROM candidates
    WHERE rank = 1
)
SELECT
    c.*,
    l.linked_departure_id,
    CASE
        WHEN l.linked_class IS NOT NULL THEN l.linked_class
        WHEN c.departure_mode_reported IN ('procedural', 'non_procedural') THEN c.departure_mode_reported
        ELSE 'unknown'
    END AS departure_mode,
    CASE
        WHEN l.linked_class IS NOT NULL THEN 'linked'
        WHEN c.departure_mode_reported IN ('procedural', 'non_procedural') THEN 'reported'
        ELSE 'none'
    END AS mode_source
FROM case_records AS c
LEFT JOIN linked AS l USING (case_id)
ORDER BY c.reported_on, c.case_id;
