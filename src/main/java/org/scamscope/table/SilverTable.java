package org.scamscope.table;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scamscope.reference.ReferenceData;

import java.util.List;

/**
 * A silver table: its canonical columns, its natural key and what it derives from them. Its
 * rules live in conf/rules/&lt;name&gt;.json; the generic steps (typing, conforming codes, rules,
 * de-duplication, pseudonymisation, lineage) are shared by all tables.
 */
public interface SilverTable {
    /** The dataset name: the input folder, the rules file and the table path share it. */
    String name();

    List<ColumnSpec> columns();

    List<String> naturalKey();

    /**
     * Adds the table's derived columns (and helper columns starting with "_" that rules may use)
     * to the typed, conformed rows. The row count must not change.
     */
    default Dataset<Row> derive(Dataset<Row> typed, ReferenceData reference) {
        return typed;
    }

    /**
     * As derive(typed, reference), in a run that keeps silver rows of earlier runs: a table whose
     * rows refer to each other (a deportation to its raid) looks among those too, so a scheduled
     * run decides as a full run would.
     *
     * @param earlier the silver rows this run keeps, or null when it rebuilds the table
     */
    default Dataset<Row> derive(Dataset<Row> typed, ReferenceData reference, Dataset<Row> earlier) {
        return derive(typed, reference);
    }

    /** The derived columns kept in silver, after the canonical ones. */
    default List<String> derivedColumns() {
        return List.of();
    }

    default boolean hasPersonalColumns() {
        return columns().stream().anyMatch(c -> c.kind() == Kind.PERSONAL);
    }

    default ColumnSpec column(String name) {
        return columns().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name() + " has no column " + name));
    }
}
