package org.scamscope.source;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;
import org.scamscope.ExitCodes;
import org.scamscope.contract.ColumnSpec;
import org.scamscope.contract.Kind;
import org.scamscope.table.SilverTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.*;

/**
 * Reads a dataset's folder of CSV and Parquet files and maps each file onto the canonical columns,
 * as text. Each row keeps its file and its row number in that file (1 = the first row after the
 * header), and its source values as JSON with personal fields masked, for the quarantine.
 */
public final class SourceReader {
    public static final String SOURCE_FILE = "source_file";
    public static final String SOURCE_ROW = "source_row";
    public static final String RAW_RECORD = "raw_record";
    /** why the whole file was refused (its rows still go to the quarantine), or null */
    public static final String FILE_ERROR = "_file_error";
    /** the text of a row the CSV parser could not split into the header's fields, or null */
    public static final String MALFORMED = "_malformed";
    /** the first source column whose text was not valid UTF-8 (or held a NUL character), or null */
    public static final String ENCODING = "_bad_encoding";
    public static final String MASK = "***";

    private final SparkSession spark;
    private final Path input;
    private final List<SourceMapping> mappings;

    public SourceReader(SparkSession spark, Path input, List<SourceMapping> mappings) {
        this.spark = spark;
        this.input = input;
        this.mappings = mappings;
    }

    /** One input file and what became of its header. */
    public record InputFile(String path, String mapping, String format, String refusal, boolean personal) {}

    public record Batch(Dataset<Row> rows, List<InputFile> files) {
        public boolean carriesPersonalData() {
            return files.stream().anyMatch(InputFile::personal);
        }
    }

    /** The dataset's input files in name order, or null when the input has no folder for it. */
    public List<Path> files(SilverTable table) {
        Path dir = input.resolve(table.name());
        if (!Files.exists(dir) && Files.isSymbolicLink(dir)) {
            // Not an absent dataset, whose tables are left alone: one that is there and cannot be read.
            throw ExitCodes.usage("input folder " + dir + " cannot be read: it is a link that leads to no folder");
        }
        return Files.exists(dir) ? list(dir) : null;
    }

    public String relative(Path file) {
        return input.relativize(file).toString().replace('\\', '/');
    }

    /** The given files of the dataset, each through the first mapping that fits its path. */
    public Batch read(SilverTable table, List<Path> paths) {
        List<Dataset<Row>> parts = new ArrayList<>();
        List<InputFile> files = new ArrayList<>();
        for (Path p : paths) {
            String rel = relative(p);
            SourceMapping m = mappings.stream()
                    .filter(x -> x.dataset.equals(table.name()) && x.matches(rel))
                    .findFirst()
                    .orElseThrow(() -> ExitCodes.usage("no source mapping of conf/tables/silver/" + table.name() + "/sources fits " + rel
                            + " (dataset " + table.name() + "); add its pattern to a mapping's 'files'"));
            Batch one = readFile(p, rel, m, table);
            parts.add(one.rows());
            files.addAll(one.files());
        }
        Dataset<Row> rows = parts.isEmpty() ? empty(table) : parts.stream().reduce(Dataset::unionByName).get();
        return new Batch(rows, files);
    }

    /** One file read with the given mapping; a file whose header does not fit still yields its rows, refused. */
    public Batch readFile(Path p, String rel, SourceMapping m, SilverTable table) {
        String format = formatOf(rel);
        Source source = read(p, rel, format, m);
        FileLayout layout = FileLayout.check(source.header(), m, format);
        boolean personal = !layout.personalColumns(table).isEmpty();
        Dataset<Row> rows;
        if (layout.refusal() == null) {
            rows = toCanonical(source.rows(), rel, table, m, layout);
        } else {
            // A first line with no known column is more likely a row than a header: every line is counted then.
            rows = refused(layout.knowsNone() && source.everyLine() != null ? source.everyLine() : source.rows(), rel, table, layout.refusal());
        }
        return new Batch(rows, List.of(new InputFile(rel, m.name, format, layout.refusal(), personal)));
    }

