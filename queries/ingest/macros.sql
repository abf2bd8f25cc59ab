-- Normalising macros used by ingest: every input value arrives as text and leaves as a typed
-- value or NULL. A NULL from a non-empty input is what validation reports as "invalid".

-- Empty strings and common spreadsheet placeholders mean "no value".
CREATE OR REPLACE MACRO clean(s) AS
    CASE WHEN lower(trim(s)) IN ('', 'null', 'nan', 'none', 'n/a', '-') THEN NULL ELSE trim(s) END;

-- Indonesian month names and abbreviations -> English ones strptime understands.
CREATE OR REPLACE MACRO english_months(s) AS
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(regexp_replace(regexp_replace(
        lower(s),
        'januari', 'january'), 'februari', 'february'), 'maret', 'march'),
        '\bmei\b', 'may'), 'juni', 'june'), 'juli', 'july'),
        'agustus', 'august'), 'oktober', 'october'), 'desember', 'december');

CREATE OR REPLACE MACRO parse_date(s) AS CAST(coalesce(
    try_strptime(clean(s), ['%Y-%m-%d', '%d/%m/%Y', '%d-%m-%Y', '%Y/%m/%d', '%d.%m.%Y']),
    try_strptime(clean(s), ['%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M:%S.%f']),
    try_strptime(english_months(clean(s)), ['%d %B %Y', '%d %b %Y']),
    -- Excel serial day numbers (1900 date system), plausible range only.
    CASE WHEN regexp_full_match(clean(s), '[0-9]{5}(\.0+)?')
         THEN DATE '1899-12-30' + CAST(CAST(clean(s) AS DOUBLE) AS INTEGER) END
) AS DATE);

-- Local examination time. Offsets are converted to Western Indonesia Time, where the
-- big exit checkpoints are, so a day boundary does not move with the exporter's settings.
CREATE OR REPLACE MACRO parse_timestamp(s) AS coalesce(
    try_strptime(clean(s), ['%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M',
                            '%Y-%m-%dT%H:%M', '%Y-%m-%d %H:%M:%S.%f', '%Y-%m-%dT%H:%M:%S.%f',
                            '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d-%m-%Y %H:%M:%S',
                            '%d-%m-%Y %H:%M']),
    timezone('Asia/Jakarta', try_strptime(replace(clean(s), 'Z', '+00:00'),
                            ['%Y-%m-%dT%H:%M:%S%z', '%Y-%m-%d %H:%M:%S%z',
                             '%Y-%m-%dT%H:%M:%S.%f%z', '%Y-%m-%d %H:%M:%S.%f%z'])),
    CAST(parse_date(s) AS TIMESTAMP)
);

CREATE OR REPLACE MACRO parse_gender(s) AS CASE
    WHEN regexp_replace(upper(clean(s)), '[^A-Z]', '', 'g')
         IN ('L', 'M', 'LAKILAKI', 'LAKI', 'PRIA', 'MALE') THEN 'M'
    WHEN regexp_replace(upper(clean(s)), '[^A-Z]', '', 'g')
         IN ('P', 'F', 'PEREMPUAN', 'WANITA', 'FEMALE') THEN 'F'
END;

CREATE OR REPLACE MACRO parse_bool(s) AS CASE
    WHEN lower(clean(s)) IN ('true', 't', 'ya', 'y', 'yes', '1', '1.0') THEN true
    WHEN lower(clean(s)) IN ('false', 'f', 'tidak', 'n', 'no', '0', '0.0') THEN false
END;

-- Region codes: '3201', '32.01' and ' 32 01 ' are the same regency.
CREATE OR REPLACE MACRO parse_code(s) AS regexp_replace(clean(s), '[\s.]', '', 'g');

-- NIK: digits only once spaces, dots and dashes are gone; anything else (an Excel
-- number in scientific notation, a NIK that lost digits) is left for validation to reject.
CREATE OR REPLACE MACRO parse_nik(s) AS regexp_replace(clean(s), '[\s.\-]', '', 'g');

CREATE OR REPLACE MACRO enum_key(s) AS regexp_replace(lower(clean(s)), '[^0-9a-z+]', '', 'g');

-- NIK digits 7-12 are DDMMYY of birth, with 40 added to the day for women.
CREATE OR REPLACE MACRO nik_birth_mismatch(nik, birth_date, gender) AS (
    (birth_date IS NOT NULL AND (
        CAST(substr(nik, 7, 2) AS INTEGER) % 40 <> day(birth_date)
        OR CAST(substr(nik, 9, 2) AS INTEGER) <> month(birth_date)
        OR CAST(substr(nik, 11, 2) AS INTEGER) <> year(birth_date) % 100))
    OR (gender IS NOT NULL AND gender <> CASE WHEN CAST(substr(nik, 7, 2) AS INTEGER) > 40 THEN 'F' ELSE 'M' END)
);

-- What a quarantine report may show of a NIK: the first 6 and last 4 digits.
CREATE OR REPLACE MACRO mask_nik(s) AS CASE
    WHEN length(regexp_replace(s, '[^0-9]', '', 'g')) <= 10
        THEN repeat('*', length(regexp_replace(s, '[^0-9]', '', 'g')))
    ELSE left(regexp_replace(s, '[^0-9]', '', 'g'), 6)
         || repeat('*', length(regexp_replace(s, '[^0-9]', '', 'g')) - 10)
         || right(regexp_replace(s, '[^0-9]', '', 'g'), 4)
END;
