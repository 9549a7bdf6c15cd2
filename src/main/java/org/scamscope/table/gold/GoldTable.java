package org.scamscope.table.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;

/**
 * A gold table: an aggregate analysts read, built from the silver tables alone (no clock, no run
 * id), so rebuilding it from the same silver gives the same rows.
 */
public interface GoldTable {
    /** The table's name under &lt;warehouse&gt;/gold/. */
    String name();

    /** The columns that identify a row; writes match old and new rows on them. */
    List<String> key();

    Dataset<Row> build(GoldInputs in);
}
