package org.scamscope.table.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scamscope.contract.GoldContract;
import org.scamscope.disclosure.PersonCounts;

import java.util.List;
import java.util.Optional;

/** A gold table: its contract, what it reads (from conf/pipeline.json) and its build. */
public final class GoldTable {
    private final GoldContract contract;
    private final List<String> reads;
    private final GoldBuild build;

    /**
     * @param reads what build reads besides the reference data, k and the current year: silver
     *     tables ("silver/victims") and gold tables built before this one. The stage gives build only
     *     these, so a read left out fails rather than going unseen, and a table none of whose reads
     *     changed since it was last written is not built again.
     */
    public GoldTable(GoldContract contract, List<String> reads, GoldBuild build) {
        this.contract = contract;
        this.reads = reads.stream().filter(r -> r.startsWith("silver/") || r.startsWith("gold/")).toList();
        this.build = build;
    }

    /** The table's name under &lt;warehouse&gt;/gold/. */
    public String name() {
        return contract.table();
    }

    public GoldContract contract() {
        return contract;
    }

    /** The columns that identify a row; writes match old and new rows on them. */
    public List<String> key() {
        return contract.key();
    }

    public List<String> reads() {
        return reads;
    }

    public Dataset<Row> build(GoldInputs in) {
        return build.build(in);
    }

    /** The counts of persons the table publishes and their relations, if it publishes any. */
    public Optional<PersonCounts> personCounts() {
        return contract.personCounts();
    }

    /** Whether build returns counts that must be protected before they are published. */
    public boolean protectedCounts() {
        return personCounts().isPresent() && !personCounts().get().counts().isEmpty() && personCounts().get().sameAs().isEmpty();
    }

    @Override
    public String toString() {
        return "gold/" + name();
    }
}
