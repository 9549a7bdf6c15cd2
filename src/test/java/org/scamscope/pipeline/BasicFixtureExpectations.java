package org.scamscope.pipeline;

import java.util.List;

/**
 * The expected outcome of the hand-made fixture in src/test/resources/fixtures/basic, worked out
 * by hand from the fixture files and data/reference. The same records written as Parquet must
 * give the same rows.
 */
final class BasicFixtureExpectations {
    private BasicFixtureExpectations() {}

    static final String[] VICTIM_COLUMNS = {
            "victim_id", "source", "victim_type", "registration_date", "gender", "age", "age_band", "citizenship",
            "exploitation_country", "exploitation_subdivision", "compound_id", "recruitment_channel", "means_of_control",
            "status", "loss_amount", "loss_currency", "loss_amount_usd", "scam_type", "registration_year", "is_minor",
            "person_key IS NOT NULL", "source_file", "source_row"};

    static final List<String> VICTIMS = List.of(
            // row 8 repeats V1 (row 1): the later copy wins; "VN" -> VNM, "Cambodia" -> KHM, alias -> KH-18
            "V1|hotline|forced_scam_worker|2023-05-10|male|17|9-17|VNM|KHM|KH-18|CMP-1|online_job_ad|[debt_bondage, threats]|repatriated|null|null|null|null|2023|true|true|victims/partner_a.csv|8",
            "V2|hotline|defrauded|2024-01-15|female|null|30-38|USA|KHM|KH-12|null|dating_app|null|null|1000.00|USD|1000.00|investment|2024|false|true|victims/partner_a.csv|2",
            // 3500 THB / 35.294 (2024 average) = 99.167 -> 99.17; age 45 -> band 39-47
            "V3|hotline|defrauded|2024-03-01|null|45|39-47|THA|null|null|null|wrong_number_text|null|null|3500.00|THB|99.17|romance|2024|false|false|victims/partner_a.csv|3",
            // only the subdivision given: the country is taken from it
            "W3|ngo|forced_scam_worker|2021-11-30|trans_nonconforming|null|21-23|LKA|KHM|KH-18|null|online_job_ad|[withheld_documents, excessive_hours]|escaped|null|null|null|job|2021|false|false|victims/partner_b.csv|3");

    static final String[] COMPOUND_COLUMNS = {
            "compound_id", "name", "aliases", "country", "subdivision", "district", "latitude", "longitude", "operator",
            "first_reported", "status", "status_date", "estimated_workers_low", "estimated_workers_high", "first_reported_year"};

    static final List<String> COMPOUNDS = List.of(
            "C1|KK Park|[KK Park, K.K. Park]|MMR|MM-13|Myawaddy|16.631|98.557|null|2020-01-01|operating|null|1000|5000|2020",
            "C4|Golden Triangle SEZ|null|LAO|LA-BK|Ton Pheung|null|null|null|2018-01-01|raided|2023-11-28|null|null|2018");

    static final String[] ESTIMATE_COLUMNS = {
            "estimate_id", "publisher", "publication_date", "reference_year", "geo_level", "geo_code", "metric",
            "value_low", "value_high", "value_point", "value_central", "unit"};

    static final List<String> ESTIMATES = List.of(
            "E1|USIP|2024-05-13|2024|country|KHM|revenue|12500000000.00|null|null|null|USD",
            // "35" is the M49 code of South-eastern Asia, written without its zero; central = (18 + 37) / 2
            "E2|UNODC|2024-10-01|2023|subregion|035|victim_losses|18000000000.00|37000000000.00|null|27500000000.00|USD");

    static final String[] ACTION_COLUMNS = {
            "action_id", "action_date", "action_type", "country", "subdivision", "partner_country", "persons_detained",
            "persons_deported", "nationality_counts", "assets_seized_usd", "parent_action_id"};

    static final List<String> ACTIONS = List.of(
            "A1|2024-03-26|raid|KHM|KH-18|CHN|700|null|{CHN=700}|null|null",
            "A2|2024-04-13|deportation|KHM|KH-12|CHN|null|130|{CHN=130}|null|A1",
            // 35294 THB / 35.294 = 1000.00 USD
            "A5|2024-07-01|seizure|THA|null|null|null|null|null|1000.00|null");

    static final String[] QUARANTINE_COLUMNS = {"dataset", "source_file", "source_row", "rule"};

    static final List<String> QUARANTINE = List.of(
            "compounds|compounds/compounds.csv|2|latitude_range",
            "compounds|compounds/compounds.csv|3|workers_low_not_above_high",
            "enforcement_actions|enforcement_actions/actions.csv|3|parent_action_exists",
            "enforcement_actions|enforcement_actions/actions.csv|4|nationality_breakdown_format",
            "revenue_estimates|revenue_estimates/estimates.csv|3|geo_known",
            "revenue_estimates|revenue_estimates/estimates.csv|4|unit_fits_metric",
            "victims|victims/partner_a.csv|1|duplicate",
            "victims|victims/partner_a.csv|4|age_range",
            "victims|victims/partner_a.csv|5|registration_date_date",
            "victims|victims/partner_a.csv|6|citizenship_known",
            "victims|victims/partner_a.csv|7|exploitation_subdivision_in_country",
            "victims|victims/partner_b.csv|1|victim_type_allowed",
            "victims|victims/partner_b.csv|2|loss_fx_rate_known");

    /** The identifying values in the fixture, as written and as digits only. */
    static final List<String> IDENTIFYING = List.of(
            "Nguyễn Văn An", "Nguyen Van An", "C1234567", "+84 912 345 678", "84912345678", "912 345 678",
            "Smith, Jane", "Jane", "+1 202 555 0143", "12025550143", "Budi Santoso", "B7654321", "王伟", "E99887766");

    /** The fixture's victims as "victim_id|source_file|source_row", with more rows of that form, sorted. */
    static List<String> victimRowsWith(String... more) {
        List<String> out = new java.util.ArrayList<>();
        for (String v : VICTIMS) {
            String[] f = v.split("\\|");
            out.add(f[0] + "|" + f[f.length - 2] + "|" + f[f.length - 1]);
        }
        out.addAll(List.of(more));
        out.sort(null);
        return out;
    }
}
