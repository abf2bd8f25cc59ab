-- Labour departures by class per province and per regency of residence, both in one pass over the
-- rollup: the departures page's two origin charts. Only areas with a labour departure are listed,
-- most first; codes missing from the code lists are left out (as region_indicators.sql, which lists
-- the code lists' areas). The regencies are those the filters allow: a chosen province's own.
WITH counts AS (
    SELECT
        grouping(region_regency) = 0 AS is_regency,
        region_province,
        region_regency,
        records(n) AS labour_departures,
        records_if(n, departure_class = 'procedural') AS procedural_departures,
        records_if(n, departure_class = 'non_procedural') AS non_procedural_departures
    FROM f_labour_departure_counts($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
    GROUP BY GROUPING SETS ((region_province), (region_province, region_regency))
)
SELECT 'province' AS level, c.region_province AS code, p.name_short AS name,
       c.labour_departures, c.procedural_departures, c.non_procedural_departures
FROM counts AS c
JOIN provinces AS p ON p.province_code = c.region_province
WHERE NOT c.is_regency AND c.labour_departures > 0
UNION ALL
SELECT 'regency', c.region_regency, r.regency_name,
       c.labour_departures, c.procedural_departures, c.non_procedural_departures
FROM counts AS c
JOIN regencies AS r ON r.regency_code = c.region_regency
WHERE c.is_regency AND c.labour_departures > 0
ORDER BY level, labour_departures DESC, code;
