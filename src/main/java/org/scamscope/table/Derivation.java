package org.scamscope.table;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scamscope.reference.ReferenceData;

/**
 * What a silver dataset computes from its typed, conformed rows: its derived columns and the
 * helper columns (starting with "_") its rules use. Both are declared in its contract, which
 * the dry-run checks against what this returns. The row count must not change.
 */
@FunctionalInterface
public interface Derivation {
    /**
     * @param earlier the silver rows a run keeps, or null when it rebuilds the table: a dataset
     *     whose rows refer to each other (a deportation to its raid) looks among those too, so a
     *     scheduled run decides as a full run would
     */
    Dataset<Row> derive(Dataset<Row> typed, ReferenceData reference, Dataset<Row> earlier);

    Derivation NONE = (typed, reference, earlier) -> typed;
}
