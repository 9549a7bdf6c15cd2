package org.scamscope.notebooks;

import org.scamscope.SampleUpdateWarehouse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scamscope.TestSpark;
import org.scamscope.cluster.Processes;
import org.scamscope.cluster.SparkDistribution;
import org.scamscope.ops.ServerFile;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notebooks of notebooks/, executed headless as CI runs them: the job on the sample data, then again
 * with a partner's new file (so the gold tables have a second version to compare; the warehouse of
 * SampleUpdateWarehouse, which the unit tests' JVM made for this build), `bin/scamscope serve` on
 * that warehouse, the kernel spec of `bin/notebooks kernel`, and `jupyter nbconvert --execute` of every
 * notebook. A cell that fails, a chart missing from the outputs, or a history that does not match the
 * tables fails the test. Outputs: target/notebooks-it (executed notebooks in executed/, logs beside them).
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class NotebooksIT {
    static final Path DIR = SparkDistribution.TARGET.resolve("notebooks-it");
    static final Path WAREHOUSE = DIR.resolve("warehouse");
    static final Path JUPYTER = DIR.resolve("jupyter");
    static final Path EXECUTED = DIR.resolve("executed");
    /** The charts each notebook draws, by the id its helper gives them (image/png outputs), in order. */
    static final Map<String, List<String>> CHARTS = new LinkedHashMap<>();

    static {
        CHARTS.put("01-regional-overview", List.of("victims-per-year", "victims-by-type", "gender", "corridors-by-year",
                "revenue-world", "revenue-region_group", "revenue-country",
                "victim-losses-world", "victim-losses-region_group", "victim-losses-country",
                "compound-map", "compounds-per-year", "enforcement-incidents", "enforcement-persons", "workforce-vs-registered"));
        CHARTS.put("02-data-quality", List.of("rejected-by-rule", "rows-per-run"));
        CHARTS.put("03-history", List.of("difference-by-country", "largest-changes"));
    }

    static final String GAP_FOOTNOTE = "gap = suppressed (< k); 0 = no records";
    /** The overview run again, up to its first chart, for one country and four years: what the parameter cell is for. */
    static final String CAMBODIA = "countries = List.of(\"KHM\"); fromYear = 2021; toYear = 2024;";
    static JsonNode cambodia;

    static final List<ProcessHandle> started = new ArrayList<>();
    static Process server;
    static int port;
    static final Map<String, JsonNode> executed = new LinkedHashMap<>();
    static List<String> probed = List.of();

    @BeforeAll
    static void runTheJobServeAndExecuteEveryNotebook() throws Exception {
        SparkDistribution.assertLauncherNeedsNoBuild();
        SparkDistribution.deleteTree(DIR);
        // Two runs of the job, the sample's and a partner's new file after it, as this build made them once.
        SampleUpdateWarehouse.SHARED.copy(WAREHOUSE);

        Process kernel = start(List.of(SparkDistribution.ROOT.resolve("bin/notebooks").toString(), "kernel"), "kernel");
        assertEquals(0, Processes.await(kernel, Duration.ofMinutes(10), DIR.resolve("kernel")),
                Processes.tail(Processes.err(DIR.resolve("kernel")), 40));

        port = freePort();
        server = start(List.of(SparkDistribution.ROOT.resolve("bin/scamscope").toString(), "serve",
                "--warehouse", WAREHOUSE.toString(), "--port", Integer.toString(port)), "serve");
        boolean up = Processes.until(() -> !server.isAlive() || Files.exists(ServerFile.path(WAREHOUSE)), Duration.ofMinutes(5));
        assertTrue(up && server.isAlive(), "the server did not start:\n" + Processes.tail(Processes.err(DIR.resolve("serve")), 40));

        Files.createDirectories(EXECUTED);
        // Every notebook at once, and the overview for Cambodia beside them: each kernel spends most of its
        // time starting and waiting on the server, so together they keep both cores busy, where one after
        // the other left a quarter of the machine idle.
        Process cambodiaRun = nbconvert("01-regional-overview", CAMBODIA, 1, EXECUTED.resolve("cambodia"));
        Map<String, Process> runs = new LinkedHashMap<>();
        for (String name : CHARTS.keySet()) runs.put(name, nbconvert(name, "", 0, EXECUTED));
        for (var run : runs.entrySet()) executed.put(run.getKey(), await(run.getValue(), run.getKey(), EXECUTED));
        cambodia = await(cambodiaRun, "01-regional-overview", EXECUTED.resolve("cambodia"));
        probed = probe();
    }

    /**
     * nbconvert executing a notebook through notebooks/parameters.py, which appends statements to its
     * cell tagged `parameters`: here always the export folder (under target, not notebooks/), and more;
     * and stops after the given number of charts (0: runs every cell).
     */
    static Process nbconvert(String name, String parameters, int charts, Path outputDir) throws IOException {
        Files.createDirectories(outputDir);
        String exports = "exportFolder = \"" + outputDir.resolve("exports").resolve(name) + "\"; " + parameters;
        return start(List.of("jupyter", "nbconvert", "--to", "notebook",
                "--NotebookExporter.preprocessors=[\"parameters.ExecuteWithParameters\"]",
                "--ExecuteWithParameters.parameters=" + exports, "--ExecuteWithParameters.charts=" + charts,
                "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.startup_timeout=300",
                "--output-dir", outputDir.toString(), SparkDistribution.ROOT.resolve("notebooks/" + name + ".ipynb").toString()),
                DIR.resolve("nbconvert-" + name + (outputDir.equals(EXECUTED) ? "" : "-" + outputDir.getFileName())));
    }

    static JsonNode await(Process p, String name, Path outputDir) throws Exception {
        Path log = DIR.resolve("nbconvert-" + name + (outputDir.equals(EXECUTED) ? "" : "-" + outputDir.getFileName()));
        int code = Processes.await(p, Duration.ofMinutes(15), log);
        assertEquals(0, code, name + ": nbconvert failed\n" + Processes.tail(Processes.err(log), 60));
        return new ObjectMapper().readTree(outputDir.resolve(name + ".ipynb").toFile());
    }

    /** Every process started here, children first, also when a step above failed. */
    @AfterAll
    static void stopEverything() {
        for (ProcessHandle h : started) {
            if (h.isAlive()) Processes.kill(h);
        }
    }

    @Test
    void everyCodeCellRanWithoutAnError() {
        for (var e : executed.entrySet()) {
            for (JsonNode cell : e.getValue().get("cells")) {
                if (!cell.get("cell_type").asText().equals("code")) continue;
                assertFalse(cell.get("execution_count").isNull(), e.getKey() + ": a cell did not run: " + cell.get("source"));
                for (JsonNode out : cell.get("outputs")) {
                    assertFalse(out.get("output_type").asText().equals("error"),
                            e.getKey() + ": " + out.path("ename").asText() + ": " + out.path("evalue").asText());
                }
            }
        }
        assertEquals(CHARTS.keySet(), executed.keySet());
    }

    @Test
    void everyNotebookDrawsItsChartsAndSavesThem() throws IOException {
        for (var e : CHARTS.entrySet()) {
            List<String> ids = new ArrayList<>();
            for (JsonNode out : displayed(executed.get(e.getKey()), "image/png")) {
                String id = out.path("metadata").path("scamscope").path("id").asText();
                ids.add(id);
                byte[] bytes = java.util.Base64.getMimeDecoder().decode(out.path("data").path("image/png").asText());
                assertTrue(bytes.length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', e.getKey() + ": not a PNG");
                // The helper saved the same image where the parameter cell said.
                Path saved = EXECUTED.resolve("exports").resolve(e.getKey()).resolve(id + ".png");
                assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(saved)), e.getKey() + ": " + saved + " is not the chart shown");
            }
            assertEquals(e.getValue(), ids, e.getKey() + ": charts");
        }
    }

    /**
     * Every chart says, beside the image (its text/plain alt text and its output metadata), its unit, the
     * tables it read at the versions the last run left (the latest for a table the run does not record),
     * that run, and its footnote; a chart of persons registered says what a gap and a 0 mean.
     */
    @Test
    void everyChartCarriesItsUnitSourceRunAndFootnote() throws IOException {
        Row run = TestSpark.session().read().format("delta").load(WAREHOUSE.resolve("ops/runs").toString())
                .where("outcome = 'ok'").orderBy(org.apache.spark.sql.functions.desc("run_id")).first();
        String lastRun = run.getAs("run_id");
        JsonNode versions = new ObjectMapper().readTree((String) run.getAs("summary_json")).path("table_versions");
        for (var e : executed.entrySet()) {
            for (JsonNode out : displayed(e.getValue(), "image/png")) {
                JsonNode meta = out.path("metadata").path("scamscope");
                String id = e.getKey() + "/" + meta.path("id").asText();
                String alt = joined(out.path("data").path("text/plain"));
                assertFalse(meta.path("unit").asText().isBlank(), id);
                assertFalse(meta.path("footnote").asText().isBlank(), id);
                assertTrue(meta.path("run").asText().startsWith(lastRun), id + ": " + meta.path("run"));
                assertTrue(meta.path("sources").size() > 0, id);
                for (JsonNode source : meta.path("sources")) {
                    assertTrue(source.asText().matches("(gold|silver|quarantine|ops)/[a-z_]+ v[0-9]+"), id + ": " + source);
                    String table = source.asText().substring(0, source.asText().indexOf(' '));
                    long version = versions.has(table) ? versions.get(table).asLong() : latestVersion(table);
                    assertEquals(table + " v" + version, source.asText(), id);
                    assertTrue(alt.contains(source.asText()), id + ": alt text without " + source + ": " + alt);
                }
                assertTrue(alt.contains("unit: " + meta.path("unit").asText()) && alt.contains(meta.path("footnote").asText())
                        && alt.contains("run " + lastRun), id + ": " + alt);
                if (meta.path("unit").asText().startsWith("persons registered")) {
                    assertTrue(meta.path("footnote").asText().startsWith(GAP_FOOTNOTE), id + ": " + meta.path("footnote"));
                }
            }
        }
    }

    /** Every HTML table has rows, and the CSV the helper saved beside it has them too. */
    @Test
    void noHtmlTableIsEmpty() throws IOException {
        int tables = 0;
        for (var e : executed.entrySet()) {
            for (JsonNode out : displayed(e.getValue(), "text/html")) {
                String html = joined(out.path("data").path("text/html"));
                String id = out.path("metadata").path("scamscope").path("id").asText();
                String body = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
                assertTrue(body.contains("<tr>"), e.getKey() + "/" + id + ": an empty table");
                int rows = out.path("metadata").path("scamscope").path("rows").asInt();
                assertTrue(rows > 0, e.getKey() + "/" + id);
                Path csv = EXECUTED.resolve("exports").resolve(e.getKey()).resolve(id + ".csv");
                assertTrue(Files.readAllLines(csv).size() > 1, csv + ": no rows");
                tables++;
            }
        }
        assertTrue(tables >= 10, "tables shown: " + tables);
    }

    /**
     * The parameter cell decides what the first chart shows: the overview for Cambodia 2021-2024 draws one
     * line, Cambodia's, with the counts of gold/victims_by_region_year read here (0 for a year without a
     * row, "suppressed" where suppressed), while the default run draws five countries over 2018-2025.
     */
    @Test
    void theParameterCellChangesTheFirstChart() {
        JsonNode first = displayed(cambodia, "image/png").get(0).path("metadata").path("scamscope");
        assertEquals("victims-per-year", first.path("id").asText());
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int year = 2021; year <= 2024; year++) expected.put(Integer.toString(year), 0L);
        for (Row r : TestSpark.session().read().format("delta").load(WAREHOUSE.resolve("gold/victims_by_region_year").toString())
                .where("region_level = 'country' AND region_code = 'KHM' AND victim_type = 'forced_scam_worker' AND year BETWEEN 2021 AND 2024")
                .select("year", "victims").collectAsList()) {
            expected.put(Integer.toString(((Number) r.get(0)).intValue()), r.isNullAt(1) ? "suppressed" : ((Number) r.get(1)).longValue());
        }
        Map<String, Object> drawn = new LinkedHashMap<>();
        first.path("values").path("Cambodia").fields().forEachRemaining(f -> drawn.put(f.getKey(), f.getValue().isNumber() ? f.getValue().asLong() : f.getValue().asText()));
        assertEquals(List.of("Cambodia"), fieldNames(first.path("values")));
        assertEquals(expected, drawn);
        assertTrue(expected.values().stream().anyMatch(v -> v instanceof Long n && n > 0), "Cambodia has published counts: " + expected);

        JsonNode byDefault = displayed(executed.get("01-regional-overview"), "image/png").get(0).path("metadata").path("scamscope");
        assertEquals(List.of("Cambodia", "Lao PDR", "Myanmar", "Philippines", "Thailand"), fieldNames(byDefault.path("values")));
        assertEquals(8, byDefault.path("values").path("Cambodia").size(), "2018-2025");
    }

    /** The table's latest version, read with Delta Kernel: not the route the notebook takes (DESCRIBE HISTORY). */
    static long latestVersion(String table) {
        return org.scamscope.delta.KernelTable.latestVersion(WAREHOUSE.resolve(table).toString()).orElseThrow();
    }

    /** A notebook's text field, which nbformat stores as one string or as a list of lines. */
    static String joined(JsonNode text) {
        if (!text.isArray()) return text.asText();
        StringBuilder s = new StringBuilder();
        text.forEach(line -> s.append(line.asText()));
        return s.toString();
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The notebook's display outputs that carry the MIME type, in cell order. */
    static List<JsonNode> displayed(JsonNode notebook, String mime) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode cell : notebook.get("cells")) {
            for (JsonNode out : cell.path("outputs")) {
                if (out.path("data").has(mime)) found.add(out);
            }
        }
        return found;
    }

    /** The notebooks as committed: every one is executed here, and none carries outputs. */
    @Test
    void theCommittedNotebooksAreAllTestedAndCarryNoOutputs() throws IOException {
        List<String> committed;
        try (Stream<Path> s = Files.list(SparkDistribution.ROOT.resolve("notebooks"))) {
            committed = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb"))
                    .map(n -> n.substring(0, n.length() - ".ipynb".length())).sorted().toList();
        }
        assertEquals(List.copyOf(CHARTS.keySet()), committed);
        for (String name : committed) {
            JsonNode nb = new ObjectMapper().readTree(SparkDistribution.ROOT.resolve("notebooks/" + name + ".ipynb").toFile());
            assertEquals("scamscope-java", nb.path("metadata").path("kernelspec").path("name").asText(), name);
            for (JsonNode cell : nb.get("cells")) {
                if (!cell.get("cell_type").asText().equals("code")) continue;
                assertEquals(0, cell.get("outputs").size(), name + ": committed with outputs");
                assertTrue(cell.get("execution_count").isNull(), name + ": committed with an execution count");
            }
        }
    }

    /** The history notebook compares the two runs' versions, and finds as many changed rows as a comparison made here. */
    @Test
    void theHistoryNotebookComparesTheSecondRunWithTheFirst() {
        String out = text(executed.get("03-history"));
        // Version 1 is the first run's (a new gold table is written, not merged into), version 2 the second's.
        assertTrue(out.contains("comparing version 1 (WRITE, ") && out.contains(") with version 2 (MERGE, "), out);
        long changed = changedRows("gold/victims_by_region_year", 1, 2,
                List.of("region_level", "region_code", "year", "victim_type"));
        assertTrue(changed > 0, "the new file changed the table");
        assertTrue(out.contains("time travel: " + changed + " changed rows"), "expected " + changed + " changed rows in:\n" + out);
        assertTrue(out.contains("Change Data Feed: " + changed + " changed rows in 1 version(s)"), out);
        assertTrue(out.contains("they agree row for row"), out);
    }

    @Test
    void theDataQualityNotebookFindsNoIdentifyingValueInClear() {
        String out = text(executed.get("02-data-quality"));
        assertTrue(out.contains("no identifying value in clear"), out);
        Dataset<Row> quarantine = TestSpark.session().read().format("delta").load(WAREHOUSE.resolve("quarantine/rejected_rows").toString());
        String counted = quarantine.count() + " rejected rows in " + quarantine.select("dataset").distinct().count() + " datasets";
        assertTrue(out.contains(counted), "expected '" + counted + "' in:\n" + out);
    }

    /**
     * README, "The Spark Connect server": a client reads any file the server's user can read (the
     * server gives file access with its own rights), and finds no pseudonymisation key in the server's
     * environment (serve refuses to start with one).
     */
    @Test
    void aClientReadsFilesWithTheServersRightsAndFindsNoKey() {
        assertTrue(probed.contains("file: read through the server"), probed.toString());
        assertTrue(probed.contains("key: null"), probed.toString());
        assertTrue(probed.contains("path: set"), "the probe reads the server's environment: " + probed);
    }

    /** What ConnectProbe prints, run while the server serves: a file outside the warehouse, and the key. */
    static List<String> probe() throws Exception {
        Path outside = DIR.resolve("outside-the-warehouse.txt");
        Files.writeString(outside, "read through the server\n");
        JsonNode spec = new ObjectMapper().readTree(JUPYTER.resolve("data/kernels/scamscope-java/kernel.json").toFile());
        List<String> cmd = new ArrayList<>();
        // The kernel's java, its options and the Connect client's classpath; not its main class.
        for (JsonNode a : spec.get("argv")) {
            if (a.asText().equals("org.scamscope.notebooks.ScamscopeKernel")) break;
            cmd.add(a.asText());
        }
        cmd.addAll(List.of(SparkDistribution.ROOT.resolve("src/test/resources/notebooks/ConnectProbe.java").toString(),
                "sc://127.0.0.1:" + port, outside.toString(), "SCAMSCOPE_PSEUDONYM_KEY"));
        Process probe = start(cmd, "probe");
        assertEquals(0, Processes.await(probe, Duration.ofMinutes(3), DIR.resolve("probe")), Processes.tail(Processes.err(DIR.resolve("probe")), 30));
        return Files.readAllLines(Processes.out(DIR.resolve("probe")));
    }

    /** serve --stop ends the server with SIGTERM, and the server removes its file as it ends. */
    @Test
    void serveStopEndsTheServer() throws Exception {
        Process stop = start(List.of(SparkDistribution.ROOT.resolve("bin/scamscope").toString(), "serve", "--stop",
                "--warehouse", WAREHOUSE.toString()), "serve-stop");
        assertEquals(0, Processes.await(stop, Duration.ofMinutes(3), DIR.resolve("serve-stop")),
                Processes.tail(Processes.err(DIR.resolve("serve-stop")), 20));
        assertTrue(Files.readString(Processes.out(DIR.resolve("serve-stop"))).startsWith("stopped the server of " + WAREHOUSE));
        assertTrue(server.waitFor(1, TimeUnit.MINUTES), "the server ended");
        assertEquals(143, server.exitValue(), "ended by SIGTERM");
        assertFalse(Files.exists(ServerFile.path(WAREHOUSE)));
        assertTrue(Files.readString(Processes.out(DIR.resolve("serve")))
                .startsWith("scamscope serve: Spark Connect at sc://127.0.0.1:" + port + " on the warehouse " + WAREHOUSE));
    }

    /** Rows of the table at version b that are not at version a, or changed (null-safe, every column), or gone. */
    static long changedRows(String table, long a, long b, List<String> key) {
        String path = WAREHOUSE.resolve(table).toString();
        Dataset<Row> before = TestSpark.session().read().format("delta").option("versionAsOf", a).load(path);
        Dataset<Row> after = TestSpark.session().read().format("delta").option("versionAsOf", b).load(path);
        Column on = null;
        for (String k : key) {
            Column c = col("x." + k).eqNullSafe(col("y." + k));
            on = on == null ? c : on.and(c);
        }
        Column same = col("x." + key.get(0)).isNotNull().and(col("y." + key.get(0)).isNotNull());
        for (String c : after.columns()) same = same.and(col("x." + c).eqNullSafe(col("y." + c)));
        return before.as("x").join(after.as("y"), on, "full_outer").where(org.apache.spark.sql.functions.not(same)).count();
    }

    /** A child process in the project root, its output in DIR/name.out and .err; remembered to be stopped. */
    static Process start(List<String> command, String name) throws IOException {
        return start(command, DIR.resolve(name));
    }

    static Process start(List<String> command, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(SparkDistribution.ROOT.toFile())
                .redirectOutput(Processes.out(log).toFile()).redirectError(Processes.err(log).toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.remove("SPARK_HOME");  // serve embedded, on the classpath the build resolved
        // serve refuses to start with the key in its environment, where a client's SQL could read it.
        if (command.contains("serve")) env.remove("SCAMSCOPE_PSEUDONYM_KEY");
        env.put("SCAMSCOPE_JAVA_OPTS", "-Xmx2g");
        // Every JVM started here (the server, the notebooks' Java kernels, the probe) lives a minute or two: the
        // optimising compiler cost more CPU than it saved (this class alone: 199 s and some 350 CPU s of its
        // JVMs with it, 160 s and 260 CPU s without). The flags change no result, only how code is compiled.
        // C1 alone reserves 48 MB for compiled code by default, which the server serving every notebook at
        // once filled in a minute (and the JVM then stops compiling): 256 MB, as the integration tests' own JVM.
        env.put("JDK_JAVA_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=256m");
        env.put("JUPYTER_DATA_DIR", JUPYTER.resolve("data").toString());
        env.put("JUPYTER_CONFIG_DIR", JUPYTER.resolve("config").toString());
        env.put("JUPYTER_RUNTIME_DIR", JUPYTER.resolve("runtime").toString());
        env.put("SCAMSCOPE_CONNECT", "sc://127.0.0.1:" + port);
        env.put("PYTHONPATH", SparkDistribution.ROOT.resolve("notebooks").toString());  // parameters.py, for nbconvert
        Process p = pb.start();
        started.add(p.toHandle());
        return p;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    /** All text a notebook printed (stdout and stderr streams), in cell order. */
    static String text(JsonNode notebook) {
        StringBuilder s = new StringBuilder();
        for (JsonNode cell : notebook.get("cells")) {
            for (JsonNode out : cell.path("outputs")) {
                if (out.path("output_type").asText().equals("stream")) s.append(joined(out.get("text")));
            }
        }
        return s.toString();
    }
}
