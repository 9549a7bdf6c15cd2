package org.scamscope.pipeline;

import org.scamscope.table.SilverTable;
import org.scamscope.table.gold.CompoundsByRegionYear;
import org.scamscope.table.gold.EnforcementByRegionYear;
import org.scamscope.table.gold.GoldTable;
import org.scamscope.table.gold.RegionYearOverview;
import org.scamscope.table.gold.RevenueByRegionYear;
import org.scamscope.table.gold.VictimFlowsByYear;
import org.scamscope.table.gold.VictimsByRegionYear;
import org.scamscope.table.silver.CompoundsTable;
import org.scamscope.table.silver.EnforcementActionsTable;
import org.scamscope.table.silver.RevenueEstimatesTable;
import org.scamscope.table.silver.VictimsTable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one place that says which tables the job builds. */
public final class Pipeline {
    public static final List<SilverTable> SILVER = List.of(
            new VictimsTable(),
            new CompoundsTable(),
            new RevenueEstimatesTable(),
            new EnforcementActionsTable());

    /** Built from the silver tables; the overview, built from the others, comes last. */
    public static final List<GoldTable> GOLD = List.of(
            new VictimsByRegionYear(),
            new VictimFlowsByYear(),
            new CompoundsByRegionYear(),
            new RevenueByRegionYear(),
            new EnforcementByRegionYear(),
            new RegionYearOverview());

    private Pipeline() {}

    public static Map<String, SilverTable> silverByName() {
        Map<String, SilverTable> out = new LinkedHashMap<>();
        SILVER.forEach(t -> out.put(t.name(), t));
        return out;
    }
}
