package org.scamscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scamscope.reference.ReferenceData;
import org.scamscope.table.gold.VictimCells;

import java.util.Set;

/**
 * ops/victim_cells: silver victims counted by cell (VictimCells), kept from run to run so that the
 * victims' gold tables are built from silver's changes since the last run rather than from every
 * victim. Each write says in its commit which version of silver/victims the cells count
 * ("silver/victims@12"), in the same atomic commit as the cells, so a run killed at any point
 * leaves cells that say truly what they count. The changes come from silver's Change Data Feed;
 * where it cannot give them (silver rewritten by a full run, the feed not kept for those versions,
 * no cells yet) the cells are counted from silver again, and the note says why.
 */
final class VictimCellsStore {
    static final String NAME = "victim_cells";
    private static final String SOURCE = "silver/victims@";
    /** Commits of silver after which its feed is not worth reading: the table was written anew. */
    private static final Set<String> REWRITES = Set.of("CREATE OR REPLACE TABLE", "REPLACE TABLE", "RESTORE", "CREATE TABLE AS SELECT",
            "REPLACE TABLE AS SELECT");

    private final SparkSession spark;
    private final Warehouse warehouse;
    private final ReferenceData reference;

    VictimCellsStore(SparkSession spark, Warehouse warehouse, ReferenceData reference) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.reference = reference;
    }

    /** The cells as of silver/victims at version silverVersion, the store's commit (null: none made) and how they were had. */
    record Cells(Dataset<Row> rows, org.scamscope.delta.DeltaTables.Commit commit, String note) {}

    Cells upTo(long silverVersion, boolean recount) {
        String path = warehouse.ops(NAME);
        String silver = warehouse.silver("victims");
        Long counted = recount ? null : countedVersion(path);
        String why;
        if (counted == null) {
            why = recount ? "all gold rebuilt" : "no cells kept yet";
        } else if (counted == silverVersion) {
            return new Cells(read(path), null, "victims' cells: ops/" + NAME + " already counts silver/victims@" + silverVersion);
        } else if (counted > silverVersion) {
            why = "the cells count a later version of silver/victims (" + counted + ") than it has";
        } else if (rewrittenAfter(silver, counted, silverVersion)) {
            why = "silver/victims was written anew after version " + counted;
        } else {
            try {
                // Delta's SQL function rather than the reader's options, which Spark warns it copies twice.
                Dataset<Row> feed = spark.sql(String.format("SELECT * FROM table_changes_by_path('%s', %d, %d)",
                                silver.replace("\\", "\\\\").replace("'", "\\'"), counted + 1, silverVersion))
                        .filter(org.apache.spark.sql.functions.col("_change_type").isin("insert", "delete", "update_preimage", "update_postimage"));
                org.scamscope.delta.DeltaTables.Commit c = write(VictimCells.plus(read(path), VictimCells.changes(feed, reference)),
                        path, silverVersion);
                return new Cells(read(path), c, String.format("victims' cells: the changes of silver/victims versions %d to %d summed into ops/%s",
                        counted + 1, silverVersion, NAME));
            } catch (Exception e) {
                // The feed is not kept for these versions (turned on later, or its files vacuumed): nothing
                // was committed, and counting from silver gives the same cells.
                if (e instanceof org.scamscope.ScamscopeException s) throw s;
                why = "silver/victims keeps no change feed for versions " + (counted + 1) + " to " + silverVersion + ": "
                        + org.scamscope.Messages.firstLine(e);
            }
        }
        Dataset<Row> victims = spark.read().format("delta").option("versionAsOf", silverVersion).load(silver);
        org.scamscope.delta.DeltaTables.Commit c = write(VictimCells.of(victims, reference), path, silverVersion);
        return new Cells(read(path), c, "victims' cells: counted from every row of silver/victims@" + silverVersion + " (" + why + ")");
    }

    /** The version of silver/victims the stored cells count, or null when there are none. */
    private Long countedVersion(String path) {
        // The commit says what it counts; read from the log, as DESCRIBE HISTORY would, with no Spark job.
        String meta = org.scamscope.delta.DeltaTables.lastCommitInfo(spark, path)
                .filter(c -> c.userMetadata().isDefined()).map(c -> c.userMetadata().get()).orElse(null);
        if (meta == null || !meta.startsWith(SOURCE)) return null;
        return Long.parseLong(meta.substring(SOURCE.length()));
    }

    private boolean rewrittenAfter(String silver, long from, long to) {
        for (org.apache.spark.sql.delta.actions.CommitInfo c : org.scamscope.delta.DeltaTables.commitInfos(spark, silver, from + 1, to)) {
            String op = c.operation();
            java.util.Map<String, String> params = scala.jdk.javaapi.CollectionConverters.asJava(c.operationParameters());
            if (REWRITES.contains(op) || ("WRITE".equals(op) && "Overwrite".equals(unquoted(params.get("mode"))))) return true;
        }
        return false;
    }

    /** Delta holds a commit's operation parameters JSON-encoded ("\"Overwrite\""), though the log file shows them bare. */
    private static String unquoted(String v) {
        return v != null && v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private org.scamscope.delta.DeltaTables.Commit write(Dataset<Row> cells, String path, long silverVersion) {
        cells.write().format("delta").mode("overwrite").option("overwriteSchema", "true")
                .option("userMetadata", SOURCE + silverVersion).save(path);
        return org.scamscope.delta.DeltaTables.lastCommit(spark, path);
    }

    private Dataset<Row> read(String path) {
        return spark.read().format("delta").load(path);
    }
}
