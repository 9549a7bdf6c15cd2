package org.scamscope.pipeline;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.scamscope.reference.ReferenceData;
import org.scamscope.source.SourceReader;
import org.scamscope.contract.ColumnSpec;
import org.scamscope.table.Conformer;
import org.scamscope.contract.Kind;
import org.scamscope.table.PersonKey;
import org.scamscope.table.SilverTable;
import org.scamscope.contract.Rule;
import org.scamscope.validate.Validator;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.*;

/** From a dataset's source rows to its silver rows and its quarantine rows. */
public final class SilverStage {
    public static final List<String> LINEAGE = List.of("source_file", "source_row", "run_id", "ingested_at");

    private SilverStage() {}

    /** Every row typed, derived and marked with the rules it broke; nothing computed yet. */
    static Dataset<Row> ruled(SilverTable table, SourceReader.Batch batch, ReferenceData ref, PersonKey key,
                              List<Rule> configured, Dataset<Row> existing) {
        Conformer.Result typed = Conformer.conform(batch.rows(), table, ref, key);
        return Validator.applyRules(table.derive(typed.rows(), ref, existing), table, rules(typed, configured));
    }

    /** The rules a dataset's rows are marked with, in order: built-in, of each column's kind, of its contract. */
    static List<Rule> rules(Conformer.Result typed, List<Rule> configured) {
        List<Rule> rules = new ArrayList<>(Validator.builtIn());
        rules.addAll(typed.rules());
        rules.addAll(configured);
        return rules;
    }

    /** The columns silver/&lt;table&gt; gets from these marked rows, planned but not computed (the dry-run's check). */
    static org.apache.spark.sql.types.StructType silverSchema(SilverTable table, Dataset<Row> ruled) {
        return accepted(table, Validator.dedupe(ruled, table, null).select(kept(table)), "dry-run", new Timestamp(0)).schema();
    }

    public static DatasetResult evaluate(SilverTable table, SourceReader.Batch batch, ReferenceData ref,
                                         PersonKey key, List<Rule> configured, Dataset<Row> existing) {
        return evaluate(table, batch, ref, key, configured, existing, false);
    }

    /**
     * @param existing the silver rows an incremental run keeps, or null when it rebuilds the table
     * @param fewKeys the rows read are few enough for their keys to be sent to every task (see {@link #rivals})
     */
    public static DatasetResult evaluate(SilverTable table, SourceReader.Batch batch, ReferenceData ref,
                                         PersonKey key, List<Rule> configured, Dataset<Row> existing, boolean fewKeys) {
        Dataset<Row> ruled = ruled(table, batch, ref, key, configured, existing);
        Dataset<Row> rivals = existing == null ? null : rivals(table, existing, ruled, fewKeys);
        // Cached once, with only what the summary and the writes read (not the text as written, nor the
        // rules' helper columns, nor the raw record of an accepted row): the counts below, the quarantine
        // and silver all read these rows. On disk: at millions of rows they do not fit beside the memory
        // the job's sorts and broadcasts need in the same JVM, and they are read a few times, in order.
        Dataset<Row> rows = Validator.dedupe(ruled, table, rivals).select(kept(table))
                .persist(StorageLevel.DISK_ONLY());
        Tally tally = tally(rows);
        List<Dataset<Row>> cached = rivals == null ? List.of(rows) : List.of(rivals, rows);
        return new DatasetResult(table, batch.files(), rows, tally.read, tally.accepted, tally.byRule, tally.warnings,
                tally.fatal, rivals, cached);
    }

