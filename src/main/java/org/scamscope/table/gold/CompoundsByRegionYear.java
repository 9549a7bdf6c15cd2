package org.scamscope.table.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;

import static org.apache.spark.sql.functions.*;
import static org.scamscope.table.gold.Aggregates.countIf;

/**
 * gold/compounds_by_region_year: one row per region and year with the compounds operating in it.
 * A compound operates from the year it was first reported to the year of its status date when
 * raided or closed, else to the current year (a relocated compound is still counted where it was
 * reported: its new site is not known). A compound never reported cannot be placed in a year and
 * is left out; one raided or closed on an unknown date counts in its first year only, and its
 * raid or closure in no year. Worker estimates are summed over the compounds that have one, and
 * are published figures: not suppressed.
 *
 * <p>Columns: region_level, region_code, region_name, year, compounds_operating, compounds_new,
 * compounds_raided, compounds_closed, compounds_with_workers_estimate, workers_low, workers_high.
 */
public final class CompoundsByRegionYear implements GoldBuild {
    public static final String NAME = "compounds_by_region_year";

    @Override
    public Dataset<Row> build(GoldInputs in) {
        Column first = col("first_reported_year");
        Column ended = col("status").isin("raided", "closed");
        Column endYear = when(ended, coalesce(year(col("status_date")), first)).otherwise(lit(in.currentYear()));
        Dataset<Row> years = in.silver("compounds").filter(first.isNotNull())
                .withColumn("year", explode(sequence(first, greatest(first, endYear))));
        Column endedThisYear = year(col("status_date")).equalTo(col("year"));
        List<Column> aggregates = List.of(
                count(lit(1)).as("compounds_operating"),
                countIf(first.equalTo(col("year")), "compounds_new"),
                countIf(col("status").equalTo("raided").and(endedThisYear), "compounds_raided"),
                countIf(col("status").equalTo("closed").and(endedThisYear), "compounds_closed"),
                countIf(col("estimated_workers_low").isNotNull().or(col("estimated_workers_high").isNotNull()),
                        "compounds_with_workers_estimate"),
                sum(col("estimated_workers_low")).as("workers_low"),
                sum(col("estimated_workers_high")).as("workers_high"));
        return Regions.rollup(years, in.reference(), col("country"), col("subdivision"), List.of("year"), aggregates);
    }
}
