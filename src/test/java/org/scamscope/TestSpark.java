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
            session = SparkSessions.create("local[2]", null, Map.of(
                    "spark.sql.shuffle.partitions", "2",
                    "spark.default.parallelism", "2",
                    // as a run on a small input sets them (Job.SMALL_INPUT), also for what tests write themselves
                    "spark.databricks.delta.snapshotPartitions", "1",
                    "spark.databricks.delta.allFilesInCrc.enabled", "false",
                    "spark.ui.enabled", "false",
                    "spark.driver.host", "127.0.0.1",
                    "spark.driver.bindAddress", "127.0.0.1",
                    "spark.ui.showConsoleProgress", "false",
                    "spark.sql.adaptive.coalescePartitions.initialPartitionNum", "2"));
        }
        return session;
    }
}
