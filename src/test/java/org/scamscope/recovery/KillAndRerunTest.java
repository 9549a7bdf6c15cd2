package org.scamscope.recovery;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scamscope.BasicUpdateWarehouse;
import org.scamscope.BasicWarehouse;
import org.scamscope.JobRunner;
import org.scamscope.TestSpark;
import org.scamscope.WarehouseComparison;
import org.scamscope.pipeline.WarehouseLock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run killed with SIGKILL in the middle of its writes leaves every table readable, and the next
 * run ends with exactly the tables a run that was never killed leaves. The killed run is a process
 * of its own whose file system stops the writing thread at a chosen file (PausingFileSystem); the
 * test then reruns in this JVM. Two kinds of run are stopped, each at two points: the first run on
 * an empty warehouse, over the basic fixture, and a later incremental run that takes a new and a
 * changed file. At its first point a run is held while the test copies its warehouse (what a kill
 * there would leave: no file is created meanwhile), then goes on to its second point, where it is
 * killed; the copy is rerun once the run is dead, like the killed warehouse. One process per kind
 * of run, not per point: each costs a cold JVM's start. It runs in the unit tests' JVM, not the
 * integration tests', so that its reruns find the job's code already compiled.
 */
@Timeout(value = 45, unit = TimeUnit.MINUTES)
class KillAndRerunTest {
    /** Every table a run writes but the ops/ ones that record runs: ops/runs, and ops/ingested_files (compared apart). */
    static final List<String> COMPARED = List.of("silver", "gold", "quarantine", "reference", "ops/data_quality", "ops/victim_cells");

    @TempDir
    static Path dir;
    static Path first;
    static Path later;
    static Path cleanFirst;
    static Path cleanLater;
    static Path config;

    /** Done when the run never killed, the first (and then the first and the later), is in its warehouse. */
    static final CompletableFuture<Void> cleanFirstDone = new CompletableFuture<>();
    static final CompletableFuture<Void> cleanLaterDone = new CompletableFuture<>();

    /** The inputs of the first run and of the later one: the shared runs' folders, copied with their files' times. */
    static void inputs() throws IOException {
        config = JobRunner.lenientConfigFile(dir);
        first = JobRunner.copyFolder(BasicWarehouse.INPUT, dir.resolve("input-first"));
        // partner_c is new (V9, and V2 again: it wins over partner_a's copy); partner_b changed (W3 out, W4 in).
        later = JobRunner.copyFolder(BasicUpdateWarehouse.input(), dir.resolve("input-later"));
        cleanFirst = dir.resolve("clean-first");
        cleanLater = dir.resolve("clean-later");
    }

    /**
     * The warehouses of runs that were never killed, the first run and the first and the later one:
     * the fixture's as this build made them once (BasicWarehouse and BasicUpdateWarehouse, with the
     * same lenient settings; IncrementalRunTest checks that the later run took partner_b and partner_c only).
     */
    static void cleanRuns() {
        try {
            BasicWarehouse.SHARED.copy(cleanFirst);
            cleanFirstDone.complete(null);
        } catch (Throwable t) {
            cleanFirstDone.completeExceptionally(t);
            cleanLaterDone.completeExceptionally(t);
            return;
        }
        try {
            BasicUpdateWarehouse.SHARED.copy(cleanLater);
            cleanLaterDone.complete(null);
        } catch (Throwable t) {
            cleanLaterDone.completeExceptionally(t);
        }
    }

    /** Each run stopped, and the points it stops at, in the order it meets them: held at the first, killed at the second. */
    static final String[][] RUNS = {
            // Silver: the first data file of silver/victims (the quarantine and reference tables are committed).
            // Gold: the third gold table, the first two committed; silver and the ledger of ingested files complete.
            {"first", "/silver/victims/part-", "/gold/compounds_by_region_year/part-"},
            // Silver: MERGE of the new and changed victims into the silver of the first run.
            // Between silver and the ledger: every silver table committed, the files not yet recorded as ingested.
            {"later", "/silver/victims/part-", "/ops/ingested_files/part-"},
    };
    /** Each case: a run and the point its warehouse was taken at. */
    static final String[][] CASES = Arrays.stream(RUNS).flatMap(r -> Stream.of(new String[]{r[0], r[1]}, new String[]{r[0], r[2]}))
            .toArray(String[][]::new);
    /** What each case's check ended in (empty when it held). */
    static final Map<String, Optional<Throwable>> outcomes = new ConcurrentHashMap<>();

