package org.scamscope;

import io.delta.tables.DeltaTable;
import org.apache.logging.log4j.LogManager;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the tests that look for Delta's warning about a MERGE's source rely on: it is seen, and only on its thread. */
class ThreadWarningsTest {
    @Test
    void aMergeOfASourceDeltaCopiesWarnsOnItsOwnThreadAndOtherThreadsAreLeftOut(@TempDir Path dir) throws Exception {
        // A session of its own: on the shared one, a gold MERGE of a class beside this one may hold the setting
        // that tells Delta not to copy a source (SessionSettings), and this MERGE would then copy nothing.
        SparkSession spark = TestSpark.session().newSession();
        String table = dir.resolve("t").toString();
        spark.range(3).write().format("delta").save(table);
        try (ThreadWarnings warnings = new ThreadWarnings()) {
            Thread other = new Thread(() -> LogManager.getLogger("elsewhere").warn("RDD 1 was locally checkpointed (another thread)"));
            other.start();
            other.join();
            // A source that is not a plain Delta scan, in a MERGE that also updates: Delta copies it into a local
            // checkpoint, and warns when it drops it.
            DeltaTable.forPath(spark, table).as("t").merge(spark.range(2, 5).toDF().as("s"), "t.id = s.id")
                    .whenMatched().updateAll().whenNotMatched().insertAll().execute();
            List<String> seen = warnings.lines().stream().filter(l -> l.contains("locally checkpointed")).toList();
            assertTrue(!seen.isEmpty(), warnings.lines().toString());
            assertEquals(List.of(), seen.stream().filter(l -> l.contains("another thread")).toList());
        }
        assertEquals(5, spark.read().format("delta").load(table).count());
    }
}
