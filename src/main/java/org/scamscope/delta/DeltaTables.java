package org.scamscope.delta;

import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Path-based Delta tables: created with their constraints, written whole, asked for version and metrics. */
public final class DeltaTables {
    private static final String CONSTRAINT = "delta.constraints.";
    /** The table property naming the columns Delta keeps file statistics on (min, max, nulls) for data skipping. */
    public static final String STATS_COLUMNS = "delta.dataSkippingStatsColumns";
    /** The folder, inside a table's, where a MERGE's source is staged for the MERGE alone. */
    public static final String STAGED_SOURCE = "_merge_source";
    private static final String MATERIALIZE_SOURCE = "spark.databricks.delta.merge.materializeSource";
    private DeltaTables() {}

    /** What one write committed. */
    public record Commit(String path, long version, long rows) {}

    /**
     * Creates the table if it does not exist, with NOT NULL on the given columns, the given
     * properties and CHECK constraints (name -> SQL), and adds constraints it lacks.
     * A table created before a property was asked for (e.g. Change Data Feed) gets it now.
     *
     * @return true when the table was created now, and so holds no rows: nothing in it to delete or match
     */
    public static boolean ensure(SparkSession spark, String path, StructType schema, Set<String> notNull,
                              Map<String, String> properties, Map<String, String> checks) {
        org.apache.spark.sql.delta.Snapshot snapshot = snapshot(spark, path);
        if (snapshot.version() < 0) {
            DeltaTableBuilder b = DeltaTable.createIfNotExists(spark).location(path);
            for (StructField f : schema.fields()) {
                b = b.addColumn(DeltaTable.columnBuilder(spark, f.name()).dataType(f.dataType())
                        .nullable(!notNull.contains(f.name())).build());
            }
            for (Map.Entry<String, String> p : properties.entrySet()) b = b.property(p.getKey(), p.getValue());
            // Declared with the table, in its first commit, rather than one ALTER (and commit) each.
            for (Map.Entry<String, String> c : checks.entrySet()) b = b.property(CONSTRAINT + c.getKey().toLowerCase(Locale.ROOT), c.getValue());
            b.execute();
            return true;
        }
        for (StructField f : snapshot.metadata().schema().fields()) {
            // A column the contract no longer requires (a year that may be unknown) loses its NOT NULL.
            if (!f.nullable() && !notNull.contains(f.name())) {
                spark.sql("ALTER TABLE delta.`" + path + "` ALTER COLUMN `" + f.name() + "` DROP NOT NULL");
            }
        }
        Map<String, String> existing = scala.jdk.javaapi.CollectionConverters.asJava(snapshot.metadata().configuration());
        for (Map.Entry<String, String> c : checks.entrySet()) {
            if (!existing.containsKey(CONSTRAINT + c.getKey().toLowerCase(Locale.ROOT))) {
                spark.sql("ALTER TABLE delta.`" + path + "` ADD CONSTRAINT " + c.getKey() + " CHECK (" + c.getValue() + ")");
            }
        }
        String missing = "";
        for (Map.Entry<String, String> p : properties.entrySet()) {
            if (p.getValue().equals(existing.get(p.getKey()))) continue;
            missing += (missing.isEmpty() ? "" : ", ") + "'" + p.getKey() + "' = '" + p.getValue() + "'";
        }
        if (!missing.isEmpty()) spark.sql("ALTER TABLE delta.`" + path + "` SET TBLPROPERTIES (" + missing + ")");
        return false;
    }

    /** Replaces the table's rows; the table keeps its schema, constraints and history. */
    public static Commit overwrite(Dataset<Row> df, String path) {
        df.write().format("delta").mode("overwrite").save(path);
        return lastCommit(df.sparkSession(), path);
    }

    /** Replaces the table's rows and columns (its history stays). */
    public static Commit overwriteSchema(Dataset<Row> df, String path) {
        df.write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(path);
        return lastCommit(df.sparkSession(), path);
    }

    /**
     * Makes the table hold exactly the rows of df, matched on the key columns (null-safe): rows that
     * differ are updated, new ones inserted, vanished ones deleted, equal ones left alone. A rerun on
     * the same input therefore leaves the contents as they were and adds no change to the Change Data
     * Feed. The commit's row count is df's, which the table now holds (df is best persisted: MERGE
     * reads it more than once).
     */
    public static Commit sync(Dataset<Row> df, String path, java.util.List<String> key) {
        SparkSession spark = df.sparkSession();
        boolean local = heldLocally(df);
        // Rows held locally are counted where they are held: collecting them starts no Spark job, counting them would.
        long rows = local ? df.collectAsList().size() : df.count();
        Column on = functions.lit(true);
        for (String k : key) on = on.and(functions.col("t." + k).eqNullSafe(functions.col("s." + k)));
        Column same = functions.lit(true);
        for (String c : df.columns()) {
            if (!key.contains(c)) same = same.and(functions.col("t." + c).eqNullSafe(functions.col("s." + c)));
        }
        io.delta.tables.DeltaMergeBuilder merge = DeltaTable.forPath(spark, path).as("t").merge(df.as("s"), on)
                .whenMatched(functions.not(same)).updateAll()
                .whenNotMatched().insertAll()
                .whenNotMatchedBySource().delete();
        if (local) executeWithoutSourceCopy(merge, spark);
        else merge.execute();
        return new Commit(path, lastCommit(spark, path).version(), rows);
    }

