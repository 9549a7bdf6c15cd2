package org.scamscope.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.delta.KernelTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run whose row of ops/runs cannot be written keeps it aside, and the next run appends it before its own. */
class RunLogFallbackTest {
    @TempDir
    Path dir;

    @Test
    void aRowThatCouldNotBeAppendedIsAppendedByTheNextRun() throws Exception {
        Warehouse warehouse = new Warehouse(dir.resolve("warehouse"));
        // A file where the table's folder should be: the append fails as on a full disk, and only there.
        Files.createDirectories(warehouse.root().local().resolve("ops"));
        Path blocker = Path.of(warehouse.ops("runs"));
        Files.writeString(blocker, "not a folder");

        RunSummary failed = summary("20261203T100000Z-aaaa", "failed", 1, "IOException: No space left on device");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RunLog.append(warehouse, failed));
        Path kept = warehouse.root().local().resolve("_pending_runs/20261203T100000Z-aaaa.json");
        assertTrue(e.getMessage().contains("kept in " + kept + " for the next run to append"), e.getMessage());
        assertTrue(Files.isRegularFile(kept));

        Files.delete(blocker);
        RunSummary next = summary("20261203T110000Z-bbbb", "ok", 0, null);
        assertEquals(0, RunLog.append(warehouse, next), "one commit holds both rows");

        List<String> rows = new ArrayList<>();
        KernelTable.open("ops/runs", warehouse.ops("runs"), null).scan(KernelTable.textColumns("run_id", "outcome", "error"), null,
                r -> rows.add(r.getString(0) + "|" + r.getString(1) + "|" + (r.isNullAt(2) ? null : r.getString(2))));
        rows.sort(null);
        assertEquals(List.of("20261203T100000Z-aaaa|failed|IOException: No space left on device", "20261203T110000Z-bbbb|ok|null"), rows);
        assertFalse(Files.exists(kept), "the kept row is removed once appended");
        assertEquals(List.of(), PendingRuns.files(warehouse));
    }

    private static RunSummary summary(String id, String outcome, int exit, String error) {
        RunSummary s = new RunSummary(id);
        s.started = Instant.parse("2026-12-03T10:00:00Z");
        s.ended = Instant.parse("2026-12-03T10:01:00Z");
        s.outcome = outcome;
        s.exitCode = exit;
        s.error = error;
        return s;
    }
}
