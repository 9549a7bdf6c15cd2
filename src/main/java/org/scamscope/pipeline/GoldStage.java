package org.scamscope.pipeline;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scamscope.spark.DriverRows;
import org.apache.spark.sql.SparkSession;
import org.scamscope.delta.DeltaTables;
import org.scamscope.delta.KernelTable;
import org.scamscope.delta.DeltaTables.Commit;
import org.scamscope.reference.ReferenceData;
import org.scamscope.table.SilverTable;
import org.scamscope.table.gold.BreakdownCheck;
import org.scamscope.table.gold.DataQualityFinding;
import org.scamscope.table.gold.GoldInputs;
import org.scamscope.table.gold.GoldTable;
import org.scamscope.table.gold.Regions;
import org.scamscope.table.gold.Disclosure;
import org.scamscope.disclosure.ComplementarySuppression;
import org.scamscope.disclosure.IntervalAudit;
import org.scamscope.disclosure.ProofPoints;
import org.scamscope.disclosure.PersonCounts;
import org.scamscope.disclosure.RegionTree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.lit;

/**
 * From the silver tables in the warehouse to the gold tables and the cross-check findings. Each
 * gold table is synchronised with its new rows (Delta MERGE on its key), so a rerun on the same
 * silver leaves its contents, and its Change Data Feed, as they were; ops/data_quality gets this
 * run's findings in place of the earlier ones of the same checks, when what they read changed.
 */
public final class GoldStage {
    /** The setting that gives k, the smallest count of persons published (GoldInputs.DEFAULT_K when unset). */
    public static final String K_SETTING = "gold.k";
    /** Test setting: false publishes without complementary suppression, which the audit must refuse. */
    public static final String COMPLEMENTS_SETTING = "gold.disclosure.complements";
    public static final String DATA_QUALITY = "data_quality";
    /** The findings' entry among the sources (beside the gold tables' names): the table the pipeline declares. */
    static final String FINDINGS = "ops/" + DATA_QUALITY;
    static final Map<String, String> GOLD_PROPERTIES = Map.of("delta.enableChangeDataFeed", "true");
    /** Every gold row is about a place; other key columns may be null (an unknown year or citizenship). */
    private static final Set<String> GOLD_NOT_NULL = Set.of(Regions.LEVEL, Regions.CODE);
    private static final Logger LOG = LogManager.getLogger(GoldStage.class);
    private static final String VICTIMS = "victims";

    /**
     * @param commits keyed "gold/&lt;name&gt;" for each table written and "ops/data_quality"
     * @param findings this run's data-quality findings, for the run summary
     * @param sources what each gold table is now built from (see {@link #sources}), for the ledger
     * @param unchanged tables not built again, nothing they read changed since they were written: gold
     *     tables ("gold/&lt;name&gt;"), and ops/data_quality, whose findings are then those it holds
     */
    public record Result(Map<String, Commit> commits, List<DataQualityFinding> findings, Map<String, String> sources,
                         List<String> unchanged, List<String> skipped, ComplementarySuppression.Loss loss, IntervalAudit.Result audit,
                         String cellsNote) {
        /** How many findings the summary prints; the rest are in ops/data_quality. */
        public static final int SHOWN_FINDINGS = 20;

        /** Adds the tables written, those left as they were, and the findings (the first SHOWN_FINDINGS) to a run summary. */
        public void addTo(RunSummary summary) {
            summary.written.putAll(commits);
            if (cellsNote != null) summary.notes.add(cellsNote);
            if (loss != null) summary.notes.add("disclosure: " + loss.describe());
            summary.notes.add(String.format("disclosure audit passed: %d hidden cells, none can be narrowed below k or to one value"
                    + " (%d shown by points of the protection, checked on the tables; %d by linear programs)",
                    audit.hiddenCells(), audit.hiddenCells() - audit.cellsChecked(), audit.cellsChecked()));
            if (!unchanged.isEmpty()) {
                summary.notes.add("tables not rebuilt, nothing they read changed: " + String.join(", ", unchanged));
            }
            if (!skipped.isEmpty()) {
                summary.notes.add("gold tables not built, the tables they read are missing: " + String.join(", ", skipped));
            }
            findings.stream().limit(SHOWN_FINDINGS).forEach(f -> summary.notes.add(f.describe()));
            if (findings.size() > SHOWN_FINDINGS) {
                summary.notes.add(String.format("data quality: %d more findings in ops/%s", findings.size() - SHOWN_FINDINGS, DATA_QUALITY));
            }
        }
    }