    /** True when every row of df is data in its plan (a local relation), so every read of it gives the same rows. */
    private static boolean heldLocally(Dataset<Row> df) {
        org.apache.spark.sql.catalyst.plans.logical.LogicalPlan plan = df.queryExecution().analyzed();
        return plan.deterministic() && scala.jdk.javaapi.CollectionConverters.asJava(plan.collectLeaves()).stream()
                .allMatch(l -> l instanceof org.apache.spark.sql.catalyst.plans.logical.LocalRelation);
    }

    /**
     * MERGE reads its source twice. Delta copies any source that is not a plain Delta scan into a local
     * checkpoint so that both reads agree, and warns, when it drops the copy, that its lineage is gone.
     * Rows held locally cannot change between the reads: for them the copy is only work, skipped for
     * this MERGE alone.
     */
    private static void executeWithoutSourceCopy(io.delta.tables.DeltaMergeBuilder merge, SparkSession spark) {
        try (org.scamscope.spark.SessionSettings none = org.scamscope.spark.SessionSettings.set(spark, java.util.Map.of(MATERIALIZE_SOURCE, "none"))) {
            merge.execute();
        }
    }

    /**
     * Writes df's rows by natural key: a row of df replaces the table's row with its key, or is
     * added; the table's rows from the replaced files that df no longer has are deleted. One commit.
     * The commit's row count is the rows inserted or updated.
     */
    public static Commit mergeByKey(Dataset<Row> df, String path, java.util.List<String> key, String fileColumn,
                                    java.util.List<String> replacedFiles) {
        return withStagedSource(df, path, staged -> mergeByKeyFrom(staged, path, key, fileColumn, replacedFiles));
    }

    private static Commit mergeByKeyFrom(Dataset<Row> df, String path, java.util.List<String> key, String fileColumn,
                                         java.util.List<String> replacedFiles) {
        SparkSession spark = df.sparkSession();
        Column on = functions.lit(true);
        for (String k : key) on = on.and(functions.col("t." + k).equalTo(functions.col("s." + k)));
        io.delta.tables.DeltaMergeBuilder merge = DeltaTable.forPath(spark, path).as("t").merge(df.as("s"), on)
                .whenMatched().updateAll()
                .whenNotMatched().insertAll();
        // Only when files were replaced: a clause on the table's unmatched rows makes the MERGE a
        // full outer join over the whole table, where new files alone need only the matching rows.
        if (!replacedFiles.isEmpty()) {
            merge = merge.whenNotMatchedBySource(functions.col("t." + fileColumn).isin(replacedFiles.toArray())).delete();
        }
        merge.execute();
        return lastCommit(spark, path);
    }

    /**
     * Writes df once into a Delta table of its own inside the target's folder (hidden from Delta and
     * VACUUM by its leading underscore), gives MERGE that table's rows, and removes it afterwards.
     * MERGE reads its source twice; rows read from files, or cached, Delta would otherwise copy into a
     * local checkpoint itself, and warn when it drops the copy that its lineage is gone. A plain Delta
     * scan is read twice as it is. A copy a killed run left is overwritten by the next.
     */
    private static <T> T withStagedSource(Dataset<Row> df, String path, java.util.function.Function<Dataset<Row>, T> merge) {
        SparkSession spark = df.sparkSession();
        String staged = path + "/" + STAGED_SOURCE;
        remove(spark, staged);
        // Created with df's own schema first: a plain write would make array elements nullable, which
        // MERGE then cannot cast back to the table's columns.
        DeltaTable.create(spark).location(staged).addColumns(df.schema()).execute();
        df.write().format("delta").mode("append").save(staged);
        try {
            return merge.apply(spark.read().format("delta").load(staged));
        } finally {
            remove(spark, staged);
        }
    }

    private static void remove(SparkSession spark, String folder) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(folder);
        try {
            p.getFileSystem(spark.sessionState().newHadoopConf()).delete(p, true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot remove " + folder, e);
        }
    }

