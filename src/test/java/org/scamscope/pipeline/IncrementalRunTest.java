package org.scamscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.JobRunner;
import org.scamscope.TestSpark;
import org.scamscope.config.JobConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scheduled runs over a landing folder where files arrive and change: each run takes only new and
 * changed files, and the warehouse then holds what a clean run over the same folder would.
 */
class IncrementalRunTest {
    @TempDir
    Path input;
    @TempDir
    Path warehouse;
    @TempDir
    Path clean;
    @TempDir
    Path cleanAfterPrune;

    static final String VICTIM_HEADER = org.scamscope.BasicUpdateWarehouse.VICTIM_HEADER;

    /** Gold is left out of the runs between the first and the pruned one, for time: the pruned run's gold then sums
     *  the changes of every silver version since the first run's (VictimCellsTest checks each kind of change alone). */
    private Map<String, String> settings(boolean gold) {
        Map<String, String> o = new HashMap<>(JobRunner.lenient());
        o.put("gold.enabled", Boolean.toString(gold));
        return o;
    }

    /** Gold, suppression flags included, and the victims' cells are those a clean run over the same input writes. */
    private static void assertSameGold(Path clean, Path warehouse) throws IOException {
        org.scamscope.WarehouseComparison.assertSameTables(clean, warehouse, List.of("silver", "gold", "ops/victim_cells"));
    }

    private RunSummary run(Path wh, boolean full, boolean prune) {
        return run(wh, full, prune, false);
    }

    private RunSummary run(Path wh, boolean full, boolean prune, boolean gold) {
        Map<String, String> o = settings(gold);
        o.put("input", input.toString());
        o.put("warehouse", wh.toString());
        return new Job(TestSpark.session(), JobConfig.load(JobConfig.defaultFile(), o)).run(new Job.Options(full, prune));
    }

    private static List<String> silver(Path wh, String table) {
        Dataset<Row> df = JobRunner.table(wh, "silver/" + table);
        String[] cols = Arrays.stream(df.columns()).filter(c -> !c.equals("run_id") && !c.equals("ingested_at"))
                .map(c -> "`" + c + "`").toArray(String[]::new);
        return JobRunner.rows(df, cols);
    }

    private static List<String> quarantine(Path wh) {
        return JobRunner.rows(JobRunner.table(wh, "quarantine/rejected_rows"), "dataset", "source_file", "source_row", "rule");
    }

    private static long version(Path wh, String table) {
        return org.scamscope.delta.DeltaTables.lastCommit(TestSpark.session(), wh.resolve(table).toString()).version();
    }

    /** The last commit's operation and, for a write, the rows it wrote. */
    private static List<String> operation(Path wh, String table) {
        Row h = io.delta.tables.DeltaTable.forPath(TestSpark.session(), wh.resolve(table).toString()).history(1).first();
        java.util.Map<String, String> metrics = h.getJavaMap(h.fieldIndex("operationMetrics"));
        return List.of(h.getAs("operation"), metrics.getOrDefault("numOutputRows", "-"));
    }