    private final SparkSession spark;
    private final Pipeline pipeline;
    private final Warehouse warehouse;
    private final ReferenceData reference;
    private final int k;
    private final boolean complements;
    private RegionTree tree;
    /** The true counts of the tables protected in this run, by cell: where the audit starts its search. */
    private Map<org.scamscope.disclosure.CellModel.CellId, Long> counts;
    /** The points that protection found, which the audit checks before it solves. */
    private ProofPoints proofs;

    public GoldStage(SparkSession spark, Pipeline pipeline, Warehouse warehouse, ReferenceData reference, int k) {
        this(spark, pipeline, warehouse, reference, k, true);
    }

    /** complements false hides the cells below k alone: a test setting, whose gold the audit refuses. */
    public GoldStage(SparkSession spark, Pipeline pipeline, Warehouse warehouse, ReferenceData reference, int k, boolean complements) {
        this.spark = spark;
        this.pipeline = pipeline;
        this.warehouse = warehouse;
        this.reference = reference;
        this.k = k;
        this.complements = complements;
    }

    /** Builds and writes every table. */
    public Result run(String runId, int currentYear) {
        return run(runId, currentYear, Map.of());
    }

    /**
     * What each gold table is built from, by name: the version of each silver table it reads
     * (through the gold tables it reads too), k and the current year. Equal sources give equal rows.
     */
    public Map<String, String> sources(int currentYear) {
        return sources(pipeline, warehouse, k, currentYear);
    }

    /** As {@link #sources(int)}, without Spark: the silver versions are read with Delta Kernel. */
    static Map<String, String> sources(Pipeline pipeline, Warehouse warehouse, int k, int currentYear) {
        Map<String, Long> versions = new LinkedHashMap<>();
        for (SilverTable t : pipeline.silver()) {
            // read with Kernel: a run with nothing new compares these with the ledger before it starts Spark
            KernelTable.latestVersion(warehouse.silver(t.name())).ifPresent(v -> versions.put("silver/" + t.name(), v));
        }
        // A table is built when every silver table it reads exists and at least one of its reads is there;
        // a gold table it reads that cannot be built takes part as an empty table.
        Map<String, String> sources = new LinkedHashMap<>();
        for (GoldTable t : pipeline.gold()) {
            String s = source(t.reads(), versions, sources, k, currentYear);
            if (s != null) sources.put(t.name(), s);
        }
        // The findings are written as the tables are, so they are checked again only when what they read changed.
        List<String> findingsRead = pipeline.spec().tables().stream().filter(t -> t.name().equals(FINDINGS)).findFirst()
                .map(org.scamscope.contract.PipelineSpec.TableSpec::reads).orElse(List.of());
        String findings = findingsRead.isEmpty() ? null : source(findingsRead, versions, sources, k, currentYear);
        if (findings != null) sources.put(FINDINGS, findings);
        return sources;
    }

    /** What a table of these reads is built from, null when it cannot be built (see {@link #sources(int)}). */
    private static String source(List<String> reads, Map<String, Long> versions, Map<String, String> built, int k, int currentYear) {
        StringBuilder s = new StringBuilder();
        boolean any = false;
        boolean complete = true;
        for (String read : reads) {
            if (read.startsWith("gold/")) {
                String upstream = built.get(read.substring("gold/".length()));
                any |= upstream != null;
                s.append(read).append(" (").append(upstream == null ? "absent" : upstream).append(") ");
            } else if (versions.containsKey(read)) {
                any = true;
                s.append(read).append('@').append(versions.get(read)).append(' ');
            } else if (read.startsWith("silver/")) {
                complete = false;
            }
        }
        return any && complete ? s.append("k=").append(k).append(" year=").append(currentYear).toString() : null;
    }

