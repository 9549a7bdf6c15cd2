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
 * KH-18 2024: 6 forced workers, 3 defrauded (losses 10, 20, 30), a raid (700 detained, 1000 USD);
 * compound c1 in KH-18 from 2023, raided 2024 (100-300 workers); Cambodia 2024: revenue 20 bn,
 * workforce 100,000; world 2025: victim losses 63.9 bn.
 */
class RegionYearOverviewTest {
    private static Dataset<Row> gold;

    @BeforeAll
    static void build() {
        List<Row> victims = all(
                times(6, victim("v1", "forced_scam_worker", "2024-02-01", "male", 30, "CHN", "KHM", "KH-18", "held", null)),
                List.of(victim("d1", "defrauded", "2024-02-01", "female", 40, "USA", "KHM", "KH-18", null, "10.00"),
                        victim("d2", "defrauded", "2024-02-01", "female", 40, "USA", "KHM", "KH-18", null, "20.00"),
                        victim("d3", "defrauded", "2024-02-01", "female", 40, "USA", "KHM", "KH-18", null, "30.00")));
        List<Row> compounds = List.of(compound("c1", "KHM", "KH-18", "2023-01-01", "raided", "2024-03-26", 100, 300));
        List<Row> estimates = List.of(
                estimate("e1", "Alpha", "2024-04-16", 2024, "country", "KHM", "revenue", null, null, "20000000000"),
                estimate("w1", "Gamma", "2024-05-13", 2024, "country", "KHM", "workforce", null, null, "100000"),
                estimate("l1", "Delta", "2025-04-23", 2025, "world", "001", "victim_losses", null, null, "63900000000"));
        List<Row> actions = List.of(action("r1", "2024-03-26", "raid", "KHM", "KH-18", 700, null, null, null, null, "1000.00", null));
        gold = new RegionYearOverview().build(inputs(victims, compounds, estimates, actions, 5, 2025)).cache();
    }

    @AfterAll
    static void release() {
        gold.unpersist();
    }

    @Test
    void oneRowPerRegionAndYearOfAnyTable() {
        // 2023: the compound at four levels; 2024: four levels; 2025: the world's estimate.
        assertEquals(9, gold.count());
        assertEquals(9, gold.select("region_level", "region_code", "year").distinct().count());
    }

    @Test
    void countryRowJoinsEveryTableAndCarriesSuppressionOver() {
        assertCells(only(gold, "country", "KHM", 2024, "true"), "region_name", "Cambodia",
                "forced_scam_workers", 6L, "defrauded_victims", null, "defrauded_losses_usd", null,
                "compounds_operating", 1L, "compounds_new", 0L, "compounds_raided", 1L, "compounds_closed", 0L,
                "workers_low", 100L, "workers_high", 300L,
                "enforcement_incidents", 1L, "persons_detained", 700L, "persons_rescued", null, "persons_deported", null,
                "assets_seized_usd", "1000.00",
                "revenue_usd_low", "20000000000.00", "revenue_usd_central", "20000000000.00", "revenue_usd_high", "20000000000.00",
                "revenue_per_worker_usd_low", "200000.00", "revenue_per_worker_usd_high", "200000.00",
                "workforce_low", "100000.00", "workforce_high", "100000.00", "victim_losses_usd_central", null,
                "suppressed", true, "suppressed_cells", List.of("defrauded_victims", "defrauded_losses_usd"));
    }

    @Test
    void estimatesAreNotSpreadDownAndMissingTablesLeaveNulls() {
        assertCells(only(gold, "subdivision", "KH-18", 2024, "true"), "forced_scam_workers", 6L, "revenue_usd_central", null,
                "workforce_low", null);
        assertCells(only(gold, "country", "KHM", 2023, "true"), "forced_scam_workers", null, "compounds_operating", 1L,
                "compounds_new", 1L, "enforcement_incidents", null, "suppressed", false, "suppressed_cells", List.of());
        assertCells(only(gold, "world", "001", 2025, "true"), "region_name", "World",
                "victim_losses_usd_central", "63900000000.00", "forced_scam_workers", null, "compounds_operating", null);
    }
}
