package org.scamscope.table.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Suppression on hand-made rows: primary below k, complements within groups, describing cells. */
class SuppressionTest {
    /** Rows of an "id" and long cells named by columns; null values allowed. */
    private static Dataset<Row> cells(List<String> columns, Object[]... rows) {
        List<StructField> fields = new ArrayList<>(List.of(DataTypes.createStructField("id", DataTypes.StringType, false)));
        columns.forEach(c -> fields.add(DataTypes.createStructField(c, DataTypes.LongType, true)));
        List<Row> out = new ArrayList<>();
        for (Object[] r : rows) {
            Object[] v = new Object[r.length];
            v[0] = r[0];
            for (int i = 1; i < r.length; i++) v[i] = r[i] == null ? null : ((Number) r[i]).longValue();
            out.add(RowFactory.create(v));
        }
        return Silver.spark().createDataFrame(out, DataTypes.createStructType(fields));
    }

    private static Row byId(Dataset<Row> df, String id) {
        return df.filter("id = '" + id + "'").first();
    }

    /** Asserts the row's cells (in the order given) and which were suppressed. */
    private static void assertRow(Row r, List<String> columns, Object[] expected, String... suppressed) {
        for (int i = 0; i < columns.size(); i++) {
            Object want = expected[i] == null ? null : ((Number) expected[i]).longValue();
            assertEquals(want, r.getAs(columns.get(i)), r.getAs("id") + " " + columns.get(i));
        }
        assertEquals(Arrays.asList(suppressed), r.getList(r.fieldIndex(Suppression.CELLS)), r.getAs("id") + " cells");
        assertEquals(suppressed.length > 0, r.getAs(Suppression.FLAG), r.getAs("id") + " flag");
    }

    @Test
    void twoPartGroupHidesTheComplementOfASmallCell() {
        List<String> c = List.of("total", "a", "b");
        Dataset<Row> out = Suppression.withK(5).counts("total", "a", "b").group("total", "a", "b").apply(cells(c,
                new Object[]{"four", 10, 4, 6},
                new Object[]{"five", 10, 5, 5},
                new Object[]{"small_total", 3, 3, 0},
                new Object[]{"zero", 10, 0, 10},
                new Object[]{"both_small", 12, 4, 3},
                new Object[]{"no_other_part", 10, 4, null})).cache();
        // 4 < k: hidden; b goes too, or a = total - b would give it back.
        assertRow(byId(out, "four"), c, new Object[]{10, null, null}, "a", "b");
        assertRow(byId(out, "five"), c, new Object[]{10, 5, 5});
        // A total below k hides every part, even a 0 (it would tell that all are in the other part).
        assertRow(byId(out, "small_total"), c, new Object[]{null, null, null}, "total", "a", "b");
        assertRow(byId(out, "zero"), c, new Object[]{10, 0, 10});
        assertRow(byId(out, "both_small"), c, new Object[]{12, null, null}, "a", "b");
        // No part left to hide with a: the total goes, and with it every part.
        assertRow(byId(out, "no_other_part"), c, new Object[]{null, null, null}, "total", "a");
    }

    @Test
    void largerGroupHidesTheSmallestShownPartFirstDeclaredOnTies() {
        List<String> c = List.of("total", "a", "b", "c");
        Dataset<Row> out = Suppression.withK(5).counts("total", "a", "b", "c").group("total", "a", "b", "c").apply(cells(c,
                new Object[]{"smallest", 20, 4, 9, 7},
                new Object[]{"tie", 20, 2, 9, 9},
                new Object[]{"two_small", 20, 4, 3, 13})).cache();
        assertRow(byId(out, "smallest"), c, new Object[]{20, null, 9, null}, "a", "c");
        assertRow(byId(out, "tie"), c, new Object[]{20, null, null, 9}, "a", "b");
        assertRow(byId(out, "two_small"), c, new Object[]{20, null, null, 13}, "a", "b");
    }

    @Test
    void cellsDescribingFewPersonsAreHiddenWithTheirCount() {
        List<String> c = List.of("total", "d", "_n");
        Dataset<Row> out = Suppression.withK(5).counts("total").describes("total", "d").describes("_n", "d").apply(cells(c,
                new Object[]{"small_total", 3, 100, 3},
                new Object[]{"small_helper", 10, 100, 2},
                new Object[]{"large", 10, 100, 7})).cache();
        // The helper count is tested but never named: it is not published.
        assertRow(byId(out, "small_total"), c, new Object[]{null, null, 3}, "total", "d");
        assertRow(byId(out, "small_helper"), c, new Object[]{10, null, 2}, "d");
        assertRow(byId(out, "large"), c, new Object[]{10, 100, 7});
    }

    @Test
    void aComplementHiddenForOneGroupIsComplementedInTheNext() {
        List<String> c = List.of("t", "a", "b", "t2", "c");
        Dataset<Row> out = Suppression.withK(5).counts("t", "a", "b", "t2", "c").group("t", "a", "b").group("t2", "b", "c")
                .apply(cells(c, new Object[]{"chain", 10, 4, 6, 20, 14}));
        // a < k; b = t - a hides b; then c = t2 - b would give b back, so c goes too.
        assertRow(byId(out, "chain"), c, new Object[]{10, null, null, 20, null}, "a", "b", "c");
    }

    @Test
    void rowsThatAddUpToATotalPublishedElsewhereAreComplementedAcrossRows() {
        List<String> c = List.of("p", "n");
        // Partition 1: one hidden row (2), the smallest shown (6) goes; ties would go to the first id.
        // Partition 2: two hidden rows already. Partition 3: nothing hidden.
        Dataset<Row> out = Suppression.withK(5).counts("n").acrossRows("n", List.of("p"), List.of("id")).apply(cells(c,
                new Object[]{"a", 1, 2}, new Object[]{"b", 1, 6}, new Object[]{"c", 1, 9},
                new Object[]{"d", 2, 2}, new Object[]{"e", 2, 3}, new Object[]{"f", 2, 9},
                new Object[]{"g", 3, 5}, new Object[]{"h", 3, 5})).cache();
        assertRow(byId(out, "a"), c, new Object[]{1, null}, "n");
        assertRow(byId(out, "b"), c, new Object[]{1, null}, "n");
        assertRow(byId(out, "c"), c, new Object[]{1, 9});
        assertRow(byId(out, "f"), c, new Object[]{2, 9});
        assertRow(byId(out, "g"), c, new Object[]{3, 5});
        assertRow(byId(out, "h"), c, new Object[]{3, 5});
    }

    @Test
    void kOfOneHidesNothing() {
        List<String> c = List.of("total", "a", "b");
        Dataset<Row> out = Suppression.withK(1).counts("total", "a", "b").group("total", "a", "b")
                .apply(cells(c, new Object[]{"one", 10, 1, 9}));
        assertRow(byId(out, "one"), c, new Object[]{10, 1, 9});
    }
}
