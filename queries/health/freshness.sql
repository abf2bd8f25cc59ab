-- Per extract: published rows, and the first and latest day of data (the day that counts
-- periods: registered_on, the date of examined_at, reported_on). Every published row counts,
-- cancelled registrations included: this describes what the data holds, not an indicator.
SELECT 'registrations' AS extract, count(*) AS rows, min(period_day) AS first_day, max(period_day) AS last_day
FROM registrations
UNION ALL
SELECT 'departures', count(*), min(period_day), max(period_day) FROM departures
UNION ALL
SELECT 'cases', count(*), min(period_day), max(period_day) FROM cases;
