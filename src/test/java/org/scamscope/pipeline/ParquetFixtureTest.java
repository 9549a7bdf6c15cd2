package org.scamscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.JobRunner;
import org.scamscope.TestSpark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scamscope.pipeline.BasicFixtureExpectations.*;

/**
 * The basic fixture's records written as Parquet, some columns typed (integers, doubles, dates,
 * arrays) as a partner's Parquet export would have them: the silver rows and quarantine entries
 * must be the hand-computed ones of the CSV run.
 */
class ParquetFixtureTest {
    @TempDir
    static Path input;
    @TempDir
    static Path warehouse;
    @TempDir
    static Path scratch;
    static RunSummary summary;

    @BeforeAll
    static void run() throws IOException {
        Map<String, Map<String, String>> types = Map.of(
                "victims", Map.of("age", "int", "loss_amount", "double"),
                "compounds", Map.of("latitude", "double", "longitude", "double", "estimated_workers_low", "int",
                        "estimated_workers_high", "int", "first_reported", "date"),
                "revenue_estimates", Map.of("reference_year", "int", "value_low", "decimal(20,2)"),
                "enforcement_actions", Map.of("persons_detained", "int", "persons_deported", "int", "action_date", "date"));
        Path fixture = JobRunner.FIXTURES.resolve("basic");
        try (Stream<Path> s = Files.walk(fixture)) {
            for (Path csv : s.filter(p -> p.toString().endsWith(".csv")).toList()) {
                String dataset = csv.getParent().getFileName().toString();
                toParquet(csv, types.get(dataset), dataset.equals("victims"),
                        input.resolve(fixture.relativize(csv).toString().replace(".csv", ".parquet")));
            }
        }
        // What this test compares is silver and the quarantine; gold is built from silver alone.
        Map<String, String> settings = new java.util.HashMap<>(JobRunner.lenient());
        settings.put("gold.enabled", "false");
        summary = JobRunner.run(input, warehouse, settings);
    }

    private static void toParquet(Path csv, Map<String, String> types, boolean listColumn, Path target) throws IOException {
        SparkSession spark = TestSpark.session();
        Dataset<Row> df = spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"").csv(csv.toString());
        for (Map.Entry<String, String> t : types.entrySet()) df = df.withColumn(t.getKey(), col(t.getKey()).try_cast(t.getValue()));
        if (listColumn) df = df.withColumn("means_of_control", split(col("means_of_control"), ";"));
        Path out = scratch.resolve(target.getFileName().toString());
        df.coalesce(1).write().parquet(out.toString());
        Files.createDirectories(target.getParent());
        try (Stream<Path> parts = Files.list(out)) {
            Files.move(parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow(), target);
        }
    }

    private static String[] asCsv(String[] columns) {
        return Arrays.stream(columns)
                .map(c -> c.equals("source_file") ? "regexp_replace(source_file, '[.]parquet$', '.csv')" : c)
                .toArray(String[]::new);
    }

    @Test
    void silverRowsEqualTheCsvRun() {
        assertEquals(VICTIMS, JobRunner.rows(JobRunner.table(warehouse, "silver/victims"), asCsv(VICTIM_COLUMNS)));
        assertEquals(COMPOUNDS, JobRunner.rows(JobRunner.table(warehouse, "silver/compounds"), COMPOUND_COLUMNS));
        assertEquals(ESTIMATES, JobRunner.rows(JobRunner.table(warehouse, "silver/revenue_estimates"), ESTIMATE_COLUMNS));
        assertEquals(ACTIONS, JobRunner.rows(JobRunner.table(warehouse, "silver/enforcement_actions"), ACTION_COLUMNS));
    }

    @Test
    void quarantineEntriesEqualTheCsvRun() {
        assertEquals(QUARANTINE, JobRunner.rows(JobRunner.table(warehouse, "quarantine/rejected_rows"), asCsv(QUARANTINE_COLUMNS)));
    }

    @Test
    void inputReallyWasParquet() {
        assertEquals(5, summary.datasets.stream().mapToLong(d -> d.files().stream().filter(f -> f.format().equals("parquet")).count()).sum());
    }
}
