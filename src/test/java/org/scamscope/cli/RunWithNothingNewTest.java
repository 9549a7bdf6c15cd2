package org.scamscope.cli;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.SampleWarehouse;
import org.scamscope.TestSpark;
import org.scamscope.delta.DeltaTables;
import org.scamscope.spark.SparkSessions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunWithNothingNewTest {
    @Test
    void aRunOverTheInputAlreadyTakenStartsNoSparkWritesNoTableAndIsRecordedInOpsRuns(@TempDir Path dir) throws Exception {
        Path wh = SampleWarehouse.SHARED.copy(dir.resolve("warehouse"));
        Map<String, Long> before = versions(wh);
        Path json = dir.resolve("summary.json");

        int requests = SparkSessions.requests();
        TableFixtures.Outcome o = TableFixtures.main("run", "--input", SampleWarehouse.SAMPLE.toString(), "--warehouse", wh.toString(),
                "--json-summary", json.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals(requests, SparkSessions.requests(), "a run with nothing new asked for a Spark session");
        assertTrue(o.out().contains("no new or changed input files: no table written"), o.out());
        assertFalse(o.out().contains("a small input"), "Spark's settings are not spoken of when Spark does not start: " + o.out());

        // Every table but the run log is as it was, read by Spark's Delta (a second route to the versions).
        Map<String, Long> after = versions(wh);
        long runsBefore = before.remove("ops/runs") == null ? -1 : 0;
        assertEquals(0, after.remove("ops/runs"), "the sample's in-process run left no ops/runs; this run's row creates it");
        assertEquals(-1, runsBefore);
        assertEquals(before, after);

        List<Row> runs = TestSpark.session().read().format("delta").load(wh.resolve("ops/runs").toString()).collectAsList();
        assertEquals(1, runs.size());
        Row r = runs.get(0);
        assertEquals("ok", r.getAs("outcome"));
        assertEquals(0, (int) r.getAs("exit_code"));
        String summary = r.getAs("summary_json");
        assertTrue(summary.contains("\"no new or changed input files: no table written\""), summary);
        assertEquals(Files.readString(json).strip(), summary.strip(), "ops/runs and --json-summary hold the same summary");
        assertTrue(r.getTimestamp(r.fieldIndex("started")).before(r.getTimestamp(r.fieldIndex("ended"))));
    }

    /** The latest version of every Delta table under the warehouse, by its path relative to it. */
    private static Map<String, Long> versions(Path wh) throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Stream<Path> logs = Files.walk(wh)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().equals("_delta_log")).sorted().toList()) {
                Path table = log.getParent();
                out.put(wh.relativize(table).toString(), DeltaTables.lastCommit(TestSpark.session(), table.toString()).version());
            }
        }
        return out;
    }
}
