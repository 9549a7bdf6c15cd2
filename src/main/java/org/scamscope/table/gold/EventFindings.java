package org.scamscope.table.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.*;

/**
 * Findings for ops/data_quality about reports and events: every event of more than one report
 * (naming its reports and why they are one), every figure its reports disagree on (with what each
 * said), and every action_id that two files give different values for (naming both values: no
 * copy wins by its file name). The rows have BreakdownCheck's columns.
 */
public final class EventFindings {
    public static final String GROUPING = "event_grouping";
    public static final String DISAGREEMENT = "event_disagreement";
    public static final String CONFLICT = "action_id_conflict";
    public static final List<String> NAMES = List.of(GROUPING, DISAGREEMENT, CONFLICT);
    /** Columns of a report that are no figure of it: where it was read and what silver made of it. */
    private static final List<String> NOT_COMPARED = List.of("action_id", "source_file", "source_row", "run_id", "ingested_at");

    private EventFindings() {}

    public static Dataset<Row> findings(GoldInputs in) {
        // A finding points at the event's first report, "ACTION_ID (FILE row N)" in report_ids.
        Column first = try_element_at(col("report_ids"), lit(1));
        Dataset<Row> events = in.gold(EnforcementEvents.NAME).filter(col("reports").gt(1))
                .withColumn("source_file", regexp_extract(first, "\\((.*) row [0-9]+\\)$", 1))
                .withColumn("source_row", regexp_extract(first, " row ([0-9]+)\\)$", 1).cast("long"));
        Dataset<Row> grouped = events.select(lit(GROUPING).as("check"), lit(BreakdownCheck.DATASET).as("dataset"),
                col("event_id").as("record_id"), col("source_file"), col("source_row"),
                col("reports").as("expected"), lit(null).cast("long").as("actual"),
                concat(col("reports").cast("string"), lit(" reports counted as one event ("), col("grouped_by"), lit("): "),
                        array_join(col("report_ids"), "; ")).as("message"));
        Dataset<Row> disagree = events.select(col("event_id"), col("source_file"), col("source_row"), explode(col("disagreements")).as("d"))
                .select(lit(DISAGREEMENT).as("check"), lit(BreakdownCheck.DATASET).as("dataset"), col("event_id").as("record_id"),
                        col("source_file"), col("source_row"),
                        col("d.low").cast("long").as("expected"), col("d.high").cast("long").as("actual"),
                        concat(col("d.measure"), lit(": "), col("d.reports"),
                                lit("; gold keeps the low, central and high of the reports")).as("message"));
        return grouped.unionByName(disagree).unionByName(conflicts(in.silver(BreakdownCheck.DATASET)));
    }

    /** One finding per action_id and column whose reports in different files give different values. */
    static Dataset<Row> conflicts(Dataset<Row> reports) {
        List<Column> values = new ArrayList<>();
        for (String c : reports.columns()) {
            if (NOT_COMPARED.contains(c) || c.startsWith("_") || c.endsWith("_usd") || c.endsWith("_counts")) continue;
            values.add(struct(lit(c).as("column"), reports.col(c).cast("string").as("value")));
        }
        Dataset<Row> cells = reports.select(col("action_id"), col("source_file"), col("source_row"),
                        explode(array(values.toArray(new Column[0]))).as("c"))
                .filter(col("c.value").isNotNull());
        return cells.groupBy(col("action_id"), col("c.column").as("column"))
                .agg(size(collect_set(col("c.value"))).as("_values"),
                        array_sort(collect_list(struct(col("source_file"), col("source_row"), col("c.value").as("value")))).as("_said"))
                .filter(col("_values").gt(1))
                .select(lit(CONFLICT).as("check"), lit(BreakdownCheck.DATASET).as("dataset"), col("action_id").as("record_id"),
                        try_element_at(col("_said"), lit(1)).getField("source_file").as("source_file"),
                        try_element_at(col("_said"), lit(1)).getField("source_row").as("source_row"),
                        lit(null).cast("long").as("expected"), lit(null).cast("long").as("actual"),
                        concat(lit("action_id given twice with different values: "), col("column"), lit(" is "),
                                array_join(transform(col("_said"), s -> concat(lit("'"), s.getField("value"), lit("' in "),
                                        s.getField("source_file"), lit(" row "), s.getField("source_row").cast("string"))), " and "),
                                lit("; both are kept as reports of one event")).as("message"));
    }
}
