-- gold: victims_by_region_year at country level and revenue_by_region_year, as the job computes them
-- (VictimsByRegionYear, RevenueByRegionYear), with the primary small-cell suppression (1 to k-1 persons)
-- and the cells that describe a hidden count; the job's complementary suppression is not repeated here.
CREATE TABLE victims_country AS
WITH v AS (SELECT coalesce(exploitation_country, 'unknown') AS c, registration_year AS year,
                  * EXCLUDE (exploitation_country, registration_year)
           FROM silver_victims),
a AS (
    SELECT c, year, victim_type, count(*) AS victims,
           count(*) FILTER (WHERE gender = 'female') AS women, count(*) FILTER (WHERE gender = 'male') AS men,
           count(*) FILTER (WHERE is_minor) AS minors, count(DISTINCT citizenship) AS distinct_citizenships,
           count(*) FILTER (WHERE status = 'rescued') AS rescued, count(*) FILTER (WHERE status = 'repatriated') AS repatriated,
           count(*) FILTER (WHERE status = 'deported') AS deported,
           sum(loss_amount_usd)::DECIMAL(22,2) AS losses_usd_sum, median(loss_amount_usd::DOUBLE)::DECIMAL(22,2) AS losses_usd_median,
           count(loss_amount_usd) AS losses_known
    FROM v GROUP BY ALL),
m AS (
    SELECT c, year, victim_type, citizenship AS most_frequent_citizenship FROM (
        SELECT c, year, victim_type, citizenship,
               row_number() OVER (PARTITION BY c, year, victim_type ORDER BY count(*) DESC, citizenship) AS rn
        FROM v WHERE citizenship IS NOT NULL GROUP BY c, year, victim_type, citizenship) WHERE rn = 1)
SELECT 'country' AS region_level, a.c AS region_code, n.region_name, a.year, a.victim_type,
    CASE WHEN NOT victims BETWEEN 1 AND ${K} - 1 THEN victims END AS victims,
    CASE WHEN NOT (victims BETWEEN 1 AND ${K} - 1 OR women BETWEEN 1 AND ${K} - 1) THEN women END AS women,
    CASE WHEN NOT (victims BETWEEN 1 AND ${K} - 1 OR men BETWEEN 1 AND ${K} - 1) THEN men END AS men,
    CASE WHEN NOT (victims BETWEEN 1 AND ${K} - 1 OR minors BETWEEN 1 AND ${K} - 1) THEN minors END AS minors,
    CASE WHEN NOT victims BETWEEN 1 AND ${K} - 1 THEN distinct_citizenships END AS distinct_citizenships,
    CASE WHEN NOT victims BETWEEN 1 AND ${K} - 1 THEN m.most_frequent_citizenship END AS most_frequent_citizenship,
    CASE WHEN NOT (victims BETWEEN 1 AND ${K} - 1 OR rescued BETWEEN 1 AND ${K} - 1) THEN rescued END AS rescued,
    CASE WHEN NOT (victims BETWEEN 1 AND ${K} - 1 OR repatriated BETWEEN 1 AND ${K} - 1) THEN repatriated END AS repatriated,
    CASE WHEN NOT (victims BETWEEN 1 AND ${K} - 1 OR deported BETWEEN 1 AND ${K} - 1) THEN deported END AS deported,
    CASE WHEN NOT (victims BETWEEN 1 AND ${K} - 1 OR losses_known BETWEEN 1 AND ${K} - 1) THEN losses_usd_sum END AS losses_usd_sum,
    CASE WHEN NOT (victims BETWEEN 1 AND ${K} - 1 OR losses_known BETWEEN 1 AND ${K} - 1) THEN losses_usd_median END AS losses_usd_median
FROM a LEFT JOIN m USING (c, year, victim_type)
LEFT JOIN region_names n ON n.region_level = 'country' AND n.region_code = a.c;
COPY victims_country TO '${OUT}/gold/victims_by_region_year_country.parquet' (FORMAT parquet);

CREATE TABLE revenue_gold AS
WITH r AS (
    SELECT geo_level AS region_level, geo_code AS region_code, reference_year AS year, metric, unit, count(*) AS estimates,
           count(DISTINCT publisher) AS publishers_count, list_sort(list_distinct(list(publisher))) AS publishers,
           min(coalesce(value_low, value_point))::DECIMAL(22,2) AS value_low,
           median(value_central::DOUBLE)::DECIMAL(22,2) AS value_central,
           max(coalesce(value_high, value_point))::DECIMAL(22,2) AS value_high,
           max(publication_date) AS latest_publication_date
    FROM silver_revenue GROUP BY ALL),
w AS (SELECT region_level, region_code, year, value_low AS w_low, value_high AS w_high FROM r WHERE metric = 'workforce')
SELECT r.region_level, r.region_code, n.region_name, r.year, r.metric, r.unit, estimates, publishers_count, publishers,
       value_low, value_central, value_high, latest_publication_date,
       CASE WHEN r.metric = 'revenue' AND w_high > 0 THEN (div_half_up(cents(value_low) * 100, cents(w_high)) / 100)::DECIMAL(22,2) END AS revenue_per_worker_low,
       CASE WHEN r.metric = 'revenue' AND w_low > 0 THEN (div_half_up(cents(value_high) * 100, cents(w_low)) / 100)::DECIMAL(22,2) END AS revenue_per_worker_high
FROM r LEFT JOIN w ON r.metric = 'revenue' AND r.region_level = w.region_level AND r.region_code = w.region_code AND r.year = w.year
LEFT JOIN region_names n ON n.region_level = r.region_level AND n.region_code = r.region_code;
COPY revenue_gold TO '${OUT}/gold/revenue_by_region_year.parquet' (FORMAT parquet);
COPY quarantine_counts TO '${OUT}/quarantine_counts.csv' (HEADER);
