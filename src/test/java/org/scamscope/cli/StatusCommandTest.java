package org.scamscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.SampleWarehouse;
import org.scamscope.pipeline.DatasetResult;
import org.scamscope.pipeline.RunSummary;
import org.scamscope.spark.SparkSessions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusCommandTest {
    @Test
    void theSampleRunIsTheLastRunWithItsCountsAndNothingHoldsTheWarehouse(@TempDir Path dir) throws Exception {
        // The command line appends each run to ops/runs; the shared sample ran in-process, so this copy gets it here.
        Path wh = SampleWarehouse.SHARED.copy(dir.resolve("warehouse"));
        RunSummary run = SampleWarehouse.SHARED.summary();
        if (run.outcome == null) run.outcome = "ok"; // as the command line sets it after a run
        if (run.ended == null) run.ended = run.started.plusSeconds(90);
        org.scamscope.pipeline.RunLog.append(new org.scamscope.pipeline.Warehouse(wh), run);
        long read = 0, accepted = 0, quarantined = 0;
        for (DatasetResult d : run.datasets) {
            read += d.read();
            accepted += d.accepted();
            quarantined += d.quarantined();
        }
        int before = SparkSessions.requests();
        TableFixtures.Outcome o = TableFixtures.main("status", "--warehouse", wh.toString());
        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        assertEquals("warehouse " + wh, lines.get(0));
        assertTrue(lines.get(1).startsWith("last run:  " + run.runId + " ok (exit 0), " + run.started + " to "), o.out());
        assertTrue(lines.get(1).endsWith("; " + read + " rows read, " + accepted + " accepted, " + quarantined + " quarantined"), o.out());
        assertEquals(List.of("lock:      free", "server:    none"), lines.subList(2, 4));
        assertEquals(before, SparkSessions.requests(), "status asked for a Spark session");
    }

    @Test
    void aLiveLockIsNamedWithItsHolder(@TempDir Path wh) throws Exception {
        long pid = ProcessHandle.current().pid();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        Files.writeString(wh.resolve("_scamscope.lock"), "run_id=r1\npid=" + pid + "\nhost=" + host
                + "\nstarted=2026-12-03T05:00:00Z\nlease_until=2999-01-01T00:00:00Z\n");
        TableFixtures.Outcome o = TableFixtures.main("status", "--warehouse", wh.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals(List.of("warehouse " + wh, "last run:  none recorded (no table ops/runs)",
                "lock:      held by run r1, pid " + pid + " on " + host + ", since 2026-12-03T05:00:00Z", "server:    none"),
                o.out().lines().toList());
    }
}
