-- compounds, revenue_estimates and enforcement_actions: read, typed, their rules, duplicates, silver.

CREATE TABLE c_csv AS SELECT * FROM read_csv('${INPUT}/compounds/*.csv', header = true, all_varchar = true, filename = true, quote = '"',
      escape = '"', nullstr = '', store_rejects = true, rejects_table = 'compounds_rejects', rejects_scan = 'compounds_scan');
CREATE TABLE c_raw AS
SELECT * EXCLUDE (filename, rid), filename AS source_file, rid - min(rid) OVER (PARTITION BY filename) + 1 AS source_row
FROM (SELECT *, rowid AS rid FROM c_csv)
UNION ALL BY NAME
SELECT * EXCLUDE (latitude, longitude, first_reported, estimated_workers_low, estimated_workers_high, filename, file_row_number),
       latitude::VARCHAR AS latitude, longitude::VARCHAR AS longitude, strftime(first_reported, '%Y-%m-%d') AS first_reported,
       estimated_workers_low::VARCHAR AS estimated_workers_low, estimated_workers_high::VARCHAR AS estimated_workers_high,
       filename AS source_file, file_row_number + 1 AS source_row
FROM read_parquet('${INPUT}/compounds/*.parquet', filename = true, file_row_number = true);

CREATE TABLE c_ruled AS
WITH t AS (
    SELECT txt(compound_id) AS compound_id, txt(name) AS name, txt(country) AS t_country, txt(subdivision) AS t_sub,
           txt(latitude) AS t_lat, txt(longitude) AS t_lon, txt(first_reported) AS t_first, txt(status) AS t_status,
           txt(status_date) AS t_status_date, txt(estimated_workers_low) AS t_low, txt(estimated_workers_high) AS t_high,
           txt(aliases) AS aliases, txt(district) AS district, txt(operator) AS operator, txt(source_url) AS source_url, source_file, source_row
    FROM c_raw),
c AS (
    SELECT t.*, ck.alpha3 AS country_code, sk.code AS subdivision, sk.country_alpha3 AS sub_country,
           TRY_CAST(t_lat AS DOUBLE) AS latitude, TRY_CAST(t_lon AS DOUBLE) AS longitude, iso_date(t_first) AS first_reported,
           choice(t_status, ['operating', 'raided', 'closed', 'relocated']) AS status, iso_date(t_status_date) AS status_date,
           whole(t_low) AS estimated_workers_low, whole(t_high) AS estimated_workers_high
    FROM t LEFT JOIN country_keys ck ON lookup_key(t.t_country) = ck.key LEFT JOIN subdivision_keys sk ON lookup_key(t.t_sub) = sk.key),
d AS (SELECT c.*, CASE WHEN t_country IS NULL THEN sub_country ELSE country_code END AS country FROM c)
SELECT *, CASE
    WHEN t_country IS NOT NULL AND country IS NULL THEN 'country_known'
    WHEN t_sub IS NOT NULL AND subdivision IS NULL THEN 'subdivision_known'
    WHEN subdivision IS NOT NULL AND country IS NOT NULL AND sub_country <> country THEN 'subdivision_in_country'
    WHEN t_lat IS NOT NULL AND latitude IS NULL THEN 'latitude_number'
    WHEN t_lon IS NOT NULL AND longitude IS NULL THEN 'longitude_number'
    WHEN t_first IS NOT NULL AND first_reported IS NULL THEN 'first_reported_date'
    WHEN t_status IS NOT NULL AND status IS NULL THEN 'status_allowed'
    WHEN t_status_date IS NOT NULL AND status_date IS NULL THEN 'status_date_date'
    WHEN t_low IS NOT NULL AND estimated_workers_low IS NULL THEN 'estimated_workers_low_number'
    WHEN t_high IS NOT NULL AND estimated_workers_high IS NULL THEN 'estimated_workers_high_number'
    WHEN compound_id IS NULL THEN 'compound_id_required'
    WHEN name IS NULL THEN 'name_required'
    WHEN country IS NULL AND t_country IS NULL THEN 'country_required'
    WHEN status IS NULL AND t_status IS NULL THEN 'status_required'
    WHEN latitude IS NOT NULL AND NOT latitude BETWEEN -90 AND 90 THEN 'latitude_range'
    WHEN longitude IS NOT NULL AND NOT longitude BETWEEN -180 AND 180 THEN 'longitude_range'
    WHEN (latitude IS NULL) <> (longitude IS NULL) THEN 'coordinates_together'
    WHEN coalesce(estimated_workers_low, 0) < 0 OR coalesce(estimated_workers_high, 0) < 0 THEN 'workers_not_negative'
    WHEN estimated_workers_low > estimated_workers_high THEN 'workers_low_not_above_high'
    WHEN coalesce(first_reported, current_date) > current_date OR coalesce(status_date, current_date) > current_date THEN 'dates_not_future'
    END AS rule
