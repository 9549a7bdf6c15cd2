-- victims: read, type and conform, the rules of conf/tables/silver/victims/ (table.json, rules.json) and the column kinds, duplicates, silver.
CREATE TABLE v_csv AS SELECT * FROM read_csv('${INPUT}/victims/*.csv', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    filename = true, store_rejects = true, rejects_table = 'victims_rejects', rejects_scan = 'victims_scan', nullstr = '',
    columns = {'victim_id': 'VARCHAR', 'source': 'VARCHAR', 'victim_type': 'VARCHAR', 'registration_date': 'VARCHAR', 'gender': 'VARCHAR',
               'age': 'VARCHAR', 'age_band': 'VARCHAR', 'citizenship': 'VARCHAR', 'exploitation_country': 'VARCHAR',
               'exploitation_subdivision': 'VARCHAR', 'compound_id': 'VARCHAR', 'recruitment_channel': 'VARCHAR',
               'means_of_control': 'VARCHAR', 'status': 'VARCHAR', 'loss_amount': 'VARCHAR', 'loss_currency': 'VARCHAR',
               'scam_type': 'VARCHAR', 'name': 'VARCHAR', 'passport_number': 'VARCHAR', 'phone': 'VARCHAR'});
-- rowid keeps the order rows were read in (insertion order is preserved), so a file's rows keep their order.
CREATE TABLE v_raw AS
SELECT * EXCLUDE (filename, rid), filename AS source_file, rid - min(rid) OVER (PARTITION BY filename) + 1 AS source_row
FROM (SELECT *, rowid AS rid FROM v_csv)
UNION ALL BY NAME
SELECT victim_id, source, victim_type, registration_date, gender, age::VARCHAR AS age, age_band, citizenship, exploitation_country,
       exploitation_subdivision, compound_id, recruitment_channel, array_to_string(means_of_control, ';') AS means_of_control, status,
       loss_amount::VARCHAR AS loss_amount, loss_currency, scam_type, name, passport_number, phone,
       filename AS source_file, file_row_number + 1 AS source_row
FROM read_parquet('${INPUT}/victims/*.parquet', filename = true, file_row_number = true);
DROP TABLE v_csv;

CREATE TABLE v_typed AS
WITH t AS (
    SELECT txt(victim_id) AS victim_id, txt(source) AS source, txt(victim_type) AS t_type, txt(registration_date) AS t_date,
           txt(gender) AS t_gender, txt(age) AS t_age, txt(age_band) AS t_band, txt(citizenship) AS t_cit,
           txt(exploitation_country) AS t_country, txt(exploitation_subdivision) AS t_sub, txt(compound_id) AS compound_id,
           txt(recruitment_channel) AS t_channel, txt(means_of_control) AS t_means, txt(status) AS t_status,
           txt(loss_amount) AS t_loss, txt(loss_currency) AS t_currency, txt(scam_type) AS t_scam,
           txt(name) AS name, txt(passport_number) AS passport, txt(phone) AS phone, source_file, source_row
    FROM v_raw),
c AS (
    SELECT t.*,
        choice(t_type, ['forced_scam_worker', 'defrauded', 'trafficked']) AS victim_type,
        iso_date(t_date) AS registration_date,
        choice(t_gender, ['female', 'male', 'trans_nonconforming']) AS gender,
        whole(t_age) AS age,
        choice(t_band, ['0-8', '9-17', '18-20', '21-23', '24-26', '27-29', '30-38', '39-47', '48+']) AS band_given,
        ck.alpha3 AS citizenship, ek.alpha3 AS country_code, sk.code AS exploitation_subdivision, sk.country_alpha3 AS sub_country,
        choice(t_channel, ['online_job_ad', 'social_media', 'messaging_app', 'acquaintance', 'family', 'recruitment_agency', 'dating_app',
                           'wrong_number_text', 'investment_platform', 'intimate_partner', 'other']) AS recruitment_channel,
        CASE WHEN t_means IS NOT NULL THEN list_distinct(list_filter(list_transform(string_split(t_means, ';'), x -> lower(trim(x))), x -> x <> '')) END AS means_of_control,
        choice(t_status, ['held', 'escaped', 'rescued', 'repatriated', 'deported']) AS status,
        TRY_CAST(t_loss AS DECIMAL(22,2)) AS loss_amount,
        upper(t_currency) AS loss_currency,
        choice(t_scam, ['investment', 'romance', 'job', 'impersonation', 'other']) AS scam_type
    FROM t
    LEFT JOIN country_keys ck ON lookup_key(t.t_cit) = ck.key
    LEFT JOIN country_keys ek ON lookup_key(t.t_country) = ek.key
    LEFT JOIN subdivision_keys sk ON lookup_key(t.t_sub) = sk.key)
