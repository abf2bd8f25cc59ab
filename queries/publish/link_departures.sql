-- Departures with their linked registration and class (DESIGN.md, "Indicators").
--
-- Linked registration: same person_key, status not cancelled, registered 0-365 days before
-- the departure (by date), same destination or either unknown; the latest one wins
-- (ties: the highest registration_id, so the result never depends on row order).
-- Labour departure: outcome departed, and declared purpose work, or marked suspected worker,
-- or linked to a registration. Procedural = labour + linked; non-procedural = labour, unlinked.
WITH candidates AS (
    SELECT
        d.departure_id,
        r.registration_id,
        row_number() OVER (
            PARTITION BY d.departure_id
            ORDER BY r.registered_on DESC, r.registration_id DESC
        ) AS rank
    FROM dep_records AS d
    JOIN reg_records AS r
      ON r.person_key = d.person_key
     AND r.status <> 'cancelled'
     AND CAST(d.examined_at AS DATE) - r.registered_on BETWEEN 0 AND 365
     AND (r.destination_country = d.destination_country
          OR r.destination_country IS NULL
          OR d.destination_country IS NULL)
),
linked AS (
    SELECT departure_id, registration_id AS linked_registration_id
    FROM candidates
    WHERE rank = 1
),
classified AS (
    SELECT
        d.*,
        l.linked_registration_id,
        d.outcome = 'departed'
            AND (d.declared_purpose = 'work'
                 OR coalesce(d.suspected_worker, false)
                 OR l.linked_registration_id IS NOT NULL) AS is_labour
    FROM dep_records AS d
    LEFT JOIN linked AS l USING (departure_id)
)
SELECT
    *,
    CASE
        WHEN NOT is_labour THEN NULL
        WHEN linked_registration_id IS NOT NULL THEN 'procedural'
        ELSE 'non_procedural'
    END AS departure_class
FROM classified
ORDER BY examined_at, departure_id;