FROM d;
DROP TABLE c_raw;
DROP TABLE c_csv;
CREATE TABLE c_outcome AS
SELECT *, CASE WHEN rule IS NULL AND row_number() OVER (PARTITION BY compound_id, rule IS NULL ORDER BY source_file DESC, source_row DESC) > 1
               THEN 'duplicate' ELSE rule END AS final_rule FROM c_ruled;
COPY (SELECT compound_id, name, aliases, country, subdivision, district, latitude, longitude, operator, first_reported, status, status_date,
             estimated_workers_low, estimated_workers_high, source_url, year(first_reported) AS first_reported_year, source_file, source_row
      FROM c_outcome WHERE final_rule IS NULL) TO '${OUT}/silver/compounds.parquet' (FORMAT parquet);
INSERT INTO quarantine_counts SELECT 'compounds', final_rule, count(*) FROM c_outcome WHERE final_rule IS NOT NULL GROUP BY ALL
    UNION ALL SELECT 'compounds', 'malformed_row', count(*) FROM compounds_rejects HAVING count(*) > 0;
DROP TABLE c_ruled;
DROP TABLE c_outcome;

CREATE TABLE r_csv AS SELECT * FROM read_csv('${INPUT}/revenue_estimates/*.csv', header = true, all_varchar = true, filename = true,
      quote = '"', escape = '"', nullstr = '', store_rejects = true, rejects_table = 'revenue_rejects', rejects_scan = 'revenue_scan');
CREATE TABLE r_raw AS
SELECT * EXCLUDE (filename, rid), filename AS source_file, rid - min(rid) OVER (PARTITION BY filename) + 1 AS source_row
FROM (SELECT *, rowid AS rid FROM r_csv)
UNION ALL BY NAME
SELECT * EXCLUDE (publication_date, reference_year, value_low, value_high, value_point, filename, file_row_number),
       strftime(publication_date, '%Y-%m-%d') AS publication_date, reference_year::VARCHAR AS reference_year,
       value_low::VARCHAR AS value_low, value_high::VARCHAR AS value_high, value_point::VARCHAR AS value_point,
       filename AS source_file, file_row_number + 1 AS source_row
FROM read_parquet('${INPUT}/revenue_estimates/*.parquet', filename = true, file_row_number = true);

CREATE TABLE r_ruled AS
WITH t AS (
    SELECT txt(estimate_id) AS estimate_id, txt(publisher) AS publisher, txt(publication_date) AS t_pub, txt(reference_year) AS t_year,
           txt(geo_level) AS t_level, txt(geo_code) AS t_code, txt(metric) AS t_metric, txt(value_low) AS t_low, txt(value_high) AS t_high,
           txt(value_point) AS t_point, txt(unit) AS t_unit, txt(method_note) AS method_note, txt(source_url) AS source_url, source_file, source_row
    FROM r_raw),
c AS (
    SELECT *, iso_date(t_pub) AS publication_date, whole(t_year) AS reference_year,
           choice(t_level, ['subdivision', 'country', 'subregion', 'region_group', 'world']) AS geo_level,
           choice(t_metric, ['revenue', 'victim_losses', 'workforce']) AS metric,
           TRY_CAST(t_low AS DECIMAL(22,2)) AS value_low, TRY_CAST(t_high AS DECIMAL(22,2)) AS value_high,
           TRY_CAST(t_point AS DECIMAL(22,2)) AS value_point,
           CASE WHEN list_contains(['usd', 'persons'], lower(t_unit)) THEN CASE lower(t_unit) WHEN 'usd' THEN 'USD' ELSE 'persons' END END AS unit,
           CASE WHEN regexp_full_match(t_code, '[0-9]{1,3}') THEN lpad(t_code, 3, '0') END AS m49
    FROM t),
