package org.scamscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scamscope.ExitCodes;
import org.scamscope.ScamscopeException;
import org.scamscope.delta.DeltaTables;
import org.scamscope.delta.DeltaTables.Commit;
import org.scamscope.delta.KernelTable;
import org.scamscope.reference.ReferenceData;
import org.scamscope.source.SourceReader;
import org.scamscope.table.SilverTable;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

/**
 * The silver write and the gates around it: a broken 'fail' rule stops the run before anything is
 * written; a dataset over its quarantine threshold stops it after the quarantine and before silver;
 * after the write, every row read must be in silver or in the quarantine.
 */
final class SilverWrite {
    private final SparkSession spark;
    private final Warehouse warehouse;
    private final String runId;
    private final RunSummary summary;

    SilverWrite(SparkSession spark, Warehouse warehouse, String runId, RunSummary summary) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.runId = runId;
        this.summary = summary;
    }

    /** Stops the run, before anything is written, when a rule with action 'fail' broke. */
    void checkFatal() {
        for (DatasetResult d : summary.datasets) {
            if (d.fatal() != null) {
                throw ExitCodes.dataQuality(d.table().name() + ": a rule with action 'fail' broke, nothing was written: " + d.fatal());
            }
        }
    }

    /** Stops the run, after the quarantine and before silver, when a dataset rejected more than its share. */
    void checkThresholds(Map<String, Double> maxShare) {
        List<String> over = new ArrayList<>();
        for (DatasetResult d : summary.datasets) {
            double max = maxShare.get(d.table().name());
            if (d.quarantinedShare() > max) {
                over.add(String.format("%s %.1f%% (%d of %d rows) > %.1f%%", d.table().name(),
                        100 * d.quarantinedShare(), d.quarantined(), d.read(), 100 * max));
            }
        }
        if (!over.isEmpty()) {
            throw ExitCodes.dataQuality("quarantined share over threshold, silver not written: " + String.join("; ", over)
                    + " (see " + warehouse.quarantine() + ", run_id " + runId + ")");
        }
    }

    /** A full run writes the reference data as the warehouse's reference tables. */
    void writeReference(ReferenceData ref) {
        for (Map.Entry<String, Dataset<Row>> r : ref.tables().entrySet()) {
            summary.written.put("reference/" + r.getKey(), DeltaTables.overwrite(r.getValue(), warehouse.reference(r.getKey())));
        }
        summary.lap("write reference");
    }

    /**
     * Each dataset's accepted rows: the whole table on a full run, else merged by key in place of the
     * files taken again. New files whose rows supersede none of silver's are appended: a MERGE reads
     * every row of the table to find the few it replaces, and rewrites each file holding one.
     *
     * @param superseded per dataset, the silver rows of earlier runs this run's rows supersede
     */
    void write(Timestamp now, RunPlan plan, boolean full, Map<SilverTable, Long> superseded) {
        for (DatasetResult d : summary.datasets) {
            SilverTable t = d.table();
            Dataset<Row> rows = SilverStage.silverRows(d, runId, now);
            String path = warehouse.silver(t.name());
            boolean created = DeltaTables.ensure(spark, path, rows.schema(), SilverStage.notNull(t), SilverStage.properties(t),
                    SilverStage.checks(t.contract().rules()));
            List<String> replaced = plan.replaced(t);
            Commit c;
            if (full) {
                // An overwrite first lists the files it replaces, from the table's state; a table just created has none.
                c = created ? DeltaTables.append(rows, path) : DeltaTables.overwrite(rows, path);
            } else if (superseded.getOrDefault(t, 0L) == 0 && holdsNoRowOf(path, replaced)) {
                c = DeltaTables.append(rows, path);
            } else {
                c = DeltaTables.mergeByKey(rows, path, t.naturalKey(), "source_file", replaced);
            }
            summary.written.put("silver/" + t.name(), c);
            summary.lap("write silver " + t.name());
        }
    }

    /**
     * Whether the table holds no row of these files: new files, unless a run killed after writing
     * silver and before its ledger took them already. Delta skips the data files whose statistics
     * on source_file rule the names out.
     */
    private boolean holdsNoRowOf(String path, List<String> files) {
        return files.isEmpty() || spark.read().format("delta").load(path).select("source_file")
                .filter(col("source_file").isin(files.toArray())).isEmpty();
    }

    /** Silver rows of earlier runs that stay: all but those of the files this run replaces or removes. */
    Dataset<Row> kept(SilverTable t, List<String> replaced) {
        String path = warehouse.silver(t.name());
        if (!io.delta.tables.DeltaTable.isDeltaTable(spark, path)) return null;
        Dataset<Row> silver = spark.read().format("delta").load(path);
        return replaced.isEmpty() ? silver : silver.filter(not(col("source_file").isin(replaced.toArray())));
    }


    /**
     * Every row read is in silver or in the quarantine, counted from the tables as Delta committed
     * them. Read with Delta Kernel, one scan a table of only the columns counted: eight Spark jobs
     * (a count a table and dataset) cost more than the counting.
     */
    void checkAccounting() {
        Map<String, Long> quarantined = new HashMap<>();  // "dataset|source_file" -> rows of this run
        KernelTable.openIfPresent("quarantine", warehouse.quarantine()).ifPresent(t -> t.scan(columns("dataset", "source_file"), ofThisRun(),
                r -> quarantined.merge(r.getString(0) + "|" + r.getString(1), 1L, Long::sum)));
        List<String> broken = new ArrayList<>();
        for (DatasetResult d : summary.datasets) {
            long inQuarantine = 0;
            for (SourceReader.InputFile f : d.files()) inQuarantine += quarantined.getOrDefault(d.table().name() + "|" + f.path(), 0L);
            long[] inSilver = {0};
            String path = warehouse.silver(d.table().name());
            KernelTable.open("silver/" + d.table().name(), path, null).scan(columns(), ofThisRun(), r -> inSilver[0]++);
            if (inSilver[0] + inQuarantine != d.read()) {
                broken.add(String.format("%s: read %d, silver %d, quarantine %d", d.table().name(), d.read(), inSilver[0], inQuarantine));
            }
        }
        if (!broken.isEmpty()) {
            throw new ScamscopeException(ExitCodes.UNEXPECTED, "row accounting broken: " + String.join("; ", broken));
        }
        summary.notes.add("row accounting: rows read = silver rows + quarantined rows, for every dataset (checked on the Delta tables)");
    }

    /** The named text columns, and run_id, which the filter reads. */
    private static io.delta.kernel.types.StructType columns(String... names) {
        return KernelTable.textColumns(names).add("run_id", io.delta.kernel.types.StringType.STRING);
    }

    private io.delta.kernel.expressions.Predicate ofThisRun() {
        return new io.delta.kernel.expressions.Predicate("=", new io.delta.kernel.expressions.Column("run_id"),
                io.delta.kernel.expressions.Literal.ofString(runId));
    }
}
