-- Every departure record (whatever its outcome), counted per calendar month, residence region and
-- checkpoint: data health's busy checkpoints with an empty month (queries/health/checkpoint_months.sql).
-- Built at publish time (pantau/rollups.py); 'departures.parquet' is the version's own file.
SELECT date_trunc('month', CAST(examined_at AS DATE)) AS month,
       residence_province_code AS region_province,
       residence_regency_code AS region_regency,
       checkpoint_code,
       count(*) AS n
FROM read_parquet('departures.parquet')
GROUP BY ALL
ORDER BY ALL
