package org.scamscope.table.gold;

import org.scamscope.pipeline.Pipeline;
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
    private static final List<String> COUNTS = List.of("victims", "women", "men", "gender_other_or_unknown", "minors",
            "adults_or_age_unknown", "rescued", "repatriated", "deported", "status_other_or_unknown");
    /** As counted, before suppression. */
    private static Dataset<Row> raw;
    /** As published: protected together with the corridors. */
    private static Dataset<Row> gold;
    private static GoldInputs inputs;

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
        inputs = inputs(victims, List.of(), List.of(), List.of(), 5, 2025);
        raw = new VictimsByRegionYear().build(inputs).cache();
        gold = inputs.gold(VictimsByRegionYear.NAME).cache();
    }

    @AfterAll
    static void release() {
        raw.unpersist();
        gold.unpersist();
    }

    @Test
    void everyLevelHasItsRowsAndAnUnknownCellForWhatItCannotPlace() {
        List<String> places = raw.filter("year = 2024 AND victim_type = '" + F + "'")
                .selectExpr("concat(region_level, ' ', region_code, ' ', region_name)").orderBy("region_level", "region_code")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(List.of("country CHN China", "country KHM Cambodia", "country unknown Country not known",
                "subdivision CHN-unknown China, subdivision not known", "subdivision KH-12 Phnom Penh",
                "subdivision KH-18 Preah Sihanouk", "subdivision KHM-unknown Cambodia, subdivision not known",
                "subregion 030 Eastern Asia", "subregion 035 South-eastern Asia",
                "subregion unknown No M49 sub-region, or country not known", "world 001 World"), places);
    }

    @Test
    void subdivisionCountsAndTheirBreakdownsAddUp() {
        // KH-18: women 4, men 6; one minor; rescued 5, repatriated 4, deported 1, none held.
        assertCells(only(raw, "subdivision", "KH-18", 2024, "victim_type = '" + F + "'"),
                "victims", 10L, "women", 4L, "men", 6L, "gender_other_or_unknown", 0L, "minors", 1L, "adults_or_age_unknown", 9L,
                "distinct_citizenships", 3, "most_frequent_citizenship", "CHN",
                "rescued", 5L, "repatriated", 4L, "deported", 1L, "status_other_or_unknown", 0L);
        // THA and MMR tie at 3: the lower code wins. All six held.
        assertCells(only(raw, "subdivision", "KH-12", 2024, "victim_type = '" + F + "'"),
                "victims", 6L, "women", 5L, "men", 1L, "minors", 0L, "most_frequent_citizenship", "MMR",
                "rescued", 0L, "status_other_or_unknown", 6L);
        // Cambodia without a province: four men of unknown age, escaped.
        assertCells(only(raw, "subdivision", "KHM-unknown", 2024, "victim_type = '" + F + "'"),
                "victims", 4L, "men", 4L, "adults_or_age_unknown", 4L, "status_other_or_unknown", 4L);
    }

    @Test
    void countryIsExactlyItsSubdivisionsAndItsUnknownCell() {
        // 10 + 6 + 4 victims; women 4 + 5, men 6 + 1 + 4; rescued 5; held 6 and escaped 4.
        assertCells(only(raw, "country", "KHM", 2024, "victim_type = '" + F + "'"),
                "region_name", "Cambodia", "victims", 20L, "women", 9L, "men", 11L, "minors", 1L, "adults_or_age_unknown", 19L,
                "distinct_citizenships", 5, "most_frequent_citizenship", "CHN", "rescued", 5L, "repatriated", 4L,
                "deported", 1L, "status_other_or_unknown", 10L);
        assertCells(only(raw, "subregion", "035", 2024, "victim_type = '" + F + "'"), "victims", 20L, "women", 9L, "men", 11L);
        // The two records with no country.
        assertCells(only(raw, "country", "unknown", 2024, "victim_type = '" + F + "'"), "victims", 2L, "women", 2L);
        assertCells(only(raw, "subregion", "unknown", 2024, "victim_type = '" + F + "'"), "victims", 2L);
    }

    @Test
    void worldCountsEveryRecord() {
        // 20 in Cambodia + 3 in China + 2 unplaced; rescued 5 + 3 + 2.
        assertCells(only(raw, "world", "001", 2024, "victim_type = '" + F + "'"),
                "victims", 25L, "women", 14L, "men", 11L, "minors", 1L, "distinct_citizenships", 5,
                "most_frequent_citizenship", "CHN", "rescued", 10L, "repatriated", 4L, "deported", 1L);
    }

    @Test
    void everyCountBelowKIsHiddenAndARowOfFewerThanKShowsNothing() {
        List<Row> counted = raw.collectAsList();
        for (Row r : counted) {
            Row published = only(gold, r.getAs("region_level"), r.getAs("region_code"), r.<Integer>getAs("year"),
                    "victim_type = '" + r.getAs("victim_type") + "'");
            List<String> hidden = published.getList(published.fieldIndex("suppressed_cells"));
            for (String c : COUNTS) {
                long n = r.<Long>getAs(c);
                if (n >= 1 && n < 5) assertEquals((Object) null, published.getAs(c), r + " " + c);
                if (published.getAs(c) != null) assertEquals((Object) n, published.getAs(c), r + " " + c);
                assertEquals(published.getAs(c) == null, hidden.contains(c), r + " " + c + " named");
            }
            if (r.<Long>getAs("victims") < 5) {
                for (String c : List.of("distinct_citizenships", "most_frequent_citizenship")) assertEquals((Object) null, published.getAs(c), r + " " + c);
            }
        }
        // KH-18: women 4 and deported 1 are below k.
        Row kh18 = only(gold, "subdivision", "KH-18", 2024, "victim_type = '" + F + "'");
        assertCells(kh18, "women", null, "deported", null, "minors", null, "suppressed", true);
    }

    @Test
    void publishedGoldPassesTheAudit() {
        Dataset<Row> flows = inputs.gold(VictimFlowsByYear.NAME);
        var specs = List.of(Pipeline.shipped().gold(VictimsByRegionYear.NAME).personCounts().orElseThrow(), Pipeline.shipped().gold(VictimFlowsByYear.NAME).personCounts().orElseThrow());
        var r = Disclosure.audit(java.util.Map.of(VictimsByRegionYear.NAME, gold, VictimFlowsByYear.NAME, flows), specs,
                Disclosure.tree(inputs.reference()), 5);
        assertEquals(List.of(), r.violations().stream().map(v -> v.describe()).toList());
        assertEquals(true, r.hiddenCells() > 0);
    }

    @Test
    void lossesAreSummedWithTheirMedianUnlessFewerThanKAreKnown() {
        // 100, 200, 300, 400, 1000, 2000: median (300 + 400) / 2.
        assertCells(only(gold, "subdivision", "KH-18", 2024, "victim_type = '" + D + "'"),
                "victims", 6L, "women", 6L, "men", 0L, "minors", 0L, "most_frequent_citizenship", "USA",
                "losses_usd_sum", "4000.00", "losses_usd_median", "350.00", "suppressed", false, "suppressed_cells", List.of());
        // 5 victims, but only 4 losses known: 10, 20, 30, 50.
        assertCells(only(raw, "subdivision", "KH-12", 2024, "victim_type = '" + D + "'"), "losses_usd_sum", "110.00", "losses_usd_median", "25.00");
        assertCells(only(gold, "subdivision", "KH-12", 2024, "victim_type = '" + D + "'"),
                "victims", 5L, "women", 0L, "men", 5L, "losses_usd_sum", null, "losses_usd_median", null,
                "suppressed_cells", List.of("losses_usd_sum", "losses_usd_median"));
        // All ten known losses: 10 20 30 50 100 | 200 300 400 1000 2000.
        assertCells(only(gold, "country", "KHM", 2024, "victim_type = '" + D + "'"),
                "victims", 11L, "women", 6L, "men", 5L, "distinct_citizenships", 2, "most_frequent_citizenship", "USA",
                "losses_usd_sum", "4110.00", "losses_usd_median", "150.00", "suppressed", false);
    }
}
