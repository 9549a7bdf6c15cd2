package org.scamscope.table.gold;

import org.scamscope.pipeline.Pipeline;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scamscope.table.gold.Silver.*;

/** Forced workers 2024: in KH-18 5 CHN, 4 VNM, 2 of unknown citizenship; in Cambodia, no province, 1 VNM; one defrauded. */
class VictimFlowsByYearTest {
    private static final String F = "forced_scam_worker";
    /** As counted, before suppression. */
    private static Dataset<Row> raw;
    /** As published: protected together with victims_by_region_year. */
    private static Dataset<Row> gold;
    private static GoldInputs inputs;

    @BeforeAll
    static void build() {
        List<Row> victims = all(
                times(5, victim("v1", F, "2024-01-01", "male", 30, "CHN", "KHM", "KH-18", "held", null)),
                times(4, victim("v2", F, "2024-01-01", "male", 30, "VNM", "KHM", "KH-18", "held", null)),
                times(2, victim("v3", F, "2024-01-01", "male", 30, null, "KHM", "KH-18", "held", null)),
                times(1, victim("v4", F, "2024-01-01", "male", 30, "VNM", "KHM", null, "held", null)),
                times(1, victim("d1", "defrauded", "2024-01-01", "male", 30, "CHN", "KHM", "KH-18", null, "10.00")));
        inputs = inputs(victims, List.of(), List.of(), List.of(), 5, 2025);
        raw = new VictimFlowsByYear().build(inputs).cache();
        gold = inputs.gold(VictimFlowsByYear.NAME).cache();
    }

    @AfterAll
    static void release() {
        raw.unpersist();
        gold.unpersist();
    }

    private static Row flow(String level, String code, String type, String citizenship) {
        return flow(raw, level, code, type, citizenship);
    }

    private static Row flow(Dataset<Row> table, String level, String code, String type, String citizenship) {
        return only(table, level, code, 2024, "victim_type = '" + type + "' AND citizenship <=> "
                + (citizenship == null ? "NULL" : "'" + citizenship + "'"));
    }

    @Test
    void corridorsAreCountedAtEveryLevel() {
        assertCells(flow("country", "KHM", F, "CHN"), "citizenship_name", "China", "victims", 5L);
        assertEquals(0, raw.filter("region_level = 'subdivision'").count());
        // 4 in KH-18 and 1 with no province make 5 at country level.
        assertCells(flow("country", "KHM", F, "VNM"), "victims", 5L);
        assertCells(flow("world", "001", F, "VNM"), "victims", 5L);
    }

    @Test
    void everyCorridorBelowKIsHiddenAndTheRestAsCounted() {
        for (Row r : raw.collectAsList()) {
            Row published = flow(gold, r.getAs("region_level"), r.getAs("region_code"), r.getAs("victim_type"), r.getAs("citizenship"));
            long n = r.<Long>getAs("victims");
            if (n < 5) assertCells(published, "victims", null, "suppressed", true, "suppressed_cells", List.of("victims"));
            else if (published.getAs("victims") != null) assertCells(published, "victims", n, "suppressed", false);
        }
        assertCells(flow(gold, "country", "KHM", F, null), "victims", null);
    }

    @Test
    void publishedCorridorsPassTheAuditWithTheTotalsTheyAddUpTo() {
        var specs = List.of(Pipeline.shipped().gold(VictimsByRegionYear.NAME).personCounts().orElseThrow(), Pipeline.shipped().gold(VictimFlowsByYear.NAME).personCounts().orElseThrow());
        var r = Disclosure.audit(java.util.Map.of(VictimsByRegionYear.NAME, inputs.gold(VictimsByRegionYear.NAME),
                VictimFlowsByYear.NAME, gold), specs, Disclosure.tree(inputs.reference()), 5);
        assertEquals(List.of(), r.violations().stream().map(v -> v.describe()).toList());
    }

    @Test
    void unknownCitizenshipIsARowOfItsOwnAndTypesAreApart() {
        assertCells(flow("country", "KHM", F, null), "citizenship_name", null, "victims", 2L);
        assertCells(flow("country", "KHM", "defrauded", "CHN"), "victims", 1L);
        // CHN, VNM and unknown into Cambodia for forced workers; one defrauded CHN row.
        assertEquals(4, raw.filter("region_level = 'country' AND region_code = 'KHM'").count());
    }
}
