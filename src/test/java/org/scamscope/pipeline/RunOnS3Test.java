package org.scamscope.pipeline;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scamscope.JobRunner;
import org.scamscope.ScamscopeException;
import org.scamscope.TestS3;
import org.scamscope.spark.HadoopConf;
import org.scamscope.storage.Location;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scamscope.pipeline.BasicFixtureExpectations.*;

/**
 * The job with its input and its warehouse on an S3-compatible store (S3Proxy on 127.0.0.1, through
 * Hadoop's S3A client): a run, a second run with a new file, a run refused while another holds the
 * lock, and the lock's create-if-absent and take-over decided by the store's conditional writes.
 */
class RunOnS3Test {
    static final String NEW_VICTIM = RunOnHdfsTest.NEW_VICTIM;

    static FileSystem s3;
    static String bucket;
    static String input;
    static String warehouse;
    static RunSummary first;
    static RunSummary second;
    static List<String> victimsAfterSecond;

    @BeforeAll
    static void runTwiceOnS3() throws Exception {
        bucket = TestS3.bucket("scamscope-runs");
        Map<String, String> settings = new HashMap<>(JobRunner.lenient());
        s3 = FileSystem.get(URI.create(bucket), HadoopConf.shared());
        input = bucket + "/basic input";
        warehouse = bucket + "/warehouse";
        s3.copyFromLocalFile(false, true, new Path(JobRunner.FIXTURES.resolve("basic").toAbsolutePath().toUri()), new Path(input));
        first = JobRunner.run(input, warehouse, settings);
        // Every table equals the one the same code writes in a local folder.
        org.scamscope.WarehouseComparison.assertSameTables(Location.local(org.scamscope.BasicWarehouse.SHARED.path()),
                Location.parse("warehouse", warehouse), List.of("silver", "gold", "quarantine", "reference", "ops/data_quality"));
        try (var out = s3.create(new Path(input + "/victims/partner_c.csv"))) {
            out.write(NEW_VICTIM.getBytes(StandardCharsets.UTF_8));
        }
        settings.put("gold.enabled", "false");
        second = JobRunner.run(input, warehouse, settings);
        victimsAfterSecond = JobRunner.rows(JobRunner.table(warehouse, "silver/victims"), "victim_id", "source_file", "source_row");
    }

    @Test
    void silverAndTheQuarantineOnS3AreTheHandComputedRows() {
        assertEquals(COMPOUNDS, JobRunner.rows(JobRunner.table(warehouse, "silver/compounds"), COMPOUND_COLUMNS));
        assertEquals(ACTIONS, JobRunner.rows(JobRunner.table(warehouse, "silver/enforcement_actions"), ACTION_COLUMNS));
        assertEquals(QUARANTINE, JobRunner.rows(JobRunner.table(warehouse, "quarantine/rejected_rows"), QUARANTINE_COLUMNS));
        assertTrue(first.written.containsKey("gold/victims_by_region_year"), first.written.keySet().toString());
    }

    @Test
    void aSecondRunTakesOnlyTheNewFile() {
        assertTrue(second.notes.contains("victims: 1 new and 0 changed files taken, 2 unchanged skipped"), second.notes.toString());
        assertEquals(victimRowsWith("H1|victims/partner_c.csv|1"), victimsAfterSecond);
    }

    @Test
    void aRunIsRefusedWhileAnotherHoldsTheLock() {
        Location wh = Location.parse("warehouse", warehouse);
        try (WarehouseLock held = WarehouseLock.acquire(wh, "the-other-run", Duration.ofSeconds(60))) {
            ScamscopeException e = assertThrows(ScamscopeException.class, () -> JobRunner.run(input, warehouse, JobRunner.lenient()));
            assertEquals(4, e.exitCode());
            assertTrue(e.getMessage().contains("another run holds the lock on " + warehouse + ": run the-other-run, pid "
                    + ProcessHandle.current().pid()), e.getMessage());
        }
        try (WarehouseLock again = WarehouseLock.acquire(wh, "after", Duration.ofSeconds(60))) {
            assertTrue(WarehouseLock.holder(wh, Duration.ofSeconds(60)).orElseThrow().startsWith("run after, pid "));
        }
    }

    @Test
    void ofRunsAskingAtOnceExactlyOneCreatesTheLock() throws Exception {
        Location wh = Location.parse("warehouse", bucket + "/at-once");
        int runs = 6;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<WarehouseLock>> asks = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String id = "run-" + i;
            asks.add(pool.submit(() -> {
                go.await();
                try {
                    return WarehouseLock.acquire(wh, id, Duration.ofSeconds(60));
                } catch (ScamscopeException e) {
                    assertEquals(4, e.exitCode(), e.getMessage());
                    return null;
                }
            }));
        }
        go.countDown();
        List<WarehouseLock> held = new ArrayList<>();
        for (Future<WarehouseLock> f : asks) if (f.get() != null) held.add(f.get());
        pool.shutdown();
        assertEquals(1, held.size(), "runs that hold the lock");
        held.forEach(WarehouseLock::close);
    }

    /**
     * A stale lock is replaced only while it is the version read as stale (S3's If-Match on its ETag):
     * the first run takes it over, the next finds that run's live lock. S3Proxy checks If-Match before
     * it writes, so two take-overs at the same instant are not a test of S3 here (README).
     */
    @Test
    void aLockWhoseLeaseRanOutOnAnotherHostIsTakenOverOnce() throws Exception {
        Location wh = Location.parse("warehouse", bucket + "/stale");
        String stale = "run_id=elsewhere\npid=1\nhost=another-host.example\nstarted=2026-12-01T00:00:00Z\nlease_until=2026-12-01T00:05:00Z\n";
        try (var out = s3.create(new Path(wh + "/" + WarehouseLock.FILE))) {
            out.write(stale.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(WarehouseLock.holder(wh, Duration.ofSeconds(60)).orElseThrow()
                .endsWith("(stale: its lease ran out at 2026-12-01T00:05:00Z; the next run takes it over)"));
        try (WarehouseLock taken = WarehouseLock.acquire(wh, "taker", Duration.ofSeconds(60))) {
            assertTrue(WarehouseLock.holder(wh, Duration.ofSeconds(60)).orElseThrow().startsWith("run taker, pid "));
            ScamscopeException e = assertThrows(ScamscopeException.class, () -> WarehouseLock.acquire(wh, "late", Duration.ofSeconds(60)));
            assertEquals(4, e.exitCode());
            assertTrue(e.getMessage().contains("run taker, pid"), e.getMessage());
        }
        assertTrue(WarehouseLock.holder(wh, Duration.ofSeconds(60)).isEmpty(), "the lock file is gone with its holder");
    }
}
