package org.scamscope.cli;

import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.StructType;
import org.apache.commons.cli.CommandLine;
import org.scamscope.ExitCodes;
import org.scamscope.config.JobConfig;
import org.scamscope.contract.PipelineSpec;
import org.scamscope.delta.KernelTable;
import org.scamscope.delta.KernelValues;
import org.scamscope.delta.WherePredicate;
import org.scamscope.ops.CsvWriter;
import org.scamscope.ops.TextTable;
import org.scamscope.ops.WarehouseTables;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.nio.file.Path;
import java.util.List;
import java.util.PriorityQueue;

/**
 * scamscope show TABLE: a table's rows, read with Delta Kernel (no Spark), ordered by the table's
 * key and then by every other column: the latest version or --version N, filtered by --where, the
 * columns of --columns, at most --limit rows, boxed (text), one column a line (--vertical), or
 * whole as CSV or JSON lines.
 */
final class ShowCommand {
    static final String USAGE = Commands.usage("show");
    static final long DEFAULT_LIMIT = 20;
    /** Longer cells are cut to this width, ending in "...", as show() does at 20. */
    static final int CELL_WIDTH = 40;

    private ShowCommand() {}

    static int run(List<String> words, CommandLine cl, JobConfig config, PrintStream out) {
        String name = CommandArgs.table(words, USAGE);
        String format = cl.getOptionValue("format", "text");
        if (!List.of("text", "csv", "json").contains(format)) throw ExitCodes.usage("--format must be text, csv or json, got '" + format + "'");
        boolean export = !format.equals("text");
        // An export has no line to say it was cut: without --limit it holds every row.
        long limit = CommandArgs.number(cl, "limit", 1, export ? Long.MAX_VALUE : DEFAULT_LIMIT);
        Long asOf = CommandArgs.number(cl, "version", 0, null);
        String where = cl.getOptionValue("where");
        String path = WarehouseTables.path(config.warehouse(), name);
        // The version is pinned by the snapshot, so the rows are those of one version also when a job writes meanwhile.
        KernelTable table = KernelTable.open(name, path, asOf);
        // Without --version, the version the last successful run left: a run still writing (the quarantine
        // ahead of silver, gold behind it) is not seen half-way. --latest reads the newest instead. The
        // latest snapshot serves when it is that version, which is the usual case: one load, not two.
        Long newest = null;
        if (asOf == null && !cl.hasOption("latest")) {
            org.scamscope.storage.Location root = config.warehouse();
            Long pinned = org.scamscope.pipeline.RunLog.lastSuccessfulRun(new org.scamscope.pipeline.Warehouse(root))
                    .get(path.substring(root.toString().length() + 1));
            if (pinned != null && table.version() > pinned) {
                newest = table.version();
                table = KernelTable.open(name, path, pinned);
            }
        }
        StructType schema = table.schema();
        List<Integer> shown = columns(cl.getOptionValue("columns"), schema);
        Predicate filter = where == null ? null : WherePredicate.parse(where, schema);
        Comparator<Object[]> order = order(schema, key(config, name));

        long[] matched = {0};
        PriorityQueue<Object[]> firstRows = new PriorityQueue<>(order.reversed());
        List<Object[]> all = new ArrayList<>();
        table.scan(schema, filter, r -> {
            Object[] v = new Object[schema.length()];
            for (int i = 0; i < v.length; i++) v[i] = KernelValues.value(r, i);
            matched[0]++;
            if (limit == Long.MAX_VALUE) {
                all.add(v);
            } else {
                firstRows.add(v);
                if (firstRows.size() > limit) firstRows.poll();
            }
        });
        List<Object[]> rows = limit == Long.MAX_VALUE ? all : new ArrayList<>(firstRows);
        rows.sort(order);

        List<String> headers = new ArrayList<>();
        for (int i : shown) headers.add(schema.at(i).getName());
        switch (format) {
            case "csv" -> {
                out.print(CsvWriter.line(headers));
                for (Object[] r : rows) {
                    List<String> cells = new ArrayList<>();
                    for (int i : shown) cells.add(KernelValues.text(r[i]));
                    out.print(CsvWriter.line(cells));
                }
            }
            case "json" -> {
                var json = org.scamscope.config.Json.mapper();
                for (Object[] r : rows) {
                    var o = json.createObjectNode();
                    for (int i : shown) {
                        Object v = r[i];
                        String k = schema.at(i).getName();
                        if (v == null) o.putNull(k);
                        else if (v instanceof Long l) o.put(k, l);
                        else if (v instanceof Integer n) o.put(k, n);
                        else if (v instanceof Boolean b) o.put(k, b);
                        else if (v instanceof BigDecimal d) o.put(k, d);
                        else if (v instanceof Double d) o.put(k, d);
                        else o.put(k, KernelValues.text(v));
                    }
                    out.println(o);
                }
            }
            default -> {
                out.println(name + " at version " + table.version() + (where == null ? "" : ", where " + where)
                        + (newest == null ? "" : " (the last successful run's; version " + newest + " is newer: --latest shows it)"));
                if (cl.hasOption("vertical")) {
                    int n = 0;
                    for (Object[] r : rows) {
                        out.println("-[ row " + (++n) + " ]" + "-".repeat(20));
                        TextTable t = new TextTable(List.of("column", "value"));
                        for (int i : shown) t.add(List.of(schema.at(i).getName(), cell(KernelValues.text(r[i]))));
                        out.print(t.aligned().lines().skip(1).map(l -> l + "\n").reduce("", String::concat));
                    }
                } else {
                    boolean[] right = new boolean[shown.size()];
                    for (int j = 0; j < shown.size(); j++) right[j] = KernelValues.numeric(schema.at(shown.get(j)));
                    TextTable t = new TextTable(headers, right);
                    for (Object[] r : rows) {
                        List<String> cells = new ArrayList<>();
                        for (int i : shown) cells.add(cell(KernelValues.text(r[i])));
                        t.add(cells);
                    }
                    out.print(t.boxed());
                }
                out.println(matched[0] > rows.size()
                        ? "only showing the first " + rows.size() + " of " + matched[0] + " rows (--limit N shows more)"
                        : rows.size() + (rows.size() == 1 ? " row" : " rows"));
            }
        }
        return ExitCodes.OK;
    }

