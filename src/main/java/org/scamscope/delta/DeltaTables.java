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
    private DeltaTables() {}

    /** What one write committed. */
    public record Commit(String path, long version, long rows) {}

    /**
     * Creates the table if it does not exist, with NOT NULL on the given columns, the given
     * properties and CHECK constraints (name -> SQL), and adds constraints it lacks.
     * A table created before a property was asked for (e.g. Change Data Feed) gets it now.
     */
    public static void ensure(SparkSession spark, String path, StructType schema, Set<String> notNull,
                              Map<String, String> properties, Map<String, String> checks) {
        if (!DeltaTable.isDeltaTable(spark, path)) {
            DeltaTableBuilder b = DeltaTable.createIfNotExists(spark).location(path);
            for (StructField f : schema.fields()) {
                b = b.addColumn(DeltaTable.columnBuilder(spark, f.name()).dataType(f.dataType())
                        .nullable(!notNull.contains(f.name())).build());
            }
            for (Map.Entry<String, String> p : properties.entrySet()) b = b.property(p.getKey(), p.getValue());
            // Declared with the table, in its first commit, rather than one ALTER (and commit) each.
            for (Map.Entry<String, String> c : checks.entrySet()) b = b.property(CONSTRAINT + c.getKey().toLowerCase(Locale.ROOT), c.getValue());
            b.execute();
            return;
        }
        for (StructField f : spark.read().format("delta").load(path).schema().fields()) {
            // A column the contract no longer requires (a year that may be unknown) loses its NOT NULL.
            if (!f.nullable() && !notNull.contains(f.name())) {
                spark.sql("ALTER TABLE delta.`" + path + "` ALTER COLUMN `" + f.name() + "` DROP NOT NULL");
            }
        }
        Row detail = DeltaTable.forPath(spark, path).detail().first();
        Map<String, String> existing = detail.getJavaMap(detail.fieldIndex("properties"));
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
        long rows = df.count();
        Column on = functions.lit(true);
        for (String k : key) on = on.and(functions.col("t." + k).eqNullSafe(functions.col("s." + k)));
        Column same = functions.lit(true);
        for (String c : df.columns()) {
            if (!key.contains(c)) same = same.and(functions.col("t." + c).eqNullSafe(functions.col("s." + c)));
        }
        DeltaTable.forPath(spark, path).as("t").merge(df.as("s"), on)
                .whenMatched(functions.not(same)).updateAll()
                .whenNotMatched().insertAll()
                .whenNotMatchedBySource().delete()
                .execute();
        return new Commit(path, lastCommit(spark, path).version(), rows);
    }

    /**
     * Writes df's rows by natural key: a row of df replaces the table's row with its key, or is
     * added; the table's rows from the replaced files that df no longer has are deleted. One commit.
     * The commit's row count is the rows inserted or updated.
     */
    public static Commit mergeByKey(Dataset<Row> df, String path, java.util.List<String> key, String fileColumn,
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

    public static Commit lastCommit(SparkSession spark, String path) {
        Row h = DeltaTable.forPath(spark, path).history(1).select("version", "operationMetrics").first();
        Map<String, String> metrics = h.getJavaMap(1);
        long rows = 0;
        if (metrics != null) {
            // A write reports its output rows; a MERGE its rows inserted and updated.
            if (metrics.containsKey("numTargetRowsInserted")) {
                rows = Long.parseLong(metrics.get("numTargetRowsInserted")) + Long.parseLong(metrics.getOrDefault("numTargetRowsUpdated", "0"));
            } else if (metrics.containsKey("numOutputRows")) {
                rows = Long.parseLong(metrics.get("numOutputRows"));
            }
        }
        return new Commit(path, h.getLong(0), rows);
    }
}
