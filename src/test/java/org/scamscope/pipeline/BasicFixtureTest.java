package org.scamscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.JobRunner;
import org.scamscope.TestSpark;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scamscope.pipeline.BasicFixtureExpectations.*;

/** The hand-made CSV fixture: silver rows, quarantine entries, messages, masking, constraints, idempotence. */
class BasicFixtureTest {
    static final Path INPUT = org.scamscope.BasicWarehouse.INPUT;

    /** The fixture's warehouse of this JVM, shared with other tests that read it (RunOnHdfsTest). */
    static Path warehouse;
    static RunSummary summary;

    @BeforeAll
    static void run() {
        warehouse = org.scamscope.BasicWarehouse.SHARED.path();
        summary = org.scamscope.BasicWarehouse.SHARED.summary();
    }

    private static Dataset<Row> quarantine() {
        // Per input file, the quarantine holds the rejects of its latest ingestion.
        return JobRunner.table(warehouse, "quarantine/rejected_rows");
    }

    @Test
    void silverRowsAreTheHandComputedOnes() {
        assertEquals(VICTIMS, JobRunner.rows(JobRunner.table(warehouse, "silver/victims"), VICTIM_COLUMNS));
        assertEquals(COMPOUNDS, JobRunner.rows(JobRunner.table(warehouse, "silver/compounds"), COMPOUND_COLUMNS));
        assertEquals(ESTIMATES, JobRunner.rows(JobRunner.table(warehouse, "silver/revenue_estimates"), ESTIMATE_COLUMNS));
        assertEquals(ACTIONS, JobRunner.rows(JobRunner.table(warehouse, "silver/enforcement_actions"), ACTION_COLUMNS));
    }

    @Test
    void quarantineEntriesAreTheHandComputedOnes() {
        assertEquals(QUARANTINE, JobRunner.rows(quarantine(), QUARANTINE_COLUMNS));
    }

    @Test
    void quarantineMessagesNameFileRowColumnAndValue() {
        assertEquals(List.of("victims/partner_a.csv row 4: age_range: column age: must be between 0 and 120 (was '150')"),
                JobRunner.rows(quarantine().filter("dataset = 'victims' AND source_row = 4"), "message"));
        assertEquals(List.of("victims/partner_a.csv row 1: duplicate of source, victim_id = hotline, V1, kept from victims/partner_a.csv row 8"),
                JobRunner.rows(quarantine().filter("rule = 'duplicate'"), "message"));
    }

    @Test
    void quarantineMasksPersonalFields() {
        List<String> raw = JobRunner.rows(quarantine()
                .filter("dataset = 'victims' AND source_row = 7 AND source_file = 'victims/partner_a.csv'"), "raw_record");
        assertEquals(1, raw.size());
        assertTrue(raw.get(0).contains("\"name\":\"***\""), raw.get(0));
        assertTrue(raw.get(0).contains("\"passport_number\":\"***\""), raw.get(0));
        assertTrue(raw.get(0).contains("\"phone\":null"), raw.get(0));
        assertTrue(raw.get(0).contains("\"exploitation_subdivision\":\"MM-13\""), raw.get(0));
    }

    @Test
    void personKeysDifferBetweenPeopleAndMatchTheKeyedHash() {
        // V1: name, passport and phone; normalised (lower case, no spaces or punctuation), joined by U+001F.
        String expected = hmacHex("test-only-pseudonym-key-0123456789", "nguyễnvănan\u001fc1234567\u001f84912345678");
        assertEquals(List.of(expected), JobRunner.rows(JobRunner.table(warehouse, "silver/victims").filter("victim_id = 'V1'"), "person_key"));
        assertEquals(2, JobRunner.table(warehouse, "silver/victims").filter("person_key IS NOT NULL").select("person_key").distinct().count());
    }

