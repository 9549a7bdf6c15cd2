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
import org.scamscope.validate.Rule;
import org.scamscope.validate.RuleSet;

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

    public Job(SparkSession spark, JobConfig config) {
        this.spark = spark;
        this.config = config;
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

    public RunSummary run() {
        Path input = config.input();
        if (!Files.isDirectory(input)) throw ExitCodes.usage("input folder not found: " + input);
        Map<String, SilverTable> tables = Pipeline.silverByName();
        // Every setting is checked before the first byte is written.
        Map<String, Double> maxShare = new HashMap<>();
        double defaultShare = config.getShare("quarantine.max_share", 0.1);
        for (String t : tables.keySet()) maxShare.put(t, config.getShare("quarantine.max_share." + t, defaultShare));
        ReferenceData ref = ReferenceData.load(spark, config.confPath("reference"));
        List<SourceMapping> mappings = new ArrayList<>();
        for (String name : config.getList("sources")) {
            mappings.add(SourceMapping.load(config.confPath("sources.dir"), name, tables));
        }
        summary.lap("configuration");
        SourceReader reader = new SourceReader(spark, input, mappings);
        Map<SilverTable, SourceReader.Batch> batches = new LinkedHashMap<>();
        Map<SilverTable, List<Rule>> rules = new HashMap<>();
        for (SilverTable t : Pipeline.SILVER) {
            rules.put(t, RuleSet.load(config.confPath("rules.dir"), t.name()));
            SourceReader.Batch b = reader.read(t);
            if (b == null) {
                summary.notes.add(t.name() + ": the input has no folder " + t.name() + "/, so silver/" + t.name() + " is left as it was");
            } else {
                batches.put(t, b);
            }
        }
        if (batches.isEmpty()) {
            throw ExitCodes.usage("input folder " + input + " has none of the dataset folders " + Pipeline.silverByName().keySet());
        }
        summary.lap("read headers");
        String keyVariable = config.get("pseudonym.key.env", PersonKey.DEFAULT_ENV);
        PersonKey key = PersonKey.fromEnvironment(keyVariable);
        for (Map.Entry<SilverTable, SourceReader.Batch> e : batches.entrySet()) {
            if (key == null && e.getValue().carriesPersonalData()) {
                String file = e.getValue().files().stream().filter(SourceReader.InputFile::personal).findFirst().get().path();
                throw ExitCodes.usage(file + " carries identifying columns (name, passport number or phone) but "
                        + keyVariable + " is not set: export it with a secret of 16 or more characters (README, 'Pseudonymisation key')");
            }
        }

        boolean fresh = !Files.exists(warehouse.root());
        Duration lease = Duration.ofSeconds(config.getInt("lock.lease_seconds", 300));
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse.root(), runId, lease)) {
            summary.lap("lock");
            validateAndWrite(batches, ref, key, rules, maxShare);
        } finally {
            removeIfEmpty(fresh);
        }
        return summary;
    }

    private void validateAndWrite(Map<SilverTable, SourceReader.Batch> batches, ReferenceData ref, PersonKey key,
                                  Map<SilverTable, List<Rule>> rules, Map<String, Double> maxShare) {
        for (Map.Entry<SilverTable, SourceReader.Batch> e : batches.entrySet()) {
            SilverTable t = e.getKey();
            DatasetResult d = SilverStage.evaluate(t, e.getValue(), ref, key, rules.get(t));
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
            writeQuarantine(now);
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
            for (Map.Entry<String, Dataset<Row>> r : ref.tables().entrySet()) {
                summary.written.put("reference/" + r.getKey(), DeltaTables.overwrite(r.getValue(), warehouse.reference(r.getKey())));
            }
            summary.lap("write reference");
            for (DatasetResult d : summary.datasets) {
                SilverTable t = d.table();
                Dataset<Row> rows = SilverStage.silverRows(d, runId, now);
                String path = warehouse.silver(t.name());
                DeltaTables.ensure(spark, path, rows.schema(), SilverStage.notNull(t), Map.of(), SilverStage.checks(rules.get(t)));
                summary.written.put("silver/" + t.name(), DeltaTables.overwrite(rows, path));
                summary.lap("write silver " + t.name());
            }
            checkAccounting();
            summary.lap("check accounting");
        } finally {
            summary.datasets.forEach(d -> d.rows().unpersist());
        }
        aggregate(ref);
    }

    /** The gold tables from the silver ones in the warehouse (also alone: `scamscope aggregate`). */
    private void aggregate(ReferenceData ref) {
        int k = config.getInt(GoldStage.K_SETTING, org.scamscope.table.gold.GoldInputs.DEFAULT_K);
        new GoldStage(spark, warehouse, ref, k).run(runId).addTo(summary);
        summary.lap("write gold");
    }

    /** Recomputes gold from the silver tables as they are, under the warehouse lock. */
    public RunSummary aggregateOnly() {
        for (SilverTable t : Pipeline.SILVER) {
            if (!io.delta.tables.DeltaTable.isDeltaTable(spark, warehouse.silver(t.name()))) {
                throw ExitCodes.usage("no silver table " + warehouse.silver(t.name()) + ": run 'scamscope run' first");
            }
        }
        ReferenceData ref = ReferenceData.load(spark, config.confPath("reference"));
        Duration lease = Duration.ofSeconds(config.getInt("lock.lease_seconds", 300));
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse.root(), runId, lease)) {
            summary.lap("lock");
            aggregate(ref);
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

    private void writeQuarantine(Timestamp now) {
        Dataset<Row> all = null;
        for (DatasetResult d : summary.datasets) {
            Dataset<Row> q = SilverStage.quarantineRows(d, runId, now);
            all = all == null ? q : all.unionByName(q);
        }
        if (all == null) return;
        DeltaTables.ensure(spark, warehouse.quarantine(), all.schema(),
                java.util.Set.of("dataset", "source_file", "rule", "message", "run_id", "rejected_at"), Map.of(), Map.of());
        if (summary.datasets.stream().anyMatch(d -> d.quarantined() > 0)) {
            summary.written.put("quarantine/rejected_rows", DeltaTables.append(all, warehouse.quarantine()));
        }
    }

    /** Every row read is in silver or in this run's quarantine, counted from what Delta committed. */
    private void checkAccounting() {
        Map<String, Long> quarantined = new HashMap<>();
        spark.read().format("delta").load(warehouse.quarantine()).filter(col("run_id").equalTo(runId))
                .groupBy("dataset").count().collectAsList()
                .forEach(r -> quarantined.put(r.getString(0), r.getLong(1)));
        List<String> broken = new ArrayList<>();
        for (DatasetResult d : summary.datasets) {
            Commit c = summary.written.get("silver/" + d.table().name());
            long q = quarantined.getOrDefault(d.table().name(), 0L);
            if (c.rows() + q != d.read()) {
                broken.add(String.format("%s: read %d, silver %d, quarantine %d", d.table().name(), d.read(), c.rows(), q));
            }
        }
        if (!broken.isEmpty()) {
            throw new ScamscopeException(ExitCodes.UNEXPECTED, "row accounting broken: " + String.join("; ", broken));
        }
        summary.notes.add("row accounting: rows read = silver rows + quarantined rows, for every dataset (checked on the Delta commits)");
    }
}
