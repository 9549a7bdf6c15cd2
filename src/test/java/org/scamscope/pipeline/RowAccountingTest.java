package org.scamscope.pipeline;

import io.delta.tables.DeltaTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.SampleWarehouse;
import org.scamscope.ScamscopeException;
import org.scamscope.TestSpark;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The row accounting on the sample's tables: it holds as written, and a silver row gone is caught. */
class RowAccountingTest {
    @Test
    void aSilverRowMissingFromWhatDeltaCommittedBreaksTheAccounting(@TempDir Path dir) throws Exception {
        Path wh = SampleWarehouse.SHARED.copy(dir.resolve("warehouse"));
        RunSummary sample = SampleWarehouse.SHARED.summary();
        RunSummary summary = new RunSummary(sample.runId);
        summary.datasets.addAll(sample.datasets);
        SilverWrite silver = new SilverWrite(TestSpark.session(), new Warehouse(wh), sample.runId, summary);
        silver.checkAccounting();
        assertTrue(summary.notes.get(0).startsWith("row accounting: rows read = silver rows + quarantined rows"), summary.notes.toString());

        DeltaTable.forPath(TestSpark.session(), wh.resolve("silver/victims").toString()).delete("victim_id = 'VIC-000001'");
        ScamscopeException e = assertThrows(ScamscopeException.class, silver::checkAccounting);
        // FACTS.md: the sample's victims are 3,412 rows read, 3,396 accepted, 16 quarantined
        assertEquals("row accounting broken: victims: read 3412, silver 3395, quarantine 16", e.getMessage());
    }
}
