package org.scamscope.cli;

import io.delta.tables.DeltaTable;
import org.apache.commons.cli.CommandLine;
import org.apache.spark.SparkArithmeticException;
import org.apache.spark.SparkDateTimeException;
import org.apache.spark.SparkIllegalArgumentException;
import org.apache.spark.SparkNumberFormatException;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.scamscope.ExitCodes;
import org.scamscope.Messages;
import org.scamscope.config.JobConfig;
import org.scamscope.ops.CsvWriter;
import org.scamscope.ops.TextTable;
import org.scamscope.ops.WarehouseTables;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * scamscope show TABLE: a table's rows, boxed as Spark's show() draws them: the latest version or
 * one of --version N (time travel), filtered by --where (SQL), at most
 * --limit rows. With --format csv, every row (or --limit of them), whole, as CSV for a spreadsheet.
 */
final class ShowCommand {
    static final String USAGE = "scamscope show TABLE [--warehouse DIR] [--version N] [--where EXPR] [--limit N] [--format text|csv]";
    static final long DEFAULT_LIMIT = 20;
    /** Longer cells are cut to this width, ending in "...", as show() does at 20. */
    static final int CELL_WIDTH = 40;

    private ShowCommand() {}

    static int run(List<String> words, CommandLine cl, JobConfig config, Supplier<SparkSession> spark, PrintStream out) {
        String name = CommandArgs.table(words, USAGE);
        String format = cl.getOptionValue("format", "text");
        if (!format.equals("text") && !format.equals("csv")) throw ExitCodes.usage("--format must be text or csv, got '" + format + "'");
        boolean csv = format.equals("csv");
        // An export has no line to say it was cut: without --limit it holds every row.
        long limit = CommandArgs.number(cl, "limit", 1, csv ? Long.MAX_VALUE : DEFAULT_LIMIT);
        Long asOf = CommandArgs.number(cl, "version", 0, null);
        String where = cl.getOptionValue("where");
        String path = WarehouseTables.path(config.warehouse(), name);
        SparkSession s = spark.get();
        // The version is pinned, so the rows shown are those of the version named, also when a job writes meanwhile.
        long version = asOf != null ? asOf : DeltaTable.forPath(s, path).history(1).select("version").first().getLong(0);
        Dataset<Row> df;
        try {
            df = s.read().format("delta").option("versionAsOf", version).load(path);
        } catch (Exception e) {
            if (e instanceof AnalysisException) throw ExitCodes.usage(name + ": " + Messages.firstLine(e.getMessage()));
            throw e;
        }
        if (where != null) {
            try {
                df = df.filter(where);
            } catch (Exception e) {
                if (e instanceof AnalysisException) throw ExitCodes.usage("--where " + where + ": " + Messages.firstLine(e.getMessage()));
                throw e;
            }
        }
        StructField[] fields = df.schema().fields();
        Column[] asText = new Column[fields.length];
        boolean[] right = new boolean[fields.length];
        for (int i = 0; i < fields.length; i++) {
            asText[i] = df.col("`" + fields[i].name().replace("`", "``") + "`").cast("string");
            right[i] = fields[i].dataType() instanceof NumericType;
        }
        List<String> headers = new ArrayList<>();
        for (StructField f : fields) headers.add(f.name());
        Dataset<Row> text = df.select(asText);
        if (csv) {
            out.print(CsvWriter.line(headers));
            Dataset<Row> selected = limit == Long.MAX_VALUE ? text : text.limit((int) Math.min(limit, Integer.MAX_VALUE));
            // Row by row to the output: an export may be larger than the driver's memory.
            return collect(() -> {
                for (Iterator<Row> it = selected.toLocalIterator(); it.hasNext(); ) {
                    Row r = it.next();
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < fields.length; i++) cells.add(r.isNullAt(i) ? null : r.getString(i));
                    out.print(CsvWriter.line(cells));
                }
                return ExitCodes.OK;
            }, where);
        }
        // One row more than shown says whether there are more.
        List<Row> rows = collect(() -> text.limit((int) Math.min(limit, Integer.MAX_VALUE - 1) + 1).collectAsList(), where);
        TextTable t = new TextTable(headers, right);
        for (Row r : rows.subList(0, (int) Math.min(rows.size(), limit))) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < fields.length; i++) cells.add(cell(r.isNullAt(i) ? null : r.getString(i)));
            t.add(cells);
        }
        out.println(name + " at version " + version + (where == null ? "" : ", where " + where));
        out.print(t.boxed());
        out.println(rows.size() > limit ? "only showing the first " + limit + (limit == 1 ? " row" : " rows")
                : rows.size() + (rows.size() == 1 ? " row" : " rows"));
        return ExitCodes.OK;
    }

    /** What the query gives; a --where that fails on the data (a cast, a division) is a usage error. */
    private static <T> T collect(Supplier<T> query, String where) {
        try {
            return query.get();
        } catch (RuntimeException e) {
            Throwable data = dataError(e);
            if (where != null && data != null) {
                throw ExitCodes.usage("--where " + where + ": " + Messages.firstLine(data.getMessage()));
            }
            throw e;
        }
    }

    /** NULL for null, on one line, cut to CELL_WIDTH. */
    static String cell(String v) {
        if (v == null) return "NULL";
        String one = v.replace("\r", "\\r").replace("\n", "\\n");
        return one.length() > CELL_WIDTH ? one.substring(0, CELL_WIDTH - 3) + "..." : one;
    }

    /** A failure of the filter on the data (a cast or arithmetic that fails on some row), if that is what e is. */
    private static Throwable dataError(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SparkArithmeticException || c instanceof SparkNumberFormatException
                    || c instanceof SparkDateTimeException || c instanceof SparkIllegalArgumentException) return c;
        }
        return null;
    }
}
