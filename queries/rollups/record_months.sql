-- Every published record (cancelled registrations and tourists' examinations included), counted per
-- extract, calendar month (of the day that counts periods) and region, with the first and last day:
-- the data period, freshness and data health read this instead of the records.
-- Built at publish time (pantau/rollups.py) from the version's own files.
SELECT 'registrations' AS extract,
       date_trunc('month', registered_on) AS month,
       origin_province_code AS region_province,
       origin_regency_code AS region_regency,
       count(*) AS n,
       min(registered_on) AS first_day,
       max(registered_on) AS last_day
FROM read_parquet('registrations.parquet')
GROUP BY ALL
UNION ALL
SELECT 'departures',
       date_trunc('month', CAST(examined_at AS DATE)),
       residence_province_code,
       residence_regency_code,
       count(*),
       min(CAST(examined_at AS DATE)),
       max(CAST(examined_at AS DATE))
FROM read_parquet('departures.parquet')
GROUP BY ALL
UNION ALL
SELECT 'cases',
       date_trunc('month', reported_on),
       origin_province_code,
       origin_regency_code,
       count(*),
       min(reported_on),
       max(reported_on)
FROM read_parquet('cases.parquet')
GROUP BY ALL
ORDER BY ALL