    private static String hmacHex(String key, String message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void secondRunOnTheSameInputWritesNothingAndAFullRebuildLeavesTheSameRows(@TempDir Path dir) throws java.io.IOException {
        Path warehouse = org.scamscope.BasicWarehouse.SHARED.copy(dir.resolve("warehouse"));
        java.util.Map<String, Long> before = new java.util.LinkedHashMap<>();
        for (String t : List.of("silver/victims", "silver/compounds", "silver/revenue_estimates", "silver/enforcement_actions",
                "quarantine/rejected_rows", "gold/victims_by_region_year", "gold/region_year_overview")) {
            before.put(t, org.scamscope.delta.DeltaTables.lastCommit(TestSpark.session(), warehouse.resolve(t).toString()).version());
        }
        RunSummary again = JobRunner.run(INPUT, warehouse, JobRunner.lenient());
        assertTrue(again.written.isEmpty(), again.written.toString());
        assertTrue(again.notes.contains("no new or changed input files: no table written"), again.notes.toString());
        for (String t : before.keySet()) {
            assertEquals(before.get(t), org.scamscope.delta.DeltaTables.lastCommit(TestSpark.session(), warehouse.resolve(t).toString()).version(), t);
        }
        java.util.Map<String, String> full = new java.util.HashMap<>(JobRunner.lenient());
        full.put("gold.enabled", "false");
        new Job(TestSpark.session(), org.scamscope.config.JobConfig.load(org.scamscope.config.JobConfig.defaultFile(),
                withPaths(full, warehouse))).run(new Job.Options(true, false));
        for (String t : List.of("victims", "compounds", "revenue_estimates", "enforcement_actions")) {
            String path = warehouse.resolve("silver/" + t).toString();
            Dataset<Row> old = TestSpark.session().read().format("delta").option("versionAsOf", before.get("silver/" + t)).load(path);
            Dataset<Row> now = TestSpark.session().read().format("delta").load(path);
            String[] cols = java.util.Arrays.stream(now.columns()).filter(c -> !c.equals("run_id") && !c.equals("ingested_at"))
                    .map(c -> "`" + c + "`").toArray(String[]::new);
            assertEquals(JobRunner.rows(old, cols), JobRunner.rows(now, cols), t);
        }
        assertEquals(QUARANTINE, JobRunner.rows(JobRunner.table(warehouse, "quarantine/rejected_rows"), QUARANTINE_COLUMNS));
    }

    private static java.util.Map<String, String> withPaths(java.util.Map<String, String> o, Path warehouse) {
        o.put("input", INPUT.toString());
        o.put("warehouse", warehouse.toString());
        return o;
    }

    @Test
    void summaryCountsByDataset() {
        List<String> counts = summary.datasets.stream()
                .map(d -> d.table().name() + " " + d.read() + " " + d.accepted() + " " + d.quarantined()).toList();
        assertEquals(List.of("victims 11 4 7", "compounds 4 2 2", "revenue_estimates 4 2 2", "enforcement_actions 5 3 2"), counts);
        assertEquals(4L, summary.written.get("silver/victims").rows());
        assertEquals(13L, summary.written.get("quarantine/rejected_rows").rows());
    }

    @Test
    void silverTablesDeclareConstraints() {
        List<String> props = JobRunner.rows(TestSpark.session().sql(
                "SHOW TBLPROPERTIES delta.`" + warehouse.resolve("silver/compounds") + "`").filter("key LIKE 'delta.constraints.%'"), "key");
        assertEquals(List.of("delta.constraints.latitude_range", "delta.constraints.longitude_range",
                "delta.constraints.workers_low_not_above_high", "delta.constraints.workers_not_negative"), props);
        assertFalse(JobRunner.table(warehouse, "silver/compounds").schema().apply("compound_id").nullable());
        assertTrue(JobRunner.table(warehouse, "silver/compounds").schema().apply("subdivision").nullable());
    }

    @Test
    void referenceTablesKeepLeadingZerosAndNamibia() {
        assertEquals(List.of("035|South-eastern Asia|116"), JobRunner.rows(JobRunner.table(warehouse, "reference/countries")
                .filter("alpha3 = 'KHM'"), "subregion_code", "subregion_name", "numeric"));
        assertEquals(List.of("NAM"), JobRunner.rows(JobRunner.table(warehouse, "reference/countries").filter("alpha2 = 'NA'"), "alpha3"));
    }

    @Test
    void identifyingValuesAppearNowhereInTheWarehouse() {
        List<String> found = WarehouseScan.find(warehouse, IDENTIFYING);
        assertEquals(List.of(), found);
        // The scan does see stored values, in compressed Parquet too: a source code and a place code.
        assertFalse(WarehouseScan.find(warehouse.resolve("silver/victims"), List.of("hotline")).isEmpty());
        assertFalse(WarehouseScan.find(warehouse.resolve("silver/compounds"), List.of("Ton Pheung")).isEmpty());
    }
}
