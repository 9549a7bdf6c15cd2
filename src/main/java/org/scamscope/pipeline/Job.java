package org.scamscope.pipeline;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scamscope.ExitCodes;
import org.scamscope.config.JobConfig;
import org.scamscope.delta.KernelTable;
import org.scamscope.reference.ReferenceData;
import org.scamscope.source.InputFolder;
import org.scamscope.source.SourceReader;
import org.scamscope.spark.SessionSettings;
import org.scamscope.storage.Location;
import org.scamscope.table.PersonKey;
import org.scamscope.table.SilverTable;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One run, in the order of its flow: settings, plan (new, changed and removed files), read and
 * validate, quarantine, silver (with its gates and the row accounting), the ledger, gold. Nothing
 * is written before every setting, contract and input file has been checked.
 */
public final class Job {
    private static final Logger LOG = LogManager.getLogger(Job.class);

    /**
     * Spark's and Delta's settings for a small input: compiling code for each plan (whole-stage and
     * expression code generation) and re-planning each stage (adaptive execution) cost more than
     * running the plans on a few thousand rows (the sample: 90 s against 129 s, its tables the same).
     * Without adaptive execution nothing merges small shuffle partitions, so a shuffle gets one a
     * core (see {@link #smallInputSettings}). Delta rebuilds a table's few log files in one task, and
     * keeps no file list in its checksum files: on a table just created that list costs a planned
     * query and Spark jobs per commit, and no read of the sample ran fewer jobs for it (19 jobs fewer
     * without it, none more; bench/results/2026-12-06-1516.md).
     */
    static final Map<String, String> SMALL_INPUT = Map.of("spark.sql.codegen.wholeStage", "false",
            "spark.sql.codegen.factoryMode", "NO_CODEGEN", "spark.sql.adaptive.enabled", "false",
            "spark.databricks.delta.snapshotPartitions", "1", "spark.databricks.delta.allFilesInCrc.enabled", "false");

    /** SMALL_INPUT, and as many shuffle partitions as the session has cores. */
    static Map<String, String> smallInputSettings(SparkSession spark) {
        Map<String, String> out = new java.util.HashMap<>(SMALL_INPUT);
        out.put("spark.sql.shuffle.partitions", Integer.toString(spark.sparkContext().defaultParallelism()));
        return out;
    }

    private final Supplier<SparkSession> sparkSource;
    private SparkSession spark;
    /** SMALL_INPUT's settings while this run has them set on the session, to put back at its end. */
    private SessionSettings smallSettings;
    /** Set for a small input: the summary's note on SMALL_INPUT, added when Spark starts. */
    private String smallInputNote;
    /** SMALL_INPUT holds for the files taken only, not the folder: gold, which reads all of silver, goes without it. */
    private boolean smallUntilGold;
    private final JobConfig config;
    private final Pipeline pipeline;
    private final Warehouse warehouse;
    private final String runId;
    private final RunSummary summary;

    public Job(SparkSession spark, JobConfig config) {
        this(() -> spark, config);
    }

    /** A job that starts Spark only when it has something to read or write: a run with nothing new does not. */
    public Job(Supplier<SparkSession> spark, JobConfig config) {
        this.sparkSource = spark;
        this.config = config;
        this.pipeline = Pipeline.load(config);
        this.warehouse = new Warehouse(config.warehouse());
        this.runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.summary = new RunSummary(runId);
    }

    public String runId() {
        return runId;
    }

    /** What the run has done so far: complete after run() returns, partial when it failed. */
    public RunSummary summary() {
        return summary;
    }

    /** @param full take every input file again and rebuild silver, instead of only new and changed files
     *  @param prune remove the rows of files that are no longer in the input */
    public record Options(boolean full, boolean prune) {
        public static final Options INCREMENTAL = new Options(false, false);
    }

    public RunSummary run() {
        return run(Options.INCREMENTAL);
    }

