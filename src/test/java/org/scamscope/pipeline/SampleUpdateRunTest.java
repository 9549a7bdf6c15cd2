package org.scamscope.pipeline;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.scamscope.JobRunner;
import org.scamscope.SampleUpdateWarehouse;
import org.scamscope.SampleWarehouse;
import org.scamscope.TestSpark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample's second run, after a partner's file of thirteen rows arrived (SampleUpdateWarehouse):
 * it takes that file alone, silver gains its twelve good rows, the quarantine its one bad row, and
 * gold's count for Cambodia in 2024 grows by the twelve, as counted by hand from the file.
 */
class SampleUpdateRunTest {
    static final String FILE = "source_file = '" + SampleUpdateWarehouse.NEW_FILE + "'";

    /** What the run recorded in ops/runs, as a scheduler's operator reads it (its one row: the first run was the job's API). */
    @Test
    void theSecondRunTakesTheNewFileAlone() throws Exception {
        List<Row> runs = JobRunner.table(SampleUpdateWarehouse.SHARED.path(), "ops/runs").select("outcome", "summary_json").collectAsList();
        assertEquals(1, runs.size());
        assertEquals("ok", runs.get(0).getString(0));
        JsonNode summary = new ObjectMapper().readTree(runs.get(0).getString(1));
        List<String> notes = new ArrayList<>();
        summary.path("notes").forEach(n -> notes.add(n.asText()));
        assertTrue(notes.contains("victims: 1 new and 0 changed files taken, 4 unchanged skipped"), notes.toString());
        JsonNode datasets = summary.path("datasets");
        assertEquals(1, datasets.size(), datasets.toString());
        assertEquals("victims", datasets.get(0).path("dataset").asText());
        assertEquals(13, datasets.get(0).path("rows_read").asLong());
        assertEquals(12, datasets.get(0).path("rows_accepted").asLong());
        assertEquals("{\"age_range\":1}", datasets.get(0).path("quarantined_by_rule").toString());
    }

    @Test
    void silverGainsTheGoodRowsAndTheQuarantineTheBadOne() {
        Path first = SampleWarehouse.SHARED.path();
        Path second = SampleUpdateWarehouse.SHARED.path();
        assertEquals(SampleUpdateWarehouse.NEW_IDS, JobRunner.rows(JobRunner.table(second, "silver/victims").filter(FILE), "victim_id"));
        assertEquals(JobRunner.table(first, "silver/victims").count() + 12, JobRunner.table(second, "silver/victims").count());
        assertEquals(List.of("victims|" + SampleUpdateWarehouse.NEW_FILE + "|" + SampleUpdateWarehouse.REJECTED_ROW + "|age_range"),
                JobRunner.rows(JobRunner.table(second, "quarantine/rejected_rows").filter(FILE), "dataset", "source_file", "source_row", "rule"));
    }

    /** The twelve are forced scam workers in Cambodia registered in 2024; gold's second version is a MERGE. */
    @Test
    void goldCountsTheTwelveForCambodiaIn2024() {
        String table = "gold/victims_by_region_year";
        String cell = "region_level = 'country' AND region_code = 'KHM' AND year = 2024 AND victim_type = 'forced_scam_worker'";
        long before = victims(SampleWarehouse.SHARED.path(), table, cell);
        long after = victims(SampleUpdateWarehouse.SHARED.path(), table, cell);
        assertEquals(before + 12, after);
        Row last = io.delta.tables.DeltaTable.forPath(TestSpark.session(), SampleUpdateWarehouse.SHARED.path().resolve(table).toString()).history(1).first();
        assertEquals("MERGE", last.getAs("operation"));
    }

    private static long victims(Path warehouse, String table, String cell) {
        List<Row> rows = JobRunner.table(warehouse, table).where(cell).select("victims").collectAsList();
        assertEquals(1, rows.size(), warehouse + ": " + cell);
        assertTrue(!rows.get(0).isNullAt(0), warehouse + ": the cell is published, not suppressed: " + cell);
        return ((Number) rows.get(0).get(0)).longValue();
    }
}
