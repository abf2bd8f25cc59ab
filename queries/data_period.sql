-- First and last day with any record, over all three extracts (default period, freshness).
SELECT min(first_day) AS first_day, max(last_day) AS last_day
FROM (
    SELECT min(period_day) AS first_day, max(period_day) AS last_day FROM registrations
    UNION ALL
    SELECT min(period_day), max(period_day) FROM departures
    UNION ALL
    SELECT min(period_day), max(period_day) FROM cases
);