    /**
     * Up to the plan nothing needs Spark (the ledger and the silver versions are read with Delta
     * Kernel), so a run with nothing new ends in the time the JVM takes to start and list the input.
     */
    public RunSummary run(Options options) {
        InputFolder input = new InputFolder(config.input());
        checkInput(input.root());
        RunSettings settings = RunSettings.of(config, pipeline);
        RunPlan.Inputs inputs = RunPlan.Inputs.list(input, pipeline, summary.notes);
        String checksum = settingsChecksum(settings);
        smallInputNote = smallInputNote(inputs, settings);
        summary.lap("configuration");

        boolean fresh = !exists(warehouse.root());
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse.root(), runId, settings.lease())) {
            summary.lap("lock");
            IngestLedger ledger = IngestLedger.read(warehouse);
            boolean full = isFull(options, ledger, checksum);
            RunPlan plan = RunPlan.make(inputs, ledger, full, options.prune(), summary.notes);
            summary.lap("plan");
            if (plan.isEmpty()) {
                catchUpGold(ledger, settings);
                return summary;
            }
            if (smallInputNote == null) {
                smallInputNote = smallTakenNote(inputs, plan, settings);
                smallUntilGold = smallInputNote != null;
            }
            Map<SilverTable, SourceReader.Heads> heads = heads(input, plan);
            PersonKey key = personKey(heads, settings.keyVariable());
            ReferenceData ref = ReferenceData.load(spark(), settings.reference());
            summary.lap("start Spark, read reference data");
            Map<SilverTable, SourceReader.Batch> batches = read(input, heads, key, settings.fieldMaxChars());
            validate(batches, ref, key, plan, full);
            try {
                write(ref, settings, plan, full);
            } finally {
                summary.datasets.forEach(DatasetResult::release);
            }
            ledger.record(spark(), plan.taken(), plan.prunedByDataset(), checksum, runId, full);
            summary.lap("record ingested files");
            if (smallUntilGold) restoreSettings();
            gold(ref, ledger, settings, false);
        } finally {
            restoreSettings();
            removeIfEmpty(fresh);
        }
        return summary;
    }

    /**
     * The validation stage alone: what a full run over an empty warehouse would make of the input's
     * rows, every dataset read, typed, derived, ruled and de-duplicated as run() does it, with
     * nothing written and the warehouse not read. The gates that stop a run before it writes (a rule
     * with action fail, a quarantined share over its threshold) are left to the caller, which
     * releases each result when done (SilverStage.silverRows and quarantineRows give its rows).
     */
    public List<DatasetResult> evaluate() {
        InputFolder input = new InputFolder(config.input());
        checkInput(input.root());
        RunSettings settings = RunSettings.of(config, pipeline);
        ReferenceData ref = ReferenceData.load(spark(), settings.reference());
        RunPlan.Inputs inputs = RunPlan.Inputs.list(input, pipeline, summary.notes);
        RunPlan plan = RunPlan.make(inputs, IngestLedger.empty(), true, false, summary.notes);
        Map<SilverTable, SourceReader.Heads> heads = heads(input, plan);
        PersonKey key = personKey(heads, settings.keyVariable());
        validate(read(input, heads, key, settings.fieldMaxChars()), ref, key, plan, true);
        return List.copyOf(summary.datasets);
    }

    /** The input must be a folder (of dataset folders). */
    public static void checkInput(Location input) {
        try {
            if (!input.exists()) throw ExitCodes.usage("input folder not found: " + input);
            if (!input.isDirectory()) throw ExitCodes.usage("input " + input + " is a file, not a folder: give the folder that holds the dataset folders");
        } catch (java.io.UncheckedIOException e) {
            throw ExitCodes.usage("cannot read input folder " + input + ": " + e.getMessage());
        }
    }


    /** A full run: asked for, the first one, or the reference data, rules or mappings changed since the last. */
    private boolean isFull(Options options, IngestLedger ledger, String checksum) {
        if (options.full() || ledger.isEmpty()) return true;
        if (checksum.equals(ledger.settings())) return false;
        summary.notes.add("the reference data, rules or source mappings changed since the last run: every file is taken again");
        return true;
    }

    /** Nothing new in the input; gold is rebuilt only when a run stopped before it finished gold. */
    private void catchUpGold(IngestLedger ledger, RunSettings settings) {
        if (settings.goldEnabled() && missingSilver().size() < pipeline.silver().size()
                && !GoldStage.sources(pipeline, warehouse, settings.k(), settings.currentYear()).equals(ledger.goldSources())) {
            summary.notes.add("no new or changed input files, but gold is behind silver (a run stopped before it finished gold): gold rebuilt");
            gold(ReferenceData.load(spark(), settings.reference()), ledger, settings, false);
        } else {
            summary.notes.add("no new or changed input files: no table written");
        }
    }

    /** Each file's header and mapping, read without Spark: the checks they allow come before it starts. */
    private Map<SilverTable, SourceReader.Heads> heads(InputFolder input, RunPlan plan) {
        Map<SilverTable, SourceReader.Heads> heads = new LinkedHashMap<>();
        for (SilverTable t : plan.datasets()) heads.put(t, SourceReader.heads(input, pipeline.mappings(), t, plan.files(t)));
        summary.lap("read headers");
        return heads;
    }

    private Map<SilverTable, SourceReader.Batch> read(InputFolder input, Map<SilverTable, SourceReader.Heads> heads, PersonKey key,
                                                      int fieldMaxChars) {
        SourceReader reader = new SourceReader(spark(), input, pipeline.mappings(), key, fieldMaxChars);
        Map<SilverTable, SourceReader.Batch> batches = new LinkedHashMap<>();
        heads.forEach((t, h) -> batches.put(t, reader.read(h)));
        return batches;
    }

    /** The key for personal columns; a run whose input carries them and has none stops here. */
    private static PersonKey personKey(Map<SilverTable, SourceReader.Heads> heads, String keyVariable) {
        PersonKey key = PersonKey.fromEnvironment(keyVariable);
        for (SourceReader.Heads h : heads.values()) {
            java.util.Optional<String> file = h.firstPersonal();
            if (key == null && file.isPresent()) {
                throw ExitCodes.usage(file.get() + " carries identifying columns (name, passport number or phone) but "
                        + keyVariable + " is not set: export it with a secret of 16 or more characters (README, 'Pseudonymisation key')");
            }
        }
        return key;
    }

    /** Reference data, rules and mappings in use: a change to any of them changes what silver holds. */
    private String settingsChecksum(RunSettings settings) {
        List<Path> files = new ArrayList<>();
        for (String t : ReferenceData.TABLES) files.add(settings.reference().resolve(t + ".csv"));
        files.addAll(pipeline.silverContractFiles());
        return IngestLedger.checksumOf(files);
    }

    /**
     * Input of at most this many bytes a dataset has keys few enough to send to every task: an
     * incremental run weighs them against silver's without shuffling silver (SilverStage.rivals).
     */
    static final long FEW_KEYS_BYTES = 256L * 1024 * 1024;

    /** Every dataset's rows typed, derived, ruled and de-duplicated (against silver's rows of earlier runs unless full). */
    private void validate(Map<SilverTable, SourceReader.Batch> batches, ReferenceData ref, PersonKey key, RunPlan plan, boolean full) {
        SilverWrite silver = new SilverWrite(spark(), warehouse, runId, summary);
        for (Map.Entry<SilverTable, SourceReader.Batch> e : batches.entrySet()) {
            SilverTable t = e.getKey();
            Dataset<Row> existing = full ? null : silver.kept(t, plan.replaced(t));
            DatasetResult d = SilverStage.evaluate(t, e.getValue(), ref, key, t.contract().rules(), existing,
                    plan.bytes(t) <= FEW_KEYS_BYTES);
            LOG.info("{}: {} rows read, {} accepted, {} quarantined", t.name(), d.read(), d.accepted(), d.quarantined());
            summary.datasets.add(d);
            summary.lap("validate " + t.name());
        }
    }

    /** The gates, the quarantine, reference and silver, and the proof that no row was lost. */
    private void write(ReferenceData ref, RunSettings settings, RunPlan plan, boolean full) {
        SilverWrite silver = new SilverWrite(spark(), warehouse, runId, summary);
        silver.checkFatal();
        Timestamp now = Timestamp.from(Instant.now());
        Map<SilverTable, Long> superseded = new QuarantineWrite(spark(), warehouse, runId, summary).write(now, plan, full);
        summary.lap("write quarantine");
        silver.checkThresholds(settings.maxShare());
        if (full) silver.writeReference(ref);
        silver.write(now, plan, full, superseded);
        silver.checkAccounting();
        summary.lap("check accounting");
    }

    /**
     * The gold tables from the silver ones in the warehouse (also alone: `scamscope aggregate`), then
     * a note in the ledger of what they were built from, so a run killed while writing them is
     * followed by one that writes them again. Unless rebuildAll, a gold table is written only when
     * a silver table it reads changed since the ledger's note (or k, or the current year).
     */
    private void gold(ReferenceData ref, IngestLedger ledger, RunSettings settings, boolean rebuildAll) {
        if (!settings.goldEnabled()) {
            summary.notes.add("gold not written: gold.enabled=false in the configuration");
            return;
        }
        if (missingSilver().size() == pipeline.silver().size()) {
            summary.notes.add("gold not written: the warehouse has no silver table yet");
            return;
        }
        GoldStage.Result gold = goldStage(ref, settings).run(runId, settings.currentYear(), rebuildAll ? Map.of() : ledger.goldSources());
        gold.addTo(summary);
        summary.lap("write gold");
        ledger.recordGold(spark(), gold.sources(), runId);
    }

    private GoldStage goldStage(ReferenceData ref, RunSettings settings) {
        return new GoldStage(spark(), pipeline, warehouse, ref, settings.k(), settings.complements());
    }

    /** The silver tables the warehouse does not have yet. */
    private List<String> missingSilver() {
        return pipeline.silver().stream().map(SilverTable::name)
                .filter(t -> !KernelTable.exists(warehouse.silver(t))).toList();
    }

    /**
     * The note of a run that gets SMALL_INPUT's settings, else null: by the whole input folder, not
     * only the files taken, since gold reads all of silver, which the folder stands for.
     */
    private static String smallInputNote(RunPlan.Inputs inputs, RunSettings settings) {
        long bytes = folderBytes(inputs);
        if (bytes > settings.smallInputBytes()) return null;
        return String.format("a small input (%.1f MiB, at most %s): Spark's code generation "
                + "and adaptive execution off, one shuffle partition per core", bytes / 1048576.0, settings.smallInputSetting());
    }

    /**
     * The note of a run whose folder is large but whose files taken are small, else null: SMALL_INPUT
     * until silver is written. Reading, validating and merging a few thousand rows costs plans, not
     * rows, even beside a large silver (1M victims, 1 % new, silver alone: 53.6 s and 95 CPU s with
     * code generation, 34.7 s and 62 CPU s without; bench/results/2026-12-07-small-files-taken.md).
     */
    private static String smallTakenNote(RunPlan.Inputs inputs, RunPlan plan, RunSettings settings) {
        long taken = plan.datasets().stream().mapToLong(plan::bytes).sum();
        if (taken > settings.smallInputBytes()) return null;
        return String.format("small files taken (%.1f of %.1f MiB in the input folder, at most %s): Spark's code generation "
                + "and adaptive execution off until silver is written, one shuffle partition per core; gold, which reads all "
                + "of silver, with the session's settings", taken / 1048576.0, folderBytes(inputs) / 1048576.0, settings.smallInputSetting());
    }

    private static long folderBytes(RunPlan.Inputs inputs) {
        return inputs.states().values().stream().flatMap(List::stream).mapToLong(IngestLedger.FileState::size).sum();
    }

    /** The session, started at the first call, with SMALL_INPUT's settings for a small input. */
    private SparkSession spark() {
        if (spark == null) {
            spark = sparkSource.get();
            if (smallInputNote != null) {
                summary.notes.add(smallInputNote);
                smallSettings = SessionSettings.set(spark, smallInputSettings(spark));
            }
        }
        return spark;
    }

    /** A session that outlives the run (tests, a server) gets its own settings back, exactly as they were. */
    private void restoreSettings() {
        if (smallSettings == null) return;
        smallSettings.close();
        smallSettings = null;
    }

    /** Recomputes gold from the silver tables as they are, under the warehouse lock. */
    public RunSummary aggregateOnly() {
        List<String> missing = missingSilver();
        if (!missing.isEmpty()) {
            throw ExitCodes.usage("no silver table " + warehouse.silver(missing.get(0)) + ": run 'scamscope run' first");
        }
        RunSettings settings = RunSettings.of(config, pipeline);
        ReferenceData ref = ReferenceData.load(spark(), settings.reference());
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse.root(), runId, settings.lease())) {
            summary.lap("lock");
            gold(ref, IngestLedger.read(warehouse), settings, true);
        }
        return summary;
    }

    private static boolean exists(Location l) {
        try {
            return l.exists();
        } catch (java.io.UncheckedIOException e) {
            throw Warehouse.unreachable(l, e);
        }
    }

    /** A run that stopped before writing leaves no empty warehouse folder behind. */
    private void removeIfEmpty(boolean fresh) {
        if (!fresh) return;
        try {
            warehouse.root().deleteIfEmpty();
        } catch (IOException e) {
            LOG.debug("warehouse folder left: {}", e.getMessage());
        }
    }

}
