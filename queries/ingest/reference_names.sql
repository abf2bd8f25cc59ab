-- The lookup table that turns codes and names in extracts into reference codes, built from
-- ref_spellings(kind, spelling, code, retired) (pantau/reference.py name_rows).
-- One row per (kind, key): the code the key means, or NULL and ambiguous when it means several
-- (a bare 'Bogor' is both Kabupaten and Kota Bogor); retired when the key is a retired code.
CREATE OR REPLACE TABLE ref_names AS
SELECT kind,
       name_key(spelling) AS key,
       CASE WHEN count(DISTINCT code) = 1 THEN min(code) END AS code,
       count(DISTINCT code) > 1 AS ambiguous,
       bool_or(retired) AS retired
FROM ref_spellings
WHERE name_key(spelling) <> ''
GROUP BY kind, name_key(spelling);
