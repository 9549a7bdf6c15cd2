package org.scamscope.table.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.TestSpark;
import org.scamscope.pipeline.GoldStage;
import org.scamscope.pipeline.Pipeline;
import org.scamscope.pipeline.Warehouse;
import org.scamscope.reference.ReferenceData;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scamscope.table.gold.Silver.*;

/**
 * The victims' cells kept in ops/victim_cells follow silver's changes (new rows, rows moved to
 * another cell, rows deleted) through its Change Data Feed, and always equal a count of silver as
 * it is; so do the gold tables built from them. Where the feed is missing, the cells are counted again.
 */
class VictimCellsTest {
    @TempDir
    Path root;

    @Test
    void cellsFollowSilversChangesAndEqualARecountAfterEach() {
        SparkSession spark = TestSpark.session();
        Warehouse warehouse = new Warehouse(root);
        // Victims alone: the gold tables of the other datasets are not built, which keeps each run short.
        GoldTestData.silver().get("victims").write().format("delta").save(warehouse.silver("victims"));
        String victims = warehouse.silver("victims");
        feed(spark, victims, true);
        ReferenceData ref = GoldTestData.reference();
        GoldStage stage = new GoldStage(spark, Pipeline.shipped(), warehouse, ref, 5);

        GoldStage.Result first = stage.run("run-1", 2025, Map.of());
        assertTrue(first.cellsNote().contains("counted from every row of silver/victims@1"), first.cellsNote());
        assertSameCellsAsRecount(spark, warehouse, ref);

        // New rows (5 forced workers in KH-18, rescued), rows moved to another cell (v1's six, from KH-18
        // held to KH-12 rescued) and a row deleted (d2): versions 2, 3 and 4 of silver.
        frame(VICTIMS, times(5, victim("v3", "forced_scam_worker", "2024-03-01", "male", 25, "THA", "KHM", "KH-18", "rescued", null)))
                .write().format("delta").mode("append").save(victims);
        spark.sql("UPDATE delta.`" + victims + "` SET exploitation_subdivision = 'KH-12', status = 'rescued' WHERE victim_id = 'v1'");
        spark.sql("DELETE FROM delta.`" + victims + "` WHERE victim_id = 'd2'");
        GoldStage.Result second = stage.run("run-2", 2025, first.sources());
        assertEquals("victims' cells: the changes of silver/victims versions 2 to 4 summed into ops/victim_cells", second.cellsNote());
        assertSameCellsAsRecount(spark, warehouse, ref);
        // By hand: KH-12 has v1's 6 forced workers, all rescued; KH-18 keeps v2's 4 and v3's 5, all rescued, and d1 alone.
        Dataset<Row> cells = spark.read().format("delta").load(warehouse.ops("victim_cells"));
        assertEquals(List.of("KH-12|forced_scam_worker|6|6", "KH-18|defrauded|1|0", "KH-18|forced_scam_worker|9|9"), sums(cells));
        assertSameGoldAsBuiltFromSilver(spark, warehouse, ref);

        // A change the feed does not keep: the cells are counted from silver again.
        feed(spark, victims, false);
        spark.sql("DELETE FROM delta.`" + victims + "` WHERE victim_id = 'v3'");
        feed(spark, victims, true);
        GoldStage.Result third = stage.run("run-3", 2025, second.sources());
        assertTrue(third.cellsNote().contains("counted from every row of silver/victims@7 (silver/victims keeps no change feed for versions 5 to 7"),
                third.cellsNote());
        assertSameCellsAsRecount(spark, warehouse, ref);

        // Silver written anew (a full run overwrites it): its feed is kept, but counting again is the cheaper route.
        spark.read().format("delta").load(victims).filter(col("victim_id").notEqual("d1"))
                .write().format("delta").mode("overwrite").save(victims);
        GoldStage.Result fourth = stage.run("run-4", 2025, third.sources());
        assertEquals("victims' cells: counted from every row of silver/victims@8 (silver/victims was written anew after version 7)",
                fourth.cellsNote());
        assertSameCellsAsRecount(spark, warehouse, ref);
    }

    private static void feed(SparkSession spark, String path, boolean on) {
        spark.sql("ALTER TABLE delta.`" + path + "` SET TBLPROPERTIES ('delta.enableChangeDataFeed' = '" + on + "')");
    }

    /** Subdivision, victim type, victims and rescued, summed over the cells of 2024. */
    private static List<String> sums(Dataset<Row> cells) {
        List<String> out = new ArrayList<>();
        for (Row r : cells.filter(col("year").equalTo(2024)).groupBy(col(Regions.PLACE.get(2)), col("victim_type"))
                .agg(org.apache.spark.sql.functions.sum("victims"), org.apache.spark.sql.functions.sum("rescued")).collectAsList()) {
            out.add(r.getString(0) + "|" + r.getString(1) + "|" + r.getLong(2) + "|" + r.getLong(3));
        }
        out.sort(null);
        return out;
    }

    /** The stored cells equal a count of silver now. */
    private static void assertSameCellsAsRecount(SparkSession spark, Warehouse warehouse, ReferenceData ref) {
        Dataset<Row> silver = spark.read().format("delta").load(warehouse.silver("victims"));
        assertEquals(sorted(VictimCells.of(silver, ref)), sorted(spark.read().format("delta").load(warehouse.ops("victim_cells"))), "cells");
    }

    /** The victims' gold tables equal a build from silver as it is now, with no cells kept. */
    private static void assertSameGoldAsBuiltFromSilver(SparkSession spark, Warehouse warehouse, ReferenceData ref) {
        Map<String, Dataset<Row>> all = Map.of("victims", spark.read().format("delta").load(warehouse.silver("victims")));
        GoldInputs now = new GoldInputs(all, ref, 5, 2025).withTables(Pipeline.shipped().gold().stream()
                .filter(t -> t.reads().contains("silver/victims")).toList());
        for (String name : List.of(VictimsByRegionYear.NAME, VictimFlowsByYear.NAME)) {
            assertEquals(sorted(now.gold(name)), sorted(spark.read().format("delta").load(warehouse.gold(name))), name);
        }
    }

    private static List<String> sorted(Dataset<Row> rows) {
        List<String> out = new ArrayList<>(rows.collectAsList().stream().map(Row::toString).toList());
        out.sort(null);
        return out;
    }
}
