package org.scamscope;

import java.nio.file.Path;
import java.util.Map;

/** The shipped sample run once per build with the project's settings (see {@link BuildWarehouse}). */
public final class SampleWarehouse {
    public static final Path SAMPLE = Path.of("data", "sample");
    public static final BuildWarehouse SHARED = new BuildWarehouse("sample-warehouse", wh -> JobRunner.run(SAMPLE, wh, Map.of()));

    private SampleWarehouse() {}
}
