package org.scamscope.cli;

import org.apache.commons.cli.CommandLine;
import org.scamscope.ExitCodes;
import org.scamscope.config.JobConfig;
import org.scamscope.delta.KernelTable;
import org.scamscope.ops.TextTable;
import org.scamscope.ops.WarehouseTables;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** scamscope history TABLE: the table's Delta history, oldest version first, one line a version; read with Delta Kernel, without Spark. */
final class HistoryCommand {
    static final String USAGE = Commands.usage("history");
    /** Metrics shown, in this order, when a commit has them: rows and files written, removed and deleted. */
    static final List<String> METRICS = List.of("numOutputRows", "numTargetRowsInserted", "numTargetRowsUpdated",
            "numTargetRowsDeleted", "numUpdatedRows", "numDeletedRows", "numFiles", "numAddedFiles", "numRemovedFiles",
            "numTargetFilesAdded", "numTargetFilesRemoved", "numFilesToDelete", "numDeletedFiles");
    static final int VALUE_WIDTH = 40;
    private static final Pattern EXPRESSION_ID = Pattern.compile("(\\w)#\\d+L?\\b");

    private HistoryCommand() {}

    static int run(List<String> words, CommandLine cl, JobConfig config, PrintStream out) {
        String name = CommandArgs.table(words, USAGE);
        Long limit = CommandArgs.number(cl, "limit", 1, null);
        String path = WarehouseTables.path(config.warehouse(), name);
        KernelTable table = KernelTable.open(name, path, null);
        List<KernelTable.Commit> commits = table.history(limit == null ? 0 : Math.max(0, table.version() - limit + 1));
        TextTable t = new TextTable(List.of("version", "timestamp", "operation", "details"), true);
        for (KernelTable.Commit c : commits) {
            t.add(List.of(Long.toString(c.version()), c.when(),
                    c.operation(), details(c.parameters(), c.metrics())));
        }
        out.println(name + ": " + (commits.isEmpty() ? "no versions"
                : "versions " + commits.get(0).version() + " to " + commits.get(commits.size() - 1).version()
                + (limit == null ? "" : " (the last " + commits.size() + ")")));
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
