-- Departure mode of cases and where it came from: linkage to a departure, the report, or none.
SELECT
    departure_mode,
    mode_source,
    count(*) AS cases,
    count(*) FILTER (WHERE is_trafficking) AS trafficking_cases
FROM f_cases($start, $end, $provinces, $regencies, $destinations, $genders)
GROUP BY ALL
ORDER BY departure_mode, mode_source;
