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

    /**
     * What build reads besides the reference data, k and the current year: silver tables
     * ("silver/victims") and gold tables written before this one ("gold/victims_by_region_year").
     * The stage gives build only these, so a read left out fails rather than going unseen, and a
     * table none of whose reads changed since it was last written is not built again.
     */
    List<String> reads();

    /**
     * The table's rows. A table that declares person counts returns them as counted, unsuppressed:
     * the gold stage protects all such tables together (see {@link Disclosure}).
     */
    Dataset<Row> build(GoldInputs in);

    /** The counts of persons the table publishes and their relations, if it publishes any. */
    default java.util.Optional<org.scamscope.disclosure.PersonCounts> personCounts() {
        return java.util.Optional.empty();
    }

    /** Whether build returns counts that must be protected before they are published. */
    default boolean protectedCounts() {
        return personCounts().isPresent() && !personCounts().get().counts().isEmpty() && personCounts().get().sameAs().isEmpty();
    }
}
