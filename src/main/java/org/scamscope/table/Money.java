package org.scamscope.table;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scamscope.reference.ReferenceData;

import static org.apache.spark.sql.functions.*;

/** Converts an amount to US dollars with the annual average rate of its currency in the year of a date. */
public final class Money {
    private Money() {}

    public static Dataset<Row> toUsd(Dataset<Row> df, ReferenceData ref, String amount, String currency, String date, String out) {
        Dataset<Row> fx = ref.table("fx_rates").select(
                col("currency").as("_fx_currency"), col("year").as("_fx_year"), col("units_per_usd").as("_fx_rate"));
        Column match = col(currency).equalTo(col("_fx_currency")).and(year(col(date)).equalTo(col("_fx_year")));
        return df.join(broadcast(fx), match, "left")
                .withColumn(out, col(amount).divide(col("_fx_rate")).cast("decimal(22,2)"))
                .drop("_fx_currency", "_fx_year", "_fx_rate");
    }
}
