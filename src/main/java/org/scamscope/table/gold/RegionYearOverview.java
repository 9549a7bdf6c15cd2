package org.scamscope.table.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import static org.apache.spark.sql.functions.*;

/**
 * gold/region_year_overview: the analyst's front page, one row per region and year found in any
 * other gold table, with the headline figures of each. It is built from those tables (as written,
 * when the stage has written them), after their suppression, so it shows nothing they hide: a victims cell hidden there is null here and named
 * in suppressed_cells. A null elsewhere means the other table has no row for that region and year
 * (no records, or no estimate).
 *
 * <p>Columns: region_level, region_code, region_name, year, forced_scam_workers,
 * defrauded_victims, defrauded_losses_usd, compounds_operating, compounds_new, compounds_raided,
 * compounds_closed, workers_low, workers_high, enforcement_incidents, persons_detained,
 * persons_rescued, persons_deported, assets_seized_usd, revenue_usd_low, revenue_usd_central,
 * revenue_usd_high, revenue_per_worker_usd_low, revenue_per_worker_usd_high, workforce_low,
 * workforce_high, victim_losses_usd_central, suppressed, suppressed_cells.
 */
public final class RegionYearOverview implements GoldBuild {
    public static final String NAME = "region_year_overview";
    private static final List<String> KEY = List.of(Regions.LEVEL, Regions.CODE, "year");

    /** A figure taken from one row kind of another table: column source of the rows where "when" holds. */
    private record Pick(String name, Column when, String source) {}

    @Override
    public Dataset<Row> build(GoldInputs in) {
        Column forced = col("victim_type").equalTo("forced_scam_worker");
        Column defrauded = col("victim_type").equalTo("defrauded");
        List<Pick> victimPicks = List.of(
                new Pick("forced_scam_workers", forced, "victims"),
                new Pick("defrauded_victims", defrauded, "victims"),
                new Pick("defrauded_losses_usd", defrauded, "losses_usd_sum"));
        Column revenue = col("metric").equalTo("revenue");
        Column workforce = col("metric").equalTo("workforce");
        List<Pick> revenuePicks = List.of(
                new Pick("revenue_usd_low", revenue, "value_low"),
                new Pick("revenue_usd_central", revenue, "value_central"),
                new Pick("revenue_usd_high", revenue, "value_high"),
                new Pick("revenue_per_worker_usd_low", revenue, "revenue_per_worker_low"),
                new Pick("revenue_per_worker_usd_high", revenue, "revenue_per_worker_high"),
                new Pick("workforce_low", workforce, "value_low"),
                new Pick("workforce_high", workforce, "value_high"),
                new Pick("victim_losses_usd_central", col("metric").equalTo("victim_losses"), "value_central"));

        Dataset<Row> victims = pivot(in.gold(VictimsByRegionYear.NAME), victimPicks, true);
        Dataset<Row> compounds = in.gold(CompoundsByRegionYear.NAME).select(cols(KEY, "compounds_operating",
                "compounds_new", "compounds_raided", "compounds_closed", "workers_low", "workers_high"));
        Dataset<Row> enforcement = in.gold(EnforcementByRegionYear.NAME).withColumnRenamed("incidents", "enforcement_incidents")
                .select(cols(KEY, "enforcement_incidents", "persons_detained", "persons_rescued", "persons_deported",
                        "assets_seized_usd"));
        Dataset<Row> estimates = pivot(in.gold(RevenueByRegionYear.NAME), revenuePicks, false);

        var key = Regions.seq(KEY);
        Dataset<Row> joined = victims.join(compounds, key, "full_outer").join(enforcement, key, "full_outer")
                .join(estimates, key, "full_outer");
        Map<String, Column> hidden = new LinkedHashMap<>();
        victimPicks.forEach(p -> hidden.put(p.name(), col(hiddenColumn(p))));
        return Regions.withNames(joined.withColumns(Disclosure.flagColumns(hidden)), in.reference())
                .drop(victimPicks.stream().map(RegionYearOverview::hiddenColumn).toArray(String[]::new));
    }

    /** One row per region and year, each pick a column; with suppressed, also whether its source cell was hidden. */
    private static Dataset<Row> pivot(Dataset<Row> table, List<Pick> picks, boolean suppressed) {
        List<Column> aggregates = new ArrayList<>();
        for (Pick p : picks) {
            aggregates.add(max(when(p.when(), col(p.source()))).as(p.name()));
            if (suppressed) {
                aggregates.add(max(when(p.when(), array_contains(col(Disclosure.CELLS), p.source()))).as(hiddenColumn(p)));
            }
        }
        return table.groupBy(cols(KEY)).agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]));
    }

    private static String hiddenColumn(Pick p) {
        return "_hidden_" + p.name();
    }

    private static Column[] cols(List<String> first, String... more) {
        List<Column> out = new ArrayList<>();
        first.forEach(c -> out.add(col(c)));
        for (String c : more) out.add(col(c));
        return out.toArray(new Column[0]);
    }
}
