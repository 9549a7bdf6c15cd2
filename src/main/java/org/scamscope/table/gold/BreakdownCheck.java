package org.scamscope.table.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;

import static org.apache.spark.sql.functions.*;

/**
 * Cross-check of enforcement reports that carry a total and a breakdown of it (by nationality or
 * by gender): a breakdown that does not add up to its total is a finding for ops/data_quality.
 * Neither figure is corrected, and gold counts persons from the totals only, so nobody is counted
 * twice.
 *
 * <p>The total a breakdown describes is the deportees of a deportation or repatriation, else the
 * persons detained; when that one is missing, the first of detained, deported, rescued that is
 * given. A report with no total at all, or whose breakdown silver could not read, is not checked.
 */
public final class BreakdownCheck {
    public static final String NATIONALITY = "nationality_breakdown_total";
    public static final String GENDER = "gender_breakdown_total";
    public static final List<String> NAMES = List.of(NATIONALITY, GENDER);
    public static final String DATASET = "enforcement_actions";

    private BreakdownCheck() {}

    /** Both checks' findings. Columns: check, dataset, record_id, source_file, source_row, expected, actual, message. */
    public static Dataset<Row> findings(GoldInputs in) {
        Dataset<Row> reports = in.silver(DATASET);
        return check(reports, NATIONALITY, "nationality_breakdown", "nationality_counts")
                .unionByName(check(reports, GENDER, "gender_breakdown", "gender_counts"));
    }

    private static Dataset<Row> check(Dataset<Row> reports, String name, String text, String counts) {
        Column deportation = col("action_type").isin("deportation", "repatriation");
        Column detained = col("persons_detained");
        Column deported = col("persons_deported");
        Column rescued = col("persons_rescued");
        Column total = when(deportation, coalesce(deported, detained, rescued)).otherwise(coalesce(detained, deported, rescued));
        Column totalName = when(deportation.and(deported.isNotNull()), lit("persons_deported"))
                .when(detained.isNotNull(), lit("persons_detained"))
                .when(deported.isNotNull(), lit("persons_deported"))
                .otherwise(lit("persons_rescued"));
        Column breakdownSum = aggregate(map_values(col(counts)), lit(0L), (acc, n) -> acc.plus(coalesce(n, lit(0))));
        return reports
                .filter(col(counts).isNotNull())
                .withColumn("expected", total.cast("long"))
                .withColumn("actual", breakdownSum.cast("long"))
                .filter(col("expected").isNotNull().and(col("expected").notEqual(col("actual"))))
                .select(lit(name).as("check"), lit(DATASET).as("dataset"), col("action_id").as("record_id"),
                        col("source_file"), col("source_row"), col("expected"), col("actual"),
                        format_string(text.replace('_', ' ') + " '%s' adds up to %d, %s is %d",
                                col(text), col("actual"), totalName, col("expected")).as("message"));
    }
}
