package org.scamscope.table;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scamscope.reference.ReferenceData;

import static org.apache.spark.sql.functions.*;

/**
 * Converts an amount to US dollars with the annual average rate of its currency in the year of a
 * date; adds the rate used as "_&lt;out&gt;_rate" (null when there is none) for the rules.
 */
public final class Money {
    private Money() {}

    public static Dataset<Row> toUsd(Dataset<Row> df, ReferenceData ref, String amount, String currency, String date, String out) {
        return toUsd(df, ref, amount, currency, col(date), out);
    }

    /** As above, with the date a column expression (an action's date, else its period's end). */
    public static Dataset<Row> toUsd(Dataset<Row> df, ReferenceData ref, String amount, String currency, Column date, String out) {
        Dataset<Row> fx = ref.table("fx_rates").select(
                col("currency").as("_fx_currency"), col("year").as("_fx_year"), col("units_per_usd").as("_fx_rate"));
        Column match = col(currency).equalTo(col("_fx_currency")).and(year(date).equalTo(col("_fx_year")));
        // An amount whose dollar value does not fit decimal(22,2) becomes null, not a failed job; the
        // rate stays as "_<out>_rate" so rules can tell "no rate" from "too large".
        return df.join(broadcast(fx), match, "left")
                .withColumn(out, try_divide(col(amount), col("_fx_rate")).try_cast("decimal(22,2)"))
                .withColumnRenamed("_fx_rate", "_" + out + "_rate")
                .drop("_fx_currency", "_fx_year");
    }
}
