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
 * Current year 2025. c1 KH-18 operating since 2022 (100-300 workers); c2 KH-18 2023, raided
 * 2024-03-26 (no estimate); c3 KH-12 2021, closed 2023-12-31 (50-150); c4 Cambodia, no province,
 * 2024, relocated 2024-09-01 (200); c5 MM-13 2020, closed on an unknown date (1000-2000); c6 never
 * reported.
 */
class CompoundsByRegionYearTest {
    private static Dataset<Row> gold;

    @BeforeAll
    static void build() {
        List<Row> compounds = List.of(
                compound("c1", "KHM", "KH-18", "2022-03-01", "operating", "2024-01-01", 100, 300),
                compound("c2", "KHM", "KH-18", "2023-06-01", "raided", "2024-03-26", null, null),
                compound("c3", "KHM", "KH-12", "2021-01-01", "closed", "2023-12-31", 50, 150),
                compound("c4", "KHM", null, "2024-05-01", "relocated", "2024-09-01", 200, 200),
                compound("c5", "MMR", "MM-13", "2020-01-01", "closed", null, 1000, 2000),
                compound("c6", "KHM", "KH-18", null, "operating", null, 10, 20));
        gold = new CompoundsByRegionYear().build(inputs(List.of(), compounds, List.of(), List.of(), 5, 2025)).cache();
    }

    @AfterAll
    static void release() {
        gold.unpersist();
    }

    private static void assertYear(String level, String code, int year, int operating, int fresh, int raided, int closed,
                                   int estimated, Integer low, Integer high) {
        assertCells(only(gold, level, code, year, "true"), "compounds_operating", operating, "compounds_new", fresh,
                "compounds_raided", raided, "compounds_closed", closed, "compounds_with_workers_estimate", estimated,
                "workers_low", low == null ? null : low.longValue(), "workers_high", high == null ? null : high.longValue());
    }

    @Test
    void aCompoundOperatesFromFirstReportToRaidOrClosureElseToTheCurrentYear() {
        assertEquals(List.of(2022, 2023, 2024, 2025), years("subdivision", "KH-18"));
        assertYear("subdivision", "KH-18", 2022, 1, 1, 0, 0, 1, 100, 300);
        assertYear("subdivision", "KH-18", 2023, 2, 1, 0, 0, 1, 100, 300);
        assertYear("subdivision", "KH-18", 2024, 2, 0, 1, 0, 1, 100, 300);
        assertYear("subdivision", "KH-18", 2025, 1, 0, 0, 0, 1, 100, 300);
        assertEquals(List.of(2021, 2022, 2023), years("subdivision", "KH-12"));
        assertYear("subdivision", "KH-12", 2023, 1, 0, 0, 1, 1, 50, 150);
    }

    @Test
    void countryAddsItsCompoundsWithoutProvince() {
        assertYear("country", "KHM", 2023, 3, 1, 0, 1, 2, 150, 450);
        assertYear("country", "KHM", 2024, 3, 1, 1, 0, 2, 300, 500);
        // A relocated compound still counts where it was reported, to the current year.
        assertYear("country", "KHM", 2025, 2, 0, 0, 0, 2, 300, 500);
        assertYear("subregion", "035", 2024, 3, 1, 1, 0, 2, 300, 500);
        assertYear("world", "001", 2021, 1, 1, 0, 0, 1, 50, 150);
    }

    @Test
    void closedOnAnUnknownDateCountsInItsFirstYearOnlyAndNeverReportedNowhere() {
        assertEquals(List.of(2020), years("subdivision", "MM-13"));
        assertYear("country", "MMR", 2020, 1, 1, 0, 0, 1, 1000, 2000);
        assertYear("world", "001", 2020, 1, 1, 0, 0, 1, 1000, 2000);
        assertEquals(List.of(2020, 2021, 2022, 2023, 2024, 2025), years("world", "001"));
    }

    private static List<Integer> years(String level, String code) {
        return gold.filter("region_level = '" + level + "' AND region_code = '" + code + "'").orderBy("year")
                .select("year").as(org.apache.spark.sql.Encoders.INT()).collectAsList();
    }
}
