package org.scamscope.pipeline;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.JobRunner;
import org.scamscope.TestSpark;
import org.scamscope.generate.GenerationReport;
import org.scamscope.generate.Generator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated input folder, CSV and Parquet, run through the job with the project's own
 * configuration (its quarantine thresholds included): every row the generator wrote is read,
 * each dataset's quarantine holds, rule by rule, exactly the bad rows the generator put in, and
 * none of its synthetic identifying values reaches the warehouse.
 */
class GeneratedInputRunTest {
    @TempDir
    static Path input;
    @TempDir
    static Path warehouse;
    static GenerationReport report;
    static RunSummary summary;

    @BeforeAll
    static void run() {
        report = Generator.run(new Generator.Settings(input, 8000, 11, 3000, Generator.DATASETS, Path.of("data", "reference")));
        summary = JobRunner.run(input, warehouse, Map.of());
    }

    private static DatasetResult result(String dataset) {
        return summary.datasets.stream().filter(d -> d.table().name().equals(dataset)).findFirst().orElseThrow();
    }

    @Test
    void everyGeneratedRowIsReadAndAccountedFor() {
        for (String dataset : Generator.DATASETS) {
            DatasetResult d = result(dataset);
            assertEquals(report.rows(dataset), d.read(), dataset);
            assertEquals(report.files(dataset).size(), d.files().size(), dataset);
            long silver = JobRunner.table(warehouse, "silver/" + dataset).count();
            long quarantined = JobRunner.table(warehouse, "quarantine/rejected_rows").filter(col("dataset").equalTo(dataset)).count();
            assertEquals(report.rows(dataset), silver + quarantined, dataset);
        }
        assertTrue(report.files("victims").containsValue("parquet") && report.files("victims").containsValue("csv"));
    }

    @Test
    void theQuarantineHoldsExactlyTheBadRowsPutIn() {
        for (String dataset : Generator.DATASETS) {
            Map<String, Long> quarantined = new TreeMap<>();
            for (Row r : JobRunner.table(warehouse, "quarantine/rejected_rows").filter(col("dataset").equalTo(dataset))
                    .groupBy("rule").count().collectAsList()) {
                quarantined.put(r.getString(0), r.getLong(1));
            }
            assertEquals(report.badRows(dataset), quarantined, dataset);
            assertEquals(report.badRows(dataset), new TreeMap<>(result(dataset).quarantinedByRule()), dataset);
        }
        assertTrue(report.badRows("victims").size() >= 10, "most kinds of bad victim rows occur: " + report.badRows("victims"));
    }

    @Test
    void noGeneratedIdentifyingValueReachesTheWarehouse() {
        List<String> identifying = new ArrayList<>();
        for (Row r : TestSpark.session().read().option("header", "true").option("escape", "\"")
                .csv(input.resolve("victims").resolve("*.csv").toString())
                .select("name", "passport_number", "phone").collectAsList()) {
            for (int i = 0; i < 3; i++) if (!r.isNullAt(i)) identifying.add(r.getString(i));
        }
        List<String> distinct = identifying.stream().distinct().toList();
        assertTrue(distinct.size() > 1000, "the generated victims carry identifying values: " + distinct.size());
        assertEquals(List.of(), WarehouseScan.find(warehouse, distinct));
    }
}
