package org.scamscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scamscope.JobRunner;
import org.scamscope.SampleWarehouse;
import org.scamscope.TestSpark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shipped sample, run with the project's own configuration: every record of every file is in
 * silver or the quarantine (counted by a plain Spark read, not by the job), the deliberately bad
 * rows listed in data/sample/README.md are the ones quarantined, and none of the sample's
 * identifying values reaches the warehouse.
 */
class SampleRunTest {
    static final Path SAMPLE = SampleWarehouse.SAMPLE;

    static Path warehouse;
    static RunSummary summary;

    /** The sample's run, shared with the other tests of this JVM that read it. */
    @BeforeAll
    static void run() {
        warehouse = SampleWarehouse.SHARED.path();
        summary = SampleWarehouse.SHARED.summary();
    }

    private static Stream<Path> files(String dataset) throws IOException {
        return Files.list(SAMPLE.resolve(dataset)).sorted();
    }

    private static Dataset<Row> plainRead(Path file) {
        SparkSession spark = TestSpark.session();
        return file.toString().endsWith(".parquet") ? spark.read().parquet(file.toString())
                : spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"").csv(file.toString());
    }

    @Test
    void everyRecordIsInSilverOrTheQuarantine() throws IOException {
        for (String dataset : List.of("victims", "compounds", "revenue_estimates", "enforcement_actions")) {
            long records = 0;
            try (Stream<Path> s = files(dataset)) {
                for (Path f : s.toList()) records += plainRead(f).count();
            }
            long silver = JobRunner.table(warehouse, "silver/" + dataset).count();
            long quarantined = JobRunner.table(warehouse, "quarantine/rejected_rows").filter(col("dataset").equalTo(dataset)).count();
            assertEquals(records, silver + quarantined, dataset);
            DatasetResult d = summary.datasets.stream().filter(x -> x.table().name().equals(dataset)).findFirst().orElseThrow();
            assertEquals(records, d.read(), dataset);
        }
    }

    @Test
    void theDeliberatelyBadRowsAreTheQuarantinedOnes() {
        // data/sample/README.md lists them: 12 bad victims (1 in the CTDC layout) and 4 duplicates;
        // 4 compounds; 3 estimates; 3 actions. CTDC's T003, without a year, is kept with its year unknown.
        assertEquals(List.of("compounds|4", "enforcement_actions|3", "revenue_estimates|3", "victims|16"),
                JobRunner.rows(JobRunner.table(warehouse, "quarantine/rejected_rows").groupBy("dataset").count(), "dataset", "count"));
        assertEquals(List.of("VIC-000312", "VIC-000703", "VIC-001289", "VIC-001616", "VIC-001841", "VIC-002178",
                        "VIC-002534", "VIC-002751", "VIC-003004", "VIC-003234", "null", "null"),
                JobRunner.rows(JobRunner.table(warehouse, "quarantine/rejected_rows")
                        .filter("dataset = 'victims' AND rule <> 'duplicate'"), "get_json_object(raw_record, '$.victim_id')"));
        // The CTDC layout keeps its own column names in the raw record.
        assertEquals(List.of("T008|citizenship_known"),
                JobRunner.rows(JobRunner.table(warehouse, "quarantine/rejected_rows").filter("source_file LIKE 'victims/ctdc%'"),
                        "get_json_object(raw_record, '$.Victim_ID')", "rule"));
    }

    @Test
    void noIdentifyingValueOfTheSampleReachesTheWarehouse() throws IOException {
        List<String> identifying = new ArrayList<>();
        try (Stream<Path> s = files("victims")) {
            for (Path f : s.toList()) {
                if (f.getFileName().toString().startsWith("ctdc")) continue;  // that layout has no identifying columns
                for (Row r : plainRead(f).select("name", "passport_number", "phone").collectAsList()) {
                    for (int i = 0; i < 3; i++) if (!r.isNullAt(i)) identifying.add(r.getString(i));
                }
            }
        }
        List<String> distinct = identifying.stream().distinct().toList();
        assertEquals(true, distinct.size() > 1000, "the sample carries identifying values: " + distinct.size());
        assertEquals(List.of(), WarehouseScan.find(warehouse, distinct));
    }
}
