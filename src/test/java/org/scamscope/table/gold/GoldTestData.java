package org.scamscope.table.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scamscope.reference.ReferenceData;

import java.util.List;
import java.util.Map;

import static org.scamscope.table.gold.Silver.*;

/** A small silver warehouse for tests outside this package: a little of every dataset. */
public final class GoldTestData {
    private GoldTestData() {}

    public static ReferenceData reference() {
        return Silver.reference();
    }

    /**
     * Forced workers and defrauded victims in KH-18, a compound, revenue and workforce estimates for
     * Cambodia, and the enforcement actions of EnforcementByRegionYearTest (r2's breakdown is short).
     */
    public static Map<String, Dataset<Row>> silver() {
        List<Row> victims = all(
                times(6, victim("v1", "forced_scam_worker", "2024-02-01", "male", 30, "CHN", "KHM", "KH-18", "held", null)),
                times(4, victim("v2", "forced_scam_worker", "2024-02-01", "female", 30, "VNM", "KHM", "KH-18", "rescued", null)),
                List.of(victim("d1", "defrauded", "2024-02-01", "female", 40, "USA", "KHM", "KH-18", null, "10.00"),
                        victim("d2", "defrauded", "2024-02-01", "female", 40, "USA", "KHM", "KH-18", null, "20.00")));
        List<Row> compounds = List.of(compound("c1", "KHM", "KH-18", "2023-01-01", "raided", "2024-03-26", 100, 300));
        List<Row> estimates = List.of(
                estimate("e1", "Alpha", "2024-04-16", 2024, "country", "KHM", "revenue", null, null, "20000000000"),
                estimate("e2", "Beta", "2024-05-13", 2024, "country", "KHM", "revenue", "10000000000", "16000000000", null),
                estimate("w1", "Gamma", "2024-05-13", 2024, "country", "KHM", "workforce", null, null, "100000"));
        return tables(victims, compounds, estimates, EnforcementByRegionYearTest.actions());
    }
}