    /** Appends the rows of df whose key is not in the table yet; a repeated call adds nothing. */
    public static Commit insertMissing(Dataset<Row> df, String path, java.util.List<String> key) {
        SparkSession spark = df.sparkSession();
        Column on = functions.lit(true);
        for (String k : key) on = on.and(functions.col("t." + k).eqNullSafe(functions.col("s." + k)));
        long before = lastCommit(spark, path).version();
        DeltaTable.forPath(spark, path).as("t").merge(df.as("s"), on).whenNotMatched().insertAll().execute();
        Commit c = lastCommit(spark, path);
        // A MERGE with nothing to insert may commit nothing: then the last commit is an earlier write's.
        return c.version() == before ? new Commit(path, before, 0) : c;
    }

    /** Replaces the rows that match the condition (SQL) with df's rows, which must all match it. */
    public static Commit replaceWhere(Dataset<Row> df, String path, String condition) {
        df.write().format("delta").mode("overwrite").option("replaceWhere", condition).save(path);
        return lastCommit(df.sparkSession(), path);
    }

    public static Commit append(Dataset<Row> df, String path) {
        df.write().format("delta").mode("append").save(path);
        return lastCommit(df.sparkSession(), path);
    }

    /**
     * The table's latest snapshot, version -1 when there is no table: its metadata (schema, properties) as
     * Delta keeps it in the log, with no query planned over the table and no Spark job.
     */
    static org.apache.spark.sql.delta.Snapshot snapshot(SparkSession spark, String path) {
        return org.apache.spark.sql.delta.DeltaLog.forTable(spark, path).update(false, scala.Option.empty(), scala.Option.empty());
    }

    /** The table's columns, empty when there is no table. */
    public static java.util.Optional<StructType> schema(SparkSession spark, String path) {
        org.apache.spark.sql.delta.Snapshot s = snapshot(spark, path);
        return s.version() < 0 ? java.util.Optional.empty() : java.util.Optional.of(s.metadata().schema());
    }

    /**
     * The table's last commit: its version and the rows it wrote. Read from the commit file itself
     * through Delta's log, not through DESCRIBE HISTORY, which plans a query and runs a Spark job to
     * read one file.
     */
    public static Commit lastCommit(SparkSession spark, String path) {
        org.apache.spark.sql.delta.Snapshot snapshot = snapshot(spark, path);
        long version = snapshot.version();
        Map<String, String> metrics = lastCommitInfo(snapshot).filter(info -> info.operationMetrics().isDefined())
                .map(info -> scala.jdk.javaapi.CollectionConverters.asJava(info.operationMetrics().get())).orElse(Map.of());
        long rows = 0;
        // A write reports its output rows; a MERGE its rows inserted and updated.
        if (metrics.containsKey("numTargetRowsInserted")) {
            rows = Long.parseLong(metrics.get("numTargetRowsInserted")) + Long.parseLong(metrics.getOrDefault("numTargetRowsUpdated", "0"));
        } else if (metrics.containsKey("numOutputRows")) {
            rows = Long.parseLong(metrics.get("numOutputRows"));
        }
        return new Commit(path, version, rows);
    }

    /** The commit information of the table's latest version, empty when there is no table: from the log, with no Spark job. */
    public static java.util.Optional<org.apache.spark.sql.delta.actions.CommitInfo> lastCommitInfo(SparkSession spark, String path) {
        return lastCommitInfo(snapshot(spark, path));
    }

    private static java.util.Optional<org.apache.spark.sql.delta.actions.CommitInfo> lastCommitInfo(org.apache.spark.sql.delta.Snapshot snapshot) {
        return commitInfos(snapshot, snapshot.version(), snapshot.version()).stream().findFirst();
    }

    /**
     * The commit information of versions from to to of the table at path, oldest first: what DESCRIBE
     * HISTORY gives, read from the log's commit files with no Spark job.
     */
    public static java.util.List<org.apache.spark.sql.delta.actions.CommitInfo> commitInfos(SparkSession spark, String path, long from, long to) {
        return commitInfos(snapshot(spark, path), from, to);
    }

    private static java.util.List<org.apache.spark.sql.delta.actions.CommitInfo> commitInfos(org.apache.spark.sql.delta.Snapshot snapshot,
                                                                                           long from, long to) {
        java.util.List<org.apache.spark.sql.delta.actions.CommitInfo> out = new java.util.ArrayList<>();
        if (snapshot.version() < 0 || from > to) return out;
        var commits = snapshot.deltaLog().getChanges(from, to, scala.Option.empty(), true);
        while (commits.hasNext()) {
            for (org.apache.spark.sql.delta.actions.Action a : scala.jdk.javaapi.CollectionConverters.asJava(commits.next()._2())) {
                if (a instanceof org.apache.spark.sql.delta.actions.CommitInfo info) out.add(info);
            }
        }
        return out;
    }
}
