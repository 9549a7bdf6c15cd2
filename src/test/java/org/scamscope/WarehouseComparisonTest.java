package org.scamscope;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison every recovery, cluster and incremental test ends with finds one changed cell, row or column. */
class WarehouseComparisonTest {
    static final List<String> FOLDERS = List.of("silver", "gold", "quarantine", "reference", "ops/data_quality", "ops/victim_cells");

    @TempDir
    Path dir;

    static void sql(String statement) {
        TestSpark.session().sql(statement);
    }

    static long rows(Path table) {
        return TestSpark.session().read().format("delta").load(table.toString()).count();
    }

    @Test
    void aCopyIsTheSameWhateverRunWroteItsRows() throws IOException {
        Path copy = BasicWarehouse.SHARED.copy(dir.resolve("copy"));
        sql("UPDATE delta.`" + copy.resolve("silver/victims") + "` SET run_id = 'another run'");
        WarehouseComparison.assertSameTables(BasicWarehouse.SHARED.path(), copy, FOLDERS);
    }

    @Test
    void oneChangedCellIsNamedAsARowMissingAndARowUnexpected() throws IOException {
        Path copy = BasicWarehouse.SHARED.copy(dir.resolve("changed"));
        sql("UPDATE delta.`" + copy.resolve("silver/victims") + "` SET status = 'escaped' WHERE victim_id = 'V1'");
        long n = rows(copy.resolve("silver/victims"));
        AssertionError e = assertThrows(AssertionError.class, () -> WarehouseComparison.assertSameTables(BasicWarehouse.SHARED.path(), copy, FOLDERS));
        assertTrue(e.getMessage().startsWith("silver/victims: " + n + " rows expected, " + n + " written; 1 missing, e.g. [[\"V1\""), e.getMessage());
        assertTrue(e.getMessage().contains("; 1 unexpected, e.g. [[\"V1\""), e.getMessage());
        assertTrue(e.getMessage().contains("\"escaped\""), e.getMessage());
    }

    @Test
    void aDeletedRowIsNamed() throws IOException {
        Path copy = BasicWarehouse.SHARED.copy(dir.resolve("deleted"));
        Path table = copy.resolve("gold/region_year_overview");
        long n = rows(table);
        String first = TestSpark.session().read().format("delta").load(table.toString()).selectExpr("min(region_code)").first().getString(0);
        sql("DELETE FROM delta.`" + table + "` WHERE region_code = '" + first + "'");
        long left = rows(table);
        assertTrue(left < n, "rows deleted");
        AssertionError e = assertThrows(AssertionError.class, () -> WarehouseComparison.assertSameTables(BasicWarehouse.SHARED.path(), copy, FOLDERS));
        assertTrue(e.getMessage().startsWith("gold/region_year_overview: " + n + " rows expected, " + left + " written; " + (n - left)
                + " missing"), e.getMessage());
        assertTrue(e.getMessage().contains("; 0 unexpected"), e.getMessage());
    }

    @Test
    void anAddedColumnIsNamed() throws IOException {
        Path copy = BasicWarehouse.SHARED.copy(dir.resolve("column"));
        sql("ALTER TABLE delta.`" + copy.resolve("quarantine/rejected_rows") + "` ADD COLUMNS (note STRING)");
        AssertionError e = assertThrows(AssertionError.class, () -> WarehouseComparison.assertSameTables(BasicWarehouse.SHARED.path(), copy, FOLDERS));
        assertTrue(e.getMessage().startsWith("quarantine/rejected_rows: columns and types"), e.getMessage());
        assertTrue(e.getMessage().contains("note string"), e.getMessage());
    }
}
