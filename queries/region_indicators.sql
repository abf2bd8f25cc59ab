-- Every area with all region indicators for the filters, zero where nothing happened: the
-- maps, their ranking tables and profiles. Region = origin (registrations, cases) or residence
-- (departures). $level is 'province' (all 38) or 'regency' (those of $province; '' = all 514).
WITH areas AS (
    SELECT province_code AS code, name_short AS name, province_code
    FROM provinces
    WHERE $level = 'province'
    UNION ALL
    SELECT regency_code, regency_name, province_code
    FROM regencies
    WHERE $level = 'regency' AND ($province = '' OR province_code = $province)
),
reg AS (
    SELECT area_code($level, region_province, region_regency) AS code,
           records(n) AS registrations
    FROM f_registration_counts($start, $end, $provinces, $regencies, $destinations, $genders)
    GROUP BY ALL
),
dep AS (
    SELECT area_code($level, region_province, region_regency) AS code,
           records_if(n, is_labour) AS labour_departures,
           records_if(n, departure_class = 'procedural') AS procedural_departures,
           records_if(n, departure_class = 'non_procedural') AS non_procedural_departures,
           records_if(n, outcome = 'delayed') AS prevented_departures
    FROM f_departure_counts($start, $end, $provinces, $regencies, $destinations, $genders,
        checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
    GROUP BY ALL
),
cas AS (
    SELECT area_code($level, region_province, region_regency) AS code,
           count(*) AS cases,
           count(*) FILTER (WHERE is_trafficking) AS trafficking_cases
    FROM f_cases($start, $end, $provinces, $regencies, $destinations, $genders)
    GROUP BY ALL
)
SELECT
    a.code,
    a.name,
    a.province_code,
    coalesce(reg.registrations, 0) AS registrations,
    coalesce(dep.labour_departures, 0) AS labour_departures,
    coalesce(dep.procedural_departures, 0) AS procedural_departures,
    coalesce(dep.non_procedural_departures, 0) AS non_procedural_departures,
    dep.non_procedural_departures / nullif(dep.labour_departures, 0) AS non_procedural_share,
    coalesce(dep.prevented_departures, 0) AS prevented_departures,
    coalesce(cas.cases, 0) AS cases,
    coalesce(cas.trafficking_cases, 0) AS trafficking_cases
FROM areas AS a
LEFT JOIN reg ON reg.code = a.code
LEFT JOIN dep ON dep.code = a.code
LEFT JOIN cas ON cas.code = a.code
ORDER BY a.code;
