package org.scamscope.table.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.TestSpark;
import org.scamscope.delta.DeltaTables;
import org.scamscope.pipeline.GoldStage;
import org.scamscope.pipeline.Pipeline;
import org.scamscope.pipeline.Warehouse;
import org.scamscope.reference.ReferenceData;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scamscope.table.gold.Silver.*;

/**
 * The gold stage after only the victims changed: the tables that read victims are built again,
 * the others are left as they were, and every table still equals a build from silver as it is.
 */
class GoldIncrementalTest {
    @TempDir
    static Path root;
    private static SparkSession spark;
    private static Warehouse warehouse;
    private static ReferenceData ref;
    private static GoldStage.Result first;
    private static final Map<String, Long> versionsAfterFirst = new LinkedHashMap<>();
    private static GoldStage.Result second;
    private static GoldStage.Result third;

    @BeforeAll
    static void runThenAddVictimsThenRunAgain() {
        spark = TestSpark.session();
        warehouse = new Warehouse(root);
        GoldTestData.silver().forEach((name, df) -> df.write().format("delta").save(warehouse.silver(name)));
        ref = GoldTestData.reference();
        GoldStage stage = new GoldStage(spark, Pipeline.shipped(), warehouse, ref, 5);
        first = stage.run("run-1", 2025, Map.of());
        for (GoldTable t : Pipeline.shipped().gold()) versionsAfterFirst.put(t.name(), DeltaTables.lastCommit(spark, warehouse.gold(t.name())).version());

        frame(VICTIMS, times(5, victim("v3", "forced_scam_worker", "2024-03-01", "male", 25, "THA", "KHM", "KH-18", "rescued", null)))
                .write().format("delta").mode("append").save(warehouse.silver("victims"));
        second = stage.run("run-2", 2025, first.sources());
        third = stage.run("run-3", 2025, second.sources());
    }

    @Test
    void onlyTheTablesThatReadVictimsAreWrittenAgain() {
        assertEquals(List.of("gold/" + CompoundsByRegionYear.NAME, "gold/" + RevenueByRegionYear.NAME, "gold/" + EnforcementEvents.NAME,
                "gold/" + EnforcementByRegionYear.NAME), second.unchanged());
        assertEquals(List.of("ops/victim_cells", "gold/" + VictimsByRegionYear.NAME, "gold/" + VictimFlowsByYear.NAME,
                "gold/" + RegionYearOverview.NAME, "ops/data_quality"), List.copyOf(second.commits().keySet()));
        for (String name : List.of(CompoundsByRegionYear.NAME, RevenueByRegionYear.NAME, EnforcementByRegionYear.NAME)) {
            assertEquals(versionsAfterFirst.get(name), DeltaTables.lastCommit(spark, warehouse.gold(name)).version(), name);
            assertEquals(first.sources().get(name), second.sources().get(name), name);
        }
        for (String name : List.of(VictimsByRegionYear.NAME, VictimFlowsByYear.NAME, RegionYearOverview.NAME)) {
            assertTrue(DeltaTables.lastCommit(spark, warehouse.gold(name)).version() > versionsAfterFirst.get(name), name);
            assertNotEquals(first.sources().get(name), second.sources().get(name), name);
        }
    }

    @Test
    void everyTableEqualsABuildFromSilverAsItIsNow() {
        Map<String, Dataset<Row>> silver = new HashMap<>();
        for (String name : List.of("victims", "compounds", "revenue_estimates", "enforcement_actions")) {
            silver.put(name, spark.read().format("delta").load(warehouse.silver(name)));
        }
        GoldInputs now = new GoldInputs(silver, ref, 5, 2025).withTables(Pipeline.shipped().gold());
        for (GoldTable t : Pipeline.shipped().gold()) {
            assertEquals(sorted(now.gold(t.name())), sorted(spark.read().format("delta").load(warehouse.gold(t.name()))), t.name());
        }
        // 6 + 4 forced workers at first, 5 more added: 15, of whom 4 + 5 rescued.
        Dataset<Row> victims = spark.read().format("delta").load(warehouse.gold(VictimsByRegionYear.NAME));
        assertCells(only(victims, "country", "KHM", 2024, "victim_type = 'forced_scam_worker'"), "victims", 15L, "rescued", 9L);
        Dataset<Row> overview = spark.read().format("delta").load(warehouse.gold(RegionYearOverview.NAME));
        assertCells(only(overview, "country", "KHM", 2024, "true"), "forced_scam_workers", 15L);
    }

    @Test
    void aRunWithNothingChangedWritesNoGoldTable() {
        List<String> all = Pipeline.shipped().gold().stream().map(t -> "gold/" + t.name()).toList();
        assertEquals(all, third.unchanged());
        assertEquals(List.of("ops/data_quality"), List.copyOf(third.commits().keySet()));
    }

    @Test
    void aTableIsGivenOnlyWhatItDeclaresItReads() {
        GoldInputs compoundsOnly = new GoldInputs(GoldTestData.silver(), ref, 5, 2025).only(List.of("silver/compounds"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VictimsByRegionYear().build(compoundsOnly));
        assertTrue(e.getMessage().contains("'victims'"), e.getMessage());
    }

    private static List<String> sorted(Dataset<Row> rows) {
        List<String> out = new ArrayList<>(rows.collectAsList().stream().map(Row::toString).toList());
        out.sort(null);
        return out;
    }
}