    /**
     * The runs two at a time, as the corpus runs: most of a run, killed or not, is one driver
     * thread planning and committing, so two use both cores. The runs never killed go first, and
     * never wait; a stopped run waits for them only where it needs their warehouse. Once a run is
     * killed, its two warehouses are rerun one after the other.
     */
    @BeforeAll
    static void killAndRerunEveryCase() throws Exception {
        inputs();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            pool.submit(KillAndRerunTest::cleanRuns);
            for (String[] r : RUNS) {
                pool.submit(() -> {
                    Map<String, Path> stopped;
                    try {
                        stopped = stopAndKill(r[0], r[1], r[2]);
                    } catch (Throwable t) {
                        outcomes.put(r[0] + " " + r[1], Optional.of(t));
                        outcomes.put(r[0] + " " + r[2], Optional.of(t));
                        return;
                    }
                    stopped.forEach((pauseAt, warehouse) -> {
                        try {
                            rerun(r[0], pauseAt, warehouse);
                            outcomes.put(r[0] + " " + pauseAt, Optional.empty());
                        } catch (Throwable t) {
                            outcomes.put(r[0] + " " + pauseAt, Optional.of(t));
                        }
                    });
                });
            }
        } finally {
            pool.shutdown();
        }
        if (!pool.awaitTermination(40, TimeUnit.MINUTES)) throw new IllegalStateException("the cases did not end in 40 minutes");
    }

    /** The scans of the killed runs' scratch folders read files: the needles' absence is not a blind scan's. */
    @org.junit.jupiter.api.Test
    void theKilledRunsLeftScratchFilesThatWereScanned() {
        assertTrue(scratchFilesAfterKills.get() > 0, "scratch files read after the kills: " + scratchFilesAfterKills.get());
    }

    static Stream<Arguments> cases() {
        return Arrays.stream(CASES).map(c -> Arguments.of(c[0], c[1]));
    }

    @ParameterizedTest(name = "{0} run stopped at {1}")
    @MethodSource("cases")
    void theRerunLeavesTheTablesOfARunThatWasNeverKilled(String run, String pauseAt) throws Throwable {
        Optional<Throwable> failure = outcomes.get(run + " " + pauseAt);
        assertTrue(failure != null, run + " run stopped at " + pauseAt + " was not run");
        if (failure.isPresent()) throw failure.get();
    }

    /**
     * Runs the job in a child process until it is about to create a file matching held, copies its
     * warehouse there, lets it go on to a file matching killedAt and kills it there. The two
     * warehouses, by the point each was taken at.
     */
    static Map<String, Path> stopAndKill(String run, String held, String killedAt) throws Exception {
        boolean isFirst = run.equals("first");
        Path input = isFirst ? first : later;
        Path warehouse = Files.createTempDirectory(dir, "killed-");
        if (isFirst) {
            Files.delete(warehouse);
        } else {
            cleanFirstDone.get();
            JobRunner.copyFolder(cleanFirst, warehouse);
        }
        Path copy = warehouse.resolveSibling(warehouse.getFileName() + "-held");
        Path log = warehouse.resolveSibling(warehouse.getFileName() + ".log");
        Files.createDirectories(tmpOf(warehouse));
        try (ChildRun child = ChildRun.start(List.of("-Djava.io.tmpdir=" + tmpOf(warehouse)), held + ";" + killedAt, log, "run", "--config",
                config.toString(), "--input", input.toString(), "--warehouse", warehouse.toString(), "--master", "local[2]")) {
            assertPausedAt(held, child);
            JobRunner.copyFolder(warehouse, copy);
            scratchHoldsNoNeedle(run + " run held at " + held, scratchOf(tmpOf(warehouse)));
            child.resume();
            assertPausedAt(killedAt, child);
        }
        scratchOfTheKilledRun(run + " run killed at " + killedAt, tmpOf(warehouse));
        Map<String, Path> out = new java.util.LinkedHashMap<>();
        out.put(held, copy);
        out.put(killedAt, warehouse);
        return out;
    }

    private static void assertPausedAt(String pauseAt, ChildRun child) throws Exception {
        String paused = child.awaitPause();
        if (paused == null) {
            throw new AssertionError("the run ended (exit " + child.exitCode() + ") before a file at " + pauseAt + "\n"
                    + child.stdout() + "\n" + child.stderrTail());
        }
        assertTrue(paused.contains(pauseAt.substring(1)), paused);
    }

    /** The warehouse a run stopped at pauseAt left, rerun here: it ends as the warehouse of a run never stopped. */
    static void rerun(String run, String pauseAt, Path warehouse) throws Exception {
        boolean isFirst = run.equals("first");
        assertTrue(Files.exists(warehouse.resolve(WarehouseLock.FILE)), "the killed run's lock is left behind");
        for (String t : WarehouseComparison.deltaTables(warehouse, COMPARED)) {
            // Readable: Delta ignores the files of a write that never committed.
            TestSpark.session().read().format("delta").load(warehouse.resolve(t).toString()).count();
        }

        JobRunner.run(isFirst ? first : later, warehouse, JobRunner.lenient());
        (isFirst ? cleanFirstDone : cleanLaterDone).get();
        Path clean = isFirst ? cleanFirst : cleanLater;
        WarehouseComparison.assertSameTables(clean, warehouse, COMPARED);
        // The same files recorded as ingested; the entry naming the silver versions gold was built from differs
        // by the versions the killed run committed.
        WarehouseComparison.assertSameRows("ops/ingested_files", ingested(clean), ingested(warehouse));
    }

    private static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> ingested(Path warehouse) {
        return WarehouseComparison.rows(warehouse.resolve("ops/ingested_files")).filter("dataset <> '_gold'");
    }

    /**
     * The fixture's identifying values, and values that pass through every shuffle of victims (in
     * clear unless the files are encrypted): a scan that finds none of them shows the files are
     * encrypted, not that the scan is blind.
     */
    static final List<String> NEEDLES = List.of("Nguyễn Văn An", "C1234567", "+84 912 345 678", "+1 202 555 0143", "forced_scam_worker", "online_job_ad");
    static final java.util.concurrent.atomic.AtomicInteger scratchFilesAfterKills = new java.util.concurrent.atomic.AtomicInteger();

    /** The one scratch folder a run made under its own temporary folder: no other run's start removes it before it is read. */
    static Path scratchOf(Path tmp) throws IOException {
        Path root = tmp.resolve("scamscope-spark-" + System.getProperty("user.name", "user"));
        List<Path> left;
        try (Stream<Path> s = Files.list(root)) {
            left = s.toList();
        }
        assertEquals(1, left.size(), "the run's scratch folder under " + root);
        return left.get(0);
    }

    /** Spark's scratch files of a run (shuffle and spill files, cached blocks) hold none of the needles. */
    static void scratchHoldsNoNeedle(String which, Path scratch) throws IOException {
        List<String> found = new java.util.ArrayList<>();
        try (Stream<Path> s = Files.walk(scratch)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                scratchFilesAfterKills.incrementAndGet();
                String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8);
                for (String n : NEEDLES) if (text.contains(n)) found.add(n + " in " + scratch.relativize(f));
            }
        }
        assertEquals(List.of(), found, which);
    }

    /**
     * What a killed run leaves in Spark's scratch folder holds none of the needles; and the next
     * start of a session removes the folder.
     */
    static void scratchOfTheKilledRun(String which, Path tmp) throws IOException {
        Path scratch = scratchOf(tmp);
        scratchHoldsNoNeedle(which, scratch);
        Path root = scratch.getParent();
        // What SparkSessions.create does before a session starts (ScratchSpace.forThisJvm).
        assertTrue(org.scamscope.spark.ScratchSpace.removeDead(root).contains(scratch), which + ": " + scratch + " not removed");
        assertTrue(Files.notExists(scratch), which);
    }

    static Path tmpOf(Path warehouse) {
        return warehouse.resolveSibling(warehouse.getFileName() + ".tmp");
    }
}
