package org.scamscope;

import java.nio.file.Path;

/**
 * The hand-made fixture (src/test/resources/fixtures/basic) run once per build with the lenient
 * thresholds (see {@link BuildWarehouse}).
 */
public final class BasicWarehouse {
    public static final Path INPUT = JobRunner.FIXTURES.resolve("basic");
    public static final BuildWarehouse SHARED = new BuildWarehouse("basic-warehouse", wh -> JobRunner.run(INPUT, wh, JobRunner.lenient()));

    private BasicWarehouse() {}
}