    /**
     * No rows, as a file with every column the mapping names would give them: the dry-run resolves
     * the mapping's projection onto the canonical columns without reading a file.
     */
    public Dataset<Row> dryRun(SourceMapping m, SilverTable table) {
        List<String> header = new ArrayList<>();
        m.columns.values().forEach(alternatives -> { if (!alternatives.isEmpty() && !header.contains(alternatives.get(0))) header.add(alternatives.get(0)); });
        m.flags.values().forEach(f -> f.keySet().forEach(c -> { if (!header.contains(c)) header.add(c); }));
        FileLayout layout = FileLayout.check(header, m, "csv");
        if (layout.refusal() != null) {
            throw ExitCodes.usage("source mapping " + m.name + " refuses a file holding every column it names: " + layout.refusal());
        }
        StructType schema = new StructType();
        for (String h : header) schema = schema.add(h, DataTypes.StringType);
        schema = schema.add(MALFORMED, DataTypes.StringType).add(SOURCE_ROW, DataTypes.LongType);
        Dataset<Row> none = spark.createDataFrame(List.of(), schema);
        return toCanonical(none, "(dry-run)", table, m, layout);
    }

    /** Why the file's header does not fit the mapping, or null when it fits. */
    public String misfit(Path p, String rel, SourceMapping m) {
        String format = formatOf(rel);
        return FileLayout.check(read(p, rel, format, m).header(), m, format).refusal();
    }

    /**
     * A file's rows under its header's names, with their row numbers, and its header as written
     * (a name may repeat). For CSV, also every line as a row, numbered from 1, for a file whose
     * first line turns out to be no header.
     */
    private record Source(Dataset<Row> rows, List<String> header, Dataset<Row> everyLine) {}

    private Source read(Path p, String rel, String format, SourceMapping m) {
        FileSniff.check(p, rel, format, m.csvOptions.getOrDefault("encoding", "UTF-8"));
        return format.equals("csv") ? readCsv(p, rel, m) : readParquet(p, rel);
    }

