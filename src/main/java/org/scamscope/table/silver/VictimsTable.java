package org.scamscope.table.silver;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scamscope.reference.ReferenceData;
import org.scamscope.table.ColumnSpec;
import org.scamscope.table.Money;
import org.scamscope.table.SilverTable;

import java.util.List;

import static org.apache.spark.sql.functions.*;
import static org.scamscope.table.Kind.*;

/**
 * silver/victims: one row per person-record, trafficked into a compound (forced_scam_worker) or
 * defrauded by one (defrauded). Identifying fields arrive in some layouts; only their keyed hash
 * (person_key) is kept. Rules: conf/rules/victims.json.
 */
public final class VictimsTable implements SilverTable {
    public static final List<String> AGE_BANDS = List.of("0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+");

    @Override
    public String name() {
        return "victims";
    }

    @Override
    public List<ColumnSpec> columns() {
        return List.of(
                ColumnSpec.required("victim_id", TEXT),
                ColumnSpec.required("source", TEXT),
                // "trafficked": a trafficking victim whose exploitation is not known to be scam work (CTDC records)
                ColumnSpec.choice("victim_type", true, "forced_scam_worker", "defrauded", "trafficked"),
                ColumnSpec.required("registration_date", DATE),
                ColumnSpec.choice("gender", false, "female", "male", "trans_nonconforming"),
                ColumnSpec.of("age", WHOLE),
                ColumnSpec.choice("age_band", false, AGE_BANDS.toArray(new String[0])),
                ColumnSpec.of("citizenship", COUNTRY),
                ColumnSpec.of("exploitation_country", COUNTRY),
                ColumnSpec.subdivision("exploitation_subdivision", "exploitation_country"),
                ColumnSpec.of("compound_id", TEXT),
                ColumnSpec.choice("recruitment_channel", false, "online_job_ad", "social_media", "messaging_app",
                        "acquaintance", "family", "recruitment_agency", "dating_app", "wrong_number_text",
                        "investment_platform", "intimate_partner", "other"),
                ColumnSpec.list("means_of_control", "debt_bondage", "threats", "abuse", "false_promises",
                        "drugs_alcohol", "denied_basic_needs", "excessive_hours", "withheld_documents", "confinement"),
                ColumnSpec.choice("status", false, "held", "escaped", "rescued", "repatriated", "deported"),
                ColumnSpec.list("exploitation_types", "forced_labour", "sexual_exploitation", "organ_removal", "other"),
                ColumnSpec.list("labour_types", "agriculture", "construction", "domestic_work", "hospitality"),
                ColumnSpec.list("sexual_exploitation_types", "prostitution", "pornography"),
                ColumnSpec.list("recruiter_relations", "intimate_partner", "friend", "family", "other"),
                ColumnSpec.choice("trafficking_months", false, "0-12", "13-24", "25+"),
                ColumnSpec.of("loss_amount", MONEY),
                ColumnSpec.of("loss_currency", CURRENCY),
                ColumnSpec.choice("scam_type", false, "investment", "romance", "job", "impersonation", "other"),
                ColumnSpec.of("name", PERSONAL),
                ColumnSpec.of("passport_number", PERSONAL),
                ColumnSpec.of("phone", PERSONAL));
    }

    @Override
    public List<String> naturalKey() {
        return List.of("source", "victim_id");
    }

    @Override
    public Dataset<Row> derive(Dataset<Row> df, ReferenceData reference) {
        Column a = col("age");
        Column band = when(a.lt(9), "0-8").when(a.lt(18), "9-17").when(a.lt(21), "18-20").when(a.lt(24), "21-23")
                .when(a.lt(27), "24-26").when(a.lt(30), "27-29").when(a.lt(39), "30-38").when(a.lt(48), "39-47")
                .when(a.geq(48), "48+");
        Column minor = when(a.isNotNull(), a.lt(18)).otherwise(when(col("age_band").isNotNull(), col("age_band").isin("0-8", "9-17")));
        return Money.toUsd(df, reference, "loss_amount", "loss_currency", "registration_date", "loss_amount_usd")
                .withColumn("_age_band_given", col("age_band"))
                .withColumn("age_band", when(a.isNotNull().and(a.between(0, 120)), band).otherwise(col("age_band")))
                .withColumn("is_minor", minor)
                .withColumn("registration_year", year(col("registration_date")));
    }

    @Override
    public List<String> derivedColumns() {
        return List.of("registration_year", "is_minor", "loss_amount_usd");
    }
}
