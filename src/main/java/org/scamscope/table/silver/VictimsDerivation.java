package org.scamscope.table.silver;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scamscope.reference.ReferenceData;
import org.scamscope.table.Money;
import org.scamscope.table.Derivation;


import static org.apache.spark.sql.functions.*;

/**
 * silver/victims: one row per person-record, trafficked into a compound (forced_scam_worker) or
 * defrauded by one (defrauded). Identifying fields arrive in some layouts; only their keyed hash
 * (person_key) is kept. Contract: conf/tables/silver/victims/.
 */
public final class VictimsDerivation implements Derivation {

    @Override
    public Dataset<Row> derive(Dataset<Row> df, ReferenceData reference, Dataset<Row> earlier) {
        Column a = col("age");
        Column band = when(a.lt(9), "0-8").when(a.lt(18), "9-17").when(a.lt(21), "18-20").when(a.lt(24), "21-23")
                .when(a.lt(27), "24-26").when(a.lt(30), "27-29").when(a.lt(39), "30-38").when(a.lt(48), "39-47")
                .when(a.geq(48), "48+");
        Column minor = when(a.isNotNull(), a.lt(18)).otherwise(when(col("age_band").isNotNull(), col("age_band").isin("0-8", "9-17")));
        return Money.toUsd(df, reference, "loss_amount", "loss_currency", "registration_date", "loss_amount_usd")
                .withColumn("_age_band_given", col("age_band"))
                .withColumn("age_band", when(a.isNotNull().and(a.between(0, 120)), band).otherwise(col("age_band")))
                .withColumn("is_minor", minor)
                .withColumn("registration_year", year(col("registration_date")));
    }
}
