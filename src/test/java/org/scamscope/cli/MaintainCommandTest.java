package org.scamscope.cli;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.TestSpark;
import org.scamscope.pipeline.WarehouseLock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scamscope.cli.TableFixtures.append;
import static org.scamscope.cli.TableFixtures.main;

class MaintainCommandTest {
    static final StructType SCHEMA = new StructType().add("id", DataTypes.IntegerType).add("name", DataTypes.StringType);

    @TempDir
    Path dir;
    /** The warehouse, inside the test's folder, with its configuration beside it. */
    Path wh;

    @org.junit.jupiter.api.BeforeEach
    void warehouseFolder() {
        wh = dir.resolve("warehouse");
    }

    @BeforeAll
    static void session() {
        TestSpark.session();
    }

    /** silver/victims: 3 appends (3 files); ops/runs: 1 write (1 file). */
    private void warehouse() {
        append(wh, "silver/victims", SCHEMA, new Object[] {1, "a"});
        append(wh, "silver/victims", SCHEMA, new Object[] {2, "b"});
        append(wh, "silver/victims", SCHEMA, new Object[] {3, "c"});
        append(wh, "ops/runs", SCHEMA, new Object[] {1, "run-1"}, new Object[] {2, "run-2"});
    }

    /** A configuration naming the warehouse, with the test session's few shuffle partitions (VACUUM shuffles). */
    private Path config(String... lines) throws IOException {
        return Files.writeString(wh.resolveSibling(wh.getFileName() + ".properties"),
                "warehouse=" + wh + "\nspark.sql.shuffle.partitions=2\n" + String.join("\n", lines) + "\n");
    }

    @Test
    void optimizeCompactsEveryTableAndVacuumDeletesOnlyFilesOlderThanTheRetention() throws IOException {
        warehouse();
        Path conf = config();
        String check = TestSpark.session().conf().get("spark.databricks.delta.retentionDurationCheck.enabled");

        // 168 hours: OPTIMIZE compacts; the files it replaced are newer than the retention and stay on disk.
        // Delta's own console line about the files deleted does not go to standard output.
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        TableFixtures.Outcome o = scala.Console$.MODULE$.withOut(new PrintStream(console, true, StandardCharsets.UTF_8),
                (scala.Function0<TableFixtures.Outcome>) () -> main("maintain", "--config", conf.toString()));
        assertEquals(0, o.code(), o.err());
        assertEquals("", console.toString(StandardCharsets.UTF_8));
        assertEquals("scamscope maintain " + wh + ": OPTIMIZE, then VACUUM of files unused for over 168 hours\n"
                + "table           numFiles before  numFiles after  on disk before  on disk after\n"
                + "silver/victims                3               1               4              4\n"
                + "ops/runs                      1               1               1              1\n"
                + "total                         4               2               5              5\n"
                + "numFiles: data files of the current version (DESCRIBE DETAIL) before and after OPTIMIZE; "
                + "on disk: files in the table's folder before and after VACUUM\n", o.out());
        // Delta was given the retention and used it (Delta 4 would otherwise ignore any retention but 0).
        assertEquals(String.valueOf(168L * 3600 * 1000), vacuumStart("silver/victims").get("specifiedRetentionMillis"));

        // Retention 0, forced: VACUUM deletes the files OPTIMIZE replaced.
        o = main("maintain", "--config", conf.toString(), "--retention-hours", "0", "--force-retention");
        assertEquals(0, o.code(), o.err());
        assertEquals("scamscope maintain " + wh + ": OPTIMIZE, then VACUUM of files unused for over 0 hours (--force-retention)\n"
                + "table           numFiles before  numFiles after  on disk before  on disk after\n"
                + "silver/victims                1               1               4              1\n"
                + "ops/runs                      1               1               1              1\n"
                + "total                         2               2               5              2\n"
                + "numFiles: data files of the current version (DESCRIBE DETAIL) before and after OPTIMIZE; "
                + "on disk: files in the table's folder before and after VACUUM\n", o.out());
        assertEquals(1, dataFiles("silver/victims"));
        assertEquals("0", vacuumStart("silver/victims").get("specifiedRetentionMillis"));

        // The rows are all there, and Delta's safety check is back as it was for the rest of the session.
        assertEquals(List.of(1, 2, 3), TestSpark.session().read().format("delta").load(wh.resolve("silver/victims").toString())
                .orderBy("id").select("id").as(Encoders.INT()).collectAsList());
        assertEquals(check, TestSpark.session().conf().get("spark.databricks.delta.retentionDurationCheck.enabled"));
        // Settings made for VACUUM alone are unset again, not set to their defaults (a listing parallelism
        // left at Spark's 10,000 would make every later VACUUM list with 10,000 tasks).
        for (String setting : List.of("spark.sql.sources.parallelPartitionDiscovery.parallelism",
                "spark.databricks.delta.vacuum.retentionWindowIgnore.enabled")) {
            assertFalse(TestSpark.session().conf().contains(setting), setting);
        }
        assertFalse(Files.exists(wh.resolve(WarehouseLock.FILE)), "lock released");
    }

    /** The parameters of the table's latest VACUUM START commit. */
    private Map<String, String> vacuumStart(String table) {
        return DeltaTable.forPath(TestSpark.session(), wh.resolve(table).toString()).history()
                .filter("operation = 'VACUUM START'").orderBy(org.apache.spark.sql.functions.desc("version"))
                .select("operationParameters").first().getJavaMap(0);
    }

    @Test
    void aRetentionBelow168HoursIsRefusedWithoutForceRetention() throws IOException {
        warehouse();
        Path conf = config("maintain.vacuum_retention_hours=24");
        TableFixtures.Outcome o = main("maintain", "--config", conf.toString());
        assertEquals(2, o.code(), o.err());
        assertEquals("scamscope: a VACUUM retention of 24 hours is below Delta's safety default of 168 hours: readers and time "
                + "travel to older versions may still need the files it would delete; pass --force-retention to do it anyway",
                o.err().strip());
        assertEquals("", o.out());
        assertEquals(3, dataFiles("silver/victims"), "nothing compacted");

        o = main("maintain", "--warehouse", wh.toString(), "--retention-hours", "soon");
        assertEquals(2, o.code());
        assertEquals("scamscope: setting 'maintain.vacuum_retention_hours' must be a whole number of hours, 0 or more, got 'soon'",
                o.err().strip());
    }

    @Test
    void aHeldLockStopsMaintenanceWithExitCode4() throws IOException {
        warehouse();
        try (WarehouseLock lock = WarehouseLock.acquire(wh, "job-run", Duration.ofSeconds(30))) {
            TableFixtures.Outcome o = main("maintain", "--config", config().toString());
            assertEquals(4, o.code(), o.err());
            assertTrue(o.err().startsWith("scamscope: another run holds the lock on " + wh + ": run job-run, pid "
                    + ProcessHandle.current().pid()), o.err());
            assertEquals("", o.out());
        }
        assertEquals(3, dataFiles("silver/victims"), "nothing compacted");
    }

    @Test
    void aMissingWarehouseIsAUsageError() {
        TableFixtures.Outcome o = main("maintain", "--warehouse", wh.resolve("none").toString());
        assertEquals(2, o.code());
        assertEquals("scamscope: no warehouse at " + wh.resolve("none") + " (see --warehouse)", o.err().strip());
        assertFalse(Files.exists(wh.resolve("none")));
    }

    private long dataFiles(String table) {
        try (var s = Files.list(wh.resolve(table))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
