package org.scamscope.cli;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.scamscope.SampleWarehouse;
import org.scamscope.TestSpark;
import org.scamscope.ops.CsvWriter;
import org.scamscope.ops.WarehouseTables;
import org.scamscope.spark.SparkSessions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * show, history and tables read with Delta Kernel, without Spark; on every table of the sample warehouse
 * they give what Spark reads of the same version: every row, every value as Spark's cast to text,
 * the key order Spark's ORDER BY gives, and the versions and operations of Spark's history.
 */
class KernelReadsLikeSparkTest {
    @Test
    void everyTableOfTheSampleReadsAsSparkReadsIt() {
        Path wh = SampleWarehouse.SHARED.path();
        SparkSession spark = TestSpark.session();
        spark.conf().set("spark.sql.session.timeZone", "UTC"); // the zone conf/spark-defaults.conf sets
        List<String> tables = WarehouseTables.list(wh);
        assertTrue(tables.size() >= 18, tables.toString());
        int before = SparkSessions.requests();
        for (String table : tables) {
            String path = wh.resolve(table).toString();
            TableFixtures.Outcome o = TableFixtures.main("show", table, "--warehouse", wh.toString(), "--format", "csv");
            assertEquals(0, o.code(), table + ": " + o.err());
            Dataset<Row> df = spark.read().format("delta").load(path);
            List<String> kernel = new ArrayList<>(o.out().lines().toList());
            // CSV cells may hold line breaks (the quarantine's raw records): compare whole rows, sorted.
            List<String> expected = new ArrayList<>(sparkCsv(df).lines().toList());
            assertEquals(expected.get(0), kernel.get(0), table + ": header");
            assertEquals(sorted(expected.subList(1, expected.size())), sorted(kernel.subList(1, kernel.size())), table);
        }
        // Gold rows come in the order of their key, as Spark orders them.
        for (String table : List.of("gold/region_year_overview", "gold/victim_flows_by_year")) {
            TableFixtures.Outcome o = TableFixtures.main("show", table, "--warehouse", wh.toString(), "--format", "csv",
                    "--columns", "region_code,year", "--limit", "60");
            Dataset<Row> df = spark.read().format("delta").load(wh.resolve(table).toString());
            List<String> keyOrder = new ArrayList<>(List.of("region_code,year"));
            org.scamscope.contract.GoldContract c = org.scamscope.pipeline.Pipeline.shipped().gold(table.substring(5)).contract();
            Column[] by = c.key().stream().map(df::col).toArray(Column[]::new);
            for (Row r : df.orderBy(by).select("region_code", "year").limit(60).collectAsList()) {
                keyOrder.add(r.getString(0) + "," + (r.isNullAt(1) ? "" : r.get(1)));
            }
            assertEquals(keyOrder, o.out().lines().toList(), table);
        }
        for (String table : List.of("silver/victims", "gold/region_year_overview", "ops/ingested_files")) {
            TableFixtures.Outcome o = TableFixtures.main("history", table, "--warehouse", wh.toString());
            assertEquals(0, o.code(), o.err());
            List<String> lines = o.out().lines().skip(2).toList();
            List<Row> h = DeltaTable.forPath(spark, wh.resolve(table).toString()).history()
                    .orderBy("version").select("version", "operation").collectAsList();
            assertEquals(h.size(), lines.size(), o.out());
            for (int i = 0; i < h.size(); i++) {
                String[] cells = lines.get(i).strip().split("\\s+");
                assertEquals(Long.toString(h.get(i).getLong(0)), cells[0], o.out());
                assertTrue(lines.get(i).contains("  " + h.get(i).getString(1)), o.out());
            }
        }
        // tables: each table's latest version and its rows, as Spark counts them.
        TableFixtures.Outcome listed = TableFixtures.main("tables", "--warehouse", wh.toString());
        assertEquals(0, listed.code(), listed.err());
        List<String> lines = listed.out().lines().skip(2).toList();
        assertEquals(tables.size(), lines.size(), listed.out());
        for (int i = 0; i < tables.size(); i++) {
            String[] cells = lines.get(i).split("\\s+");
            String path = wh.resolve(tables.get(i)).toString();
            long version = DeltaTable.forPath(spark, path).history(1).select("version").first().getLong(0);
            assertEquals(List.of(tables.get(i), Long.toString(version), Long.toString(spark.read().format("delta").load(path).count())),
                    List.of(cells[0], cells[1], cells[2]), listed.out());
        }
        assertEquals(before, SparkSessions.requests(), "show, history or tables asked for a Spark session");
        assertFalse(tables.isEmpty());
    }

    private static List<String> sorted(List<String> lines) {
        List<String> s = new ArrayList<>(lines);
        s.sort(null);
        return s;
    }

    /** The rows as CSV of Spark's own cast of every column to text. */
    private static String sparkCsv(Dataset<Row> df) {
        StructField[] fields = df.schema().fields();
        Column[] text = new Column[fields.length];
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            text[i] = df.col("`" + fields[i].name() + "`").cast("string");
            headers.add(fields[i].name());
        }
        StringBuilder b = new StringBuilder(CsvWriter.line(headers));
        for (Row r : df.select(text).collectAsList()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < fields.length; i++) cells.add(r.isNullAt(i) ? null : r.getString(i));
            b.append(CsvWriter.line(cells));
        }
        return b.toString();
    }
}
