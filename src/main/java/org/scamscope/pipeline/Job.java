package org.scamscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.scamscope.ExitCodes;
import org.scamscope.ScamscopeException;
import org.scamscope.config.JobConfig;
import org.scamscope.delta.DeltaTables;
import org.scamscope.delta.DeltaTables.Commit;
import org.scamscope.reference.ReferenceData;
import org.scamscope.source.SourceMapping;
import org.scamscope.source.SourceReader;
import org.scamscope.table.PersonKey;
import org.scamscope.table.SilverTable;
import org.scamscope.contract.Rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

/**
 * One run: read and validate every dataset, stop before writing if a fatal rule broke, write the
 * quarantine, stop if a dataset's rejected share is over its threshold, then write reference and
 * silver tables and prove that every row read is in silver or in the quarantine.
 */
public final class Job {
    private static final Logger LOG = LogManager.getLogger(Job.class);

    private final SparkSession spark;
    private final JobConfig config;
    private final Warehouse warehouse;
    private final String runId;
    private final RunSummary summary;
    private final Pipeline pipeline;

    public Job(SparkSession spark, JobConfig config) {
        this.spark = spark;
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

    public RunSummary run(Options options) {
        Path input = config.input();
        checkInput(input);
        Map<String, SilverTable> tables = pipeline.silverByName();
        // Every setting is checked before the first byte is written.
        Map<String, Double> maxShare = new HashMap<>();
        for (String t : tables.keySet()) maxShare.put(t, share("quarantine.max_share", t));
        Duration lease = Duration.ofSeconds(config.getInt("lock.lease_seconds", 300));
        goldK();
        goldYear();
        ReferenceData ref = ReferenceData.load(spark, config.confPath("reference"));
        List<SourceMapping> mappings = pipeline.mappings();
        Map<SilverTable, List<Rule>> rules = new HashMap<>();
        for (SilverTable t : pipeline.silver()) rules.put(t, t.contract().rules());
        SourceReader reader = new SourceReader(spark, input, mappings);
        Map<SilverTable, List<IngestLedger.FileState>> states = new LinkedHashMap<>();
        Map<String, Path> byPath = new HashMap<>();
        for (SilverTable t : pipeline.silver()) {
            List<Path> files = reader.files(t);
            if (files == null) {
                summary.notes.add(t.name() + ": the input has no folder " + t.name() + "/, so silver/" + t.name() + " is left as it was");
                continue;
            }
            List<IngestLedger.FileState> list = new ArrayList<>();
            for (Path f : files) {
                String rel = reader.relative(f);
                list.add(IngestLedger.state(t.name(), f, rel));
                byPath.put(rel, f);
            }
            states.put(t, list);
        }
        if (states.isEmpty()) {
            throw ExitCodes.usage("input folder " + input + " has none of the dataset folders " + tables.keySet());
        }
        String settings = settingsChecksum(mappings);
        summary.lap("configuration");

        boolean fresh = !Files.exists(warehouse.root());
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse.root(), runId, lease)) {
            summary.lap("lock");
            IngestLedger ledger = new IngestLedger(spark, warehouse);
            boolean full = options.full() || ledger.isEmpty();
            if (!full && !settings.equals(ledger.settings())) {
                full = true;
                summary.notes.add("the reference data, rules or source mappings changed since the last run: every file is taken again");
            }
            Plan plan = plan(states, ledger, full, options.prune());
            if (plan.isEmpty()) {
                if (goldEnabled() && silverComplete() && !goldStage(ref).sources(goldYear()).equals(ledger.goldSources())) {
                    summary.notes.add("no new or changed input files, but gold is behind silver (a run stopped before it finished gold): gold rebuilt");
                    aggregate(ref, ledger, false);
                } else {
                    summary.notes.add("no new or changed input files: no table written");
                }
                return summary;
            }
            Map<SilverTable, SourceReader.Batch> batches = new LinkedHashMap<>();
            for (SilverTable t : plan.datasets()) {
                List<Path> take = plan.take().getOrDefault(t, List.of()).stream().map(f -> byPath.get(f.path())).toList();
                batches.put(t, reader.read(t, take));
            }
            summary.lap("read headers");
            PersonKey key = personKey(batches);
            validateAndWrite(batches, ref, key, rules, maxShare, plan, full);
            ledger.record(plan.take().values().stream().flatMap(List::stream).toList(), plan.prunedByDataset(), settings, runId, full);
            summary.lap("record ingested files");
            aggregate(ref, ledger, false);
        } finally {
            removeIfEmpty(fresh);
        }
        return summary;
    }

    /** A share between 0 and 1, from the configuration or the pipeline (see {@link Pipeline#setting}). */
    private double share(String key, String table) {
        String v = pipeline.setting(config, key, table, "0.1");
        try {
            double d = Double.parseDouble(v.trim());
            if (d < 0 || d > 1) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw ExitCodes.usage("setting '" + key + "' must be a share between 0 and 1, got '" + v + "' (for " + table + ")");
        }
    }

    /** The input must be a folder (of dataset folders). */
    public static void checkInput(Path input) {
        if (!Files.exists(input)) throw ExitCodes.usage("input folder not found: " + input);
        if (!Files.isDirectory(input)) throw ExitCodes.usage("input " + input + " is a file, not a folder: give the folder that holds the dataset folders");
    }

    /** What this run takes: new and changed files, and the files to prune, per dataset. */
    record Plan(Map<SilverTable, List<IngestLedger.FileState>> take, Map<SilverTable, List<String>> pruned) {
        boolean isEmpty() {
            return take.values().stream().allMatch(List::isEmpty) && pruned.values().stream().allMatch(List::isEmpty);
        }

        List<SilverTable> datasets() {
            List<SilverTable> out = new ArrayList<>();
            for (SilverTable t : take.keySet()) {
                if (!take.getOrDefault(t, List.of()).isEmpty() || !pruned.getOrDefault(t, List.of()).isEmpty()) out.add(t);
            }
            return out;
        }

        /** Files whose earlier rows this run replaces or removes. */
        List<String> replaced(SilverTable t) {
            List<String> out = new ArrayList<>(pruned.getOrDefault(t, List.of()));
            take.getOrDefault(t, List.of()).forEach(f -> out.add(f.path()));
            return out;
        }

        Map<String, List<String>> prunedByDataset() {
            Map<String, List<String>> out = new LinkedHashMap<>();
            pruned.forEach((t, p) -> out.put(t.name(), p));
            return out;
        }
    }

    private Plan plan(Map<SilverTable, List<IngestLedger.FileState>> states, IngestLedger ledger, boolean full, boolean prune) {
        Map<SilverTable, List<IngestLedger.FileState>> take = new LinkedHashMap<>();
        Map<SilverTable, List<String>> pruned = new LinkedHashMap<>();
        for (Map.Entry<SilverTable, List<IngestLedger.FileState>> e : states.entrySet()) {
            SilverTable t = e.getKey();
            List<IngestLedger.FileState> taken = e.getValue().stream().filter(f -> full || ledger.isNewOrChanged(f)).toList();
            take.put(t, taken);
            long changed = taken.stream().filter(ledger::isKnown).count();
            if (!full && (taken.size() > 0 || changed > 0)) {
                summary.notes.add(String.format("%s: %d new and %d changed files taken, %d unchanged skipped", t.name(),
                        taken.size() - changed, changed, e.getValue().size() - taken.size()));
            }
            List<String> missing = ledger.missing(t.name(), e.getValue().stream().map(IngestLedger.FileState::path)
                    .collect(java.util.stream.Collectors.toSet()));
            for (String m : missing) {
                summary.notes.add(t.name() + ": " + m + " was ingested before and is no longer in the input; "
                        + (prune || full ? "its rows are removed" : "its rows stay (run with --prune to remove them)"));
            }
            if (prune || full) pruned.put(t, missing);
        }
        return new Plan(take, pruned);
    }

    /** The key for personal columns; a run whose input carries them and has none stops here. */
    private PersonKey personKey(Map<SilverTable, SourceReader.Batch> batches) {
        String keyVariable = pipeline.setting(config, "pseudonym.key.env", null, PersonKey.DEFAULT_ENV);
        PersonKey key = PersonKey.fromEnvironment(keyVariable);
        for (SourceReader.Batch b : batches.values()) {
            if (key == null && b.carriesPersonalData()) {
                String file = b.files().stream().filter(SourceReader.InputFile::personal).findFirst().get().path();
                throw ExitCodes.usage(file + " carries identifying columns (name, passport number or phone) but "
                        + keyVariable + " is not set: export it with a secret of 16 or more characters (README, 'Pseudonymisation key')");
            }
        }
        return key;
    }

    /** Reference data, rules and mappings in use: a change to any of them changes what silver holds. */
    private String settingsChecksum(List<SourceMapping> mappings) {
        List<Path> files = new ArrayList<>();
        for (String t : ReferenceData.TABLES) files.add(config.confPath("reference").resolve(t + ".csv"));
        files.addAll(pipeline.silverContractFiles());
        return IngestLedger.checksum(files);
    }

    private void validateAndWrite(Map<SilverTable, SourceReader.Batch> batches, ReferenceData ref, PersonKey key,
                                  Map<SilverTable, List<Rule>> rules, Map<String, Double> maxShare, Plan plan, boolean full) {
        Map<SilverTable, Dataset<Row>> kept = new LinkedHashMap<>();
        for (Map.Entry<SilverTable, SourceReader.Batch> e : batches.entrySet()) {
            SilverTable t = e.getKey();
            Dataset<Row> existing = full ? null : keptSilver(t, plan.replaced(t));
            if (existing != null) kept.put(t, existing);
            DatasetResult d = SilverStage.evaluate(t, e.getValue(), ref, key, rules.get(t), existing);
            LOG.info("{}: {} rows read, {} accepted, {} quarantined", t.name(), d.read(), d.accepted(), d.quarantined());
            summary.datasets.add(d);
            summary.lap("validate " + t.name());
        }
        try {
            for (DatasetResult d : summary.datasets) {
                if (d.fatal() != null) {
                    throw ExitCodes.dataQuality(d.table().name() + ": a rule with action 'fail' broke, nothing was written: " + d.fatal());
                }
            }
            Timestamp now = Timestamp.from(Instant.now());
            writeQuarantine(now, plan, full, kept);
            summary.lap("write quarantine");
            List<String> over = new ArrayList<>();
            for (DatasetResult d : summary.datasets) {
                double max = maxShare.get(d.table().name());
                if (d.quarantinedShare() > max) {
                    over.add(String.format("%s %.1f%% (%d of %d rows) > %.1f%%", d.table().name(),
                            100 * d.quarantinedShare(), d.quarantined(), d.read(), 100 * max));
                }
            }
            if (!over.isEmpty()) {
                throw ExitCodes.dataQuality("quarantined share over threshold, silver not written: " + String.join("; ", over)
                        + " (see " + warehouse.quarantine() + ", run_id " + runId + ")");
            }
            if (full) {
                for (Map.Entry<String, Dataset<Row>> r : ref.tables().entrySet()) {
                    summary.written.put("reference/" + r.getKey(), DeltaTables.overwrite(r.getValue(), warehouse.reference(r.getKey())));
                }
                summary.lap("write reference");
            }
            for (DatasetResult d : summary.datasets) {
                SilverTable t = d.table();
                Dataset<Row> rows = SilverStage.silverRows(d, runId, now);
                String path = warehouse.silver(t.name());
                DeltaTables.ensure(spark, path, rows.schema(), SilverStage.notNull(t), SilverStage.properties(t), SilverStage.checks(rules.get(t)));
                Commit c = full ? DeltaTables.overwrite(rows, path)
                        : DeltaTables.mergeByKey(rows, path, t.naturalKey(), "source_file", plan.replaced(t));
                summary.written.put("silver/" + t.name(), c);
                summary.lap("write silver " + t.name());
            }
            checkAccounting(plan);
            summary.lap("check accounting");
        } finally {
            summary.datasets.forEach(DatasetResult::release);
        }
    }

    /** Silver rows of earlier runs that stay: all but those of the files this run replaces or removes. */
    private Dataset<Row> keptSilver(SilverTable t, List<String> replaced) {
        String path = warehouse.silver(t.name());
        if (!io.delta.tables.DeltaTable.isDeltaTable(spark, path)) return null;
        Dataset<Row> silver = spark.read().format("delta").load(path);
        return replaced.isEmpty() ? silver : silver.filter(not(col("source_file").isin(replaced.toArray())));
    }

    /**
     * The gold tables from the silver ones in the warehouse (also alone: `scamscope aggregate`), then
     * a note in the ledger of what they were built from, so a run killed while writing them is
     * followed by one that writes them again. Unless rebuildAll, a gold table is written only when
     * a silver table it reads changed since the ledger's note (or k, or the current year).
     */
    private void aggregate(ReferenceData ref, IngestLedger ledger, boolean rebuildAll) {
        if (!goldEnabled()) {
            summary.notes.add("gold not written: gold.enabled=false in the configuration");
            return;
        }
        List<String> missing = pipeline.silver().stream().map(SilverTable::name)
                .filter(t -> !io.delta.tables.DeltaTable.isDeltaTable(spark, warehouse.silver(t))).toList();
        if (!missing.isEmpty()) {
            summary.notes.add("gold not written: it needs every silver table, and " + missing + " have none yet");
            return;
        }
        GoldStage.Result gold = goldStage(ref).run(runId, goldYear(), rebuildAll ? Map.of() : ledger.goldSources());
        gold.addTo(summary);
        summary.lap("write gold");
        ledger.recordGold(gold.sources(), runId);
    }

    private GoldStage goldStage(ReferenceData ref) {
        return new GoldStage(spark, pipeline, warehouse, ref, goldK(),
                Boolean.parseBoolean(config.get(GoldStage.COMPLEMENTS_SETTING, "true")));
    }

    private boolean goldEnabled() {
        return Boolean.parseBoolean(config.get("gold.enabled", "true"));
    }

    private int goldK() {
        return pipeline.k(config);
    }

    /** The year compounds still operating are counted to: this year (UTC), unless the configuration fixes it. */
    private int goldYear() {
        return config.getInt("gold.current_year", java.time.Year.now(ZoneOffset.UTC).getValue());
    }

    private boolean silverComplete() {
        return pipeline.silver().stream().allMatch(t -> io.delta.tables.DeltaTable.isDeltaTable(spark, warehouse.silver(t.name())));
    }

    /** Recomputes gold from the silver tables as they are, under the warehouse lock. */
    public RunSummary aggregateOnly() {
        for (SilverTable t : pipeline.silver()) {
            if (!io.delta.tables.DeltaTable.isDeltaTable(spark, warehouse.silver(t.name()))) {
                throw ExitCodes.usage("no silver table " + warehouse.silver(t.name()) + ": run 'scamscope run' first");
            }
        }
        ReferenceData ref = ReferenceData.load(spark, config.confPath("reference"));
        Duration lease = Duration.ofSeconds(config.getInt("lock.lease_seconds", 300));
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse.root(), runId, lease)) {
            summary.lap("lock");
            aggregate(ref, new IngestLedger(spark, warehouse), true);
        }
        return summary;
    }

    /** A run that stopped before writing leaves no empty warehouse folder behind. */
    private void removeIfEmpty(boolean fresh) {
        if (!fresh) return;
        try (Stream<Path> s = Files.list(warehouse.root())) {
            if (s.findAny().isEmpty()) Files.delete(warehouse.root());
        } catch (IOException e) {
            LOG.debug("warehouse folder left: {}", e.getMessage());
        }
    }

    /**
     * The quarantine holds, per input file, the rejects of its latest ingestion: this run's rejects
     * replace those of the files it takes again. Silver rows of earlier runs that lose their key to
     * a row of this run are added as duplicates (once, however often a run is repeated).
     */
    private void writeQuarantine(Timestamp now, Plan plan, boolean full, Map<SilverTable, Dataset<Row>> kept) {
        Dataset<Row> all = null;
        for (DatasetResult d : summary.datasets) {
            Dataset<Row> q = SilverStage.quarantineRows(d, runId, now);
            all = all == null ? q : all.unionByName(q);
        }
        if (all == null) return;
        String path = warehouse.quarantine();
        DeltaTables.ensure(spark, path, all.schema(),
                java.util.Set.of("dataset", "source_file", "rule", "message", "run_id", "rejected_at"),
                Map.of(DeltaTables.STATS_COLUMNS, "dataset,source_file,rule,run_id"), Map.of());
        List<String> stale = new ArrayList<>();
        for (DatasetResult d : summary.datasets) {
            String dataset = "dataset = " + IngestLedger.quote(d.table().name());
            List<String> files = plan.replaced(d.table());
            if (full) stale.add("(" + dataset + ")");
            else if (!files.isEmpty()) stale.add("(" + dataset + " AND source_file IN ("
                    + String.join(", ", files.stream().map(f -> IngestLedger.quote(f)).toList()) + "))");
        }
        if (!stale.isEmpty()) io.delta.tables.DeltaTable.forPath(spark, path).delete(String.join(" OR ", stale));
        if (summary.datasets.stream().anyMatch(d -> d.quarantined() > 0)) {
            summary.written.put("quarantine/rejected_rows", DeltaTables.append(all, path));
        }
        for (DatasetResult d : summary.datasets) {
            Dataset<Row> existing = kept.get(d.table());
            if (existing == null) continue;
            Dataset<Row> superseded = SilverStage.supersededRows(d, existing, runId, now);
            Commit c = DeltaTables.insertMissing(superseded, path, List.of("dataset", "source_file", "source_row", "rule"));
            if (c.rows() > 0) summary.notes.add(d.table().name() + ": " + c.rows() + " rows of earlier runs superseded by newer copies (quarantined as duplicate)");
        }
    }

    /** Every row read is in silver or in the quarantine, counted from the tables as Delta committed them. */
    private void checkAccounting(Plan plan) {
        Map<String, Long> quarantined = new HashMap<>();
        Dataset<Row> q = spark.read().format("delta").load(warehouse.quarantine()).filter(col("run_id").equalTo(runId));
        List<String> broken = new ArrayList<>();
        for (DatasetResult d : summary.datasets) {
            List<String> files = d.files().stream().map(SourceReader.InputFile::path).toList();
            long inQuarantine = files.isEmpty() ? 0 : q.filter(col("dataset").equalTo(d.table().name())
                    .and(col("source_file").isin(files.toArray()))).count();
            long inSilver = spark.read().format("delta").load(warehouse.silver(d.table().name()))
                    .filter(col("run_id").equalTo(runId)).count();
            if (inSilver + inQuarantine != d.read()) {
                broken.add(String.format("%s: read %d, silver %d, quarantine %d", d.table().name(), d.read(), inSilver, inQuarantine));
            }
        }
        if (!broken.isEmpty()) {
            throw new ScamscopeException(ExitCodes.UNEXPECTED, "row accounting broken: " + String.join("; ", broken));
        }
        summary.notes.add("row accounting: rows read = silver rows + quarantined rows, for every dataset (checked on the Delta tables)");
    }
}
