package org.scamscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scamscope.delta.DeltaTables;
import org.scamscope.delta.DeltaTables.Commit;
import org.scamscope.table.SilverTable;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** quarantine/rejected_rows: this run's rejected rows, in place of the earlier rejects of the files it takes again. */
final class QuarantineWrite {
    private final SparkSession spark;
    private final Warehouse warehouse;
    private final String runId;
    private final RunSummary summary;

    QuarantineWrite(SparkSession spark, Warehouse warehouse, String runId, RunSummary summary) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.runId = runId;
        this.summary = summary;
    }

    /**
     * The quarantine holds, per input file, the rejects of its latest ingestion: this run's rejects
     * replace those of the files it takes again. Silver rows of earlier runs that lose their key to
     * a row of this run are added as duplicates (once, however often a run is repeated).
     *
     * @return per dataset, the silver rows of earlier runs this run supersedes (none on a full run)
     */
    Map<SilverTable, Long> write(Timestamp now, RunPlan plan, boolean full) {
        Map<SilverTable, Long> supersededBy = new java.util.LinkedHashMap<>();
        Dataset<Row> all = null;
        for (DatasetResult d : summary.datasets) {
            Dataset<Row> q = SilverStage.quarantineRows(d, runId, now);
            all = all == null ? q : all.unionByName(q);
        }
        if (all == null) return supersededBy;
        String path = warehouse.quarantine();
        boolean created = DeltaTables.ensure(spark, path, all.schema(),
                java.util.Set.of("dataset", "source_file", "rule", "message", "run_id", "rejected_at"),
                Map.of(DeltaTables.STATS_COLUMNS, "dataset,source_file,rule,run_id"), Map.of());
        List<String> stale = new ArrayList<>();
        for (DatasetResult d : summary.datasets) {
            String dataset = "dataset = " + IngestLedger.quote(d.table().name());
            List<String> files = plan.replaced(d.table());
            if (full) stale.add("(" + dataset + ")");
            else if (!files.isEmpty()) stale.add("(" + dataset + " AND source_file IN ("
                    + String.join(", ", files.stream().map(f -> IngestLedger.quote(f)).toList()) + "))");
        }
        // A DELETE on the table just created would find nothing, after planning a scan and committing.
        if (!stale.isEmpty() && !created) io.delta.tables.DeltaTable.forPath(spark, path).delete(String.join(" OR ", stale));
        if (summary.datasets.stream().anyMatch(d -> d.quarantined() > 0)) {
            summary.written.put("quarantine/rejected_rows", DeltaTables.append(all, path));
        }
        for (DatasetResult d : summary.datasets) {
            if (d.rivals() == null) continue;
            // Counted first, on the few rivals: a MERGE with nothing to add would still read the whole quarantine.
            Dataset<Row> superseded = SilverStage.supersededRows(d, runId, now);
            long n = superseded.count();
            supersededBy.put(d.table(), n);
            if (n == 0) continue;
            Commit c = DeltaTables.insertMissing(superseded, path, List.of("dataset", "source_file", "source_row", "rule"));
            if (c.rows() > 0) summary.notes.add(d.table().name() + ": " + c.rows() + " rows of earlier runs superseded by newer copies (quarantined as duplicate)");
        }
        return supersededBy;
    }

}
