-- Per extract: published rows, and the first and latest day of data (the day that counts
-- periods: registered_on, the date of examined_at, reported_on). Every published row counts,
-- cancelled registrations included: this describes what the data holds, not an indicator.
-- record_months (queries/rollups/) counts every record; an extract with none still gets its row.
SELECT e.extract, records(r.n) AS rows, min(r.first_day) AS first_day, max(r.last_day) AS last_day
FROM (VALUES ('registrations', 1), ('departures', 2), ('cases', 3)) AS e(extract, sort_order)
LEFT JOIN record_months AS r ON r.extract = e.extract
GROUP BY e.extract, e.sort_order
ORDER BY e.sort_order;
