package org.scamscope.table.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scamscope.table.gold.Silver.*;

/**
 * Forced workers 2024: 10 in KH-18, 6 in KH-12, 4 in Cambodia with no province, 3 in China, 2 with
 * no country; defrauded 2024: 6 in KH-18, 5 in KH-12; one forced worker in KH-18 in 2023. k = 5.
 */
class VictimsByRegionYearTest {
    private static final String F = "forced_scam_worker";
    private static final String D = "defrauded";
    private static final List<String> ALL_PERSON_CELLS = List.of("victims", "women", "men", "minors", "rescued",
            "repatriated", "deported", "distinct_citizenships", "most_frequent_citizenship");
    private static Dataset<Row> gold;

    @BeforeAll
    static void build() {
        List<Row> victims = all(
                // KH-18: women 4, men 6, one minor; CHN 5, VNM 3, IDN 2; rescued 5, repatriated 4, deported 1
                times(1, victim("v1", F, "2024-02-01", "female", 16, "CHN", "KHM", "KH-18", "rescued", null)),
                times(3, victim("v2", F, "2024-02-01", "female", 30, "CHN", "KHM", "KH-18", "rescued", null)),
                times(1, victim("v3", F, "2024-03-01", "male", 30, "CHN", "KHM", "KH-18", "rescued", null)),
                times(3, victim("v4", F, "2024-04-01", "male", 30, "VNM", "KHM", "KH-18", "repatriated", null)),
                times(1, victim("v5", F, "2024-05-01", "male", 30, "IDN", "KHM", "KH-18", "repatriated", null)),
                times(1, victim("v6", F, "2024-06-01", "male", 30, "IDN", "KHM", "KH-18", "deported", null)),
                // KH-12: women 5, men 1; THA 3 and MMR 3 tie; all held
                times(3, victim("v7", F, "2024-01-10", "female", 30, "THA", "KHM", "KH-12", "held", null)),
                times(2, victim("v8", F, "2024-01-10", "female", 30, "MMR", "KHM", "KH-12", "held", null)),
                times(1, victim("v9", F, "2024-01-10", "male", 30, "MMR", "KHM", "KH-12", "held", null)),
                // Cambodia, province unknown; age unknown
                times(4, victim("v10", F, "2024-07-01", "male", null, "CHN", "KHM", null, "escaped", null)),
                // China (Eastern Asia), and no country at all
                times(3, victim("v11", F, "2024-08-01", "female", 30, "MMR", "CHN", null, "rescued", null)),
                times(2, victim("v12", F, "2024-09-01", "female", 30, "CHN", null, null, "rescued", null)),
                // Defrauded in KH-18: 6 women, losses known for all
                List.of(victim("d1", D, "2024-03-01", "female", 40, "USA", "KHM", "KH-18", null, "100.00"),
                        victim("d2", D, "2024-03-01", "female", 40, "USA", "KHM", "KH-18", null, "200.00"),
                        victim("d3", D, "2024-03-01", "female", 40, "USA", "KHM", "KH-18", null, "300.00"),
                        victim("d4", D, "2024-03-01", "female", 40, "USA", "KHM", "KH-18", null, "400.00"),
                        victim("d5", D, "2024-03-01", "female", 40, "USA", "KHM", "KH-18", null, "1000.00"),
                        victim("d6", D, "2024-03-01", "female", 40, "USA", "KHM", "KH-18", null, "2000.00"),
                        // Defrauded in KH-12: 5 men, a loss known for 4 of them
                        victim("d7", D, "2024-04-01", "male", 40, "GBR", "KHM", "KH-12", null, "10.00"),
                        victim("d8", D, "2024-04-01", "male", 40, "GBR", "KHM", "KH-12", null, "20.00"),
                        victim("d9", D, "2024-04-01", "male", 40, "GBR", "KHM", "KH-12", null, "30.00"),
                        victim("d10", D, "2024-04-01", "male", 40, "GBR", "KHM", "KH-12", null, "50.00"),
                        victim("d11", D, "2024-04-01", "male", 40, "GBR", "KHM", "KH-12", null, null),
                        victim("v13", F, "2023-12-31", "male", 30, "CHN", "KHM", "KH-18", "held", null)));
        gold = new VictimsByRegionYear().build(inputs(victims, List.of(), List.of(), List.of(), 5, 2025)).cache();
    }

    @AfterAll
    static void release() {
        gold.unpersist();
    }

    @Test
    void everyLevelHasItsRowsAndNoUnplacedOnes() {
        List<String> places = gold.filter("year = 2024 AND victim_type = '" + F + "'")
                .selectExpr("concat(region_level, ' ', region_code, ' ', region_name)").orderBy("region_level", "region_code")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(List.of("country CHN China", "country KHM Cambodia", "subdivision KH-12 Phnom Penh",
                "subdivision KH-18 Preah Sihanouk", "subregion 030 Eastern Asia", "subregion 035 South-eastern Asia",
                "world 001 World"), places);
    }

