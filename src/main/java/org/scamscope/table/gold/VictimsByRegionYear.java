package org.scamscope.table.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;

import static org.apache.spark.sql.functions.*;
import static org.scamscope.table.gold.Aggregates.*;

/**
 * gold/victims_by_region_year: one row per region (of exploitation), registration year and victim
 * type. Person counts (victims, women, men, minors, rescued, repatriated, deported) are subject to
 * suppression; so are the cells that describe those persons (distinct and most frequent
 * citizenship, losses). The most frequent citizenship breaks ties by the lowest code. Losses are
 * in USD, over the defrauded victims whose loss is known.
 *
 * <p>Columns: region_level, region_code, region_name, year, victim_type, victims, women, men,
 * minors, distinct_citizenships, most_frequent_citizenship, rescued, repatriated, deported,
 * losses_usd_sum, losses_usd_median, suppressed, suppressed_cells.
 */
public final class VictimsByRegionYear implements GoldTable {
    public static final String NAME = "victims_by_region_year";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> key() {
        return List.of(Regions.LEVEL, Regions.CODE, "year", "victim_type");
    }

    @Override
    public List<String> reads() {
        return List.of("silver/victims");
    }

    @Override
    public Dataset<Row> build(GoldInputs in) {
        Dataset<Row> victims = in.silver("victims").withColumn("year", col("registration_year"));
        Column loss = col("loss_amount_usd");
        List<Column> aggregates = List.of(
                count(lit(1)).as("victims"),
                countIf(col("gender").equalTo("female"), "women"),
                countIf(col("gender").equalTo("male"), "men"),
                countIf(col("is_minor"), "minors"),
                size(collect_set(col("citizenship"))).as("distinct_citizenships"),
                mode(col("citizenship"), true).as("most_frequent_citizenship"),
                countIf(col("status").equalTo("rescued"), "rescued"),
                countIf(col("status").equalTo("repatriated"), "repatriated"),
                countIf(col("status").equalTo("deported"), "deported"),
                money(sum(loss), "losses_usd_sum"),
                medianMoney(loss, "losses_usd_median"),
                count(loss).as("_losses_known"));
        Dataset<Row> rolled = Regions.rollup(victims, in.reference(), col("exploitation_country"),
                col("exploitation_subdivision"), List.of("year", "victim_type"), aggregates);
        return Suppression.withK(in.k())
                .counts("victims", "women", "men", "minors", "rescued", "repatriated", "deported")
                .group("victims", "women", "men")
                .group("victims", "rescued", "repatriated", "deported")
                .describes("victims", "minors", "distinct_citizenships", "most_frequent_citizenship",
                        "losses_usd_sum", "losses_usd_median")
                // The losses of fewer than k persons would be theirs, however many victims the row has.
                .describes("_losses_known", "losses_usd_sum", "losses_usd_median")
                .apply(rolled)
                .drop("_losses_known");
    }
}
