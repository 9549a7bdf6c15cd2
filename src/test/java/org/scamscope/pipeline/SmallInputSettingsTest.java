package org.scamscope.pipeline;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.BasicUpdateWarehouse;
import org.scamscope.BasicWarehouse;
import org.scamscope.JobRunner;
import org.scamscope.TestSpark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small input runs with code generation and adaptive execution off, and the session the run was
 * given keeps its own settings. Each case gives the job a session of its own (the tests' session
 * is shared with the classes that run beside this one), with settings the job's differ from.
 */
class SmallInputSettingsTest {
    /** A new session over the tests' SparkContext, with the settings of the tests' JVM and none set by another class. */
    private static SparkSession ownSession() {
        return TestSpark.session().newSession();
    }

    @Test
    void aSmallInputSaysSoAndTheSessionKeepsItsOwnSettings(@TempDir Path dir) throws Exception {
        SparkSession spark = ownSession();
        spark.conf().set("spark.sql.adaptive.enabled", "true");
        spark.conf().set("spark.sql.shuffle.partitions", "5");
        // Delta's default, which the tests' session turns off (TestSpark) and SMALL_INPUT too.
        spark.conf().set("spark.databricks.delta.allFilesInCrc.enabled", "true");
        Map<String, String> silverOnly = new java.util.HashMap<>(JobRunner.lenient());
        silverOnly.put("gold.enabled", "false");
        RunSummary s = JobRunner.run(spark, JobRunner.FIXTURES.resolve("basic").toString(), dir.resolve("wh").toString(), silverOnly);
        assertTrue(s.notes.stream().anyMatch(n -> n.startsWith("a small input (0.0 MiB, at most small_input.max_mb=64): "
                + "Spark's code generation and adaptive execution off, one shuffle partition per core")), s.notes.toString());
        assertEquals("true", spark.conf().get("spark.sql.adaptive.enabled"), "the run left its setting in the session");
        assertEquals("5", spark.conf().get("spark.sql.shuffle.partitions"), "the run left its setting in the session");
        // the test session's master is local[2]
        assertEquals("2", Job.smallInputSettings(spark).get("spark.sql.shuffle.partitions"));
        // Delta reads its settings from the thread's active session: the run's copy was, while it wrote.
        assertFalse(checksumListsFiles(dir.resolve("wh/silver/victims")), "SMALL_INPUT's allFilesInCrc.enabled=false");

        Map<String, String> none = new java.util.HashMap<>(silverOnly);
        none.put("small_input.max_mb", "0");
        RunSummary large = JobRunner.run(spark, JobRunner.FIXTURES.resolve("basic").toString(), dir.resolve("wh-large").toString(), none);
        assertTrue(large.notes.stream().noneMatch(n -> n.startsWith("a small input")), large.notes.toString());
        assertTrue(checksumListsFiles(dir.resolve("wh-large/silver/victims")), "the session's allFilesInCrc.enabled=true");
    }

    /** Whether the checksum file of the table's last version lists its files, as Delta does for a table of at most 50 files unless told not to. */
    private static boolean checksumListsFiles(Path table) throws java.io.IOException {
        Path last;
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(table.resolve("_delta_log"))) {
            last = s.filter(p -> p.getFileName().toString().endsWith(".crc")).max(java.util.Comparator.naturalOrder()).orElseThrow();
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(last.toFile()).has("allFiles");
    }

    /**
     * A folder larger than small_input.max_mb whose files taken are not: validation, the quarantine,
     * silver and the ledger go with SMALL_INPUT's settings, and gold, which reads all of silver, with
     * the session's own. Seen in the plans Spark ran, in their order, by adaptive execution (one of
     * those settings, and cheaper to switch on in a test than code generation): no plan up to the
     * ledger's record of the files taken is adaptive, and gold's are.
     */
    @Test
    void smallFilesTakenFromALargeFolderGetTheSmallSettingsUntilSilverIsWritten(@TempDir Path dir) throws Exception {
        SparkSession spark = ownSession();
        List<String> plans = java.util.Collections.synchronizedList(new ArrayList<>());
        QueryExecutionListener listener = new QueryExecutionListener() {
            @Override
            public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
                plans.add(qe.executedPlan().toString());
            }

            @Override
            public void onFailure(String funcName, QueryExecution qe, Exception exception) {}
        };
        spark.conf().set("spark.sql.adaptive.enabled", "true");
        spark.listenerManager().register(listener);
        Path wh = dir.resolve("wh");
        BasicWarehouse.SHARED.copy(wh);
        Path input = JobRunner.copyFolder(BasicUpdateWarehouse.input(), dir.resolve("input"));
        Map<String, String> settings = new HashMap<>(JobRunner.lenient());
        // 2,097 bytes: the folder has 3,564 (six files), the run takes partner_b (changed, 413) and partner_c (new, 444).
        settings.put("small_input.max_mb", "0.002");
        RunSummary s = JobRunner.run(spark, input.toString(), wh.toString(), settings);
        spark.sparkContext().listenerBus().waitUntilEmpty();

        assertTrue(s.notes.stream().anyMatch(n -> n.startsWith("small files taken (0.0 of 0.0 MiB in the input folder, at most "
                + "small_input.max_mb=0.002): Spark's code generation and adaptive execution off until silver is written")), s.notes.toString());
        assertTrue(s.notes.stream().noneMatch(n -> n.startsWith("a small input")), s.notes.toString());
        int ledger = -1;
        for (int i = 0; i < plans.size() && ledger < 0; i++) if (plans.get(i).contains("ingested_files")) ledger = i;
        assertTrue(ledger > 0, "the ledger's write among the plans run: " + plans.size());
        for (String p : plans.subList(0, ledger + 1)) assertFalse(adaptive(p), "a plan up to the ledger's write: " + p);
        List<String> gold = plans.subList(ledger + 1, plans.size());
        assertTrue(gold.stream().anyMatch(SmallInputSettingsTest::adaptive), "gold's plans are adaptive: " + gold.size());
        assertEquals("true", spark.conf().get("spark.sql.adaptive.enabled"), "the session's own setting after the run");
    }

    private static boolean adaptive(String plan) {
        return plan.startsWith("AdaptiveSparkPlan");
    }
}
