package org.scamscope.table.gold;

import org.apache.spark.sql.Column;

import static org.apache.spark.sql.functions.*;

/** Aggregate expressions the gold tables share, so each is written (and typed) once. */
final class Aggregates {
    /** Amounts in gold keep silver's money type, whatever sum, median or division made of them. */
    static final String MONEY = "decimal(22,2)";

    private Aggregates() {}

    /** The number of rows for which the condition holds (0, never null). */
    static Column countIf(Column condition, String name) {
        return count(when(condition, lit(1))).as(name);
    }

    static Column money(Column amount, String name) {
        return amount.cast(MONEY).as(name);
    }

    /** The median as an amount: of two middle values, their mean. */
    static Column medianMoney(Column amount, String name) {
        return money(median(amount), name);
    }

    /**
     * The built columns in the contract's order and types; a column the build makes but the
     * contract does not declare stays (at the end), so the contract check still sees it.
     */
    static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> asDeclared(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> df,
                                                                            org.scamscope.contract.GoldContract contract) {
        java.util.List<String> built = java.util.List.of(df.columns());
        java.util.List<Column> out = new java.util.ArrayList<>();
        for (org.scamscope.contract.Declared c : contract.columns()) {
            if (built.contains(c.name())) out.add(col(c.name()).cast(c.type()).as(c.name()));
        }
        for (String b : built) {
            if (!b.startsWith("_") && contract.columns().stream().noneMatch(c -> c.name().equals(b))) out.add(col(b));
        }
        return df.select(out.toArray(new Column[0]));
    }
}
