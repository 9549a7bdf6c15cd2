package org.scamscope.table.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.*;

/**
 * Cross-check of enforcement actions that carry a total and its nationality breakdown: a
 * breakdown that does not add up to its total is a finding for ops/data_quality. Neither figure
 * is corrected, and gold counts persons from the totals only, so nobody is counted twice.
 *
 * <p>The total a breakdown describes is the deportees of a deportation or repatriation, else the
 * persons detained; when that one is missing, the first of detained, deported, rescued that is
 * given. An action with no total at all, or whose breakdown silver could not read, is not checked.
 */
public final class BreakdownCheck {
    public static final String NAME = "nationality_breakdown_total";
    public static final String DATASET = "enforcement_actions";

    private BreakdownCheck() {}

    /** Columns: check, dataset, record_id, source_file, source_row, expected, actual, message. */
    public static Dataset<Row> findings(GoldInputs in) {
        Column deportation = col("action_type").isin("deportation", "repatriation");
        Column detained = col("persons_detained");
        Column deported = col("persons_deported");
        Column rescued = col("persons_rescued");
        Column total = when(deportation, coalesce(deported, detained, rescued)).otherwise(coalesce(detained, deported, rescued));
        Column totalName = when(deportation.and(deported.isNotNull()), lit("persons_deported"))
                .when(detained.isNotNull(), lit("persons_detained"))
                .when(deported.isNotNull(), lit("persons_deported"))
                .otherwise(lit("persons_rescued"));
        Column breakdownSum = aggregate(map_values(col("nationality_counts")), lit(0L), (acc, n) -> acc.plus(coalesce(n, lit(0))));
        return in.silver(DATASET)
                .filter(col("nationality_counts").isNotNull())
                .withColumn("expected", total.cast("long"))
                .withColumn("actual", breakdownSum.cast("long"))
                .filter(col("expected").isNotNull().and(col("expected").notEqual(col("actual"))))
                .select(lit(NAME).as("check"), lit(DATASET).as("dataset"), col("action_id").as("record_id"),
                        col("source_file"), col("source_row"), col("expected"), col("actual"),
                        format_string("nationality breakdown '%s' adds up to %d, %s is %d",
                                col("nationality_breakdown"), col("actual"), totalName, col("expected")).as("message"));
    }
}
