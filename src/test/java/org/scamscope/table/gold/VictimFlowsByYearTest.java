package org.scamscope.table.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scamscope.table.gold.Silver.*;

/** Forced workers 2024: in KH-18 5 CHN, 4 VNM, 2 of unknown citizenship; in Cambodia, no province, 1 VNM; one defrauded. */
class VictimFlowsByYearTest {
    private static final String F = "forced_scam_worker";
    private static Dataset<Row> gold;

    @BeforeAll
    static void build() {
        List<Row> victims = all(
                times(5, victim("v1", F, "2024-01-01", "male", 30, "CHN", "KHM", "KH-18", "held", null)),
                times(4, victim("v2", F, "2024-01-01", "male", 30, "VNM", "KHM", "KH-18", "held", null)),
                times(2, victim("v3", F, "2024-01-01", "male", 30, null, "KHM", "KH-18", "held", null)),
                times(1, victim("v4", F, "2024-01-01", "male", 30, "VNM", "KHM", null, "held", null)),
                times(1, victim("d1", "defrauded", "2024-01-01", "male", 30, "CHN", "KHM", "KH-18", null, "10.00")));
        gold = new VictimFlowsByYear().build(inputs(victims, List.of(), List.of(), List.of(), 5, 2025)).cache();
    }

    @AfterAll
    static void release() {
        gold.unpersist();
    }

    private static Row flow(String level, String code, String type, String citizenship) {
        return only(gold, level, code, 2024, "victim_type = '" + type + "' AND citizenship <=> "
                + (citizenship == null ? "NULL" : "'" + citizenship + "'"));
    }

    @Test
    void corridorsAreCountedAtEveryLevelAndSmallOnesSuppressed() {
        assertCells(flow("subdivision", "KH-18", F, "CHN"), "citizenship_name", "China", "victims", 5, "suppressed", false);
        assertCells(flow("subdivision", "KH-18", F, null), "victims", null, "suppressed", true);
        assertCells(flow("subdivision", "KH-18", F, "VNM"), "citizenship_name", "Viet Nam", "victims", null,
                "suppressed", true, "suppressed_cells", List.of("victims"));
        // 4 in KH-18 and 1 with no province make 5 at country level: shown there.
        assertCells(flow("country", "KHM", F, "VNM"), "victims", 5, "suppressed", false);
        assertCells(flow("world", "001", F, "VNM"), "victims", 5);
    }

    @Test
    void aLoneHiddenCorridorTakesTheSmallestOtherWithIt() {
        // Into Cambodia: CHN 5, VNM 5, unknown 2 (hidden). The 12 victims are published elsewhere, so
        // unknown = 12 - 5 - 5 unless one more goes: the smallest, CHN before VNM on the tie.
        assertCells(flow("country", "KHM", F, "CHN"), "victims", null, "suppressed", true, "suppressed_cells", List.of("victims"));
        assertCells(flow("country", "KHM", F, "VNM"), "victims", 5);
        // Into KH-18: CHN 5, VNM 4, unknown 2: two hidden already, CHN stays.
        assertCells(flow("subdivision", "KH-18", F, "CHN"), "victims", 5);
    }

    @Test
    void unknownCitizenshipIsARowOfItsOwnAndTypesAreApart() {
        assertCells(flow("country", "KHM", F, null), "citizenship_name", null, "victims", null, "suppressed", true);
        assertCells(flow("subdivision", "KH-18", "defrauded", "CHN"), "victims", null, "suppressed", true);
        // CHN, VNM and unknown into Cambodia for forced workers; one defrauded CHN row.
        assertEquals(4, gold.filter("region_level = 'country' AND region_code = 'KHM'").count());
    }
}
