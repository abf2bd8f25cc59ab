-- First and last day with any record, over all three extracts (default period, freshness).
-- record_months (queries/rollups/) keeps each month's first and last day of every record.
SELECT min(first_day) AS first_day, max(last_day) AS last_day
FROM record_months;
