package org.scamscope;

import org.scamscope.cluster.SparkDistribution;
import org.scamscope.pipeline.RunSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The shipped sample run once per test JVM, on an empty warehouse, with the project's settings:
 * tests that only read it share it; a test that writes takes a copy.
 */
public final class SampleWarehouse {
    public static final Path SAMPLE = Path.of("data", "sample");
    private static Path warehouse;
    private static RunSummary summary;

    private SampleWarehouse() {}

    /** The warehouse of the sample's run: read it, never write to it. */
    public static synchronized Path path() {
        if (warehouse == null) {
            try {
                Path dir = Files.createTempDirectory("scamscope-sample-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                Path wh = dir.resolve("warehouse");
                summary = JobRunner.run(SAMPLE, wh, Map.of());
                warehouse = wh;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return warehouse;
    }

    /** What the sample's run reported. */
    public static synchronized RunSummary summary() {
        path();
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