    @Test
    void newChangedAndRemovedFilesEndAsACleanRunWould() throws IOException {
        // The first run is the fixture's shared one (same settings: lenient, gold on).
        assertEquals(11, org.scamscope.BasicWarehouse.SHARED.summary().datasets.get(0).read());

        // The second, shared too: a new file (V9 new; V2 again, later, with a status: it wins over
        // partner_a's copy) and a changed file (partner_b loses W3 and gains W4). Its warehouse and its
        // input folder are copied here, with the files' times, which the ledger keeps.
        JobRunner.copyFolder(org.scamscope.BasicUpdateWarehouse.input(), input);
        org.scamscope.BasicUpdateWarehouse.SHARED.copy(warehouse);
        RunSummary second = org.scamscope.BasicUpdateWarehouse.SHARED.summary();
        assertEquals("MERGE", operation(warehouse, "silver/victims").get(0));
        assertFalse(Files.exists(warehouse.resolve("silver/victims").resolve(org.scamscope.delta.DeltaTables.STAGED_SOURCE)),
                "the MERGE's staged source is removed");
        assertEquals(List.of("victims"), second.datasets.stream().map(d -> d.table().name()).toList());
        assertEquals(4, second.datasets.get(0).read());  // 2 rows of partner_b, 2 of partner_c; partner_a skipped
        // Partner_a's V2 (from the first run) gives way to partner_c's, and nothing else does.
        assertEquals(List.of("victims: 1 rows of earlier runs superseded by newer copies (quarantined as duplicate)"),
                second.notes.stream().filter(n -> n.contains("superseded")).toList());

        // Nothing new: no table gets a new version.
        long victimsVersion = version(warehouse, "silver/victims");
        long quarantineVersion = version(warehouse, "quarantine/rejected_rows");
        RunSummary idle = run(warehouse, false, false);
        assertTrue(idle.datasets.isEmpty());
        assertEquals(victimsVersion, version(warehouse, "silver/victims"));
        assertEquals(quarantineVersion, version(warehouse, "quarantine/rejected_rows"));

        // A new file of new keys alone is appended: it supersedes no row of silver, so no MERGE reads the table.
        Files.writeString(input.resolve("victims/partner_0.csv"), VICTIM_HEADER
                + "N1,ngo,forced_scam_worker,2024-05-05,female,28,,PHL,KHM,KH-18,,social_media,,rescued,,,,,,\n"
                + "N2,ngo,forced_scam_worker,2024-05-06,male,150,,PHL,KHM,KH-18,,social_media,,rescued,,,,,,\n");
        long ledgerBefore = version(warehouse, "ops/ingested_files");
        RunSummary appended = run(warehouse, false, false);
        assertEquals(2, appended.datasets.get(0).read());
        assertEquals(List.of("WRITE", "1"), operation(warehouse, "silver/victims"), "an append of the one accepted row");
        // As if that run had been killed after silver and before its ledger: the next run takes the file
        // again, finds its rows in silver and replaces them (a MERGE) instead of adding them twice.
        TestSpark.session().sql("RESTORE TABLE delta.`" + warehouse.resolve("ops/ingested_files") + "` TO VERSION AS OF " + ledgerBefore);
        RunSummary again;
        // Silver is written by MERGE then, from a staged Delta copy of its new rows, which Delta need not
        // copy again into a local checkpoint (and then warn that its lineage is lost).
        try (org.scamscope.ThreadWarnings logs = new org.scamscope.ThreadWarnings()) {
            again = run(warehouse, false, false);
            assertEquals(List.of(), logs.lines().stream().filter(l -> l.contains("locally checkpointed")).toList());
        }
        assertEquals(2, again.datasets.get(0).read());
        assertEquals("MERGE", operation(warehouse, "silver/victims").get(0));
        assertFalse(Files.exists(warehouse.resolve("silver/victims").resolve(org.scamscope.delta.DeltaTables.STAGED_SOURCE)),
                "the MERGE's staged source is removed");
        assertEquals(List.of("N1|victims/partner_0.csv|1"),
                JobRunner.rows(JobRunner.table(warehouse, "silver/victims").filter("victim_id LIKE 'N%'"), "victim_id", "source_file", "source_row"));
        assertEquals(List.of("victims|victims/partner_0.csv|2|age_range"),
                JobRunner.rows(JobRunner.table(warehouse, "quarantine/rejected_rows").filter("source_file = 'victims/partner_0.csv'"),
                        "dataset", "source_file", "source_row", "rule"));

        RunSummary reference = run(clean, true, false);
        assertEquals(14, reference.datasets.get(0).read());  // partner_0 2, partner_a 8, partner_b 2, partner_c 2
        for (String t : List.of("victims", "compounds", "revenue_estimates", "enforcement_actions")) {
            assertEquals(silver(clean, t), silver(warehouse, t), t);
        }
        assertEquals(quarantine(clean), quarantine(warehouse));
        assertTrue(quarantine(warehouse).contains("victims|victims/partner_a.csv|2|duplicate"), quarantine(warehouse).toString());
        assertEquals(List.of("V2|rescued|victims/partner_c.csv"),
                JobRunner.rows(JobRunner.table(warehouse, "silver/victims").filter("victim_id = 'V2'"), "victim_id", "status", "source_file"));

        // A file that disappears keeps its rows until --prune.
        Files.delete(input.resolve("victims/partner_b.csv"));
        RunSummary kept = run(warehouse, false, false);
        assertTrue(kept.notes.stream().anyMatch(n -> n.contains("victims/partner_b.csv was ingested before and is no longer in the input")),
                kept.notes.toString());
        assertEquals(1, JobRunner.table(warehouse, "silver/victims").filter("victim_id = 'W4'").count());
        RunSummary pruned = run(warehouse, false, true, true);
        assertTrue(pruned.notes.stream().anyMatch(n -> n.startsWith("victims' cells: the changes of silver/victims versions")),
                "the pruned run's cells come from silver's change feed since the first run: " + pruned.notes);
        assertEquals(List.of(), pruned.notes.stream().filter(n -> n.contains("superseded")).toList(), "a prune supersedes nothing");
        assertEquals(0, JobRunner.table(warehouse, "silver/victims").filter("victim_id = 'W4'").count());
        assertEquals(0, JobRunner.table(warehouse, "quarantine/rejected_rows").filter("source_file = 'victims/partner_b.csv'").count());
        assertEquals(List.of("N1", "V1", "V2", "V3", "V9"), JobRunner.rows(JobRunner.table(warehouse, "silver/victims"), "victim_id"));
        run(cleanAfterPrune, true, false, true);
        assertEquals(quarantine(cleanAfterPrune), quarantine(warehouse));
        assertSameGold(cleanAfterPrune, warehouse);
    }
}
