package org.scamscope;

import org.apache.spark.sql.SparkSession;
import org.scamscope.spark.SparkSessions;

import java.util.Map;

/** The one SparkSession of the test JVM, built by the project's own factory (Delta settings included). */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {}

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSessions.create("local[2]", null, settings(
                    "spark.sql.shuffle.partitions", "2",
                    "spark.default.parallelism", "2",
                    // as a run on a small input sets them (Job.SMALL_INPUT), also for what tests write themselves
                    "spark.databricks.delta.snapshotPartitions", "1",
                    "spark.databricks.delta.allFilesInCrc.enabled", "false",
                    // Delta keeps every table it opened in the JVM (10,000 logs, an hour, by default) with its
                    // snapshot's plans; the unit tests open thousands of tables of throwaway warehouses, and the
                    // heap ran out in their last class (CI of 1223cc8). A table evicted is listed again on its next use.
                    "spark.databricks.delta.delta.log.cacheSize", "200",
                    "spark.databricks.delta.delta.log.cacheRetentionMinutes", "5",
                    "spark.ui.enabled", "false",
                    "spark.driver.host", "127.0.0.1",
                    "spark.driver.bindAddress", "127.0.0.1",
                    "spark.ui.showConsoleProgress", "false",
                    "spark.sql.adaptive.coalescePartitions.initialPartitionNum", "2"));
        }
        return session;
    }

    private static Map<String, String> settings(String... keysAndValues) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) out.put(keysAndValues[i], keysAndValues[i + 1]);
        return out;
    }
}