g AS (
    SELECT c.*, CASE geo_level
            WHEN 'country' THEN (SELECT alpha3 FROM country_keys WHERE key = lookup_key(c.t_code))
            WHEN 'subdivision' THEN (SELECT code FROM subdivision_keys WHERE key = lookup_key(c.t_code))
            WHEN 'subregion' THEN CASE WHEN EXISTS (SELECT 1 FROM countries WHERE c.m49 IN (subregion_code, region_code)) THEN c.m49 END
            WHEN 'region_group' THEN (SELECT any_value(group_code) FROM region_groups WHERE lookup_key(c.t_code) = upper(group_code))
            WHEN 'world' THEN CASE WHEN m49 = '001' THEN '001' END END AS conformed
    FROM c)
SELECT * EXCLUDE (conformed), coalesce(conformed, t_code) AS geo_code, conformed IS NOT NULL AS geo_known,
    coalesce(value_point, CASE WHEN value_low IS NOT NULL AND value_high IS NOT NULL
        THEN (div_half_up(cents(value_low) + cents(value_high), 2::HUGEINT) / 100)::DECIMAL(22,2) END) AS value_central,
    CASE
    WHEN t_pub IS NOT NULL AND publication_date IS NULL THEN 'publication_date_date'
    WHEN t_year IS NOT NULL AND reference_year IS NULL THEN 'reference_year_number'
    WHEN t_level IS NOT NULL AND geo_level IS NULL THEN 'geo_level_allowed'
    WHEN t_metric IS NOT NULL AND metric IS NULL THEN 'metric_allowed'
    WHEN t_low IS NOT NULL AND value_low IS NULL THEN 'value_low_number'
    WHEN t_high IS NOT NULL AND value_high IS NULL THEN 'value_high_number'
    WHEN t_point IS NOT NULL AND value_point IS NULL THEN 'value_point_number'
    WHEN t_unit IS NOT NULL AND unit IS NULL THEN 'unit_allowed'
    WHEN estimate_id IS NULL THEN 'estimate_id_required'
    WHEN publisher IS NULL THEN 'publisher_required'
    WHEN publication_date IS NULL AND t_pub IS NULL THEN 'publication_date_required'
    WHEN reference_year IS NULL AND t_year IS NULL THEN 'reference_year_required'
    WHEN geo_level IS NULL AND t_level IS NULL THEN 'geo_level_required'
    WHEN t_code IS NULL THEN 'geo_code_required'
    WHEN metric IS NULL AND t_metric IS NULL THEN 'metric_required'
    WHEN unit IS NULL AND t_unit IS NULL THEN 'unit_required'
    WHEN publication_date > current_date THEN 'publication_date_not_future'
    WHEN NOT reference_year BETWEEN 2000 AND 2100 THEN 'reference_year_range'
    WHEN geo_level IS NOT NULL AND t_code IS NOT NULL AND conformed IS NULL THEN 'geo_known'
    WHEN metric IS NOT NULL AND unit IS NOT NULL AND (metric = 'workforce') <> (unit = 'persons') THEN 'unit_fits_metric'
    WHEN coalesce(value_low, value_high, value_point) IS NULL THEN 'value_given'
    WHEN coalesce(value_low, 0) < 0 OR coalesce(value_high, 0) < 0 OR coalesce(value_point, 0) < 0 THEN 'values_not_negative'
    WHEN value_low > value_high THEN 'value_low_not_above_high'
    END AS rule
FROM g;
DROP TABLE r_raw;
DROP TABLE r_csv;
CREATE TABLE r_outcome AS
SELECT *, CASE WHEN rule IS NULL AND row_number() OVER (PARTITION BY estimate_id, rule IS NULL ORDER BY source_file DESC, source_row DESC) > 1
               THEN 'duplicate' ELSE rule END AS final_rule FROM r_ruled;
CREATE TABLE silver_revenue AS
SELECT estimate_id, publisher, publication_date, reference_year, geo_level, geo_code, metric, value_low, value_high, value_point, unit,
       method_note, source_url, value_central, source_file, source_row FROM r_outcome WHERE final_rule IS NULL;
