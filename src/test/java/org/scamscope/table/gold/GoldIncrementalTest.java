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
 * the others, and the data-quality findings, are left as they were; then after a new enforcement
 * report, whose breakdown does not add up: the findings are checked again. Every table still
 * equals a build from silver as it is.
 */
class GoldIncrementalTest {
    @TempDir
    static Path root;
    private static SparkSession spark;
    private static Warehouse warehouse;
    private static ReferenceData ref;
    private static GoldStage.Result first;
    private static final Map<String, Long> versionsAfterFirst = new LinkedHashMap<>();
    private static final Map<String, Long> versionsAfterSecond = new LinkedHashMap<>();
    private static long findingsVersionAfterFirst;
    private static long findingsVersionAfterThird;
    private static List<String> findingsRunsAfterThird;
    private static GoldStage.Result second;
    private static GoldStage.Result third;
    private static GoldStage.Result fourth;

    @BeforeAll
    static void runThenAddVictimsThenRunAgain() throws java.io.IOException {
        spark = TestSpark.session();
        warehouse = new Warehouse(root);
        first = GoldFirstRun.copyTo(root);
        ref = GoldTestData.reference();
        GoldStage stage = new GoldStage(spark, Pipeline.shipped(), warehouse, ref, 5);
        for (GoldTable t : Pipeline.shipped().gold()) versionsAfterFirst.put(t.name(), DeltaTables.lastCommit(spark, warehouse.gold(t.name())).version());
        findingsVersionAfterFirst = DeltaTables.lastCommit(spark, warehouse.ops("data_quality")).version();

        frame(VICTIMS, times(5, victim("v3", "forced_scam_worker", "2024-03-01", "male", 25, "THA", "KHM", "KH-18", "rescued", null)))
                .write().format("delta").mode("append").save(warehouse.silver("victims"));
        second = stage.run("run-2", 2025, first.sources());
        for (GoldTable t : Pipeline.shipped().gold()) versionsAfterSecond.put(t.name(), DeltaTables.lastCommit(spark, warehouse.gold(t.name())).version());
        third = stage.run("run-3", 2025, second.sources());
        findingsVersionAfterThird = DeltaTables.lastCommit(spark, warehouse.ops("data_quality")).version();
        findingsRunsAfterThird = runIds();

        // 12 detained, a breakdown of 10: a finding the first runs did not have.
        frame(ACTIONS, List.of(action("r3", "2024-08-01", "raid", "KHM", "KH-18", 12, null, null, "CHN:10", null, null, null)))
                .write().format("delta").mode("append").save(warehouse.silver("enforcement_actions"));
        fourth = stage.run("run-4", 2025, third.sources());
    }

    @Test
    void onlyTheTablesThatReadVictimsAreWrittenAgain() {
        assertEquals(List.of("gold/" + CompoundsByRegionYear.NAME, "gold/" + RevenueByRegionYear.NAME, "gold/" + EnforcementEvents.NAME,
                "gold/" + EnforcementByRegionYear.NAME, "ops/data_quality"), second.unchanged());
        assertEquals(List.of("ops/victim_cells", "gold/" + VictimsByRegionYear.NAME, "gold/" + VictimFlowsByYear.NAME,
                "gold/" + RegionYearOverview.NAME), List.copyOf(second.commits().keySet()));
        for (String name : List.of(CompoundsByRegionYear.NAME, RevenueByRegionYear.NAME, EnforcementByRegionYear.NAME)) {
            assertEquals(versionsAfterFirst.get(name), versionsAfterSecond.get(name), name);
            assertEquals(first.sources().get(name), second.sources().get(name), name);
        }
        for (String name : List.of(VictimsByRegionYear.NAME, VictimFlowsByYear.NAME, RegionYearOverview.NAME)) {
            assertTrue(versionsAfterSecond.get(name) > versionsAfterFirst.get(name), name);
            assertNotEquals(first.sources().get(name), second.sources().get(name), name);
        }
    }

    @Test
    void theFindingsAreCheckedAgainOnlyWhenTheReportsChange() {
        // The fixture's one finding: r2 detained 120, its breakdown 'CHN:80;VNM:25' adds up to 105.
        List<String> r2 = List.of("nationality_breakdown_total r2 120 105");
        assertEquals(r2, brief(first.findings()));
        // Victims alone changed (run 2), then nothing (run 3): ops/data_quality is not written, and each run
        // returns the findings it holds, those of run 1.
        assertEquals(r2, brief(second.findings()));
        assertEquals(r2, brief(third.findings()));
        assertEquals(findingsVersionAfterFirst, findingsVersionAfterThird);
        assertEquals(List.of("run-1"), findingsRunsAfterThird);
        // A new report (run 4): checked again, and its short breakdown found.
        assertTrue(fourth.commits().containsKey("ops/data_quality"), fourth.commits().toString());
        assertTrue(!fourth.unchanged().contains("ops/data_quality"), fourth.unchanged().toString());
        assertEquals(List.of("nationality_breakdown_total r2 120 105", "nationality_breakdown_total r3 12 10"), brief(fourth.findings()));
        assertEquals(List.of("run-4"), runIds());
        assertEquals(List.of("gold/" + VictimsByRegionYear.NAME, "gold/" + VictimFlowsByYear.NAME, "gold/" + CompoundsByRegionYear.NAME,
                "gold/" + RevenueByRegionYear.NAME), fourth.unchanged());
    }

    private static List<String> brief(List<DataQualityFinding> findings) {
        return findings.stream().map(f -> f.check() + " " + f.recordId() + " " + f.expected() + " " + f.actual()).toList();
    }

    private static List<String> runIds() {
        return spark.read().format("delta").load(warehouse.ops("data_quality")).select("run_id").distinct().collectAsList().stream()
                .map(r -> r.getString(0)).toList();
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
        List<String> expected = new ArrayList<>(all);
        expected.add("ops/data_quality");
        assertEquals(expected, third.unchanged());
        assertEquals(List.of(), List.copyOf(third.commits().keySet()));
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
