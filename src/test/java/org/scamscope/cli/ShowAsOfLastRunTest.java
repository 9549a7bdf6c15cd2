package org.scamscope.cli;

import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.delta.KernelAppend;
import org.scamscope.pipeline.RunLog;
import org.scamscope.pipeline.RunSummary;
import org.scamscope.pipeline.Warehouse;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While a run writes, `show` reads the version the last successful run left, so a reader never sees
 * one table ahead of another; --latest and --version N read what they say.
 */
class ShowAsOfLastRunTest {
    private static final StructType SCHEMA = new StructType().add("id", StringType.STRING, true);

    @TempDir
    Path dir;

    @Test
    void aTableWrittenAfterTheLastSuccessfulRunIsShownAsThatRunLeftIt() {
        Warehouse warehouse = new Warehouse(dir.resolve("warehouse"));
        String table = warehouse.root().resolve("silver/things").toString();
        KernelAppend.append(table, SCHEMA, List.<Object[]>of(new Object[] {"a"}));
        RunSummary ok = new RunSummary("20261203T100000Z-ok");
        ok.outcome = "ok";
        ok.left.putAll(RunLog.versionsLeft(warehouse));
        assertEquals(java.util.Map.of("silver/things", 0L), ok.left);
        RunLog.append(warehouse, ok);
        // A later run has written silver/things and not yet finished: no row of ops/runs says ok for it.
        KernelAppend.append(table, SCHEMA, List.<Object[]>of(new Object[] {"b"}));
        RunSummary failed = new RunSummary("20261203T110000Z-failed");
        failed.outcome = "failed";
        RunLog.append(warehouse, failed);

        TableFixtures.Outcome pinned = TableFixtures.main("show", "silver/things", "--warehouse", warehouse.root().toString());
        assertEquals(0, pinned.code(), pinned.err());
        assertTrue(pinned.out().startsWith("silver/things at version 0 (the last successful run's; version 1 is newer: --latest shows it)\n"),
                pinned.out());
        assertTrue(pinned.out().endsWith("1 row\n"), pinned.out());

        TableFixtures.Outcome latest = TableFixtures.main("show", "silver/things", "--latest", "--warehouse", warehouse.root().toString());
        assertTrue(latest.out().startsWith("silver/things at version 1\n"), latest.out());
        assertTrue(latest.out().endsWith("2 rows\n"), latest.out());

        TableFixtures.Outcome asked = TableFixtures.main("show", "silver/things", "--version", "1", "--warehouse", warehouse.root().toString());
        assertTrue(asked.out().startsWith("silver/things at version 1\n"), asked.out());
    }

    @Test
    void withoutASuccessfulRunOnRecordTheLatestVersionIsShown() {
        Warehouse warehouse = new Warehouse(dir.resolve("warehouse"));
        String table = warehouse.root().resolve("silver/things").toString();
        KernelAppend.append(table, SCHEMA, List.<Object[]>of(new Object[] {"a"}));
        KernelAppend.append(table, SCHEMA, List.<Object[]>of(new Object[] {"b"}));
        TableFixtures.Outcome o = TableFixtures.main("show", "silver/things", "--warehouse", warehouse.root().toString());
        assertTrue(o.out().startsWith("silver/things at version 1\n"), o.out());
    }
}
