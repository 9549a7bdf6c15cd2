package org.scamscope;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two warehouses compared table by table, row for row, less the columns that name the run that wrote a
 * row. Whole tables are read with Delta Kernel, as the read-only commands read them: Spark planned two
 * reads a table, some 4 s for the sample's 20 tables in a warm JVM against 0.4 s (KernelReadsLikeSparkTest
 * checks the two read the same values).
 */
public final class WarehouseComparison {
    /** Lineage of the run that wrote a row, which differs between two runs over the same input. */
    public static final Set<String> RUN_COLUMNS = Set.of("run_id", "ingested_at", "rejected_at");

    private WarehouseComparison() {}

    /** Every Delta table under the given folders (e.g. "silver", "ops/data_quality") of both warehouses. */
    public static void assertSameTables(Path expected, Path actual, List<String> folders) throws IOException {
        List<String> tables = deltaTables(expected, folders);
        assertTrue(tables.contains("silver/victims"), "the expected warehouse has silver: " + tables);
        assertEquals(tables, deltaTables(actual, folders), "the same tables");
        for (String t : tables) assertSameRows(t, KernelRows.read(expected.resolve(t)), KernelRows.read(actual.resolve(t)));
    }

    /** The same, for warehouses anywhere (a local folder, HDFS): the tables under the folders, found by WarehouseTables. */
    public static void assertSameTables(org.scamscope.storage.Location expected, org.scamscope.storage.Location actual, List<String> folders) {
        List<String> tables = under(expected, folders);
        assertTrue(tables.contains("silver/victims"), "the expected warehouse has silver: " + tables);
        assertEquals(tables, under(actual, folders), "the same tables");
        for (String t : tables) {
            assertSameRows(t, KernelRows.read(expected.resolve(t).toString()), KernelRows.read(actual.resolve(t).toString()));
        }
    }

    private static List<String> under(org.scamscope.storage.Location warehouse, List<String> folders) {
        return org.scamscope.ops.WarehouseTables.list(warehouse).stream()
                .filter(t -> folders.stream().anyMatch(f -> t.equals(f) || t.startsWith(f + "/"))).sorted().toList();
    }

    /** Compares two tables' rows (as JSON), naming what is missing and what is unexpected. */
    public static void assertSameRows(String table, Dataset<Row> expected, Dataset<Row> actual) {
        assertEquals(Arrays.asList(expected.columns()), Arrays.asList(actual.columns()), table + ": columns");
        assertEquals(expected.schema().simpleString(), actual.schema().simpleString(), table + ": types");
        assertSameRows(table, json(expected), json(actual));
    }

    /** Two tables as Kernel reads them: the same columns and types, the same rows. */
    static void assertSameRows(String table, KernelRows expected, KernelRows actual) {
        assertEquals(expected.columns(), actual.columns(), table + ": columns and types");
        assertSameRows(table, expected.rows(), actual.rows());
    }

    /** The same sorted rows, or a message naming what is missing and what is unexpected. */
    private static void assertSameRows(String table, List<String> er, List<String> ar) {
        if (!er.equals(ar)) {
            List<String> missing = new ArrayList<>(er);
            ar.forEach(missing::remove);
            List<String> extra = new ArrayList<>(ar);
            er.forEach(extra::remove);
            throw new AssertionError(table + ": " + er.size() + " rows expected, " + ar.size() + " written; " + missing.size()
                    + " missing, e.g. " + missing.stream().limit(3).toList() + "; " + extra.size() + " unexpected, e.g. "
                    + extra.stream().limit(3).toList());
        }
    }

    /** A table's rows as Delta has them now, less {@link #RUN_COLUMNS}. */
    public static Dataset<Row> rows(Path table) {
        Dataset<Row> df = TestSpark.session().read().format("delta").load(table.toString());
        for (String c : RUN_COLUMNS) df = df.drop(c);
        return df;
    }

    /** Each row as JSON (maps and arrays included), sorted. */
    private static List<String> json(Dataset<Row> df) {
        Column[] cols = Arrays.stream(df.columns()).map(c -> col("`" + c + "`")).toArray(Column[]::new);
        List<String> rows = new ArrayList<>(df.select(to_json(struct(cols))).as(Encoders.STRING()).collectAsList());
        rows.sort(null);
        return rows;
    }

    /** Relative paths of the Delta tables (folders with a _delta_log) under the given folders, sorted. */
    public static List<String> deltaTables(Path warehouse, List<String> folders) throws IOException {
        List<String> out = new ArrayList<>();
        for (String top : folders) {
            Path d = warehouse.resolve(top);
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.walk(d, 3)) {
                s.filter(p -> Files.isDirectory(p.resolve("_delta_log")))
                        .forEach(p -> out.add(warehouse.relativize(p).toString().replace('\\', '/')));
            }
        }
        out.sort(null);
        return out;
    }
}
