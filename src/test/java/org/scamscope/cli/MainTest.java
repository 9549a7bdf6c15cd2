package org.scamscope.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.JobRunner;
import org.scamscope.TestSpark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's exit codes and one-line messages. */
class MainTest {
    record Outcome(int code, String out, String err) {}

    @TempDir
    static Path tmp;

    @BeforeAll
    static void session() {
        TestSpark.session();
    }

    static Outcome main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A command whose error needs no data: it must come before a Spark session is asked for. */
    static Outcome beforeSpark(String... args) {
        int before = org.scamscope.spark.SparkSessions.requests();
        Outcome o = main(args);
        assertEquals(before, org.scamscope.spark.SparkSessions.requests(), "Spark was started before the error: " + o.err());
        return o;
    }

    @Test
    void unknownFlagIsAUsageError() {
        Outcome o = beforeSpark("run", "--bogus");
        assertEquals(2, o.code());
        assertEquals("scamscope: unknown flag --bogus; usage: scamscope run [--config FILE] [--input DIR] [--warehouse DIR] [--master URL] [--full] [--prune] [--json-summary FILE]",
                o.err().strip());
    }

    @Test
    void noCommandAndUnknownCommandAreUsageErrors() {
        assertEquals(2, main().code());
        Outcome o = main("frobnicate");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("scamscope: unknown command 'frobnicate'"), o.err());
    }

    @Test
    void missingInputFolderIsAUsageError() {
        Outcome o = beforeSpark("run", "--input", tmp.resolve("nowhere").toString(), "--warehouse", tmp.resolve("wh").toString());
        assertEquals(2, o.code());
        assertEquals("scamscope: input folder not found: " + tmp.resolve("nowhere"), o.err().strip());
        assertFalse(Files.exists(tmp.resolve("wh")), "nothing may be written");
    }

    @Test
    void aDatasetFolderGivenAsTheInputIsNamedAsSuchBeforeAnythingElseIsSaid() {
        Path victims = org.scamscope.SampleWarehouse.SAMPLE.resolve("victims");
        Outcome o = beforeSpark("run", "--input", victims.toString(), "--warehouse", tmp.resolve("wh-deep").toString());
        assertEquals(2, o.code());
        assertEquals("scamscope: input folder " + victims.toAbsolutePath() + " has none of the dataset folders "
                + "[victims, compounds, revenue_estimates, enforcement_actions]: it is the dataset folder victims/ itself; "
                + "give the folder that holds it, " + victims.toAbsolutePath().getParent(), o.err().strip());
        assertFalse(o.out().contains("left as it was"), o.out());
        assertFalse(Files.exists(tmp.resolve("wh-deep")), "nothing may be written");
    }

    @Test
    void missingConfigurationIsAUsageError() {
        Outcome o = beforeSpark("run", "--config", tmp.resolve("none.properties").toString());
        assertEquals(2, o.code());
        assertEquals("scamscope: configuration file not found: " + tmp.resolve("none.properties"), o.err().strip());
    }

    @Test
    void badThresholdValueIsAUsageError() throws IOException {
        Path conf = configWith("quarantine.max_share=lots");
        Outcome o = beforeSpark("run", "--config", conf.toString(), "--input", JobRunner.FIXTURES.resolve("basic").toString(),
                "--warehouse", tmp.resolve("wh-threshold").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("setting 'quarantine.max_share' must be a share between 0 and 1, got 'lots'"), o.err());
        assertFalse(Files.exists(tmp.resolve("wh-threshold")), "nothing may be written");
    }

    @Test
    void versionAndHelp() {
        Outcome v = main("--version");
        assertEquals(0, v.code());
        assertEquals("scamscope 0.1.0", v.out().strip());
        Outcome h = main("run", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("--warehouse <DIR>") && h.out().contains("Exit codes: 0 ok"), h.out());
    }

    @Test
    void identifyingColumnsWithoutAKeyStopTheRunBeforeAnythingIsWritten() throws IOException {
        Path conf = configWith("pseudonym.key.env=SCAMSCOPE_KEY_THAT_IS_NOT_SET");
        Outcome o = beforeSpark("run", "--config", conf.toString(), "--input", JobRunner.FIXTURES.resolve("basic").toString(),
                "--warehouse", tmp.resolve("wh-nokey").toString());
        assertEquals(2, o.code());
        assertEquals("scamscope: victims/partner_a.csv carries identifying columns (name, passport number or phone) but "
                + "SCAMSCOPE_KEY_THAT_IS_NOT_SET is not set: export it with a secret of 16 or more characters (README, 'Pseudonymisation key')",
                o.err().strip());
        assertFalse(Files.exists(tmp.resolve("wh-nokey")), "nothing may be written");
    }

    @Test
    void overThresholdWritesTheQuarantineButNoSilverAndExits3() throws IOException {
        Path wh = tmp.resolve("wh-over");
        Path json = tmp.resolve("summaries/over.json");
        Outcome o = main("run", "--input", JobRunner.FIXTURES.resolve("basic").toString(), "--warehouse", wh.toString(),
                "--json-summary", json.toString());
        assertEquals(3, o.code(), o.err());
        assertTrue(o.err().startsWith("scamscope: quarantined share over threshold, silver not written: victims 63.6% (7 of 11 rows) > 10.0%"), o.err());
        assertEquals(13, TestSpark.session().read().format("delta").load(wh.resolve("quarantine/rejected_rows").toString()).count());
        assertFalse(Files.exists(wh.resolve("silver")), "silver must not be written");
        assertTrue(o.out().contains("victims                     2         11         4            7"), o.out());
        // The run is logged in ops/runs and in the JSON summary, with its outcome and error.
        assertEquals(List.of("failed|3|true"), JobRunner.rows(TestSpark.session().read().format("delta")
                .load(wh.resolve("ops/runs").toString()), "outcome", "exit_code", "error LIKE 'quarantined share over threshold%'"));
        com.fasterxml.jackson.databind.JsonNode j = org.scamscope.config.Json.mapper().readTree(json.toFile());
        assertEquals("failed", j.get("outcome").asText());
        assertEquals(3, j.get("exit_code").asInt());
        assertEquals(11, j.get("datasets").get(0).get("rows_read").asInt());
        assertEquals(7, j.get("datasets").get(0).get("rows_quarantined").asInt());
        assertEquals(13, j.get("tables").get("quarantine/rejected_rows").get("rows").asInt());
    }

    /** The project's configuration with one more line, its relative paths made absolute. */
    private static Path configWith(String line) throws IOException {
        Path conf = Path.of("conf").toAbsolutePath();
        String text = Files.readString(conf.resolve("scamscope.properties"))
                .replace("reference=../data/reference", "reference=" + conf.resolveSibling("data").resolve("reference"))
                .replace("pipeline=pipeline.json", "pipeline=" + conf.resolve("pipeline.json"));
        Path file = Files.createTempFile(tmp, "scamscope", ".properties");
        Files.writeString(file, text + "\n" + line + "\n");
        return file;
    }
}
