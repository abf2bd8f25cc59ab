-- Per extract: published rows, and the first and latest day of data (the day that counts
-- periods: registered_on, the date of examined_at, reported_on). Every published row counts,
-- cancelled registrations included: this describes what the data holds, not an indicator.
-- record_months (queries/rollups/) counts every record; an extract with none still gets its row.
-- Summed per extract before the join: the join then meets three rows, not every rollup row.
WITH per_extract AS (
    SELECT extract, records(n) AS rows, min(first_day) AS first_day, max(last_day) AS last_day
    FROM record_months
    GROUP BY extract
)
SELECT e.extract, coalesce(r.rows, 0) AS rows, r.first_day, r.last_day
FROM (VALUES ('registrations', 1), ('departures', 2), ('cases', 3)) AS e(extract, sort_order)
LEFT JOIN per_extract AS r ON r.extract = e.extract
ORDER BY e.sort_order;
