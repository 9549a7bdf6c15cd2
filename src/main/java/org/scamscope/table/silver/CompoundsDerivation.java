package org.scamscope.table.silver;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scamscope.reference.ReferenceData;
import org.scamscope.table.Derivation;


import static org.apache.spark.sql.functions.*;

/** silver/compounds: one row per scam compound, with its place, status and workforce range. Contract: conf/tables/silver/compounds/. */
public final class CompoundsDerivation implements Derivation {

    @Override
    public Dataset<Row> derive(Dataset<Row> df, ReferenceData reference, Dataset<Row> earlier) {
        return df.withColumn("first_reported_year", year(col("first_reported")));
    }
}