    @Test
    void subdivisionSuppressesSmallCellsAndTheirComplements() {
        // women 4 < 5 hidden, men 6 hidden with it; rescued 5 shown; repatriated 4 and deported 1 hidden.
        assertCells(only(gold, "subdivision", "KH-18", 2024, "victim_type = '" + F + "'"),
                "victims", 10, "women", null, "men", null, "minors", null, "distinct_citizenships", 3,
                "most_frequent_citizenship", "CHN", "rescued", 5, "repatriated", null, "deported", null,
                "losses_usd_sum", null, "losses_usd_median", null, "suppressed", true,
                "suppressed_cells", List.of("women", "men", "minors", "repatriated", "deported"));
        // men 1 hidden, so women 5 hidden too; THA and MMR tie at 3: the lower code wins.
        assertCells(only(gold, "subdivision", "KH-12", 2024, "victim_type = '" + F + "'"),
                "victims", 6, "women", null, "men", null, "minors", 0, "distinct_citizenships", 2,
                "most_frequent_citizenship", "MMR", "rescued", 0, "repatriated", 0, "deported", 0,
                "suppressed", true, "suppressed_cells", List.of("women", "men"));
        assertCells(only(gold, "subdivision", "KH-18", 2023, "true"), "victims", null, "suppressed", true);
    }

    @Test
    void countryIsItsSubdivisionsPlusItsRecordsWithoutOne() {
        // 10 + 6 + 4 victims; women 4 + 5, men 6 + 1 + 4; CHN 5 + 4, MMR 3, THA 3, VNM 3, IDN 2.
        assertCells(only(gold, "country", "KHM", 2024, "victim_type = '" + F + "'"),
                "region_name", "Cambodia", "victims", 20, "women", 9, "men", 11, "minors", null, "distinct_citizenships", 5,
                "most_frequent_citizenship", "CHN", "rescued", 5, "repatriated", null, "deported", null,
                "suppressed_cells", List.of("minors", "repatriated", "deported"));
        assertCells(only(gold, "subregion", "035", 2024, "victim_type = '" + F + "'"), "victims", 20, "women", 9, "men", 11);
    }

    @Test
    void aRowOfFewerThanKPersonsShowsNothingAboutThem() {
        for (String[] place : new String[][]{{"country", "CHN"}, {"subregion", "030"}}) {
            Row r = only(gold, place[0], place[1], 2024, "victim_type = '" + F + "'");
            for (String c : ALL_PERSON_CELLS) assertCells(r, c, null);
            // Losses are null for forced workers anyway: not named as suppressed.
            assertCells(r, "suppressed", true, "suppressed_cells", ALL_PERSON_CELLS);
        }
    }

    @Test
    void worldCountsRecordsWithNoCountry() {
        // 20 in Cambodia + 3 in China + 2 unplaced; CHN 9 + 2, MMR 3 + 3; rescued 5 + 3 + 2.
        assertCells(only(gold, "world", "001", 2024, "victim_type = '" + F + "'"),
                "victims", 25, "women", 14, "men", 11, "minors", null, "distinct_citizenships", 5,
                "most_frequent_citizenship", "CHN", "rescued", 10, "repatriated", null, "deported", null,
                "suppressed_cells", List.of("minors", "repatriated", "deported"));
    }

    @Test
    void lossesAreSummedWithTheirMedianUnlessFewerThanKAreKnown() {
        // 100, 200, 300, 400, 1000, 2000: median (300 + 400) / 2.
        assertCells(only(gold, "subdivision", "KH-18", 2024, "victim_type = '" + D + "'"),
                "victims", 6, "women", 6, "men", 0, "minors", 0, "most_frequent_citizenship", "USA",
                "losses_usd_sum", "4000.00", "losses_usd_median", "350.00", "suppressed", false, "suppressed_cells", List.of());
        // 5 victims, but only 4 losses known.
        assertCells(only(gold, "subdivision", "KH-12", 2024, "victim_type = '" + D + "'"),
                "victims", 5, "women", 0, "men", 5, "losses_usd_sum", null, "losses_usd_median", null,
                "suppressed_cells", List.of("losses_usd_sum", "losses_usd_median"));
        // All ten known losses: 10 20 30 50 100 | 200 300 400 1000 2000.
        assertCells(only(gold, "country", "KHM", 2024, "victim_type = '" + D + "'"),
                "victims", 11, "women", 6, "men", 5, "distinct_citizenships", 2, "most_frequent_citizenship", "USA",
                "losses_usd_sum", "4110.00", "losses_usd_median", "150.00", "suppressed", false);
    }
}
