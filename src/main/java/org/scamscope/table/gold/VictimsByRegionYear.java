package org.scamscope.table.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;
import java.util.Map;


import static org.apache.spark.sql.functions.*;
import static org.scamscope.table.gold.Aggregates.*;

/**
 * gold/victims_by_region_year: one row per region (of exploitation), registration year and victim
 * type. Person counts are subject to suppression, and each breakdown adds up to victims exactly:
 * women + men + gender_other_or_unknown, minors + adults_or_age_unknown, rescued + repatriated +
 * deported + status_other_or_unknown (held, escaped or not known). So are the cells that describe
 * those persons (distinct and most frequent citizenship, losses). The most frequent citizenship
 * breaks ties by the lowest code. Losses are in USD, over the defrauded victims whose loss is known.
 *
 * <p>Columns: region_level, region_code, region_name, year, victim_type, victims, women, men,
 * gender_other_or_unknown, minors, adults_or_age_unknown, distinct_citizenships,
 * most_frequent_citizenship, rescued, repatriated, deported, status_other_or_unknown,
 * losses_usd_sum, losses_usd_median, suppressed, suppressed_cells.
 */
public final class VictimsByRegionYear implements GoldBuild {
    public static final String NAME = "victims_by_region_year";

    @Override
    public Dataset<Row> build(GoldInputs in) {
        Dataset<Row> victims = in.silver("victims").withColumn("year", col("registration_year"));
        Column loss = col("loss_amount_usd");
        List<Column> aggregates = List.of(
                count(lit(1)).as("victims"),
                countIf(col("gender").equalTo("female"), "women"),
                countIf(col("gender").equalTo("male"), "men"),
                countIf(not(coalesce(col("gender").isin("female", "male"), lit(false))), "gender_other_or_unknown"),
                countIf(col("is_minor"), "minors"),
                countIf(not(coalesce(col("is_minor"), lit(false))), "adults_or_age_unknown"),
                size(collect_set(col("citizenship"))).as("distinct_citizenships"),
                mode(col("citizenship"), true).as("most_frequent_citizenship"),
                countIf(col("status").equalTo("rescued"), "rescued"),
                countIf(col("status").equalTo("repatriated"), "repatriated"),
                countIf(col("status").equalTo("deported"), "deported"),
                countIf(not(coalesce(col("status").isin("rescued", "repatriated", "deported"), lit(false))), "status_other_or_unknown"),
                money(sum(loss), "losses_usd_sum"),
                medianMoney(loss, "losses_usd_median"),
                count(loss).as("_losses_known"));
        return Regions.rollup(victims, in.reference(), col("exploitation_country"),
                col("exploitation_subdivision"), List.of("year", "victim_type"), aggregates);
    }
}
