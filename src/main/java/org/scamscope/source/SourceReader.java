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
import org.scamscope.table.PersonKey;
import org.scamscope.table.SilverTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import org.scamscope.storage.Location;
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
 * Reads a dataset's CSV and Parquet files (RawSource) and maps each file onto the canonical columns,
 * as text (CanonicalProjection). Each row keeps its file and its row number in that file (1 = the first row after the
 * header), and its source values as JSON with personal fields masked, for the quarantine; of a row that could
 * not be split into the header's fields, only its shape and a keyed hash (BrokenLine).
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
    /** the first source column whose text is longer than the limit, with its length, or null */
    public static final String TOO_LONG = "_too_long";
    /** The country of the mapping's phone_region, in which phone numbers without a country code are read. */
    public static final String PHONE_REGION = "_phone_region";
    /** The limit a configuration gives no other: far above any code, name or amount, far below what slows a parser. */
    public static final int FIELD_MAX_CHARS = 10_000;
    public static final String MASK = "***";

    private final SparkSession spark;
    private final InputFolder input;
    private final List<SourceMapping> mappings;
    private final PersonKey key;
    private final int fieldMaxChars;

    /**
     * @param key hashes the line of a row that could not be split; null when no file carries identifying columns
     * @param fieldMaxChars a longer field quarantines its row (TOO_LONG), its values not parsed
     */
    public SourceReader(SparkSession spark, InputFolder input, List<SourceMapping> mappings, PersonKey key, int fieldMaxChars) {
        this.spark = spark;
        this.input = input;
        this.mappings = mappings;
        this.key = key;
        this.fieldMaxChars = fieldMaxChars;
    }

    /** One input file and what became of its header. */
    public record InputFile(String path, String mapping, String format, String refusal, boolean personal) {}

    public record Batch(Dataset<Row> rows, List<InputFile> files) {}

    /** One input file, the mapping that fits its path, and its header checked against that mapping. */
    public record Head(Location file, String path, SourceMapping mapping, String format, List<String> header, FileLayout layout,
                       InputFile described, String readTogether) {}

    /** The files of a dataset with their headers: read in this JVM, before Spark starts. */
    public record Heads(SilverTable table, List<Head> files) {
        /** The first file that holds a personal column (name, passport, phone), if any. */
        public java.util.Optional<String> firstPersonal() {
            return files.stream().filter(h -> h.described().personal()).map(Head::path).findFirst();
        }
    }

    /** The headers of the given files of the dataset, each under the first mapping that fits its path. */
    public static Heads heads(InputFolder input, List<SourceMapping> mappings, SilverTable table, List<Location> paths) {
        List<Head> heads = new ArrayList<>();
        for (Location p : paths) {
            String rel = input.relative(p);
            SourceMapping m = mappings.stream()
                    .filter(x -> x.dataset.equals(table.name()) && x.matches(rel))
                    .findFirst()
                    .orElseThrow(() -> ExitCodes.usage("no source mapping of conf/tables/silver/" + table.name() + "/sources fits " + rel
                            + " (dataset " + table.name() + "); add its pattern to a mapping's 'files'"));
            heads.add(head(p, rel, m, table));
        }
        return new Heads(table, heads);
    }

    /** One file's header under the given mapping. */
    public static Head head(Location p, String rel, SourceMapping m, SilverTable table) {
        String format = InputFolder.formatOf(rel);
        RawSource.Header header = RawSource.header(p, rel, format, m);
        FileLayout layout = FileLayout.check(header.names(), m, format);
        List<String> nested = header.nested().stream()
                .filter(n -> layout.used().contains(n.substring(0, n.lastIndexOf(" (")))).toList();
        if (!nested.isEmpty()) {
            layout.refuse("nested column" + (nested.size() > 1 ? "s " : " ") + String.join(", ", nested)
                    + ": only flat columns are read (text, numbers, dates, lists of these); write it flat or as text");
        }
        boolean personal = !layout.personalColumns(table).isEmpty();
        return new Head(p, rel, m, format, header.names(), layout, new InputFile(rel, m.name, format, layout.refusal(), personal),
                header.readTogether());
    }

    /**
     * The rows of every file of heads, mapped onto the canonical columns: the files that share a
     * header are read together, a refused file alone.
     */
    public Batch read(Heads heads) {
        Map<String, List<Head>> together = new LinkedHashMap<>();
        List<Dataset<Row>> parts = new ArrayList<>();
        for (Head h : heads.files()) {
            if (h.layout().refusal() == null) together.computeIfAbsent(h.readTogether(), k -> new ArrayList<>()).add(h);
            else parts.add(read(List.of(h), heads.table()));
        }
        together.values().forEach(group -> parts.add(read(group, heads.table())));
        Dataset<Row> rows = parts.isEmpty() ? CanonicalProjection.empty(spark, heads.table()) : parts.stream().reduce(Dataset::unionByName).get();
        return new Batch(rows, heads.files().stream().map(Head::described).toList());
    }

    /** One file's rows; a file whose header does not fit still yields its rows, refused. */
    public Batch read(Head h, SilverTable table) {
        return new Batch(read(List.of(h), table), List.of(h.described()));
    }

    /** The rows of files that share a header, or of one refused file. */
    private Dataset<Row> read(List<Head> group, SilverTable table) {
        Head h = group.get(0);
        RawSource source = RawSource.read(spark, group.stream().map(Head::file).toList(), group.stream().map(Head::path).toList(),
                h.format(), h.mapping(), h.header(), key);
        FileLayout layout = h.layout();
        if (layout.refusal() == null) return CanonicalProjection.toCanonical(source.rows(), table, h.mapping(), layout, fieldMaxChars);
        // A first line with no known column is more likely a row than a header: every line is counted then.
        return CanonicalProjection.refused(layout.knowsNone() && source.everyLine() != null ? source.everyLine() : source.rows(),
                table, layout.refusal());
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
        schema = schema.add(MALFORMED, DataTypes.StringType).add(SOURCE_FILE, DataTypes.StringType).add(SOURCE_ROW, DataTypes.LongType);
        Dataset<Row> none = spark.createDataFrame(List.of(), schema);
        return CanonicalProjection.toCanonical(none, table, m, layout, fieldMaxChars);
    }
}