SELECT c.* EXCLUDE (country_code),
    CASE WHEN t_country IS NULL THEN sub_country ELSE country_code END AS exploitation_country,
    (usd_cents(loss_amount, fx.units_per_usd) / 100)::DECIMAL(22,2) AS loss_amount_usd,
    CASE WHEN age BETWEEN 0 AND 120 THEN CASE WHEN age < 9 THEN '0-8' WHEN age < 18 THEN '9-17' WHEN age < 21 THEN '18-20'
        WHEN age < 24 THEN '21-23' WHEN age < 27 THEN '24-26' WHEN age < 30 THEN '27-29' WHEN age < 39 THEN '30-38'
        WHEN age < 48 THEN '39-47' ELSE '48+' END ELSE band_given END AS age_band,
    CASE WHEN age IS NOT NULL THEN age < 18 WHEN band_given IS NOT NULL THEN band_given IN ('0-8', '9-17') END AS is_minor,
    year(registration_date) AS registration_year,
    CASE WHEN coalesce(name, passport, phone) IS NOT NULL THEN sha256('${KEY}' || lower(regexp_replace(
        concat_ws(chr(31), coalesce(name, ''), coalesce(passport, ''), coalesce(phone, '')), '[\s[:punct:]]+', '', 'g'))) END AS person_key
FROM c LEFT JOIN fx_rates fx ON c.loss_currency = fx.currency AND year(c.registration_date) = fx.year;
DROP TABLE v_raw;

-- The first rule a row breaks, in the job's order: column kinds in column order, then conf/tables/silver/victims/ (table.json, rules.json).
CREATE TABLE v_ruled AS
SELECT *, CASE
    WHEN t_type IS NOT NULL AND victim_type IS NULL THEN 'victim_type_allowed'
    WHEN t_date IS NOT NULL AND registration_date IS NULL THEN 'registration_date_date'
    WHEN t_gender IS NOT NULL AND gender IS NULL THEN 'gender_allowed'
    WHEN t_age IS NOT NULL AND age IS NULL THEN 'age_number'
    WHEN t_band IS NOT NULL AND age_band IS NULL THEN 'age_band_allowed'
    WHEN t_cit IS NOT NULL AND citizenship IS NULL THEN 'citizenship_known'
    WHEN t_country IS NOT NULL AND exploitation_country IS NULL THEN 'exploitation_country_known'
    WHEN t_sub IS NOT NULL AND exploitation_subdivision IS NULL THEN 'exploitation_subdivision_known'
    WHEN exploitation_subdivision IS NOT NULL AND exploitation_country IS NOT NULL AND sub_country <> exploitation_country THEN 'exploitation_subdivision_in_country'
    WHEN t_channel IS NOT NULL AND recruitment_channel IS NULL THEN 'recruitment_channel_allowed'
    WHEN means_of_control IS NOT NULL AND NOT list_bool_and(list_transform(means_of_control, x -> x IN ('debt_bondage', 'threats', 'abuse',
        'false_promises', 'drugs_alcohol', 'denied_basic_needs', 'excessive_hours', 'withheld_documents', 'confinement'))) THEN 'means_of_control_allowed'
    WHEN t_status IS NOT NULL AND status IS NULL THEN 'status_allowed'
    WHEN t_loss IS NOT NULL AND loss_amount IS NULL THEN 'loss_amount_number'
    WHEN t_scam IS NOT NULL AND scam_type IS NULL THEN 'scam_type_allowed'
    WHEN victim_id IS NULL THEN 'victim_id_required'
    WHEN source IS NULL THEN 'source_required'
    WHEN victim_type IS NULL AND t_type IS NULL THEN 'victim_type_required'
    WHEN registration_date > current_date THEN 'registration_date_not_future'
    WHEN age IS NOT NULL AND NOT age BETWEEN 0 AND 120 THEN 'age_range'
    WHEN loss_amount < 0 THEN 'loss_amount_not_negative'
    WHEN loss_amount IS NOT NULL AND loss_currency IS NULL THEN 'loss_currency_given'
    WHEN loss_amount IS NOT NULL AND loss_currency IS NOT NULL AND registration_date IS NOT NULL AND registration_date <= current_date
         AND loss_amount_usd IS NULL THEN 'loss_fx_rate_known'
    END AS rule
FROM v_typed;
DROP TABLE v_typed;

-- Of accepted rows sharing (source, victim_id), the last file's (then the last row's) copy wins.
CREATE TABLE v_outcome AS
SELECT *, CASE WHEN rule IS NULL AND row_number() OVER (PARTITION BY source, victim_id, rule IS NULL ORDER BY source_file DESC, source_row DESC) > 1
               THEN 'duplicate' ELSE rule END AS final_rule
FROM v_ruled;
DROP TABLE v_ruled;

COPY (SELECT victim_id, source, victim_type, registration_date, gender, age, age_band, citizenship, exploitation_country,
             exploitation_subdivision, compound_id, recruitment_channel, means_of_control, status, loss_amount, loss_currency, scam_type,
             registration_year, is_minor, loss_amount_usd, person_key, source_file, source_row
      FROM v_outcome WHERE final_rule IS NULL) TO '${OUT}/silver/victims.parquet' (FORMAT parquet);
CREATE TABLE quarantine_counts AS
SELECT 'victims' AS dataset, final_rule AS rule, count(*) AS n FROM v_outcome WHERE final_rule IS NOT NULL GROUP BY ALL
UNION ALL SELECT 'victims', 'malformed_row', count(*) FROM victims_rejects HAVING count(*) > 0;
CREATE TABLE silver_victims AS SELECT exploitation_country, registration_year, victim_type, gender, is_minor, citizenship, status, loss_amount_usd
FROM v_outcome WHERE final_rule IS NULL;
DROP TABLE v_outcome;
