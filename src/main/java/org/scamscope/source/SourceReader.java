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
import org.scamscope.table.ColumnSpec;
import org.scamscope.table.Kind;
import org.scamscope.table.SilverTable;

import java.io.IOException;
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

    /** The dataset's rows, or null when the input has no folder for it (its tables are then left as they are). */
    public Batch read(SilverTable table) {
        List<Path> paths = files(table);
        return paths == null ? null : read(table, paths);
    }

    /** The dataset's input files in name order, or null when the input has no folder for it. */
    public List<Path> files(SilverTable table) {
        Path dir = input.resolve(table.name());
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
                    .orElseThrow(() -> ExitCodes.usage("no source mapping in conf/sources fits " + rel
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
        Dataset<Row> source = format.equals("csv") ? readCsv(p, rel, m) : readParquet(p, rel);
        FileLayout layout = FileLayout.check(source.columns(), m);
        boolean personal = !layout.personalColumns(table).isEmpty();
        Dataset<Row> rows = layout.refusal() != null ? refused(source, rel, table, layout.refusal())
                : toCanonical(source, rel, table, m, layout);
        return new Batch(rows, List.of(new InputFile(rel, m.name, format, layout.refusal(), personal)));
    }

    /** Why the file's header does not fit the mapping, or null when it fits. */
    public String misfit(Path p, String rel, SourceMapping m) {
        Dataset<Row> source = formatOf(rel).equals("csv") ? readCsv(p, rel, m) : readParquet(p, rel);
        return FileLayout.check(source.columns(), m).refusal();
    }

    private List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw ExitCodes.usage("input folder not found: " + dir);
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> out = new ArrayList<>(s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("_"))
                    .toList());
            Collections.sort(out);
            for (Path p : out) {
                if (!Files.isReadable(p)) throw ExitCodes.usage("input file cannot be read: " + p);
                formatOf(input.relativize(p).toString());
            }
            return out;
        } catch (IOException e) {
            throw ExitCodes.usage("cannot list input folder " + dir + ": " + e.getMessage());
        }
    }

    private static String formatOf(String rel) {
        String lower = rel.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) return "csv";
        if (lower.endsWith(".parquet")) return "parquet";
        throw ExitCodes.usage("input file " + rel + " is neither .csv nor .parquet");
    }

    private Dataset<Row> readCsv(Path p, String rel, SourceMapping m) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("header", "true");
        options.put("multiLine", "true");   // quoted fields may hold newlines
        options.put("escape", "\"");        // RFC 4180: a quote inside quotes is doubled
        options.put("encoding", "UTF-8");
        options.put("mode", "PERMISSIVE");
        options.putAll(m.csvOptions);
        String[] header;
        try {
            header = spark.read().options(options).csv(p.toString()).columns();
        } catch (RuntimeException e) {
            throw ExitCodes.usage("cannot read " + rel + " as CSV: " + firstLine(e));
        }
        // Read every field as text with the header's own names; a row with the wrong number of
        // fields is kept whole in MALFORMED instead of being silently cut or padded.
        StructType schema = new StructType();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < header.length; i++) {
            String name = i == 0 ? header[i].replace("\uFEFF", "") : header[i];
            String unique = seen.add(name) ? name : name + "#" + (i + 1);
            schema = schema.add(unique, DataTypes.StringType);
        }
        schema = schema.add(MALFORMED, DataTypes.StringType);
        options.put("columnNameOfCorruptRecord", MALFORMED);
        // A file is one partition (multiLine does not split), so the id counts its rows in order.
        return spark.read().options(options).schema(schema).csv(p.toString())
                .withColumn(SOURCE_ROW, monotonically_increasing_id().plus(1));
    }

    private Dataset<Row> readParquet(Path p, String rel) {
        Dataset<Row> df;
        try {
            df = spark.read().parquet(p.toString());
            df.schema();
        } catch (RuntimeException e) {
            throw ExitCodes.usage("cannot read " + rel + " as Parquet: " + firstLine(e));
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
        return df.select(cols.toArray(new Column[0]));
    }

    private Dataset<Row> toCanonical(Dataset<Row> source, String rel, SilverTable table, SourceMapping m, FileLayout layout) {
        List<Column> out = new ArrayList<>();
        List<Column> raw = new ArrayList<>();
        Set<String> personal = layout.personalColumns(table);
        for (String s : layout.used()) {
            raw.add(lit(s));
            raw.add(personal.contains(s) ? when(col(q(s)).isNotNull(), lit(MASK)) : col(q(s)));
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
        return source.select(out.toArray(new Column[0]));
    }

    private Dataset<Row> empty(SilverTable table) {
        StructType schema = new StructType();
        for (ColumnSpec c : table.columns()) schema = schema.add(c.name(), DataTypes.StringType);
        schema = schema.add(SOURCE_FILE, DataTypes.StringType).add(SOURCE_ROW, DataTypes.LongType)
                .add(RAW_RECORD, DataTypes.StringType).add(FILE_ERROR, DataTypes.StringType)
                .add(MALFORMED, DataTypes.StringType);
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

    private static String firstLine(Throwable e) {
        String msg = String.valueOf(e.getMessage());
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }
}
