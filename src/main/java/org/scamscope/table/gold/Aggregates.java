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
}