COPY silver_revenue TO '${OUT}/silver/revenue_estimates.parquet' (FORMAT parquet);
INSERT INTO quarantine_counts SELECT 'revenue_estimates', final_rule, count(*) FROM r_outcome WHERE final_rule IS NOT NULL GROUP BY ALL
    UNION ALL SELECT 'revenue_estimates', 'malformed_row', count(*) FROM revenue_rejects HAVING count(*) > 0;
DROP TABLE r_ruled;
DROP TABLE r_outcome;

CREATE TABLE e_csv AS SELECT * FROM read_csv('${INPUT}/enforcement_actions/*.csv', header = true, all_varchar = true, filename = true,
      quote = '"', escape = '"', nullstr = '', store_rejects = true, rejects_table = 'enforcement_rejects', rejects_scan = 'enforcement_scan');
CREATE TABLE e_raw AS
SELECT * EXCLUDE (filename, rid), filename AS source_file, rid - min(rid) OVER (PARTITION BY filename) + 1 AS source_row
FROM (SELECT *, rowid AS rid FROM e_csv)
UNION ALL BY NAME
SELECT * EXCLUDE (action_date, persons_detained, persons_rescued, persons_deported, devices_seized, assets_seized, filename, file_row_number),
       strftime(action_date, '%Y-%m-%d') AS action_date, persons_detained::VARCHAR AS persons_detained,
       persons_rescued::VARCHAR AS persons_rescued, persons_deported::VARCHAR AS persons_deported, devices_seized::VARCHAR AS devices_seized,
       assets_seized::VARCHAR AS assets_seized, filename AS source_file, file_row_number + 1 AS source_row
FROM read_parquet('${INPUT}/enforcement_actions/*.parquet', filename = true, file_row_number = true);

CREATE TABLE e_ruled AS
WITH t AS (
    SELECT txt(action_id) AS action_id, txt(action_date) AS t_date, txt(action_type) AS t_type, txt(country) AS t_country,
           txt(subdivision) AS t_sub, txt(compound_id) AS compound_id, txt(agency) AS agency, txt(partner_country) AS t_partner,
           txt(persons_detained) AS t_det, txt(persons_rescued) AS t_res, txt(persons_deported) AS t_dep,
           txt(nationality_breakdown) AS nationality_breakdown, txt(devices_seized) AS t_dev, txt(assets_seized) AS t_assets,
           txt(assets_currency) AS t_cur, txt(parent_action_id) AS parent_action_id, txt(source_url) AS source_url, source_file, source_row
    FROM e_raw),
c AS (
    SELECT t.*, iso_date(t_date) AS action_date,
           choice(t_type, ['raid', 'arrest', 'deportation', 'repatriation', 'seizure', 'sanction']) AS action_type,
           ck.alpha3 AS country_code, sk.code AS subdivision, sk.country_alpha3 AS sub_country, pk.alpha3 AS partner_country,
           whole(t_det) AS persons_detained, whole(t_res) AS persons_rescued, whole(t_dep) AS persons_deported, whole(t_dev) AS devices_seized,
           TRY_CAST(t_assets AS DECIMAL(22,2)) AS assets_seized, upper(t_cur) AS assets_currency,
           CASE WHEN nationality_breakdown IS NOT NULL THEN list_transform(string_split(nationality_breakdown, ';'), x -> upper(trim(x))) END AS parts
    FROM t LEFT JOIN country_keys ck ON lookup_key(t.t_country) = ck.key LEFT JOIN subdivision_keys sk ON lookup_key(t.t_sub) = sk.key
    LEFT JOIN country_keys pk ON lookup_key(t.t_partner) = pk.key),
