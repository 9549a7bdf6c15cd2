package org.scamscope;

import org.scamscope.cluster.SparkDistribution;
import org.scamscope.pipeline.RunSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The shipped sample run once per build, on an empty warehouse, with the project's settings: tests
 * that only read it share it; a test that writes takes a copy. The unit tests' JVM runs it and leaves
 * it in target/ marked with the build's id; the integration tests' JVM of the same build (the same
 * code, the same settings) reads that one instead of running the sample again, and runs its own only
 * when the unit tests did not (e.g. the integration tests alone).
 */
public final class SampleWarehouse {
    public static final Path SAMPLE = Path.of("data", "sample");
    /** Where the unit tests' JVM leaves its sample warehouse for the integration tests of the same build. */
    static final Path HANDED_OVER = SparkDistribution.TARGET.resolve("sample-warehouse");
    /** Written once the run is complete: the id of the build (the Maven invocation) that made it. */
    static final String BUILD_ID_FILE = "BUILD_ID";
    private static Path warehouse;
    private static RunSummary summary;

    private SampleWarehouse() {}

    /** The warehouse of the sample's run: read it, never write to it. */
    public static synchronized Path path() {
        if (warehouse == null) {
            try {
                String build = System.getProperty("scamscope.build.id", "");
                boolean unitTests = Boolean.getBoolean("scamscope.build.unit-tests");
                if (!unitTests && !build.isEmpty() && Files.exists(HANDED_OVER.resolve(BUILD_ID_FILE))
                        && Files.readString(HANDED_OVER.resolve(BUILD_ID_FILE)).equals(build)) {
                    warehouse = HANDED_OVER.resolve("warehouse");
                    System.out.println("the sample's warehouse: the one this build's unit tests made, " + warehouse);
                } else if (unitTests && !build.isEmpty()) {
                    SparkDistribution.deleteTree(HANDED_OVER);
                    run(HANDED_OVER.resolve("warehouse"));
                    Files.writeString(HANDED_OVER.resolve(BUILD_ID_FILE), build);
                } else {
                    runInATemporaryFolder();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return warehouse;
    }

    private static void runInATemporaryFolder() throws IOException {
        Path dir = Files.createTempDirectory("scamscope-sample-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        run(dir.resolve("warehouse"));
    }

    private static void run(Path wh) {
        summary = JobRunner.run(SAMPLE, wh, Map.of());
        warehouse = wh;
    }

    /** What the sample's run reported (a JVM that took the warehouse over from another runs the sample itself). */
    public static synchronized RunSummary summary() {
        path();
        if (summary == null) {
            try {
                runInATemporaryFolder();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return summary;
    }

    /** A copy of the sample's warehouse at target, for a test that writes to it. */
    public static Path copy(Path target) throws IOException {
        return JobRunner.copyFolder(path(), target);
    }

    private static void delete(Path dir) {
        try {
            SparkDistribution.deleteTree(dir);
        } catch (IOException ignored) {
            // a temporary folder left behind is the worst that can happen here
        }
    }
}
