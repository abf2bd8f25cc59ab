-- Departures that count in an indicator (labour departures and prevented ones), counted per day,
-- residence region, destination, gender, checkpoint and class. It keeps every column a filter or
-- the scope tests (queries/views.sql), so sum(n) over its filtered rows equals count(*) over the
-- filtered records, for any filters. The ~95% of examinations that count in no indicator (tourists,
-- visits) are left out: record_months counts every record for freshness and data health.
-- Built at publish time (pantau/rollups.py); 'departures.parquet' is the version's own file.
SELECT
    CAST(examined_at AS DATE) AS period_day,
    residence_province_code AS region_province,
    residence_regency_code AS region_regency,
    destination_country,
    gender,
    checkpoint_code,
    is_labour,
    departure_class,
    outcome,
    count(*) AS n
FROM read_parquet('departures.parquet')
WHERE is_labour OR outcome = 'delayed'
GROUP BY ALL
-- Day first, then region: a period filter skips whole row groups, a region filter parts of them.
ORDER BY ALL