    /** The gold tables that cannot be built yet, each with the silver tables it lacks. */
    private List<String> notBuildable(Map<String, String> sources) {
        List<String> out = new ArrayList<>();
        for (GoldTable t : pipeline.gold()) {
            if (sources.containsKey(t.name())) continue;
            List<String> lacking = t.reads().stream().filter(r -> r.startsWith("silver/")
                    && !io.delta.tables.DeltaTable.isDeltaTable(spark, warehouse.root().resolve(r).toString())).toList();
            out.add("gold/" + t.name() + " (no " + String.join(", ", lacking.isEmpty() ? t.reads() : lacking) + " yet)");
        }
        return out;
    }

    /** No rows, with the columns the table's contract declares: the part of a table that cannot be built. */
    private Dataset<Row> empty(GoldTable t) {
        StringBuilder ddl = new StringBuilder();
        for (org.scamscope.contract.Declared c : t.contract().columns()) {
            if (ddl.length() > 0) ddl.append(", ");
            ddl.append('`').append(c.name()).append("` ").append(c.type());
        }
        return spark.createDataFrame(List.of(), org.apache.spark.sql.types.StructType.fromDDL(ddl.toString()));
    }

    /**
     * Builds the gold tables whose source differs from the one given for them in previous (what
     * the ledger says they were last built from), protects their person counts, audits everything
     * that would then be published, and only when the audit passes writes them and the
     * data-quality findings. A failing audit stops with exit code 5 before any gold table is written.
     */
    public Result run(String runId, int currentYear, Map<String, String> previous) {
        Map<String, String> sources = sources(currentYear);
        List<String> skipped = notBuildable(sources);
        Map<String, Dataset<Row>> silver = new LinkedHashMap<>();
        for (SilverTable t : pipeline.silver()) {
            // Not cached: each gold table reads only the few columns it needs from the Parquet files,
            // which costs less than keeping every column of silver in memory.
            if (!io.delta.tables.DeltaTable.isDeltaTable(spark, warehouse.silver(t.name()))) continue;
            silver.put(t.name(), spark.read().format("delta").load(warehouse.silver(t.name())));
        }
        GoldInputs in = new GoldInputs(silver, reference, k, currentYear).withTables(pipeline.gold());
        String cellsNote = null;
        Commit cellsCommit = null;
        if (silver.containsKey(VICTIMS) && pipeline.gold().stream().anyMatch(t -> t.reads().contains("silver/" + VICTIMS)
                && sources.containsKey(t.name()) && !isUnchanged(t, sources, previous))) {
            long version = KernelTable.latestVersion(warehouse.silver(VICTIMS)).orElseThrow();
            long start = System.nanoTime();
            VictimCellsStore.Cells cells = new VictimCellsStore(spark, warehouse, reference).upTo(version, previous.isEmpty());
            LOG.info("{} ({} s)", cells.note(), seconds(start));
            in = in.withVictimCells(cells.rows());
            cellsNote = cells.note();
            cellsCommit = cells.commit();
        }
        List<String> unchanged = new ArrayList<>();
        Map<String, Dataset<Row>> built = new LinkedHashMap<>();
        Map<String, Dataset<Row>> unprotected = new LinkedHashMap<>();
        ComplementarySuppression.Loss loss = null;
        counts = null;
        proofs = null;
        for (GoldTable t : pipeline.gold()) {
            String path = warehouse.gold(t.name());
            if (!sources.containsKey(t.name())) {
                // What reads it gets its declared columns and no rows; a stale table of an earlier input stays unread.
                in = in.withBuilt(t.name(), empty(t));
                continue;
            }
            if (isUnchanged(t, sources, previous)) {
                unchanged.add("gold/" + t.name());
                in = in.withBuilt(t.name(), spark.read().format("delta").load(path));
                continue;
            }
            if (t.reads().stream().anyMatch(r -> unprotected.containsKey(r.substring("gold/".length())))) {
                loss = protect(unprotected, built);
                for (Map.Entry<String, Dataset<Row>> e : built.entrySet()) in = in.withBuilt(e.getKey(), e.getValue());
            }
            Dataset<Row> rows = t.build(in.only(t.reads()));
            if (t.protectedCounts()) {
                unprotected.put(t.name(), rows);
            } else {
                long start = System.nanoTime();
                rows = onDriver(rows);
                LOG.info("gold/{} computed ({} s)", t.name(), seconds(start));
                built.put(t.name(), rows);
                in = in.withBuilt(t.name(), rows);
            }
        }
        if (!unprotected.isEmpty()) loss = protect(unprotected, built);

        IntervalAudit.Result audit = audit(in, built);
        if (!audit.passed()) {
            throw new DisclosureAuditFailure(audit);
        }
        List<String> broken = new ArrayList<>();
        for (GoldTable t : pipeline.gold()) {
            if (built.containsKey(t.name())) broken.addAll(org.scamscope.contract.GoldTests.failures(t.contract(), built.get(t.name())));
        }
        if (!broken.isEmpty()) {
            throw org.scamscope.ExitCodes.dataQuality("gold tables break the tests of their contracts (conf/tables/gold/), none written: "
                    + String.join("; ", broken));
        }
        Map<String, Commit> commits = new LinkedHashMap<>();
        if (cellsCommit != null) commits.put("ops/" + VictimCellsStore.NAME, cellsCommit);
        for (GoldTable t : pipeline.gold()) {
            Dataset<Row> rows = built.get(t.name());
            if (rows == null) continue;
            Commit c = write(t, rows, warehouse.gold(t.name()));
            LOG.info("gold/{}: {} rows, version {}", t.name(), c.rows(), c.version());
            commits.put("gold/" + t.name(), c);
        }
        // The findings read the tables as written: the rows held on the driver, which each write made
        // the table hold exactly (an append to a new table, or a sync), read without planning a Delta scan.
        for (Map.Entry<String, Dataset<Row>> b : built.entrySet()) in = in.withBuilt(b.getKey(), b.getValue());
        if (!silver.containsKey(BreakdownCheck.DATASET)) return new Result(commits, List.of(), sources, unchanged, skipped, loss, audit, cellsNote);
        String path = warehouse.ops(DATA_QUALITY);
        if (sources.containsKey(FINDINGS) && sources.get(FINDINGS).equals(previous.get(FINDINGS)) && KernelTable.exists(path)) {
            // The same reports and events give the same findings: those the run that checked them wrote.
            List<DataQualityFinding> kept = collect(spark.read().format("delta").load(path).filter(checks()));
            unchanged.add(FINDINGS);
            return new Result(commits, kept, sources, unchanged, skipped, loss, audit, cellsNote);
        }
        Dataset<Row> findings = BreakdownCheck.findings(in);
        if (built.containsKey(org.scamscope.table.gold.EnforcementEvents.NAME) || sources.containsKey(org.scamscope.table.gold.EnforcementEvents.NAME)) {
            findings = findings.unionByName(org.scamscope.table.gold.EventFindings.findings(in));
        }
        // Computed once and held on the driver, in the summary's order: the write then reads these rows
        // rather than joining silver and the events again (a few findings, at most one per report).
        Dataset<Row> held = onDriver(ordered(findings.withColumn("run_id", lit(runId))));
        List<DataQualityFinding> found = held.collectAsList().stream().map(DataQualityFinding::of).toList();
        DeltaTables.ensure(spark, path, held.schema(), Set.of("check", "dataset", "run_id"), Map.of(), Map.of());
        commits.put("ops/" + DATA_QUALITY, DeltaTables.replaceWhere(held, path, checks()));
        return new Result(commits, found, sources, unchanged, skipped, loss, audit, cellsNote);
    }

