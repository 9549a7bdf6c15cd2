package org.scamscope.table.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.*;
import static org.scamscope.table.gold.Aggregates.countIf;
import static org.scamscope.table.gold.Aggregates.money;

/**
 * gold/enforcement_by_region_year: one row per region and year (of the action's date and place)
 * with what police did. An action whose parent_action_id names another action (a deportation of
 * the people a raid detained) is a follow-up: its persons, devices and assets count, but it is not
 * a second incident, so the counts by type add up to incidents and follow-ups are counted apart.
 * Figures come from public reports and are not suppressed. Sums are null where no action reported
 * the figure.
 *
 * <p>Columns: region_level, region_code, region_name, year, incidents, raids, arrests,
 * deportations, repatriations, seizures, sanctions, follow_up_actions, persons_detained,
 * persons_rescued, persons_deported, devices_seized, assets_seized_usd.
 */
public final class EnforcementByRegionYear implements GoldBuild {
    public static final String NAME = "enforcement_by_region_year";
    /** The action types; each has a column of incidents named by its plural. */
    static final List<String> TYPES = List.of("raid", "arrest", "deportation", "repatriation", "seizure", "sanction");

    @Override
    public Dataset<Row> build(GoldInputs in) {
        Dataset<Row> actions = in.silver("enforcement_actions");
        Dataset<Row> ids = actions.select(col("action_id").as("_parent")).distinct();
        Dataset<Row> marked = actions.join(ids, col("parent_action_id").equalTo(col("_parent")), "left")
                .withColumn("_follow_up", col("_parent").isNotNull())
                .withColumn("year", year(col("action_date")));
        Column incident = not(col("_follow_up"));
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(countIf(incident, "incidents"));
        TYPES.forEach(type -> aggregates.add(countIf(incident.and(col("action_type").equalTo(type)), type + "s")));
        aggregates.add(countIf(col("_follow_up"), "follow_up_actions"));
        for (String c : List.of("persons_detained", "persons_rescued", "persons_deported", "devices_seized")) {
            aggregates.add(sum(col(c)).as(c));
        }
        aggregates.add(money(sum(col("assets_seized_usd")), "assets_seized_usd"));
        return Regions.rollup(marked, in.reference(), col("country"), col("subdivision"), List.of("year"), aggregates);
    }
}