    private List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw ExitCodes.usage("input path " + dir + " is a file, not a folder: a dataset is a folder of .csv and .parquet files");
        }
        // Links are followed, so a linked partner folder is read; a link that leads nowhere stops the run.
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (!Files.isDirectory(p) && !name.startsWith(".") && !name.startsWith("_")) out.add(p);
            }
        } catch (UncheckedIOException e) {
            throw ExitCodes.usage("cannot list input folder " + dir + ": " + describe(e.getCause()));
        } catch (IOException e) {
            throw ExitCodes.usage("cannot list input folder " + dir + ": " + describe(e));
        }
        Collections.sort(out);
        for (Path p : out) {
            if (!Files.isRegularFile(p)) {
                throw ExitCodes.usage("input file " + p + " cannot be read: "
                        + (Files.isSymbolicLink(p) ? "it is a link that leads to no file (its target is gone, or links form a loop)"
                                : "it is not a regular file"));
            }
            if (!Files.isReadable(p)) throw ExitCodes.usage("input file " + p + " cannot be read: permission denied");
            formatOf(input.relativize(p).toString());
        }
        return out;
    }

    /** The file and what went wrong: a file system exception's message is often its path alone. */
    private static String describe(IOException e) {
        if (e instanceof java.nio.file.FileSystemLoopException) return "links form a loop at " + e.getMessage();
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String formatOf(String rel) {
        String lower = rel.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) return "csv";
        if (lower.endsWith(".parquet")) return "parquet";
        throw ExitCodes.usage("input file " + rel + " is neither .csv nor .parquet");
    }

    private Source readCsv(Path p, String rel, SourceMapping m) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("multiLine", "true");   // quoted fields may hold newlines
        options.put("escape", "\"");        // RFC 4180: a quote inside quotes is doubled
        options.put("encoding", "UTF-8");
        options.put("mode", "PERMISSIVE");
        options.putAll(m.csvOptions);
        // The header is read as a row, not by Spark's header option: that one renames repeated and
        // empty names, and logs a header that differs from the schema, which may be a row of data.
        options.put("header", "false");
        int width;
        try {
            width = spark.read().options(options).csv(p.toString()).columns().length;
        } catch (RuntimeException e) {
            throw ExitCodes.usage("cannot read " + rel + " as CSV: " + org.scamscope.Messages.firstLine(e));
        }
        // Every field as text; a row with the wrong number of fields is kept whole in MALFORMED
        // instead of being silently cut or padded.
        StructType schema = new StructType();
        for (int i = 0; i < width; i++) schema = schema.add("_c" + i, DataTypes.StringType);
        schema = schema.add(MALFORMED, DataTypes.StringType);
        options.put("columnNameOfCorruptRecord", MALFORMED);
        // A file is one partition (multiLine does not split), so the id counts its records in order, 0 = the header.
        Dataset<Row> lines = spark.read().options(options).schema(schema).csv(p.toString())
                .withColumn(SOURCE_ROW, monotonically_increasing_id());
        if (width == 0) return new Source(lines, List.of(), null);
        Row first = lines.filter(col(SOURCE_ROW).equalTo(0)).first();
        List<String> header = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<Column> named = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            String name = first.isNullAt(i) ? "" : first.getString(i);
            if (i == 0) name = name.replace("\uFEFF", "");
            if (name.isEmpty()) name = "(unnamed column " + (i + 1) + ")";
            header.add(name);
            named.add(col("_c" + i).as(seen.add(name) ? name : name + "#" + (i + 1)));
        }
        named.add(col(MALFORMED));
        named.add(col(SOURCE_ROW));
        return new Source(lines.filter(col(SOURCE_ROW).gt(0)).select(named.toArray(new Column[0])), header,
                lines.withColumn(SOURCE_ROW, col(SOURCE_ROW).plus(1)));
    }

    private Source readParquet(Path p, String rel) {
        Dataset<Row> df;
        try {
            df = spark.read().parquet(p.toString());
            df.schema();
        } catch (RuntimeException e) {
            throw ExitCodes.usage("cannot read " + rel + " as Parquet: " + org.scamscope.Messages.firstLine(e));
        }
        List<Column> cols = new ArrayList<>();
        for (StructField f : df.schema().fields()) {
            Column c = col("`" + f.name() + "`");
            if (f.dataType() instanceof ArrayType) c = array_join(c, ";");
            else if (f.dataType() instanceof DateType) c = date_format(c, "yyyy-MM-dd");
            else if (f.dataType() instanceof TimestampType) c = date_format(c, "yyyy-MM-dd");
            cols.add(c.cast("string").as(f.name()));
        }
        cols.add(lit(null).cast("string").as(MALFORMED));
        cols.add(col("_metadata.row_index").plus(1).as(SOURCE_ROW));
        return new Source(df.select(cols.toArray(new Column[0])), List.of(df.columns()), null);
    }

    private Dataset<Row> toCanonical(Dataset<Row> source, String rel, SilverTable table, SourceMapping m, FileLayout layout) {
        List<Column> out = new ArrayList<>();
        List<Column> raw = new ArrayList<>();
        Set<String> personal = layout.personalColumns(table);
        List<Column> undecodable = new ArrayList<>();
        for (String s : layout.used()) {
            raw.add(lit(s));
            raw.add(personal.contains(s) ? when(col(q(s)).isNotNull(), lit(MASK)) : col(q(s)));
            // Bytes that are not UTF-8 are read as U+FFFD: the value is no longer what was written.
            undecodable.add(when(col(q(s)).contains("\uFFFD").or(col(q(s)).contains("\u0000")), lit(s)));
        }
        for (ColumnSpec c : table.columns()) {
            Column value;
            String src = layout.sourceOf(c.name());
            if (src != null) {
                value = clean(col(q(src)), m, c.name());
            } else if (m.constants.containsKey(c.name())) {
                value = lit(m.constants.get(c.name()));
            } else if (m.flags.containsKey(c.name())) {
                value = flagsToList(m.flags.get(c.name()), layout);
            } else {
                value = lit(null).cast("string");
            }
            out.add(value.as(c.name()));
        }
        out.add(lit(rel).as(SOURCE_FILE));
        out.add(col(SOURCE_ROW));
        out.add(raw.isEmpty() ? lit(null).cast("string").as(RAW_RECORD)
                : to_json(map(raw.toArray(new Column[0]))).as(RAW_RECORD));
        out.add(lit(null).cast("string").as(FILE_ERROR));
        out.add(col(MALFORMED));
        out.add((undecodable.isEmpty() ? lit(null).cast("string") : coalesce(undecodable.toArray(new Column[0]))).as(ENCODING));
        return source.select(out.toArray(new Column[0]));
    }

    /** A refused file's rows still go to the quarantine, so nothing in it is lost without a trace. */
    private Dataset<Row> refused(Dataset<Row> source, String rel, SilverTable table, String why) {
        List<Column> out = new ArrayList<>();
        for (ColumnSpec c : table.columns()) out.add(lit(null).cast("string").as(c.name()));
        out.add(lit(rel).as(SOURCE_FILE));
        out.add(col(SOURCE_ROW));
        out.add(lit(null).cast("string").as(RAW_RECORD));
        out.add(lit(why).as(FILE_ERROR));
        out.add(lit(null).cast("string").as(MALFORMED));
        out.add(lit(null).cast("string").as(ENCODING));
        return source.select(out.toArray(new Column[0]));
    }

    private Dataset<Row> empty(SilverTable table) {
        StructType schema = new StructType();
        for (ColumnSpec c : table.columns()) schema = schema.add(c.name(), DataTypes.StringType);
        schema = schema.add(SOURCE_FILE, DataTypes.StringType).add(SOURCE_ROW, DataTypes.LongType)
                .add(RAW_RECORD, DataTypes.StringType).add(FILE_ERROR, DataTypes.StringType)
                .add(MALFORMED, DataTypes.StringType).add(ENCODING, DataTypes.StringType);
        return spark.createDataFrame(List.of(), schema);
    }

    /** Trims, turns the mapping's null markers into nulls, applies value maps and date formats. */
    private static Column clean(Column c, SourceMapping m, String canonical) {
        Column v = trim(c);
        v = when(v.equalTo(""), lit(null)).otherwise(v);
        for (String n : m.nullValues) v = when(v.equalTo(n), lit(null)).otherwise(v);
        for (String[] p : m.patterns.getOrDefault(canonical, List.of())) v = regexp_replace(v, p[0], p[1]);
        Map<String, String> map = m.values.get(canonical);
        if (map != null && !map.isEmpty()) {
            Column mapped = null;
            for (Map.Entry<String, String> e : map.entrySet()) {
                Column test = upper(v).equalTo(e.getKey().toUpperCase(Locale.ROOT));
                Column to = e.getValue() == null ? lit(null).cast("string") : lit(e.getValue());
                mapped = mapped == null ? when(test, to) : mapped.when(test, to);
            }
            v = mapped.otherwise(v);
        }
        List<String> formats = m.dateFormats.get(canonical);
        if (formats != null && !formats.isEmpty()) {
            Column[] tries = new Column[formats.size() + 1];
            for (int i = 0; i < formats.size(); i++) {
                tries[i] = date_format(try_to_date(v, formats.get(i)), "yyyy-MM-dd");
            }
            tries[formats.size()] = v;  // unparsed text stays, so the date rule reports it as written
            v = coalesce(tries);
        }
        return v;
    }

    private static Column flagsToList(Map<String, String> flags, FileLayout layout) {
        List<Column> items = new ArrayList<>();
        for (Map.Entry<String, String> f : flags.entrySet()) {
            String src = layout.present(f.getKey());
            if (src == null) continue;
            // Set is 1 (or 1.0, true); empty, 0 and the layout's missing markers are not set.
            Column set = lower(trim(col(q(src)))).rlike("^(1(\\.0+)?|true)$");
            items.add(when(set, lit(f.getValue())));
        }
        if (items.isEmpty()) return lit(null).cast("string");
        Column joined = concat_ws(";", items.toArray(new Column[0]));
        return when(joined.equalTo(""), lit(null)).otherwise(joined);
    }

    static String q(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
