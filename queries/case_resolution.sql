-- Case status and time to resolution (days from report to resolution, resolved cases only).
SELECT
    coalesce(status, 'unknown') AS status,
    count(*) AS cases,
    count(*) FILTER (WHERE is_trafficking) AS trafficking_cases,
    median(resolved_on - reported_on) FILTER (WHERE resolved_on >= reported_on) AS median_days_to_resolution,
    avg(resolved_on - reported_on) FILTER (WHERE resolved_on >= reported_on) AS mean_days_to_resolution
FROM f_cases($start, $end, $provinces, $regencies, $destinations, $genders)
GROUP BY ALL
ORDER BY status;