    /** The positions of the columns asked for, in the order asked; every column without --columns. */
    static List<Integer> columns(String asked, StructType schema) {
        List<Integer> out = new ArrayList<>();
        if (asked == null) {
            for (int i = 0; i < schema.length(); i++) out.add(i);
            return out;
        }
        for (String c : asked.split(",")) {
            int i = schema.indexOf(c.strip());
            if (i < 0) {
                throw ExitCodes.usage("--columns: no column '" + c.strip() + "'; the columns are " + String.join(", ", schema.fieldNames()));
            }
            out.add(i);
        }
        return out;
    }

    /** The key the table's contract declares; none for tables without one. */
    private static List<String> key(JobConfig config, String table) {
        try {
            return PipelineSpec.key(config, table.strip());
        } catch (RuntimeException e) {
            return List.of(); // a configuration that cannot be read does not stop a look at the data
        }
    }

    /** By the key's columns, then by every other column in table order; nulls first, as Spark's ORDER BY. */
    static Comparator<Object[]> order(StructType schema, List<String> key) {
        List<Integer> by = new ArrayList<>();
        for (String k : key) {
            int i = schema.indexOf(k);
            if (i >= 0) by.add(i);
        }
        for (int i = 0; i < schema.length(); i++) if (!by.contains(i)) by.add(i);
        return (a, b) -> {
            for (int i : by) {
                int c = compare(a[i], b[i]);
                if (c != 0) return c;
            }
            return 0;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) return ca.compareTo(b);
        return KernelValues.text(a).compareTo(KernelValues.text(b));
    }

    /** NULL for null, on one line, cut to CELL_WIDTH. */
    static String cell(String v) {
        if (v == null) return "NULL";
        String one = org.scamscope.ops.Printable.escaped(v);
        return one.length() > CELL_WIDTH ? one.substring(0, CELL_WIDTH - 3) + "..." : one;
    }
}
