-- Reference data and code lookups, as the job builds them (ReferenceData): keys from alpha-3, alpha-2,
-- numeric code, name and aliases, normalised (trimmed, upper case, one space); a key naming two places is dropped.
CREATE TABLE countries AS SELECT * FROM read_csv('${REF}/countries.csv', header = true, all_varchar = true, quote = '"', escape = '"', nullstr = '');
CREATE TABLE subdivisions AS SELECT * FROM read_csv('${REF}/subdivisions.csv', header = true, all_varchar = true, quote = '"', escape = '"', nullstr = '');
CREATE TABLE fx_rates AS SELECT currency, year::INT AS year, units_per_usd::DECIMAL(24,8) AS units_per_usd
    FROM read_csv('${REF}/fx_rates.csv', header = true, all_varchar = true, quote = '"', escape = '"');
CREATE TABLE region_groups AS SELECT * FROM read_csv('${REF}/region_groups.csv', header = true, all_varchar = true, quote = '"', escape = '"');
CREATE MACRO lookup_key(x) AS upper(regexp_replace(trim(x), '\s+', ' ', 'g'));
CREATE TABLE country_keys AS
WITH k AS (
    SELECT alpha3 AS key, alpha3 FROM countries
    UNION ALL SELECT alpha2, alpha3 FROM countries
    UNION ALL SELECT numeric, alpha3 FROM countries
    UNION ALL SELECT name, alpha3 FROM countries
    UNION ALL SELECT unnest(string_split(coalesce(aliases, ''), ';')), alpha3 FROM countries),
n AS (SELECT DISTINCT lookup_key(key) AS key, alpha3 FROM k WHERE key IS NOT NULL)
SELECT key, any_value(alpha3) AS alpha3 FROM n WHERE key <> '' GROUP BY key HAVING count(DISTINCT alpha3) = 1;
CREATE TABLE subdivision_keys AS
WITH k AS (
    SELECT code AS key, code, country_alpha3 FROM subdivisions
    UNION ALL SELECT name, code, country_alpha3 FROM subdivisions
    UNION ALL SELECT unnest(string_split(coalesce(aliases, ''), ';')), code, country_alpha3 FROM subdivisions),
n AS (SELECT DISTINCT lookup_key(key) AS key, code, country_alpha3 FROM k WHERE key IS NOT NULL)
SELECT key, any_value(code) AS code, any_value(country_alpha3) AS country_alpha3 FROM n WHERE key <> ''
GROUP BY key HAVING count(DISTINCT code) = 1;
CREATE TABLE region_names AS
SELECT DISTINCT ON (region_level, region_code) * FROM (
    SELECT 'subdivision' AS region_level, code AS region_code, name AS region_name FROM subdivisions
    UNION ALL SELECT 'country', alpha3, name FROM countries
    UNION ALL SELECT 'subregion', subregion_code, subregion_name FROM countries
    UNION ALL SELECT 'subregion', region_code, region_name FROM countries
    UNION ALL SELECT 'region_group', group_code, name FROM region_groups
    UNION ALL SELECT 'world', '001', 'World'
    -- victims whose country of exploitation is not known, as the job publishes them (Regions)
    UNION ALL SELECT 'country', 'unknown', 'Country not known') WHERE region_code IS NOT NULL;
-- Money: a / b rounded half up, on whole numbers (the job's decimals round half up; DuckDB's decimal division gives a double).
CREATE MACRO div_half_up(a, b) AS CASE WHEN b = 0 THEN NULL WHEN a >= 0 THEN (2 * a + b) // (2 * b) ELSE -((2 * (-a) + b) // (2 * b)) END;
CREATE MACRO cents(x) AS (x * 100)::HUGEINT;
-- amount / rate to USD cents: Spark divides decimal(22,2) by decimal(24,8) to 10 places, then rounds to 2.
CREATE MACRO usd_cents(amount, rate) AS div_half_up(div_half_up(cents(amount) * 10000000000000000::HUGEINT, (rate * 100000000)::HUGEINT), 100000000::HUGEINT);
CREATE MACRO choice(t, allowed) AS CASE WHEN list_contains(allowed, lower(t)) THEN lower(t) END;
CREATE MACRO whole(t) AS CASE WHEN TRY_CAST(t AS DECIMAL(38,6)) = floor(TRY_CAST(t AS DECIMAL(38,6))) THEN TRY_CAST(TRY_CAST(t AS DECIMAL(38,6)) AS INT) END;
CREATE MACRO iso_date(t) AS CASE WHEN regexp_full_match(t, '\d{4}-\d{2}-\d{2}') THEN try_strptime(t, '%Y-%m-%d')::DATE END;
CREATE MACRO txt(t) AS nullif(trim(t), '');
