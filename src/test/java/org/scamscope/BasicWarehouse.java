package org.scamscope;

import org.scamscope.pipeline.RunSummary;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The hand-made fixture (src/test/resources/fixtures/basic) run once per build with the lenient
 * thresholds (see {@link BuildWarehouse}).
 */
public final class BasicWarehouse {
    public static final Path INPUT = JobRunner.FIXTURES.resolve("basic");
    private static final BuildWarehouse SHARED = new BuildWarehouse("basic-warehouse", wh -> JobRunner.run(INPUT, wh, JobRunner.lenient()));

    private BasicWarehouse() {}

    /** The warehouse of the fixture's run: read it, never write to it. */
    public static Path path() {
        return SHARED.path();
    }

    /** What the fixture's run reported. */
    public static RunSummary summary() {
        return SHARED.summary();
    }

    /** A copy of the fixture's warehouse at target, for a test that writes to it. */
    public static Path copy(Path target) throws IOException {
        return SHARED.copy(target);
    }
}
