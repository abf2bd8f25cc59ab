-- Trafficking (TPPO) cases by one $dimension: 'exploitation' (form of exploitation),
-- 'destination' (ISO3) or 'province' (of origin); with their departure mode.
-- A missing value is its own group ('unknown'), never dropped.
SELECT
    coalesce(CASE $dimension
                 WHEN 'exploitation' THEN exploitation_type
                 WHEN 'destination' THEN destination_country
                 WHEN 'province' THEN region_province
             END, 'unknown') AS category,
    count(*) AS trafficking_cases,
    count(*) FILTER (WHERE departure_mode = 'procedural') AS procedural,
    count(*) FILTER (WHERE departure_mode = 'non_procedural') AS non_procedural,
    count(*) FILTER (WHERE departure_mode = 'unknown') AS unknown
FROM f_cases($start, $end, $provinces, $regencies, $destinations, $genders)
WHERE is_trafficking
GROUP BY ALL
ORDER BY trafficking_cases DESC, category;
