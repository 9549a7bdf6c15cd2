package org.scamscope.table.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;

import static org.apache.spark.sql.functions.*;
import static org.scamscope.table.gold.Aggregates.medianMoney;
import static org.scamscope.table.gold.Aggregates.money;

/**
 * gold/revenue_by_region_year: one row per place an estimate was published for, reference year,
 * metric (revenue, victim_losses, workforce) and unit, reconciling the estimates that disagree.
 * An estimate stays at the level it was published for: a country's estimate is never spread over
 * its subdivisions, nor added into its sub-region (region groups such as KHM+LAO+MMR keep
 * region_level "region_group").
 *
 * <p>An estimate bounds the range with its low and high; a point estimate is both its own low
 * and high. low is the smallest low, high the largest high, central the median of the estimates'
 * central values (silver's value_central: the point, else the midpoint of low and high; an
 * open-ended range has none). Revenue per forced worker, on revenue rows where a workforce
 * estimate exists for the same place and year, runs from the lowest revenue over the largest
 * workforce to the highest revenue over the smallest workforce. Published figures: not suppressed.
 *
 * <p>Columns: region_level, region_code, region_name, year, metric, unit, estimates,
 * publishers_count, publishers, value_low, value_central, value_high, latest_publication_date,
 * revenue_per_worker_low, revenue_per_worker_high.
 */
public final class RevenueByRegionYear implements GoldBuild {
    public static final String NAME = "revenue_by_region_year";

    @Override
    public Dataset<Row> build(GoldInputs in) {
        Dataset<Row> reconciled = in.silver("revenue_estimates")
                .groupBy(col("geo_level").as(Regions.LEVEL), col("geo_code").as(Regions.CODE),
                        col("reference_year").as("year"), col("metric"), col("unit"))
                .agg(count(lit(1)).as("estimates"),
                        size(collect_set(col("publisher"))).as("publishers_count"),
                        array_sort(collect_set(col("publisher"))).as("publishers"),
                        money(min(coalesce(col("value_low"), col("value_point"))), "value_low"),
                        medianMoney(col("value_central"), "value_central"),
                        money(max(coalesce(col("value_high"), col("value_point"))), "value_high"),
                        max(col("publication_date")).as("latest_publication_date"));
        Dataset<Row> workforce = reconciled.filter(col("metric").equalTo("workforce")).select(
                col(Regions.LEVEL).as("_w_level"), col(Regions.CODE).as("_w_code"), col("year").as("_w_year"),
                col("value_low").as("_w_low"), col("value_high").as("_w_high"));
        Column sameRegionYear = col(Regions.LEVEL).equalTo(col("_w_level")).and(col(Regions.CODE).equalTo(col("_w_code")))
                .and(col("year").equalTo(col("_w_year"))).and(col("metric").equalTo("revenue"));
        return Regions.withNames(reconciled.join(workforce, sameRegionYear, "left")
                .withColumn("revenue_per_worker_low", perWorker(col("value_low"), col("_w_high")))
                .withColumn("revenue_per_worker_high", perWorker(col("value_high"), col("_w_low")))
                .drop("_w_level", "_w_code", "_w_year", "_w_low", "_w_high"), in.reference());
    }

    private static Column perWorker(Column revenue, Column workers) {
        return when(workers.gt(0), revenue.divide(workers)).cast(Aggregates.MONEY);
    }
}
