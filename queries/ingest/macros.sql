-- Normalising macros used by ingest: every input value arrives as text and leaves as a typed
-- value or NULL. A NULL from a non-empty input is what validation reports as "invalid".

-- Empty strings and common spreadsheet placeholders mean "no value".
CREATE OR REPLACE MACRO clean(s) AS
    CASE WHEN lower(trim(s)) IN ('', 'null', 'nan', 'none', 'n/a', '-') THEN NULL ELSE trim(s) END;

-- Indonesian month names and abbreviations (and the old spellings Pebruari, Nopember) ->
-- English ones strptime understands.
CREATE OR REPLACE MACRO english_months(s) AS
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(
        lower(s),
        'januari', 'january'), '[fp]ebruari', 'february'), 'maret', 'march'),
        '\bmei\b', 'may'), 'juni', 'june'), 'juli', 'july'),
        'agustus', 'august'), 'oktober', 'october'), 'nopember', 'november'), 'desember', 'december'),
        '\b(agu|agt|ags)\b', 'aug'), '\bokt\b', 'oct'), '\bdes\b', 'dec'),
        '\bpeb\b', 'feb'), '\bnop\b', 'nov'), '\bsept\b', 'sep');

CREATE OR REPLACE MACRO parse_date(s) AS CAST(coalesce(
    try_strptime(clean(s), ['%Y-%m-%d', '%d/%m/%Y', '%d-%m-%Y', '%Y/%m/%d', '%d.%m.%Y']),
    try_strptime(clean(s), ['%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M:%S.%f']),
    try_strptime(english_months(clean(s)), ['%d %B %Y', '%d %b %Y', '%d-%B-%Y', '%d-%b-%Y']),
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
    -- An Excel serial with a time of day: the fraction is the share of the day.
    CASE WHEN regexp_full_match(clean(s), '[0-9]{5}\.[0-9]+')
         THEN TIMESTAMP '1899-12-30' + to_seconds(CAST(round(CAST(clean(s) AS DOUBLE) * 86400) AS BIGINT)) END,
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

-- Names and codes are matched on their letters and digits only, accents dropped, in upper case:
-- 'Kab. Bogor', 'KAB BOGOR' and 'kab bogor' are one spelling; '3201', '32.01' and ' 32 01 '
-- are one regency code.
CREATE OR REPLACE MACRO name_key(s) AS regexp_replace(upper(strip_accents(clean(s))), '[^0-9A-Z]', '', 'g');

-- The key an input value is looked up by in ref_names (queries/ingest/reference_names.sql).
-- A code column saved as numbers comes out as '3201.0': that is 3201, not 32010.
CREATE OR REPLACE MACRO lookup_key(s) AS name_key(
    CASE WHEN suffix(trim(s), '.0') THEN regexp_replace(clean(s), '^([0-9]{4})\.0+$', '\1') ELSE s END);

-- NIK: digits only once spaces, dots and dashes are gone; anything else (an Excel
-- number in scientific notation, a NIK that lost digits) is left for validation to reject.
CREATE OR REPLACE MACRO parse_nik(s) AS regexp_replace(clean(s), '[\s.\-]', '', 'g');

-- A NIK that went through Excel as a number: '3.20101E+15' (',' as the decimal sign in an
-- Indonesian Excel) or '3201015512950001.0'. Excel keeps 15 significant digits, so the digits
-- that are left cannot be trusted even when there are 16 of them.
CREATE OR REPLACE MACRO nik_number_format(s) AS
    regexp_full_match(clean(s), '[0-9]+([.,][0-9]*)?[eE][+-]?[0-9]+|[0-9]+[.,]0+');

-- person_key = HMAC-SHA256(secret, nik) (RFC 2104), the secret's inner and outer pads given as
-- blobs, so pseudonymising runs inside DuckDB (and spills to disk) rather than in a Python loop.
CREATE OR REPLACE MACRO person_key(nik, ipad, opad) AS sha256(opad || unhex(sha256(ipad || encode(nik))));

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
