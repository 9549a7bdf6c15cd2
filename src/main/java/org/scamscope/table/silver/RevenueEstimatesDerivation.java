package org.scamscope.table.silver;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scamscope.reference.ReferenceData;
import org.scamscope.table.Derivation;


import static org.apache.spark.sql.functions.*;

/**
 * silver/revenue_estimates: one row per published estimate; estimates disagree and every one is
 * kept. geo_code is conformed for its geo_level (country names to alpha-3, subdivision aliases to
 * ISO 3166-2, M49 codes zero-padded). Contract: conf/tables/silver/revenue_estimates/.
 */
public final class RevenueEstimatesDerivation implements Derivation {

    @Override
    public Dataset<Row> derive(Dataset<Row> df, ReferenceData ref, Dataset<Row> earlier) {
        Dataset<Row> countries = ref.countryLookup().select(col("key").as("_ck"), col("alpha3").as("_country"));
        Dataset<Row> subs = ref.subdivisionLookup().select(col("key").as("_sk"), col("code").as("_subdivision"));
        Dataset<Row> subregions = ref.table("countries").select(col("subregion_code").as("_subregion"))
                .union(ref.table("countries").select(col("region_code")))
                .filter(col("_subregion").isNotNull()).distinct();
        Dataset<Row> groups = ref.table("region_groups").select(col("group_code").as("_group"));
        Column key = ReferenceData.lookupKey(col("geo_code"));
        Column level = col("geo_level");
        Column m49 = when(col("geo_code").rlike("^[0-9]{1,3}$"), lpad(col("geo_code"), 3, "0"));
        df = df.join(broadcast(countries), level.equalTo("country").and(key.equalTo(col("_ck"))), "left")
                .join(broadcast(subs), level.equalTo("subdivision").and(key.equalTo(col("_sk"))), "left")
                .join(broadcast(subregions), level.equalTo("subregion").and(m49.equalTo(col("_subregion"))), "left")
                .join(broadcast(groups), level.equalTo("region_group").and(key.equalTo(upper(col("_group")))), "left");
        Column conformed = when(level.equalTo("country"), col("_country"))
                .when(level.equalTo("subdivision"), col("_subdivision"))
                .when(level.equalTo("subregion"), col("_subregion"))
                .when(level.equalTo("region_group"), col("_group"))
                .when(level.equalTo("world"), when(m49.equalTo("001"), lit("001")));
        return df.withColumn("_geo_known", conformed.isNotNull())
                .withColumn("geo_code", coalesce(conformed, col("geo_code")))
                .withColumn("value_central", coalesce(col("value_point"),
                        when(col("value_low").isNotNull().and(col("value_high").isNotNull()),
                                col("value_low").plus(col("value_high")).divide(2).cast("decimal(22,2)"))))
                .drop("_ck", "_country", "_sk", "_subdivision", "_subregion", "_group");
    }
}
