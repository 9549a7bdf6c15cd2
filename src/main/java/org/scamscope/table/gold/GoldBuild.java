package org.scamscope.table.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The Java part of a gold table: how its rows are computed. Its columns, key, reads and the
 * relations of its counts are data (conf/pipeline.json and conf/tables/gold/&lt;name&gt;/).
 * A build reads only the silver tables (no clock, no run id), so rebuilding a table from the same
 * silver gives the same rows.
 */
@FunctionalInterface
public interface GoldBuild {
    /**
     * The table's rows. A table that declares person counts returns them as counted, unsuppressed:
     * the gold stage protects all such tables together (see {@link Disclosure}).
     */
    Dataset<Row> build(GoldInputs in);
}
