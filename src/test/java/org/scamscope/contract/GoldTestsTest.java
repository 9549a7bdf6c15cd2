package org.scamscope.contract;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.scamscope.TestSpark;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A gold contract's tests on hand-made rows, each broken by rows counted by hand. */
class GoldTestsTest {
    static final StructType SCHEMA = new StructType().add("region", DataTypes.StringType).add("year", DataTypes.IntegerType)
            .add("kind", DataTypes.StringType).add("n", DataTypes.LongType);

    static GoldContract contract(long minRows) {
        return new GoldContract("t", "conf/tables/gold/t", List.of(), List.of("region", "year"), Optional.empty(),
                new GoldContract.Tests(true, List.of("region"), Map.of("kind", List.of("a", "b")), List.of("n"), minRows), Optional.empty());
    }

    static Dataset<Row> rows(Object[]... rows) {
        return TestSpark.session().createDataFrame(java.util.Arrays.stream(rows).map(RowFactory::create).toList(), SCHEMA);
    }

    @Test
    void rowsThatKeepEveryTestBreakNone() {
        assertEquals(List.of(), GoldTests.failures(contract(2), rows(
                new Object[] {"KH", 2024, "a", 3L},
                new Object[] {"KH", 2023, null, 0L})));  // a null kind is not a value outside the accepted ones
    }

    @Test
    void eachBrokenTestIsNamedWithTheRowsOrKeysThatBreakIt() {
        Dataset<Row> broken = rows(
                new Object[] {"KH", 2024, "a", 3L},
                new Object[] {"KH", 2024, "b", 1L},   // the key (KH, 2024) again
                new Object[] {null, 2024, "a", 2L},   // no region
                new Object[] {"TH", 2023, "c", -1L},  // a kind not accepted, and a negative count
                new Object[] {"TH", 2022, null, 0L});
        assertEquals(List.of(
                "gold/t: min_rows 6, but it has 5",
                "gold/t: not_null region: 1 rows break it",
                "gold/t: accepted_values kind [a, b]: 1 rows break it",
                "gold/t: non_negative n: 1 rows break it",
                "gold/t: unique_key [region, year]: 1 keys repeat"), GoldTests.failures(contract(6), broken));
        assertEquals(4, GoldTests.failures(contract(5), broken).size(), "five rows meet min_rows 5");
    }
}
