package org.scamscope.cli;

import io.delta.tables.DeltaTable;
import org.apache.commons.cli.CommandLine;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scamscope.ExitCodes;
import org.scamscope.config.JobConfig;
import org.scamscope.ops.TextTable;
import org.scamscope.ops.WarehouseTables;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** scamscope history TABLE: the table's Delta history, oldest version first, one line a version. */
final class HistoryCommand {
    static final String USAGE = "scamscope history TABLE [--warehouse DIR] [--limit N]";
    /** Metrics shown, in this order, when a commit has them: rows and files written, removed and deleted. */
    static final List<String> METRICS = List.of("numOutputRows", "numTargetRowsInserted", "numTargetRowsUpdated",
            "numTargetRowsDeleted", "numUpdatedRows", "numDeletedRows", "numFiles", "numAddedFiles", "numRemovedFiles",
            "numTargetFilesAdded", "numTargetFilesRemoved", "numFilesToDelete", "numDeletedFiles");
    static final int VALUE_WIDTH = 40;
    private static final Pattern EXPRESSION_ID = Pattern.compile("(\\w)#\\d+L?\\b");

    private HistoryCommand() {}

    static int run(List<String> words, CommandLine cl, JobConfig config, Supplier<SparkSession> spark, PrintStream out) {
        String name = CommandArgs.table(words, USAGE);
        Long limit = CommandArgs.number(cl, "limit", 1, null);
        String path = WarehouseTables.path(config.warehouse(), name);
        DeltaTable table = DeltaTable.forPath(spark.get(), path);
        Dataset<Row> h = limit == null ? table.history() : table.history(Math.toIntExact(Math.min(limit, Integer.MAX_VALUE)));
        List<Row> rows = new ArrayList<>(h.select("version", "timestamp", "operation", "operationParameters", "operationMetrics")
                .collectAsList());
        Collections.reverse(rows);  // Delta lists the newest first
        TextTable t = new TextTable(List.of("version", "timestamp", "operation", "details"), true);
        for (Row r : rows) {
            t.add(List.of(Long.toString(r.getLong(0)), r.getTimestamp(1).toInstant().truncatedTo(ChronoUnit.SECONDS).toString(),
                    r.getString(2), details(r.isNullAt(3) ? Map.of() : r.getJavaMap(3), r.isNullAt(4) ? Map.of() : r.getJavaMap(4))));
        }
        out.println(name + ": " + (rows.isEmpty() ? "no versions"
                : "versions " + rows.get(0).getLong(0) + " to " + rows.get(rows.size() - 1).getLong(0)
                + (limit == null ? "" : " (the last " + rows.size() + ")")));
        out.print(t.aligned());
        return ExitCodes.OK;
    }

    /** The operation's parameters that are set (long values cut short), then its row and file counts (METRICS). */
    static String details(Map<String, String> parameters, Map<String, String> metrics) {
        List<String> p = new ArrayList<>();
        new TreeMap<>(parameters).forEach((k, v) -> {
            if (v == null || v.isBlank() || v.equals("[]") || v.equals("{}") || v.equals("null")) return;
            // Spark's expression ids (id#9960) say nothing to a reader and change from run to run.
            String one = EXPRESSION_ID.matcher(v.replace('\n', ' ')).replaceAll("$1");
            p.add(k + "=" + (one.length() > VALUE_WIDTH ? one.substring(0, VALUE_WIDTH - 3) + "..." : one));
        });
        List<String> m = new ArrayList<>();
        for (String k : METRICS) {
            if (metrics.containsKey(k)) m.add(k + "=" + metrics.get(k));
        }
        String ps = String.join(", ", p);
        String ms = String.join(" ", m);
        return ps.isEmpty() ? ms : ms.isEmpty() ? ps : ps + "; " + ms;
    }
}
