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
 * Cambodia 2024: revenue from Alpha (point 20 bn) and Beta (10-16 bn), workforce from Gamma twice
 * (point 100,000; 80,000-120,000); Myanmar 2024: revenue 5 bn, no workforce; South-eastern Asia
 * 2024: revenue 30-40 bn; the KHM+LAO+MMR group 2024: revenue 39 bn.
 */
class RevenueByRegionYearTest {
    private static Dataset<Row> gold;

    @BeforeAll
    static void build() {
        List<Row> estimates = List.of(
                estimate("e1", "Alpha", "2024-04-16", 2024, "country", "KHM", "revenue", null, null, "20000000000"),
                estimate("e2", "Beta", "2024-05-13", 2024, "country", "KHM", "revenue", "10000000000", "16000000000", null),
                estimate("w1", "Gamma", "2023-08-29", 2024, "country", "KHM", "workforce", null, null, "100000"),
                estimate("w2", "Gamma", "2024-01-15", 2024, "country", "KHM", "workforce", "80000", "120000", null),
                estimate("e3", "Alpha", "2024-06-01", 2024, "country", "MMR", "revenue", null, null, "5000000000"),
                estimate("e4", "Delta", "2024-07-01", 2024, "subregion", "035", "revenue", "30000000000", "40000000000", null),
                estimate("e5", "Delta", "2024-07-01", 2024, "region_group", "KHM+LAO+MMR", "revenue", null, null, "39000000000"));
        gold = new RevenueByRegionYear().build(inputs(List.of(), List.of(), estimates, List.of(), 5, 2025)).cache();
    }

    @AfterAll
    static void release() {
        gold.unpersist();
    }

    @Test
    void disagreeingEstimatesAreReconciledToARange() {
        // low min(20 bn as a point, 10 bn); high max(20 bn, 16 bn); central median(20 bn, 13 bn midpoint).
        assertCells(only(gold, "country", "KHM", 2024, "metric = 'revenue'"), "region_name", "Cambodia", "unit", "USD",
                "estimates", 2, "publishers_count", 2, "publishers", List.of("Alpha", "Beta"),
                "value_low", "10000000000.00", "value_central", "16500000000.00", "value_high", "20000000000.00",
                "latest_publication_date", "2024-05-13");
        assertCells(only(gold, "country", "KHM", 2024, "metric = 'workforce'"), "unit", "persons", "estimates", 2,
                "publishers_count", 1, "publishers", List.of("Gamma"), "value_low", "80000.00",
                "value_central", "100000.00", "value_high", "120000.00", "latest_publication_date", "2024-01-15",
                "revenue_per_worker_low", null, "revenue_per_worker_high", null);
    }

    @Test
    void revenuePerWorkerWhereAWorkforceEstimateExists() {
        // 10 bn / 120,000 = 83,333.33; 20 bn / 80,000 = 250,000.
        assertCells(only(gold, "country", "KHM", 2024, "metric = 'revenue'"),
                "revenue_per_worker_low", "83333.33", "revenue_per_worker_high", "250000.00");
        assertCells(only(gold, "country", "MMR", 2024, "metric = 'revenue'"), "value_low", "5000000000.00",
                "value_high", "5000000000.00", "revenue_per_worker_low", null, "revenue_per_worker_high", null);
    }

    @Test
    void estimatesStayAtTheLevelTheyWerePublishedFor() {
        assertCells(only(gold, "subregion", "035", 2024, "true"), "region_name", "South-eastern Asia",
                "value_low", "30000000000.00", "value_central", "35000000000.00", "value_high", "40000000000.00");
        assertCells(only(gold, "region_group", "KHM+LAO+MMR", 2024, "true"), "region_name", "Cambodia, Lao PDR and Myanmar");
        // Nothing spread down to provinces, nothing added up to the world.
        assertEquals(List.of("country KHM revenue", "country KHM workforce", "country MMR revenue",
                        "region_group KHM+LAO+MMR revenue", "subregion 035 revenue"),
                gold.selectExpr("concat_ws(' ', region_level, region_code, metric)").orderBy("region_level", "region_code", "metric")
                        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    }
}
