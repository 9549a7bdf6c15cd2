package org.scamscope.table.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.scamscope.table.gold.Silver.*;

/**
 * Cambodia 2024: raid r1 in KH-18 (700 detained, 50 devices, 1000 USD), its deportation d1 in
 * KH-12 (130), a deportation d2 in KH-12 with no raid (20), an arrest a1 with no province (10
 * detained, 3 rescued), a seizure s1 in KH-18 (5 devices, 500.50 USD); in 2025 a deportation d3 of
 * r1's people in KH-18 (300). Thailand 2023: raid r2 in TH-10 (120 detained).
 */
class EnforcementByRegionYearTest {
    private static Dataset<Row> gold;
    private static List<Row> actions;

    /** The same rows (and source rows) on every call. */
    static synchronized List<Row> actions() {
        if (actions == null) actions = List.of(
                action("r1", "2024-03-26", "raid", "KHM", "KH-18", 700, null, null, "CHN:700", 50, "1000.00", null),
                action("d1", "2024-04-13", "deportation", "KHM", "KH-12", null, null, 130, "CHN:130", null, null, "r1"),
                action("d2", "2024-05-01", "deportation", "KHM", "KH-12", null, null, 20, null, null, null, null),
                action("a1", "2024-06-01", "arrest", "KHM", null, 10, 3, null, null, null, null, null),
                action("s1", "2024-07-01", "seizure", "KHM", "KH-18", null, null, null, null, 5, "500.50", null),
                action("d3", "2025-01-10", "deportation", "KHM", "KH-18", null, null, 300, null, null, null, "r1"),
                action("r2", "2023-11-28", "raid", "THA", "TH-10", 120, null, null, "CHN:80;VNM:25", null, null, null));
        return actions;
    }

    @BeforeAll
    static void build() {
        gold = new EnforcementByRegionYear().build(inputs(List.of(), List.of(), List.of(), actions(), 5, 2025)).cache();
    }

    @AfterAll
    static void release() {
        gold.unpersist();
    }

    private static void assertActions(Row r, int incidents, int raids, int arrests, int deportations, int seizures, int followUps) {
        assertCells(r, "incidents", incidents, "raids", raids, "arrests", arrests, "deportations", deportations,
                "repatriations", 0, "seizures", seizures, "sanctions", 0, "follow_up_actions", followUps);
    }

    @Test
    void aDeportationLinkedToItsRaidCountsItsDeporteesButIsNoSecondIncident() {
        Row khm = only(gold, "country", "KHM", 2024, "true");
        // Incidents r1, d2, a1, s1; d1 follows r1. Deportees 130 + 20.
        assertActions(khm, 4, 1, 1, 1, 1, 1);
        assertCells(khm, "persons_detained", 710L, "persons_rescued", 3L, "persons_deported", 150L,
                "devices_seized", 55L, "assets_seized_usd", "1500.50");
        assertActions(only(gold, "subdivision", "KH-12", 2024, "true"), 1, 0, 0, 1, 0, 1);
        assertCells(only(gold, "subdivision", "KH-12", 2024, "true"), "persons_deported", 150L, "persons_detained", null);
        // A follow-up in a later year counts there, still not as an incident.
        assertActions(only(gold, "country", "KHM", 2025, "true"), 0, 0, 0, 0, 0, 1);
        assertCells(only(gold, "country", "KHM", 2025, "true"), "persons_deported", 300L);
    }

    @Test
    void levelsRollUpAndPublicFiguresAreNotSuppressed() {
        Row kh18 = only(gold, "subdivision", "KH-18", 2024, "true");
        assertActions(kh18, 2, 1, 0, 0, 1, 0);
        assertCells(kh18, "region_name", "Preah Sihanouk", "persons_detained", 700L, "devices_seized", 55L,
                "assets_seized_usd", "1500.50");
        assertActions(only(gold, "subregion", "035", 2024, "true"), 4, 1, 1, 1, 1, 1);
        assertActions(only(gold, "world", "001", 2024, "true"), 4, 1, 1, 1, 1, 1);
        // 3 rescued is below k = 5, but it comes from a police report.
        assertCells(only(gold, "world", "001", 2024, "true"), "persons_rescued", 3L);
        assertCells(only(gold, "country", "THA", 2023, "true"), "raids", 1, "persons_detained", 120L);
    }
}
