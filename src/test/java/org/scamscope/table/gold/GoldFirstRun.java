package org.scamscope.table.gold;

import org.scamscope.JobRunner;
import org.scamscope.TestSpark;
import org.scamscope.cluster.SparkDistribution;
import org.scamscope.pipeline.GoldStage;
import org.scamscope.pipeline.Pipeline;
import org.scamscope.pipeline.Warehouse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The gold stage's first run over GoldTestData's silver (k = 5, current year 2025), made once per
 * test JVM: GoldStageTest and GoldIncrementalTest each go on from a copy of its warehouse, one with
 * a rebuild and one with new rows, where each made the same first run itself.
 */
final class GoldFirstRun {
    private static Path made;
    private static GoldStage.Result result;

    private GoldFirstRun() {}

    /** Copies the first run's warehouse into root (a folder of its own) and returns what that run reported. */
    static synchronized GoldStage.Result copyTo(Path root) throws IOException {
        if (result == null) {
            Path dir = SparkDistribution.temporaryFolder("scamscope-gold-first-run-");
            Warehouse warehouse = new Warehouse(dir);
            GoldTestData.silver().forEach((name, df) -> df.write().format("delta").save(warehouse.silver(name)));
            result = new GoldStage(TestSpark.session(), Pipeline.shipped(), warehouse, GoldTestData.reference(), 5)
                    .run("run-1", 2025, Map.of());
            made = dir;
        }
        JobRunner.copyFolder(made, root);
        return result;
    }
}
