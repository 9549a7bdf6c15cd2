package org.scamscope.table.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;
import static org.scamscope.table.gold.Aggregates.countIf;

/**
 * gold/enforcement_by_region_year: one row per region and year with what police did, from
 * gold/enforcement_events, so a raid two publishers reported counts once. An event that follows
 * up another (a deportation of the people a raid detained) counts its figures but is no second
 * incident; an event included in another (part_of) adds nothing, as the other holds its figures.
 *
 * <p>A figure over a period (period_start to period_end, D days) is spread over the calendar
 * years it covers: year y gets floor(v * E / D) - floor(v * S / D), where S and E are the days of
 * the period before year y and up to its end. The parts are whole numbers (cents for money) and
 * add up to v exactly. A period figure is no incident; period_figures counts it in each of its
 * years.
 *
 * <p>Each figure is the sum of the events' central values, with low and high sums for the
 * persons; a high is null when an event's report says "at least". Figures come from public
 * reports and are not suppressed; sums are null where no event reported the figure.
 */
public final class EnforcementByRegionYear implements GoldBuild {
    public static final String NAME = "enforcement_by_region_year";
    /** The action types; each has a column of incidents named by its plural. */
    static final List<String> TYPES = List.of("raid", "arrest", "deportation", "repatriation", "seizure", "sanction");
    /** The figures published with their low and high sums. */
    static final List<String> RANGED = List.of("persons_detained", "persons_rescued", "persons_deported", "persons_prosecuted");

    @Override
    public Dataset<Row> build(GoldInputs in) {
        Dataset<Row> events = in.gold(EnforcementEvents.NAME);
        List<String> figures = new ArrayList<>();
        for (String m : EnforcementEvents.MEASURES) {
            figures.add(m);
            figures.add(m + "_low");
            figures.add(m + "_high");
        }
        Column dated = col("action_date").isNotNull();
        Column included = col("part_of_event_id").isNotNull();
        Column followUp = col("parent_event_id").isNotNull();
        Dataset<Row> years = spread(events.filter(not(included)), figures);
        Column incident = col("_dated").and(not(followUp));
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(countIf(incident, "incidents"));
        TYPES.forEach(type -> aggregates.add(countIf(incident.and(col("action_type").equalTo(type)), type + "s")));
        aggregates.add(countIf(col("_dated").and(followUp), "follow_up_actions"));
        aggregates.add(countIf(not(col("_dated")), "period_figures"));
        aggregates.add(sum(when(col("_dated"), col("reports"))).as("reports"));
        aggregates.add(countIf(col("reports").gt(1), "reconciled_events"));
        for (String m : EnforcementEvents.MEASURES) {
            String type = m.equals("assets_seized_usd") ? Aggregates.MONEY : "bigint";
            if (RANGED.contains(m)) aggregates.add(sum(col(m + "_low")).cast(type).as(m + "_low"));
            aggregates.add(sum(col(m)).cast(type).as(m));
            if (RANGED.contains(m)) {
                aggregates.add(when(count(when(col(m).isNotNull().and(col(m + "_high").isNull()), lit(1))).gt(0), lit(null))
                        .otherwise(sum(col(m + "_high"))).cast(type).as(m + "_high"));
            }
        }
        Dataset<Row> rolled = Regions.rollup(years.withColumn("_dated", col("_dated")), in.reference(), col("country"),
                col("subdivision"), List.of("year"), aggregates);
        // Events included in others are counted apart, in the year and place of their own reports.
        Dataset<Row> parts = Regions.rollup(events.filter(included).withColumn("year", year(coalesce(col("action_date"), col("period_start")))),
                in.reference(), col("country"), col("subdivision"), List.of("year"), List.of(count(lit(1)).as("included_actions")));
        Dataset<Row> p = parts.select(col(Regions.LEVEL).as("_p_level"), col(Regions.CODE).as("_p_code"), col(Regions.NAME).as("_p_name"),
                col("year").as("_p_year"), col("included_actions"));
        Dataset<Row> out = rolled.join(p, col(Regions.LEVEL).equalTo(col("_p_level")).and(col(Regions.CODE).equalTo(col("_p_code")))
                        .and(col("year").eqNullSafe(col("_p_year"))), "full_outer");
        // One projection, not one withColumn (and one analysis of the whole join) per column.
        Map<String, Column> filled = new LinkedHashMap<>();
        filled.put(Regions.LEVEL, coalesce(col(Regions.LEVEL), col("_p_level")));
        filled.put(Regions.CODE, coalesce(col(Regions.CODE), col("_p_code")));
        filled.put(Regions.NAME, coalesce(col(Regions.NAME), col("_p_name")));
        filled.put("year", coalesce(col("year"), col("_p_year")));
        for (String c : List.of("incidents", "raids", "arrests", "deportations", "repatriations", "seizures", "sanctions",
                "follow_up_actions", "period_figures", "reconciled_events", "included_actions")) {
            filled.put(c, coalesce(col(c), lit(0L)));
        }
        return Aggregates.asDeclared(out.withColumns(filled), in.tables().get(NAME).contract());
    }

    /** One row per event and year: a dated event as it is, a period's figures spread over its years. */
    static Dataset<Row> spread(Dataset<Row> events, List<String> figures) {
        Dataset<Row> dated = events.filter(col("action_date").isNotNull()).withColumn("_dated", lit(true));
        Column start = col("period_start");
        Column end = col("period_end");
        Map<String, Column> share = new LinkedHashMap<>();
        share.put("_days", datediff(end, start).plus(1));
        share.put("_before", datediff(greatest(start, make_date(col("year"), lit(1), lit(1))), start));
        share.put("_through", datediff(least(end, make_date(col("year"), lit(12), lit(31))), start).plus(1));
        share.put("_dated", lit(false));
        Dataset<Row> periods = events.filter(col("action_date").isNull())
                .withColumn("year", explode(sequence(year(start), year(end))))
                .withColumns(share);
        Map<String, Column> parts = new LinkedHashMap<>();
        for (String f : figures) {
            // Whole-number division (cents for money): floating point could move a unit between years.
            boolean money = f.startsWith("assets_seized_usd");
            String v = money ? "cast(`" + f + "` * 100 as bigint)" : "cast(`" + f + "` as bigint)";
            Column part = expr("(" + v + " * _through) div _days - (" + v + " * _before) div _days");
            parts.put(f, money ? part.cast(Aggregates.MONEY).divide(100).cast(Aggregates.MONEY) : part);
        }
        return dated.unionByName(periods.withColumns(parts).drop("_days", "_before", "_through"));
    }
}
