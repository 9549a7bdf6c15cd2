package org.scamscope.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scamscope.JobRunner;
import org.scamscope.TestSpark;
import org.scamscope.cli.Main;
import org.scamscope.config.JobConfig;
import org.scamscope.config.Json;
import org.scamscope.pipeline.DatasetResult;
import org.scamscope.pipeline.Job;
import org.scamscope.pipeline.SilverStage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks every case of src/test/resources/corpus against the outcome written beside it, at the
 * level the case lives at (its README says which): a case about rows on the validation stage
 * (Job.evaluate, nothing written); a case about exit codes, refused files or an earlier run's
 * warehouse through the command line. Either way every row read is in silver or in the quarantine
 * (at run level counted on the Delta tables), in the rows and under the rules written down; a run
 * that stops names the file (and row and column where there is one) and writes nothing.
 */
class CorpusTest {
    static final Path CORPUS = Path.of("src", "test", "resources", "corpus");
    /** Every case runs with these unless it says otherwise: bad rows let through, silver only. */
    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();
    /** Cases run two at a time: most of a run is the driver planning and committing on one thread. */
    static final int AT_ONCE = 2;

    static {
        DEFAULTS.putAll(JobRunner.lenient());
        DEFAULTS.put("gold.enabled", "false");
        // The shared test session's settings: the configuration's spark.* would otherwise be applied to it.
        DEFAULTS.put("spark.sql.shuffle.partitions", "2");
        DEFAULTS.put("spark.databricks.delta.snapshotPartitions", "2");
    }

    @TempDir
    static Path scratch;
    /** What each case's check ended in: null when it held, else the failure, reported by its test. */
    static final Map<String, Optional<Throwable>> outcomes = new ConcurrentHashMap<>();
    static final Map<String, Long> millis = new ConcurrentSkipListMap<>();
    static final AtomicLong rowsRead = new AtomicLong();
    static final AtomicLong rowsLost = new AtomicLong();
    /** The runs' own timings (their JSON summaries), summed by phase: where the corpus's time goes. */
    static final Map<String, Long> phases = new ConcurrentSkipListMap<>();

    record Outcome(int code, String out, String err) {}