    private static List<DataQualityFinding> collect(Dataset<Row> findings) {
        return ordered(findings).collectAsList().stream().map(DataQualityFinding::of).toList();
    }

    private static Dataset<Row> ordered(Dataset<Row> findings) {
        return findings.orderBy("check", "dataset", "record_id");
    }

    /** A table built from what it was built from last, and still there: not built again. */
    private boolean isUnchanged(GoldTable t, Map<String, String> sources, Map<String, String> previous) {
        return sources.get(t.name()).equals(previous.get(t.name())) && io.delta.tables.DeltaTable.isDeltaTable(spark, warehouse.gold(t.name()));
    }

    /** The checks this stage writes, whose earlier findings each run replaces. */
    private static String checks() {
        List<String> names = new ArrayList<>(BreakdownCheck.NAMES);
        names.addAll(org.scamscope.table.gold.EventFindings.NAMES);
        return "`check` IN (" + String.join(", ", names.stream().map(n -> "'" + n + "'").toList()) + ")";
    }

    /** Protects the person counts of the tables built so far, together; moves them to built. */
    private ComplementarySuppression.Loss protect(Map<String, Dataset<Row>> unprotected, Map<String, Dataset<Row>> built) {
        List<PersonCounts> specs = pipeline.gold().stream().filter(t -> t.protectedCounts() && unprotected.containsKey(t.name()))
                .map(t -> t.personCounts().orElseThrow()).toList();
        long start = System.nanoTime();
        Disclosure.Protected p = Disclosure.protect(unprotected, specs, tree(), k, complements);
        LOG.info("disclosure: {} ({}; {} s with computing the tables)", p.loss().describe(), p.loss().effort(), seconds(start));
        p.tables().forEach((name, rows) -> built.put(name, onDriver(rows)));
        // A run may protect twice (a table reading protected ones is built between): keep both.
        if (counts == null) {
            counts = new java.util.HashMap<>();
            proofs = new ProofPoints();
        }
        counts.putAll(p.counts());
        proofs.addAll(p.proofs());
        unprotected.clear();
        return p.loss();
    }