    /**
     * The silver rows kept from earlier runs whose natural key a row read now also has: the only
     * ones that can win or lose a key against this run's rows (see Validator.dedupe and
     * {@link #supersededRows}). A scheduled run that adds a few new files so weighs its keys against
     * these few rows, not against every row of silver. With fewKeys the new keys go to every task
     * of the scan (a broadcast); else both sides are shuffled by key, as a join of two large tables.
     */
    static Dataset<Row> rivals(SilverTable table, Dataset<Row> existing, Dataset<Row> ruled, boolean fewKeys) {
        Column[] key = table.naturalKey().stream().map(k -> col(k)).toArray(Column[]::new);
        Dataset<Row> keys = ruled.select(key).distinct();
        return existing.join(fewKeys ? broadcast(keys) : keys,
                        scala.jdk.javaapi.CollectionConverters.asScala(table.naturalKey()).toSeq(), "left_semi")
                .persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** What the run summary says of a dataset's validated rows, and the first fatal message (null if none). */
    record Tally(long read, long accepted, Map<String, Long> byRule, Map<String, Long> warnings, String fatal) {}

    /**
     * Every count the summary and the gates need, in one pass over the cached rows (one Spark job
     * where there were four): by file, outcome, first rule broken and warning. A row with several
     * warnings appears once per warning, so rows are counted where the warning's position is 0 or
     * absent.
     * <p>
     * Rows read come from the row numbers the reader gave each file's rows (1 to n, in the file's
     * order): the sum of each file's last number. Counted on the cached rows rather than by reading
     * the input a second time; a row lost or repeated on the way would make a file's count differ
     * from its last number, and stops the run.
     */
    static Tally tally(Dataset<Row> rows) {
        Column first = col("_position").isNull().or(col("_position").equalTo(0));
        List<Row> groups = rows.select(col(SourceReader.SOURCE_FILE), col(SourceReader.SOURCE_ROW), col(Validator.OUTCOME),
                        col(Validator.RULE), posexplode_outer(col(Validator.WARNINGS)).as(new String[] {"_position", "_warning"}),
                        when(size(col(Validator.FATAL)).gt(0), struct(col(SourceReader.SOURCE_FILE), col(SourceReader.SOURCE_ROW),
                                col(Validator.MESSAGE))).as("_first_fatal"))
                .groupBy(col(SourceReader.SOURCE_FILE), col(Validator.OUTCOME), col(Validator.RULE), col("_warning"))
                .agg(sum(when(first, 1L).otherwise(0L)), max(when(first, col(SourceReader.SOURCE_ROW))), count(col("_warning")),
                        min(col("_first_fatal")))
                .collectAsList();
        Map<String, long[]> files = new java.util.TreeMap<>();  // file -> {rows, last row number}
        long accepted = 0;
        Map<String, Long> byRule = new java.util.HashMap<>();
        Map<String, Long> warnings = new java.util.TreeMap<>();
        List<Row> fatal = new ArrayList<>();  // per group, its first fatal row in file order
        for (Row g : groups) {
            long n = g.getLong(4);
            long[] f = files.computeIfAbsent(g.getString(0), k -> new long[2]);
            f[0] += n;
            if (!g.isNullAt(5)) f[1] = Math.max(f[1], g.getLong(5));
            if (Validator.ACCEPTED.equals(g.getString(1))) accepted += n;
            else if (n > 0) byRule.merge(g.getString(2), n, Long::sum);
            if (!g.isNullAt(3)) warnings.merge(g.getString(3), g.getLong(6), Long::sum);
            if (!g.isNullAt(7)) fatal.add(g.getStruct(7));
        }
        long read = 0;
        for (Map.Entry<String, long[]> f : files.entrySet()) {
            if (f.getValue()[0] != f.getValue()[1]) {
                throw new org.scamscope.ScamscopeException(org.scamscope.ExitCodes.UNEXPECTED, f.getKey() + ": " + f.getValue()[1]
                        + " rows read but " + f.getValue()[0] + " rows validated: rows were lost or repeated");
            }
            read += f.getValue()[1];
        }
        // Most frequent first, then by name, as the summary prints them.
        Map<String, Long> ordered = new LinkedHashMap<>();
        byRule.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        String firstFatal = fatal.stream().min(java.util.Comparator.<Row, String>comparing(r -> r.getString(0))
                .thenComparingLong(r -> r.getLong(1))).map(r -> r.getString(2)).orElse(null);
        return new Tally(read, accepted, ordered, warnings, firstFatal);
    }

    /** The columns the summary, silver and the quarantine read from a dataset's validated rows. */
    private static Column[] kept(SilverTable table) {
        List<Column> cols = new ArrayList<>();
        for (ColumnSpec c : table.columns()) if (c.kind() != Kind.PERSONAL) cols.add(col(c.name()));
        for (String c : table.derivedColumns()) cols.add(col(c));
        if (table.hasPersonalColumns()) cols.add(col(PersonKey.COLUMN));
        cols.add(col(SourceReader.SOURCE_FILE));
        cols.add(col(SourceReader.SOURCE_ROW));
        cols.add(when(col(Validator.OUTCOME).equalTo(Validator.QUARANTINED), col(SourceReader.RAW_RECORD)).as(SourceReader.RAW_RECORD));
        for (String c : List.of(Validator.OUTCOME, Validator.RULE, Validator.FAILED_RULES, Validator.MESSAGE, Validator.WARNINGS,
                Validator.FATAL)) {
            cols.add(col(c));
        }
        return cols.toArray(new Column[0]);
    }

    /** The silver columns: canonical (less personal fields), derived, person key, lineage. */
    public static Dataset<Row> silverRows(DatasetResult d, String runId, Timestamp ingestedAt) {
        return accepted(d.table(), d.rows(), runId, ingestedAt);
    }

    private static Dataset<Row> accepted(SilverTable table, Dataset<Row> rows, String runId, Timestamp ingestedAt) {
        List<Column> cols = new ArrayList<>();
        for (ColumnSpec c : table.columns()) if (c.kind() != Kind.PERSONAL) cols.add(col(c.name()));
        for (String c : table.derivedColumns()) cols.add(col(c));
        if (table.hasPersonalColumns()) cols.add(col(PersonKey.COLUMN));
        cols.add(col(SourceReader.SOURCE_FILE));
        cols.add(col(SourceReader.SOURCE_ROW));
        cols.add(lit(runId).as("run_id"));
        cols.add(lit(ingestedAt).as("ingested_at"));
        return rows.filter(col(Validator.OUTCOME).equalTo(Validator.ACCEPTED)).select(cols.toArray(new Column[0]));
    }

    public static Dataset<Row> quarantineRows(DatasetResult d, String runId, Timestamp rejectedAt) {
        return d.rows().filter(col(Validator.OUTCOME).equalTo(Validator.QUARANTINED)).select(
                lit(d.table().name()).as("dataset"),
                col(SourceReader.SOURCE_FILE),
                col(SourceReader.SOURCE_ROW),
                col(Validator.RULE),
                col(Validator.FAILED_RULES),
                col(Validator.MESSAGE),
                col(SourceReader.RAW_RECORD),
                lit(runId).as("run_id"),
                lit(rejectedAt).as("rejected_at"));
    }

    /**
     * Silver rows of earlier runs whose key a row of this run took: quarantined as duplicates, with
     * the silver values (personal fields are already only a key there) as their record.
     */
    public static Dataset<Row> supersededRows(DatasetResult d, String runId, Timestamp at) {
        Dataset<Row> existing = d.rivals();
        List<String> key = d.table().naturalKey();
        Dataset<Row> winners = d.rows().filter(col(Validator.OUTCOME).equalTo(Validator.ACCEPTED))
                .select(concat_ws(", ", key.stream().map(k -> col(k)).toArray(Column[]::new)).as("_key_text"),
                        concat(col(SourceReader.SOURCE_FILE), lit(" row "), col(SourceReader.SOURCE_ROW).cast("string")).as("_by"),
                        struct(key.stream().map(k -> col(k)).toArray(Column[]::new)).as("_k"));
        Dataset<Row> old = existing.withColumn("_k", struct(key.stream().map(k -> col(k)).toArray(Column[]::new)));
        List<Column> recordCols = new ArrayList<>();
        for (String c : existing.columns()) if (!LINEAGE.contains(c)) recordCols.add(col(c));
        return old.join(winners, old.col("_k").equalTo(winners.col("_k")), "inner").select(
                lit(d.table().name()).as("dataset"),
                col(SourceReader.SOURCE_FILE),
                col(SourceReader.SOURCE_ROW),
                lit(Validator.DUPLICATE).as(Validator.RULE),
                array(lit(Validator.DUPLICATE)).as(Validator.FAILED_RULES),
                concat(col(SourceReader.SOURCE_FILE), lit(" row "), col(SourceReader.SOURCE_ROW).cast("string"),
                        lit(": duplicate of " + String.join(", ", key) + " = "), col("_key_text"),
                        lit(", superseded by "), col("_by")).as(Validator.MESSAGE),
                to_json(struct(recordCols.toArray(new Column[0]))).as(SourceReader.RAW_RECORD),
                lit(runId).as("run_id"),
                lit(at).as("rejected_at"));
    }

    /** Columns that may never be null in silver: required ones, the natural key and lineage. */
    public static Set<String> notNull(SilverTable t) {
        Set<String> out = new LinkedHashSet<>(t.naturalKey());
        t.columns().stream().filter(ColumnSpec::valueRequired).forEach(c -> out.add(c.name()));
        out.addAll(LINEAGE);
        return out;
    }

    /**
     * Table properties of a silver table, with its Change Data Feed on: Delta keeps file statistics only on the columns the job
     * filters on (natural key, source file, run id) rather than on the first 32 columns, which costs
     * time on every write and helps no query.
     */
    public static Map<String, String> properties(SilverTable t) {
        Set<String> stats = new LinkedHashSet<>(t.naturalKey());
        stats.add(SourceReader.SOURCE_FILE);
        stats.add("run_id");
        // The change feed gives a run what changed since gold was last built (VictimCellsStore).
        return Map.of(org.scamscope.delta.DeltaTables.STATS_COLUMNS, String.join(",", stats), "delta.enableChangeDataFeed", "true");
    }

    /** Rules marked "check" become Delta CHECK constraints, so no later writer can break them either. */
    public static Map<String, String> checks(List<Rule> rules) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Rule r : rules) if (r.check()) out.put(r.name(), r.expression());
        return out;
    }
}
