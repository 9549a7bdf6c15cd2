package org.scamscope.table.gold;

import org.apache.spark.sql.Row;

/** One row of ops/data_quality: a record whose figures do not agree with each other. */
public record DataQualityFinding(String check, String dataset, String recordId, String sourceFile, Long sourceRow,
                                 Long expected, Long actual, String message) {
    public static DataQualityFinding of(Row r) {
        return new DataQualityFinding(r.getAs("check"), r.getAs("dataset"), r.getAs("record_id"), r.getAs("source_file"),
                r.getAs("source_row"), r.getAs("expected"), r.getAs("actual"), r.getAs("message"));
    }

    /** A line for the run summary. */
    public String describe() {
        return String.format("data quality %s: %s %s (%s row %d): %s", check, dataset, recordId, sourceFile, sourceRow, message);
    }
}