    static Stream<CorpusCase> cases() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            List<CorpusCase> out = s.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted()
                    .map(CorpusCase::load).toList();
            // -Dcorpus.only=a,b runs those cases alone, while working on them.
            String only = System.getProperty("corpus.only", "");
            if (only.isBlank()) {
                if (out.size() < 40) throw new IllegalStateException("the corpus has " + out.size() + " cases, fewer than 40");
                return out.stream();
            }
            List<String> names = List.of(only.split(","));
            return out.stream().filter(c -> names.contains(c.name()));
        }
    }

    /** Runs and checks every case, AT_ONCE at a time; each case's test then reports its outcome. */
    @BeforeAll
    static void runCorpus() throws Exception {
        TestSpark.session();
        long started = System.nanoTime();
        long startedCpu = cpuNanos();
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            for (CorpusCase c : cases().toList()) {
                pool.submit(() -> {
                    long start = System.nanoTime();
                    try {
                        check(c);
                        outcomes.put(c.name(), Optional.empty());
                    } catch (Throwable t) {
                        outcomes.put(c.name(), Optional.of(t));
                    }
                    millis.put(c.name(), (System.nanoTime() - start) / 1_000_000);
                });
            }
        } finally {
            pool.shutdown();
        }
        if (!pool.awaitTermination(2, TimeUnit.HOURS)) throw new IllegalStateException("the corpus did not finish in two hours");
        System.out.printf("corpus: %d cases in %.1f s, %d at a time, %.1f s of CPU; rows read %d, rows lost %d%n", millis.size(),
                (System.nanoTime() - started) / 1e9, AT_ONCE, (cpuNanos() - startedCpu) / 1e9, rowsRead.get(), rowsLost.get());
        millis.forEach((name, ms) -> System.out.printf("    %-44s %6.1f s%n", name, ms / 1000.0));
        System.out.println("time in the runs by phase, summed over the cases:");
        phases.forEach((phase, ms) -> System.out.printf("    %-44s %6.1f s%n", phase, ms / 1000.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outcomeIsTheExpectedOne(CorpusCase c) throws Throwable {
        Optional<Throwable> failure = outcomes.get(c.name());
        assertTrue(failure != null, c.name() + " was not run");
        if (failure.isPresent()) throw failure.get();
    }

    /** The corpus README lists every case with the level it is checked at, and no case that is gone. */
    @org.junit.jupiter.api.Test
    void theReadmeListsEveryCaseWithItsLevel() throws IOException {
        Map<String, String> listed = new java.util.TreeMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\| `([a-z0-9_]+)` \\| (stage|run) \\|")
                .matcher(Files.readString(CORPUS.resolve("README.md")));
        while (m.find()) listed.put(m.group(1), m.group(2));
        Map<String, String> cases = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.list(CORPUS)) {
            s.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).map(CorpusCase::load).forEach(c -> cases.put(c.name(), c.level()));
        }
        assertEquals(cases, listed);
    }

    private static void check(CorpusCase c) throws IOException {
        Path dir = Files.createDirectories(scratch.resolve(c.name()));
        CaseSetup.Paths p = CaseSetup.prepare(c, dir);
        Path json = dir.resolve("summary.json");
        String config = config(c, p.overrides(), dir).toString();
        if (c.level().equals(CorpusCase.STAGE)) {
            atStage(c, Path.of(config), p.input());
            return;
        }
        if (p.earlier() != null) {
            Outcome first = main("run", "--config", config, "--input", p.earlier().toString(), "--warehouse", p.warehouse().toString());
            assertEquals(0, first.code(), "the earlier run: " + first.err());
        }
        Outcome o = main("run", "--config", config, "--input", p.input().toString(),
                "--warehouse", p.warehouse().toString(), "--json-summary", json.toString());
        assertEquals(c.exitCode(), o.code(), c.description() + "\n" + o.err() + o.out());
        if (Files.exists(json)) {
            Json.mapper().readTree(json.toFile()).path("timings_ms").fields()
                    .forEachRemaining(e -> phases.merge(e.getKey().replaceAll(" (victims|compounds|revenue_estimates|enforcement_actions)$", ""),
                            e.getValue().asLong(), Long::sum));
        }
        if (c.exitCode() == 0) {
            succeeded(c, p.warehouse(), Json.mapper().readTree(json.toFile()));
        } else {
            stopped(c, p.warehouse(), o.err());
        }
    }

    private static void succeeded(CorpusCase c, Path warehouse, JsonNode summary) {
        Map<String, Long> read = new LinkedHashMap<>();
        summary.get("datasets").forEach(d -> read.put(d.get("dataset").asText(), d.get("rows_read").asLong()));
        Dataset<Row> quarantine = Files.isDirectory(warehouse.resolve("quarantine/rejected_rows/_delta_log"))
                ? JobRunner.table(warehouse, "quarantine/rejected_rows") : null;
        Map<String, Dataset<Row>> silver = new LinkedHashMap<>();
        for (String dataset : read.keySet()) silver.put(dataset, JobRunner.table(warehouse, "silver/" + dataset));
        // Row accounting from what Delta committed: every row this run read is in exactly one place.
        rowsHold(c, read, quarantine, silver, summary.get("run_id").asText());
    }

    /**
     * A case about rows, checked on the validation stage (Job.evaluate) with nothing written: the
     * rows a full run would put in silver and in the quarantine, held to the same expectations as
     * a run's tables. The case's input is in a scratch folder, and its warehouse is never made.
     */
    private static void atStage(CorpusCase c, Path config, Path input) {
        Path nowhere = config.resolveSibling("no-warehouse");
        JobConfig conf = JobConfig.load(config, Map.of("input", input.toString(), "warehouse", nowhere.toString()));
        Job job = new Job(TestSpark.session(), conf);
        List<DatasetResult> results = job.evaluate();
        try {
            Timestamp now = Timestamp.from(java.time.Instant.now());
            Map<String, Long> read = new LinkedHashMap<>();
            Dataset<Row> quarantine = null;
            Map<String, Dataset<Row>> silver = new LinkedHashMap<>();
            // Each evaluated once, then held as local rows: the checks below ask a dozen questions of them.
            for (DatasetResult d : results) {
                read.put(d.table().name(), d.read());
                Dataset<Row> q = SilverStage.quarantineRows(d, job.runId(), now);
                quarantine = quarantine == null ? q : quarantine.unionByName(q);
                silver.put(d.table().name(), org.scamscope.spark.DriverRows.held(SilverStage.silverRows(d, job.runId(), now)));
            }
            if (quarantine != null) quarantine = org.scamscope.spark.DriverRows.held(quarantine);
            rowsHold(c, read, quarantine, silver, job.runId());
            assertFalse(Files.exists(nowhere), "the validation stage made a warehouse");
        } finally {
            results.forEach(DatasetResult::release);
        }
    }

    /**
     * The expectations of a case that succeeds, on the rows read per dataset, the quarantine's rows
     * (null: none) and silver's by dataset, as a run wrote them or the validation stage would:
     * which rows are where and under which rule, what the messages say, the values the case is
     * about, and that every row the run (runId) read is in silver or in the quarantine, once.
     */
    private static void rowsHold(CorpusCase c, Map<String, Long> read, Dataset<Row> quarantine, Map<String, Dataset<Row>> silver,
                                 String runId) {
        assertEquals(c.read(), read, "rows read per dataset");
        List<String> quarantined = quarantine == null ? List.of() : JobRunner.rows(quarantine, "source_file", "source_row", "rule");
        assertEquals(sorted(c.quarantine()), quarantined, "quarantine rows (file|row|rule)");
        String thisRun = "run_id = '" + runId + "'";
        for (Map.Entry<String, Long> d : c.read().entrySet()) {
            String dataset = d.getKey();
            Dataset<Row> table = silver.get(dataset);
            assertEquals(sorted(c.silver().get(dataset)), JobRunner.rows(table, "source_file", "source_row"), "silver rows of " + dataset + " (file|row)");
            long inSilver = table.where(thisRun).count();
            long inQuarantine = quarantine == null ? 0 : quarantine.where("dataset = '" + dataset + "' AND " + thisRun).count();
            rowsRead.addAndGet(d.getValue());
            rowsLost.addAndGet(d.getValue() - inSilver - inQuarantine);
            assertEquals(d.getValue(), inSilver + inQuarantine, dataset + ": rows read = silver rows + quarantined rows of the run");
        }
        c.messages().forEach((at, fragments) -> {
            String[] fileRow = at.split("\\|");
            List<String> m = quarantine == null ? List.of() : JobRunner.rows(quarantine.filter(quarantine.col("source_file").equalTo(fileRow[0])
                    .and(quarantine.col("source_row").equalTo(Long.parseLong(fileRow[1])))), "message");
            assertEquals(1, m.size(), "one quarantine row at " + at);
            for (String f : fragments) assertTrue(m.get(0).contains(f), "message at " + at + " lacks '" + f + "': " + m.get(0));
        });
        for (CorpusCase.ValueCheck v : c.values()) {
            Dataset<Row> t = v.table().startsWith("silver/") ? silver.get(v.table().substring("silver/".length())) : null;
            assertTrue(t != null, v.table() + " is not a silver table the case reads");
            assertEquals(sorted(v.rows()), JobRunner.rows(t.where(v.where()), v.columns().split(",\\s*")), v.table() + " where " + v.where());
        }
    }

    private static void stopped(CorpusCase c, Path warehouse, String err) {
        String line = err.lines().findFirst().orElse("");
        assertTrue(line.startsWith("scamscope: ") && !line.contains("unexpected error"), err);
        for (String f : c.error()) assertTrue(line.contains(f), "the error lacks '" + f + "': " + line);
        if (c.written().equals("nothing")) {
            assertEquals(List.of(), deltaTables(warehouse), "nothing may be written");
        } else {
            assertEquals(List.of("quarantine/rejected_rows"), deltaTables(warehouse).stream().filter(t -> !t.startsWith("ops/")).toList(),
                    "the quarantine only");
            assertEquals(sorted(c.quarantine()), quarantine(warehouse, "true"), "quarantine rows (file|row|rule)");
        }
    }

    /** The Delta tables under the warehouse, as paths relative to it. */
    private static List<String> deltaTables(Path warehouse) {
        if (!Files.exists(warehouse)) return List.of();
        try (Stream<Path> s = Files.walk(warehouse)) {
            return s.filter(p -> p.getFileName().toString().equals("_delta_log"))
                    .map(p -> warehouse.relativize(p.getParent()).toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> quarantine(Path warehouse, String where) {
        if (!Files.isDirectory(warehouse.resolve("quarantine/rejected_rows/_delta_log"))) return List.of();
        return JobRunner.rows(JobRunner.table(warehouse, "quarantine/rejected_rows").where(where), "source_file", "source_row", "rule");
    }

    private static List<String> sorted(List<String> l) {
        List<String> out = new ArrayList<>(l);
        out.sort(null);
        return out;
    }

    /** The project's configuration, its paths made absolute, with the corpus defaults and the case's overrides. */
    private static Path config(CorpusCase c, Map<String, String> setup, Path dir) throws IOException {
        Path conf = Path.of("conf").toAbsolutePath();
        StringBuilder text = new StringBuilder(Files.readString(conf.resolve("scamscope.properties"))
                .replace("reference=../data/reference", "reference=" + conf.resolveSibling("data").resolve("reference"))
                .replace("pipeline=pipeline.json", "pipeline=" + conf.resolve("pipeline.json")));
        Map<String, String> settings = new LinkedHashMap<>(DEFAULTS);
        settings.putAll(c.overrides());
        settings.putAll(setup);
        text.append('\n');
        settings.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path file = dir.resolve("scamscope.properties");
        Files.writeString(file, text);
        return file;
    }

    /** CPU time of the test JVM, all threads: what the corpus costs, whatever else runs on the machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static Outcome main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
