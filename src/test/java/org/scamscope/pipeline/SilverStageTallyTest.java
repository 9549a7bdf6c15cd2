package org.scamscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.scamscope.ScamscopeException;
import org.scamscope.TestSpark;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The summary's counts of a dataset's validated rows, on rows written by hand, counted by hand. */
class SilverStageTallyTest {
    private static final StructType VALIDATED = new StructType()
            .add("source_file", DataTypes.StringType).add("source_row", DataTypes.LongType)
            .add("_outcome", DataTypes.StringType).add("rule", DataTypes.StringType)
            .add("_warnings", DataTypes.createArrayType(DataTypes.StringType))
            .add("_fatal", DataTypes.createArrayType(DataTypes.StringType)).add("message", DataTypes.StringType);

    private static Row row(String file, long n, String outcome, String rule, List<String> warnings, List<String> fatal, String message) {
        return RowFactory.create(file, n, outcome, rule, warnings == null ? null : warnings.toArray(), fatal.toArray(), message);
    }

    private static Dataset<Row> rows(List<Row> rows) {
        return TestSpark.session().createDataFrame(rows, VALIDATED);
    }

    @Test
    void countsRowsOnceHoweverManyWarningsTheyCarry() {
        List<Row> in = List.of(
                row("a.csv", 1, "accepted", null, List.of("w_late", "w_round"), List.of(), null),
                row("a.csv", 2, "accepted", null, List.of(), List.of(), null),
                row("a.csv", 3, "quarantined", "age_range", List.of("w_late"), List.of(), "a.csv row 3: age"),
                row("a.csv", 4, "quarantined", "duplicate", null, List.of(), "a.csv row 4: dup"),
                row("b.csv", 1, "quarantined", "age_range", null, List.of(), "b.csv row 1: age"),
                row("b.csv", 2, "accepted", null, List.of("w_round"), List.of(), null),
                row("b.csv", 3, "quarantined", "bad_id", null, List.of("bad_id"), "b.csv row 3: fatal id"),
                row("a.csv", 5, "quarantined", "bad_id", null, List.of("bad_id"), "a.csv row 5: fatal id"));
        SilverStage.Tally t = SilverStage.tally(rows(in));
        // by hand: a.csv rows 1-5 and b.csv rows 1-3 are 8 rows; accepted a1, a2, b2
        assertEquals(8, t.read());
        assertEquals(3, t.accepted());
        // age_range twice (a3, b1); bad_id twice (b3, a5); duplicate once; most frequent first, then by name
        assertEquals(List.of(Map.entry("age_range", 2L), Map.entry("bad_id", 2L), Map.entry("duplicate", 1L)),
                List.copyOf(t.byRule().entrySet()));
        // w_late on a1 and a3, w_round on a1 and b2, by name
        assertEquals(List.of(Map.entry("w_late", 2L), Map.entry("w_round", 2L)), List.copyOf(t.warnings().entrySet()));
        // the first fatal row in file order: a.csv row 5, before b.csv row 3
        assertEquals("a.csv row 5: fatal id", t.fatal());
    }

    @Test
    void noFatalRuleBrokenGivesNoMessage() {
        SilverStage.Tally t = SilverStage.tally(rows(List.of(row("a.csv", 1, "accepted", null, null, List.of(), null))));
        assertEquals(1, t.read());
        assertTrue(t.byRule().isEmpty());
        assertNull(t.fatal());
    }

    @Test
    void aRowRepeatedOnTheWayStopsTheRun() {
        // a.csv's last row number is 2 but three rows arrived: one row came twice
        List<Row> in = List.of(row("a.csv", 1, "accepted", null, null, List.of(), null),
                row("a.csv", 2, "accepted", null, List.of("w"), List.of(), null),
                row("a.csv", 2, "accepted", null, List.of("w", "v"), List.of(), null));
        ScamscopeException e = assertThrows(ScamscopeException.class, () -> SilverStage.tally(rows(in)));
        assertEquals("a.csv: 2 rows read but 3 rows validated: rows were lost or repeated", e.getMessage());
    }
}
