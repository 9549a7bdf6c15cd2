package org.scamscope.delta;

import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Path-based Delta tables: created with their constraints, written whole, asked for version and metrics. */
public final class DeltaTables {
    private static final String CONSTRAINT = "delta.constraints.";
    private DeltaTables() {}

    /** What one write committed. */
    public record Commit(String path, long version, long rows) {}

    /**
     * Creates the table if it does not exist, with NOT NULL on the given columns, the given
     * properties and CHECK constraints (name -> SQL), and adds constraints it lacks.
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
        Row detail = DeltaTable.forPath(spark, path).detail().first();
        Map<String, String> existing = detail.getJavaMap(detail.fieldIndex("properties"));
        for (Map.Entry<String, String> c : checks.entrySet()) {
            if (!existing.containsKey(CONSTRAINT + c.getKey().toLowerCase(Locale.ROOT))) {
                spark.sql("ALTER TABLE delta.`" + path + "` ADD CONSTRAINT " + c.getKey() + " CHECK (" + c.getValue() + ")");
            }
        }
    }

    /** Replaces the table's rows; the table keeps its schema, constraints and history. */
    public static Commit overwrite(Dataset<Row> df, String path) {
        df.write().format("delta").mode("overwrite").save(path);
        return lastCommit(df.sparkSession(), path);
    }

    public static Commit append(Dataset<Row> df, String path) {
        df.write().format("delta").mode("append").save(path);
        return lastCommit(df.sparkSession(), path);
    }

    public static Commit lastCommit(SparkSession spark, String path) {
        Row h = DeltaTable.forPath(spark, path).history(1).select("version", "operationMetrics").first();
        Map<String, String> metrics = h.getJavaMap(1);
        String rows = metrics == null ? null : metrics.get("numOutputRows");
        return new Commit(path, h.getLong(0), rows == null ? 0 : Long.parseLong(rows));
    }
}
