package org.scamscope.pipeline;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.JobRunner;
import org.scamscope.TestSpark;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small input runs with code generation and adaptive execution off, and the session gets its settings back. */
class SmallInputSettingsTest {
    @Test
    void aSmallInputSaysSoAndTheSessionKeepsItsOwnSettings(@TempDir Path dir) {
        SparkSession spark = TestSpark.session();
        String before = spark.conf().get("spark.sql.adaptive.enabled");
        String partitionsBefore = spark.conf().get("spark.sql.shuffle.partitions");
        spark.conf().set("spark.sql.adaptive.enabled", "true");
        spark.conf().set("spark.sql.shuffle.partitions", "5");
        Map<String, String> silverOnly = new java.util.HashMap<>(JobRunner.lenient());
        silverOnly.put("gold.enabled", "false");
        try {
            RunSummary s = JobRunner.run(JobRunner.FIXTURES.resolve("basic"), dir.resolve("wh"), silverOnly);
            assertTrue(s.notes.stream().anyMatch(n -> n.startsWith("a small input (0.0 MiB, at most small_input.max_mb=64): "
                    + "Spark's code generation and adaptive execution off, one shuffle partition per core")), s.notes.toString());
            assertEquals("true", spark.conf().get("spark.sql.adaptive.enabled"), "the run left its setting in the session");
            assertEquals("5", spark.conf().get("spark.sql.shuffle.partitions"), "the run left its setting in the session");
            // the test session's master is local[2]
            assertEquals("2", Job.smallInputSettings(spark).get("spark.sql.shuffle.partitions"));

            Map<String, String> none = new java.util.HashMap<>(silverOnly);
            none.put("small_input.max_mb", "0");
            RunSummary large = JobRunner.run(JobRunner.FIXTURES.resolve("basic"), dir.resolve("wh-large"), none);
            assertTrue(large.notes.stream().noneMatch(n -> n.startsWith("a small input")), large.notes.toString());
        } finally {
            spark.conf().set("spark.sql.adaptive.enabled", before);
            spark.conf().set("spark.sql.shuffle.partitions", partitionsBefore);
        }
    }
}
