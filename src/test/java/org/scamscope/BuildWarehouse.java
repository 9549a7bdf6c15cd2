package org.scamscope;

import org.scamscope.cluster.SparkDistribution;
import org.scamscope.pipeline.RunSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A warehouse made once per build by a run of the job, on an empty warehouse or on a copy of another
 * such warehouse: tests that only read it share it; a test that writes takes a copy. The unit tests' JVM makes it and leaves it in
 * target/&lt;name&gt; marked with the build's id; the integration tests' JVM of the same build (the
 * same code, the same settings) reads that one instead of running the job again, and makes its own
 * only when the unit tests did not (e.g. the integration tests alone).
 */
public final class BuildWarehouse {
    /** Written once the run is complete: the id of the build (the Maven invocation) that made it. */
    private static final String BUILD_ID_FILE = "BUILD_ID";

    private final Path handedOver;
    private final Function<Path, RunSummary> run;
    private Path warehouse;
    private RunSummary summary;

    /** @param run runs the job into the given path, which does not exist yet */
    BuildWarehouse(String name, Function<Path, RunSummary> run) {
        this.handedOver = SparkDistribution.TARGET.resolve(name);
        this.run = run;
    }

    /** The warehouse: read it, never write to it. */
    public synchronized Path path() {
        if (warehouse == null) {
            try {
                String build = System.getProperty("scamscope.build.id", "");
                boolean unitTests = Boolean.getBoolean("scamscope.build.unit-tests");
                if (!unitTests && !build.isEmpty() && Files.exists(handedOver.resolve(BUILD_ID_FILE))
                        && Files.readString(handedOver.resolve(BUILD_ID_FILE)).equals(build)) {
                    warehouse = handedOver.resolve("warehouse");
                    System.out.println("the warehouse this build's unit tests made: " + warehouse);
                } else if (unitTests && !build.isEmpty()) {
                    SparkDistribution.deleteTree(handedOver);
                    runInto(handedOver.resolve("warehouse"));
                    Files.writeString(handedOver.resolve(BUILD_ID_FILE), build);
                } else {
                    runInATemporaryFolder();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return warehouse;
    }

    /** What the run reported (a JVM that took the warehouse over from another runs the job itself). */
    public synchronized RunSummary summary() {
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

    /** A copy at target, for a test that writes to it. */
    public Path copy(Path target) throws IOException {
        return JobRunner.copyFolder(path(), target);
    }

    private void runInATemporaryFolder() throws IOException {
        Path dir = SparkDistribution.temporaryFolder("scamscope-" + handedOver.getFileName() + "-");
        runInto(dir.resolve("warehouse"));
    }

    private void runInto(Path wh) {
        summary = run.apply(wh);
        warehouse = wh;
    }
}
