package org.scamscope.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Small results computed once and held on the driver as a local relation: later plans over them
 * read no file and start no Spark job to scan them, and a MERGE from them need not copy its source
 * first (DeltaTables.heldLocally). Only for rows that fit the driver: gold tables, reference data,
 * the findings of a run.
 */
public final class DriverRows {
    private DriverRows() {}

    public static Dataset<Row> held(Dataset<Row> rows) {
        return rows.sparkSession().createDataFrame(rows.collectAsList(), rows.schema());
    }
}