d AS (
    SELECT c.*, CASE WHEN t_country IS NULL THEN sub_country ELSE country_code END AS country,
           (usd_cents(assets_seized, fx.units_per_usd) / 100)::DECIMAL(22,2) AS assets_seized_usd,
           -- A line DuckDB rejects is one scamscope quarantines as malformed_row, keeping none of its
           -- fields (they may sit in the wrong columns): the action it names is not a parent.
           parent_action_id IN (SELECT action_id FROM t WHERE action_id IS NOT NULL) AS parent_found,
           parts IS NULL OR (list_bool_and(list_transform(parts, p -> regexp_full_match(p, '[A-Z]{3}\s*:\s*[0-9]{1,9}')))
               AND len(list_distinct(list_transform(parts, p -> trim(split_part(p, ':', 1))))) = len(parts)) AS breakdown_ok
    FROM c LEFT JOIN fx_rates fx ON c.assets_currency = fx.currency AND year(c.action_date) = fx.year)
SELECT *, CASE
    WHEN t_date IS NOT NULL AND action_date IS NULL THEN 'action_date_date'
    WHEN t_type IS NOT NULL AND action_type IS NULL THEN 'action_type_allowed'
    WHEN t_country IS NOT NULL AND country IS NULL THEN 'country_known'
    WHEN t_sub IS NOT NULL AND subdivision IS NULL THEN 'subdivision_known'
    WHEN subdivision IS NOT NULL AND country IS NOT NULL AND sub_country <> country THEN 'subdivision_in_country'
    WHEN t_partner IS NOT NULL AND partner_country IS NULL THEN 'partner_country_known'
    WHEN t_det IS NOT NULL AND persons_detained IS NULL THEN 'persons_detained_number'
    WHEN t_res IS NOT NULL AND persons_rescued IS NULL THEN 'persons_rescued_number'
    WHEN t_dep IS NOT NULL AND persons_deported IS NULL THEN 'persons_deported_number'
    WHEN t_dev IS NOT NULL AND devices_seized IS NULL THEN 'devices_seized_number'
    WHEN t_assets IS NOT NULL AND assets_seized IS NULL THEN 'assets_seized_number'
    WHEN action_id IS NULL THEN 'action_id_required'
    WHEN action_date IS NULL AND t_date IS NULL THEN 'date_or_period'
    WHEN action_type IS NULL AND t_type IS NULL THEN 'action_type_required'
    WHEN country IS NULL AND t_country IS NULL THEN 'country_required'
    WHEN action_date > current_date THEN 'action_date_not_future'
    WHEN coalesce(persons_detained, 0) < 0 OR coalesce(persons_rescued, 0) < 0 OR coalesce(persons_deported, 0) < 0
         OR coalesce(devices_seized, 0) < 0 THEN 'counts_not_negative'
    WHEN assets_seized < 0 THEN 'assets_not_negative'
    WHEN assets_seized IS NOT NULL AND action_date IS NOT NULL AND action_date <= current_date AND assets_seized_usd IS NULL THEN 'assets_fx_rate_known'
    WHEN NOT breakdown_ok THEN 'nationality_breakdown_format'
    WHEN parent_action_id IS NOT NULL AND NOT parent_found THEN 'parent_action_exists'
    WHEN parent_action_id = action_id THEN 'parent_not_self'
    END AS rule
FROM d;
DROP TABLE e_raw;
DROP TABLE e_csv;
-- A report is keyed by action_id and its file: the same action_id in two files is two reports of one
-- event (gold/enforcement_events), a duplicate only within one file. The generator writes no periods.
CREATE TABLE e_outcome AS
SELECT *, CASE WHEN rule IS NULL AND row_number() OVER (PARTITION BY action_id, source_file, rule IS NULL ORDER BY source_row DESC) > 1
               THEN 'duplicate' ELSE rule END AS final_rule FROM e_ruled;
COPY (SELECT action_id, action_date, action_type, country, subdivision, compound_id, agency, partner_country, persons_detained,
             persons_rescued, persons_deported, nationality_breakdown, devices_seized, assets_seized, assets_currency, parent_action_id,
             source_url, assets_seized_usd, source_file, source_row
      FROM e_outcome WHERE final_rule IS NULL) TO '${OUT}/silver/enforcement_actions.parquet' (FORMAT parquet);
INSERT INTO quarantine_counts SELECT 'enforcement_actions', final_rule, count(*) FROM e_outcome WHERE final_rule IS NOT NULL GROUP BY ALL
    UNION ALL SELECT 'enforcement_actions', 'malformed_row', count(*) FROM enforcement_rejects HAVING count(*) > 0;
DROP TABLE e_ruled;
DROP TABLE e_outcome;
