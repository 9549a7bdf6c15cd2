package org.scamscope;

import org.scamscope.pipeline.RunSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The hand-made fixture (src/test/resources/fixtures/basic) run once per test JVM with the lenient
 * thresholds, on an empty warehouse: tests that only read it share it; a test that writes takes a copy.
 */
public final class BasicWarehouse {
    public static final Path INPUT = JobRunner.FIXTURES.resolve("basic");
    private static Path warehouse;
    private static RunSummary summary;

    private BasicWarehouse() {}

    /** The warehouse of the fixture's run: read it, never write to it. */
    public static synchronized Path path() {
        if (warehouse == null) {
            try {
                Path dir = Files.createTempDirectory("scamscope-basic-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        org.scamscope.cluster.SparkDistribution.deleteTree(dir);
                    } catch (IOException ignored) {
                        // a temporary folder left behind is the worst that can happen here
                    }
                }));
                summary = JobRunner.run(INPUT, dir.resolve("warehouse"), JobRunner.lenient());
                warehouse = dir.resolve("warehouse");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return warehouse;
    }

    /** What the fixture's run reported. */
    public static synchronized RunSummary summary() {
        path();
        return summary;
    }

    /** A copy of the fixture's warehouse at target, for a test that writes to it. */
    public static Path copy(Path target) throws IOException {
        return JobRunner.copyFolder(path(), target);
    }
}
