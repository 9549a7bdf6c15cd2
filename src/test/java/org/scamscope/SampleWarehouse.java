package org.scamscope;

import org.scamscope.pipeline.RunSummary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The shipped sample run once per build with the project's settings (see {@link BuildWarehouse}). */
public final class SampleWarehouse {
    public static final Path SAMPLE = Path.of("data", "sample");
    private static final BuildWarehouse SHARED = new BuildWarehouse("sample-warehouse", wh -> JobRunner.run(SAMPLE, wh, Map.of()));

    private SampleWarehouse() {}

    /** The warehouse of the sample's run: read it, never write to it. */
    public static Path path() {
        return SHARED.path();
    }

    /** What the sample's run reported. */
    public static RunSummary summary() {
        return SHARED.summary();
    }

    /** A copy of the sample's warehouse at target, for a test that writes to it. */
    public static Path copy(Path target) throws IOException {
        return SHARED.copy(target);
    }
}
