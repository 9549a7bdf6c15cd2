package org.scamscope.table;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scamscope.contract.ColumnSpec;
import org.scamscope.contract.Declared;
import org.scamscope.contract.Kind;
import org.scamscope.contract.SilverContract;
import org.scamscope.reference.ReferenceData;

import java.util.List;

/**
 * A silver table: its contract (conf/tables/silver/&lt;name&gt;/) and the Java that derives its
 * computed columns. The generic steps (typing, conforming codes, rules, de-duplication,
 * pseudonymisation, lineage) are shared by all tables.
 */
public final class SilverTable {
    private final SilverContract contract;
    private final Derivation derivation;

    public SilverTable(SilverContract contract, Derivation derivation) {
        this.contract = contract;
        this.derivation = derivation;
    }

    /** The dataset name: the input folder and the table path share it. */
    public String name() {
        return contract.dataset();
    }

    public SilverContract contract() {
        return contract;
    }

    public List<ColumnSpec> columns() {
        return contract.columns();
    }

    public List<String> naturalKey() {
        return contract.naturalKey();
    }

    public Dataset<Row> derive(Dataset<Row> typed, ReferenceData reference) {
        return derivation.derive(typed, reference, null);
    }

    /** @param earlier the silver rows this run keeps, or null when it rebuilds the table */
    public Dataset<Row> derive(Dataset<Row> typed, ReferenceData reference, Dataset<Row> earlier) {
        return derivation.derive(typed, reference, earlier);
    }

    /** The derived columns kept in silver, after the canonical ones. */
    public List<String> derivedColumns() {
        return contract.derived().stream().map(Declared::name).toList();
    }

    public boolean hasPersonalColumns() {
        return columns().stream().anyMatch(c -> c.kind() == Kind.PERSONAL);
    }

    @Override
    public String toString() {
        return "silver/" + name();
    }
}
