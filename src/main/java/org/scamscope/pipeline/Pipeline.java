package org.scamscope.pipeline;

import org.scamscope.table.SilverTable;
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

    private Pipeline() {}

    public static Map<String, SilverTable> silverByName() {
        Map<String, SilverTable> out = new LinkedHashMap<>();
        SILVER.forEach(t -> out.put(t.name(), t));
        return out;
    }
}
