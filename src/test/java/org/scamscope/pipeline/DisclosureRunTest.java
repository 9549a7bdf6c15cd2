package org.scamscope.pipeline;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.ExitCodes;
import org.scamscope.JobRunner;
import org.scamscope.SampleWarehouse;
import org.scamscope.TestSpark;
import org.scamscope.cli.Main;
import org.scamscope.config.JobConfig;
import org.scamscope.delta.DeltaTables;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped sample's gold, audited from what it publishes alone: it passes with k = 5 and, rebuilt,
 * with k = 11; gold built without complementary suppression is refused (exit 5) and the gold
 * tables keep the version they had.
 */
class DisclosureRunTest {
    @TempDir
    static Path dir;
    /** In dir, with the configurations and the release beside it. */
    static Path warehouse;

    /** A copy of the sample's run: the test rebuilds its gold. */
    @BeforeAll
    static void run() throws java.io.IOException {
        warehouse = dir.resolve("warehouse");
        SampleWarehouse.SHARED.copy(warehouse);
    }

    private static String audit(int k, int expectedExit) throws Exception {
        Path config = warehouse.resolveSibling(warehouse.getFileName() + "-k" + k + ".properties");
        String conf = java.nio.file.Files.readString(JobConfig.defaultFile()) + "\ngold.k=" + k + "\n"
                + "reference=" + JobConfig.load(JobConfig.defaultFile(), Map.of()).confPath("reference") + "\n"
                + "pipeline=" + JobConfig.load(JobConfig.defaultFile(), Map.of()).confPath("pipeline") + "\n";
        java.nio.file.Files.writeString(config, conf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(new String[]{"audit", "--config", config.toString(), "--warehouse", warehouse.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExit, code, printed + err.toString(StandardCharsets.UTF_8));
        return printed;
    }

    private static RunSummary aggregate(Map<String, String> overrides) {
        Map<String, String> o = new HashMap<>(overrides);
        o.put("warehouse", warehouse.toString());
        return new Job(TestSpark.session(), JobConfig.load(JobConfig.defaultFile(), o)).aggregateOnly();
    }

    private static Map<String, Long> goldVersions() {
        Map<String, Long> v = new LinkedHashMap<>();
        for (String t : List.of("victims_by_region_year", "victim_flows_by_year", "region_year_overview")) {
            v.put(t, DeltaTables.lastCommit(TestSpark.session(), warehouse.resolve("gold").resolve(t).toString()).version());
        }
        return v;
    }

    @Test
    void sampleGoldPassesTheAuditAtK5AndAt11AndUnprotectedGoldIsRefused() throws Exception {
        String printed = audit(5, ExitCodes.OK);
        assertTrue(printed.contains("passed"), printed);
        // An audit at 11 of gold protected at 5 finds the counts from 5 to 10 that are shown.
        assertTrue(audit(11, ExitCodes.DISCLOSURE).contains("failed"));

        RunSummary at11 = aggregate(Map.of(GoldStage.K_SETTING, "11"));
        assertTrue(audit(11, ExitCodes.OK).contains("passed"));
        // The run's own audit took protection's points as evidence, checked on the tables, and
        // they cleared every hidden cell: the audit command above, by programs alone, agrees.
        String note = at11.notes.stream().filter(n -> n.startsWith("disclosure audit passed")).findFirst().orElseThrow();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("passed: (\\d+) hidden cells.*\\((\\d+) shown by points.*; 0 by linear programs\\)").matcher(note);
        assertTrue(m.find(), note);
        assertEquals(m.group(1), m.group(2), note);

        Map<String, Long> before = goldVersions();
        DisclosureAuditFailure e = assertThrows(DisclosureAuditFailure.class,
                () -> aggregate(Map.of(GoldStage.K_SETTING, "5", GoldStage.COMPLEMENTS_SETTING, "false")));
        assertEquals(ExitCodes.DISCLOSURE, e.exitCode());
        assertTrue(e.audit().violations().size() > 0);
        assertEquals(before, goldVersions());
        // What is published is still the k = 11 gold, which passes.
        audit(11, ExitCodes.OK);

        // A release of it: each table as CSV and Parquet with as many rows as the table, and the dictionary.
        Path release = warehouse.resolveSibling(warehouse.getFileName() + "-release");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.execute(new String[]{"release", "--out", release.toString(), "--warehouse", warehouse.toString(),
                "--config", warehouse.resolveSibling(warehouse.getFileName() + "-k11.properties").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(ExitCodes.OK, code, out.toString(StandardCharsets.UTF_8));
        long rows = JobRunner.table(warehouse, "gold/victims_by_region_year").count();
        assertEquals(rows, TestSpark.session().read().parquet(release.resolve("victims_by_region_year/parquet").toString()).count());
        assertEquals(rows, TestSpark.session().read().option("header", "true")
                .csv(release.resolve("victims_by_region_year/csv").toString()).count());
        String dictionary = java.nio.file.Files.readString(release.resolve("DATA_DICTIONARY.md"));
        assertTrue(dictionary.contains("k = 11") && dictionary.contains("| gender_other_or_unknown | bigint |"), dictionary);
    }

    /** The sample's gold as Delta committed it: the columns, types and tests its contracts declare, read from the contract files. */
    @Test
    void sampleGoldMatchesItsContracts() throws Exception {
        com.fasterxml.jackson.databind.JsonNode spec = org.scamscope.config.Json.read(java.nio.file.Path.of("conf", "pipeline.json"));
        int tables = 0;
        for (com.fasterxml.jackson.databind.JsonNode t : spec.get("tables")) {
            String name = t.get("name").asText();
            if (!name.startsWith("gold/")) continue;
            tables++;
            com.fasterxml.jackson.databind.JsonNode contract = org.scamscope.config.Json.read(
                    java.nio.file.Path.of("conf").resolve(t.get("contract").asText()).resolve("table.json"));
            org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows = JobRunner.table(warehouse, name);
            java.util.List<String> declared = new java.util.ArrayList<>();
            contract.get("columns").forEach(c -> declared.add(c.get("name").asText() + " " + c.get("type").asText()));
            java.util.List<String> written = new java.util.ArrayList<>();
            for (var f : rows.schema().fields()) written.add(f.name() + " " + f.dataType().simpleString());
            assertEquals(declared, written, name + ": columns and types");
            java.util.List<String> key = new java.util.ArrayList<>();
            contract.get("key").forEach(k -> key.add(k.asText()));
            assertEquals(rows.count(), rows.select(key.stream().map(org.apache.spark.sql.functions::col)
                    .toArray(org.apache.spark.sql.Column[]::new)).distinct().count(), name + ": the key is unique");
            var tests = contract.get("tests");
            for (var c : tests.path("not_null")) {
                assertEquals(0, rows.filter(org.apache.spark.sql.functions.col(c.asText()).isNull()).count(), name + " " + c + " not null");
            }
            var accepted = tests.path("accepted_values").fields();
            while (accepted.hasNext()) {
                var e = accepted.next();
                java.util.Set<String> allowed = new java.util.HashSet<>();
                e.getValue().forEach(v -> allowed.add(v.asText()));
                for (var r : rows.select(e.getKey()).distinct().collectAsList()) {
                    if (!r.isNullAt(0)) assertTrue(allowed.contains(r.get(0).toString()), name + " " + e.getKey() + " = " + r.get(0));
                }
            }
            assertEquals(java.util.List.of(), org.scamscope.contract.GoldTests.failures(
                    org.scamscope.pipeline.Pipeline.shipped().gold(name.substring(5)).contract(), rows), name);
        }
        assertEquals(7, tables);
    }
}
