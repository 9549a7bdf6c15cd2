package org.scamscope.pipeline;

import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scamscope.JobRunner;
import org.scamscope.TestHdfs;
import org.scamscope.WarehouseComparison;
import org.scamscope.ops.WarehouseTables;
import org.scamscope.spark.HadoopConf;
import org.scamscope.storage.Location;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scamscope.pipeline.BasicFixtureExpectations.*;

/**
 * The job with its input and its warehouse on HDFS (a NameNode and a DataNode on 127.0.0.1): the
 * input listed, sniffed, hashed and read there, the tables committed there, and what it writes the
 * same as a run over the same files in local folders.
 */
class RunOnHdfsTest {
    static final String NEW_VICTIM = "victim_id,source,victim_type,registration_date,gender,age,citizenship,exploitation_country\n"
            + "H1,hotline,defrauded,2024-06-01,female,33,PHL,KHM\n";

    static FileSystem hdfs;
    static String warehouse;
    static RunSummary first;
    static RunSummary second;
    static RunSummary third;
    static List<String> victimsAfterSecond;

    /** The same fixture's warehouse in a local folder, written by the same code (BasicWarehouse). */
    static Path local;

    @BeforeAll
    static void runTwiceOnHdfs() throws Exception {
        hdfs = FileSystem.get(TestHdfs.root(), HadoopConf.create());
        // a space in the input's path, as in partners' folder names: Hadoop's paths and URLs must agree on it
        warehouse = TestHdfs.root().resolve("/runs/warehouse").toString();
        hdfs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(JobRunner.FIXTURES.resolve("basic").toAbsolutePath().toUri()),
                new org.apache.hadoop.fs.Path(TestHdfs.root().toString(), "/runs/basic input"));
        first = JobRunner.run("hdfs://127.0.0.1:" + TestHdfs.root().getPort() + "/runs/basic input", warehouse, JobRunner.lenient());
        local = org.scamscope.BasicWarehouse.SHARED.path();
        WarehouseComparison.assertSameTables(Location.local(local), Location.parse("warehouse", warehouse),
                List.of("silver", "gold", "quarantine", "reference", "ops/data_quality"));

        try (var out = hdfs.create(new org.apache.hadoop.fs.Path(TestHdfs.root().toString(), "/runs/basic input/victims/partner_c.csv"))) {
            out.write(NEW_VICTIM.getBytes(StandardCharsets.UTF_8));
        }
        // Gold of an incremental run on HDFS is ClusterIT's; here the ledger and silver, for time.
        java.util.Map<String, String> silverOnly = new java.util.HashMap<>(JobRunner.lenient());
        silverOnly.put("gold.enabled", "false");
        second = JobRunner.run("hdfs://127.0.0.1:" + TestHdfs.root().getPort() + "/runs/basic input", warehouse, silverOnly);
        victimsAfterSecond = JobRunner.rows(JobRunner.table(warehouse, "silver/victims"), "victim_id", "source_file", "source_row");
        third = JobRunner.run("hdfs://127.0.0.1:" + TestHdfs.root().getPort() + "/runs/basic input", warehouse, silverOnly);
    }

    @Test
    void silverAndTheQuarantineOnHdfsAreTheHandComputedRows() {
        assertEquals(COMPOUNDS, JobRunner.rows(JobRunner.table(warehouse, "silver/compounds"), COMPOUND_COLUMNS));
        assertEquals(ACTIONS, JobRunner.rows(JobRunner.table(warehouse, "silver/enforcement_actions"), ACTION_COLUMNS));
        assertEquals(QUARANTINE, JobRunner.rows(JobRunner.table(warehouse, "quarantine/rejected_rows"), QUARANTINE_COLUMNS));
    }

    @Test
    void aSecondRunTakesOnlyTheNewFileByTheLedgerOfHdfsFiles() {
        assertTrue(second.notes.contains("victims: 1 new and 0 changed files taken, 2 unchanged skipped"), second.notes.toString());
        assertEquals(victimRowsWith("H1|victims/partner_c.csv|1"), victimsAfterSecond);
    }

    @Test
    void aThirdRunFindsNothingNewWithoutStartingSpark() {
        assertTrue(third.notes.contains("no new or changed input files: no table written"), third.notes.toString());
        assertTrue(WarehouseTables.list(Location.parse("warehouse", warehouse)).contains("ops/ingested_files"));
    }

    @Test
    void theCommandsReadAndMaintainAWarehouseOnHdfsAsALocalOne() {
        String table = "gold/compounds_by_region_year";
        String[] hdfsShow = main("show", table, "--format", "csv", "--warehouse", warehouse);
        String[] localShow = main("show", table, "--format", "csv", "--warehouse", local.toString());
        assertEquals("0", hdfsShow[0], hdfsShow[2]);
        assertEquals(localShow[1], hdfsShow[1]);
        assertTrue(hdfsShow[1].lines().count() > 40, hdfsShow[1]);

        String[] tables = main("tables", "--warehouse", warehouse);
        assertEquals("0", tables[0], tables[2]);
        assertTrue(tables[1].contains("silver/victims") && tables[1].contains(table), tables[1]);
        String[] status = main("status", "--warehouse", warehouse);
        assertEquals("0", status[0], status[2]);
        assertTrue(status[1].lines().toList().contains("lock:      free"), status[1]);

        String[] serve = main("serve", "--warehouse", warehouse);
        assertEquals("2", serve[0]);
        assertTrue(serve[2].contains("serve works on a warehouse in a local folder only, not on " + warehouse), serve[2]);
    }

    /** OPTIMIZE and VACUUM through Spark, and the files on disk counted through Hadoop (a table of its own: maintain costs seconds a table). */
    @Test
    void maintainCompactsATableOnHdfs() {
        String small = TestHdfs.root().resolve("/runs/maintained").toString();
        var spark = org.scamscope.TestSpark.session();
        for (int i = 0; i < 2; i++) {
            spark.range(i * 10, i * 10 + 10).coalesce(1).write().format("delta").mode("append").save(small + "/silver/numbers");
        }
        String[] maintain = main("maintain", "--warehouse", small);
        assertEquals("0", maintain[0], maintain[2]);
        assertTrue(maintain[1].startsWith("scamscope maintain " + small + ": OPTIMIZE, then VACUUM"), maintain[1]);
        // two files before OPTIMIZE, one after; VACUUM keeps the replaced ones for the retention (168 hours): three on disk
        assertTrue(maintain[1].lines().anyMatch(l -> l.matches("silver/numbers\\s+2\\s+1\\s+3\\s+3")), maintain[1]);
        assertEquals(20, spark.read().format("delta").load(small + "/silver/numbers").count());
    }

    /** The command line's exit code, output and errors. */
    static String[] main(String... args) {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = org.scamscope.cli.Main.execute(args, new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }
}
