package org.scamscope.table.silver;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scamscope.reference.ReferenceData;
import org.scamscope.table.Money;
import org.scamscope.table.Derivation;


import static org.apache.spark.sql.functions.*;

/**
 * silver/enforcement_actions: raids, arrests, deportations and other actions. A deportation
 * links to its raid by parent_action_id. The nationality breakdown ("CHN:650;VNM:50") becomes a
 * map; whether it adds up to the total is a gold cross-check, not a rejection.
 * Contract: conf/tables/silver/enforcement_actions/.
 */
public final class EnforcementActionsDerivation implements Derivation {

    /** A parent action is looked for among this run's rows and the silver rows of earlier runs it keeps. */
    @Override
    public Dataset<Row> derive(Dataset<Row> df, ReferenceData reference, Dataset<Row> earlier) {
        Dataset<Row> ids = df.select(col("action_id").as("_parent_id"));
        if (earlier != null) ids = ids.union(earlier.select(col("action_id")));
        ids = ids.filter(col("_parent_id").isNotNull()).distinct();
        Dataset<Row> out = Money.toUsd(df, reference, "assets_seized", "assets_currency", "action_date", "assets_seized_usd")
                .join(ids, col("parent_action_id").equalTo(col("_parent_id")), "left")
                .withColumn("_parent_found", col("_parent_id").isNotNull())
                .drop("_parent_id");
        // "CHN:650; VNM:50" -> {CHN -> 650, VNM -> 50}; a part that is not CODE:COUNT fails a rule.
        return out
                .withColumn("_breakdown_parts", when(col("nationality_breakdown").isNotNull(),
                        transform(split(col("nationality_breakdown"), ";"), x -> upper(trim(x)))))
                .withColumn("_breakdown_codes", transform(col("_breakdown_parts"), p -> trim(substring_index(p, ":", 1))))
                .withColumn("_breakdown_well_formed", col("_breakdown_parts").isNull()
                        .or(forall(col("_breakdown_parts"), p -> p.rlike("^[A-Z]{3}\\s*:\\s*[0-9]{1,9}$"))
                                .and(size(array_distinct(col("_breakdown_codes"))).equalTo(size(col("_breakdown_parts"))))))
                .withColumn("nationality_counts", when(col("_breakdown_parts").isNotNull().and(col("_breakdown_well_formed")),
                        map_from_entries(transform(col("_breakdown_parts"), p -> struct(
                                trim(substring_index(p, ":", 1)).as("key"),
                                trim(substring_index(p, ":", -1)).cast("int").as("value"))))));
    }
}