    /** The audit of every table that declares person counts, as it would be published: built now, or as it is. */
    private IntervalAudit.Result audit(GoldInputs in, Map<String, Dataset<Row>> built) {
        Map<String, Dataset<Row>> published = new LinkedHashMap<>();
        List<PersonCounts> specs = new ArrayList<>();
        for (GoldTable t : pipeline.gold()) {
            if (t.personCounts().isEmpty()) continue;
            specs.add(t.personCounts().get());
            Dataset<Row> rows = built.containsKey(t.name()) ? built.get(t.name()) : in.gold(t.name());
            published.put(t.name(), rows);
        }
        long start = System.nanoTime();
        IntervalAudit.Result r = Disclosure.audit(published, specs, tree(), k, counts, proofs);
        LOG.info("disclosure audit: {} hidden cells, {} cleared by {} points of the protection, {} by {} linear programs in {} groups, {} exposed ({} s; {} s with reading the tables)",
                r.hiddenCells(), r.hiddenCells() - r.cellsChecked(), proofs == null ? 0 : proofs.size(), r.cellsChecked(),
                r.linearPrograms(), r.groups(), r.violations().size(), String.format("%.1f", r.seconds()), seconds(start));
        return r;
    }

    /**
     * A gold table's rows, computed once and held on the driver (gold tables are small: 33,001 rows at
     * most at 5M victims). The tests, the audit and the write read them again, and a MERGE from rows
     * held locally need not copy its source first: Delta checkpoints a cached source, and warns when
     * it drops the copy, but reads local rows twice as they are.
     */
    private static Dataset<Row> onDriver(Dataset<Row> rows) {
        return DriverRows.held(rows);
    }

    private static String seconds(long startNanos) {
        return String.format("%.1f", (System.nanoTime() - startNanos) / 1e9);
    }

    private RegionTree tree() {
        if (tree == null) tree = Disclosure.tree(reference);
        return tree;
    }

    private Commit write(GoldTable t, Dataset<Row> rows, String path) {
        // A new table is simply appended to: a MERGE into nothing gives the same rows and the
        // same change feed (every row an insert) at the cost of several more jobs. A table whose
        // columns changed (an older version of the job wrote it) is rewritten whole.
        java.util.Optional<org.apache.spark.sql.types.StructType> existing = DeltaTables.schema(spark, path);
        boolean fresh = existing.isEmpty();
        if (!fresh && !sameColumns(rows.schema(), existing.get())) {
            return DeltaTables.overwriteSchema(rows, path);
        }
        DeltaTables.ensure(spark, path, rows.schema(), GOLD_NOT_NULL, GOLD_PROPERTIES, Map.of());
        return fresh ? DeltaTables.append(rows, path) : DeltaTables.sync(rows, path, t.key());
    }

    private static boolean sameColumns(org.apache.spark.sql.types.StructType a, org.apache.spark.sql.types.StructType b) {
        return java.util.Arrays.equals(a.fieldNames(), b.fieldNames());
    }
}
