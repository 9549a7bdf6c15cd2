package org.scamscope.table.gold;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.TestSpark;
import org.scamscope.delta.DeltaTables;
import org.scamscope.delta.DeltaTables.Commit;
import org.scamscope.reference.ReferenceData;
import org.scamscope.pipeline.GoldStage;
import org.scamscope.pipeline.Pipeline;
import org.scamscope.pipeline.RunSummary;
import org.scamscope.pipeline.Warehouse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gold stage on a small silver warehouse, run twice: writes, idempotence, Change Data Feed, data quality. */
class GoldStageTest {
    @TempDir
    static Path root;
    private static SparkSession spark;
    private static Warehouse warehouse;
    private static GoldStage.Result first;
    private static Map<String, List<String>> firstContents;
    private static GoldStage.Result second;

    @BeforeAll
    static void runTwice() throws java.io.IOException {
        spark = TestSpark.session();
        warehouse = new Warehouse(root);
        first = GoldFirstRun.copyTo(root);
        ReferenceData ref = GoldTestData.reference();
        GoldStage stage = new GoldStage(spark, Pipeline.shipped(), warehouse, ref, 5);
        firstContents = contents();
        second = stage.run("run-2", 2025);
    }

    private static Map<String, List<String>> contents() {
        Map<String, List<String>> out = new HashMap<>();
        for (GoldTable t : Pipeline.shipped().gold()) {
            List<String> rows = new ArrayList<>(spark.read().format("delta").load(warehouse.gold(t.name()))
                    .collectAsList().stream().map(Row::toString).toList());
            rows.sort(null);
            out.put(t.name(), rows);
        }
        return out;
    }

    @Test
    void everyGoldTableIsWrittenWithItsRowsAndVersion() {
        // All gold rebuilt: the victims' cells are counted from silver again first.
        List<String> expected = new ArrayList<>(List.of("ops/victim_cells"));
        Pipeline.shipped().gold().forEach(t -> expected.add("gold/" + t.name()));
        expected.add("ops/data_quality");
        assertEquals(expected, List.copyOf(second.commits().keySet()));
        for (GoldTable t : Pipeline.shipped().gold()) {
            Commit c = second.commits().get("gold/" + t.name());
            assertEquals(warehouse.gold(t.name()), c.path());
            assertEquals(spark.read().format("delta").load(c.path()).count(), c.rows(), t.name());
            assertTrue(c.rows() > 0, t.name());
            assertTrue(c.version() > first.commits().get("gold/" + t.name()).version(), t.name());
        }
    }

    @Test
    void rerunningOnTheSameSilverLeavesTheSameContentsAndNoChanges() {
        assertEquals(firstContents, contents());
        for (GoldTable t : Pipeline.shipped().gold()) {
            String path = warehouse.gold(t.name());
            Row detail = DeltaTable.forPath(spark, path).detail().first();
            Map<String, String> properties = detail.getJavaMap(detail.fieldIndex("properties"));
            assertEquals("true", properties.get("delta.enableChangeDataFeed"), t.name());
            long from = first.commits().get("gold/" + t.name()).version() + 1;
            Dataset<Row> changes = spark.read().format("delta").option("readChangeFeed", "true")
                    .option("startingVersion", from).load(path);
            assertEquals(0, changes.count(), t.name() + " changes after the rerun");
            // The first write's changes are all inserts, one per row.
            Dataset<Row> inserted = spark.read().format("delta").option("readChangeFeed", "true")
                    .option("startingVersion", 0).option("endingVersion", from - 1).load(path);
            assertEquals(firstContents.get(t.name()).size(), inserted.filter("_change_type = 'insert'").count(), t.name());
        }
    }

    @Test
    void breakdownFindingsReplaceTheLastRunsAndAreReturned() {
        List<Row> rows = spark.read().format("delta").load(warehouse.ops("data_quality")).collectAsList();
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("run-2", rows.get(0).getAs("run_id"));
        assertEquals("r2", rows.get(0).getAs("record_id"));
        assertEquals(1, second.commits().get("ops/data_quality").rows());
        List<DataQualityFinding> found = second.findings();
        assertEquals(1, found.size());
        DataQualityFinding f = found.get(0);
        long r2 = EnforcementByRegionYearTest.actions().stream().filter(a -> a.get(Silver.ACTIONS.fieldIndex("action_id")).equals("r2"))
                .map(a -> (Long) a.get(Silver.ACTIONS.fieldIndex("source_row"))).findFirst().orElseThrow();
        assertEquals(new DataQualityFinding("nationality_breakdown_total", "enforcement_actions", "r2", "fixture.csv", r2,
                120L, 105L, "nationality breakdown 'CHN:80;VNM:25' adds up to 105, persons_detained is 120"), f);
        assertEquals("data quality nationality_breakdown_total: enforcement_actions r2 (fixture.csv row " + r2 + "): "
                + "nationality breakdown 'CHN:80;VNM:25' adds up to 105, persons_detained is 120", f.describe());
    }

    @Test
    void theRunSummaryListsEveryGoldTableWithRowsAndVersionAndTheFindings() {
        RunSummary summary = new RunSummary("run-2");
        second.addTo(summary);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        summary.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        for (Map.Entry<String, Commit> c : second.commits().entrySet()) {
            assertTrue(printed.matches("(?s).*\\n" + c.getKey() + " +" + c.getValue().version() + " +" + c.getValue().rows() + "\\n.*"),
                    c.getKey() + " in\n" + printed);
        }
        assertTrue(printed.contains(second.findings().get(0).describe()), printed);
    }

    @Test
    void aTableCreatedWithoutChangeDataFeedGetsIt() {
        String path = root.resolve("older").toString();
        spark.range(3).write().format("delta").save(path);
        DeltaTables.ensure(spark, path, spark.range(1).schema(), Set.of(), Map.of("delta.enableChangeDataFeed", "true"), Map.of());
        Row detail = DeltaTable.forPath(spark, path).detail().first();
        assertEquals("true", detail.<String, String>getJavaMap(detail.fieldIndex("properties")).get("delta.enableChangeDataFeed"));
    }
}
