-- Registrations that count (not cancelled: DESIGN.md, "Registrations"), counted per day, origin
-- region, destination and gender: every column a filter or the scope tests (queries/views.sql),
-- so sum(n) over its filtered rows equals count(*) over the filtered records.
-- Built at publish time (pantau/rollups.py); 'registrations.parquet' is the version's own file.
SELECT
    registered_on AS period_day,
    origin_province_code AS region_province,
    origin_regency_code AS region_regency,
    destination_country,
    gender,
    count(*) AS n
FROM read_parquet('registrations.parquet')
WHERE status <> 'cancelled'
GROUP BY ALL
ORDER BY ALL
