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
 * Reads a dataset's CSV and Parquet files (RawSource) and maps each file onto the canonical columns,
 * as text (CanonicalProjection). Each row keeps its file and its row number in that file (1 = the first row after the
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
    private final InputFolder input;
    private final List<SourceMapping> mappings;

    public SourceReader(SparkSession spark, InputFolder input, List<SourceMapping> mappings) {
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

    /** The given files of the dataset, each through the first mapping that fits its path. */
    public Batch read(SilverTable table, List<Path> paths) {
        List<Dataset<Row>> parts = new ArrayList<>();
        List<InputFile> files = new ArrayList<>();
        for (Path p : paths) {
            String rel = input.relative(p);
            SourceMapping m = mappings.stream()
                    .filter(x -> x.dataset.equals(table.name()) && x.matches(rel))
                    .findFirst()
                    .orElseThrow(() -> ExitCodes.usage("no source mapping of conf/tables/silver/" + table.name() + "/sources fits " + rel
                            + " (dataset " + table.name() + "); add its pattern to a mapping's 'files'"));
            Batch one = readFile(p, rel, m, table);
            parts.add(one.rows());
            files.addAll(one.files());
        }
        Dataset<Row> rows = parts.isEmpty() ? CanonicalProjection.empty(spark, table) : parts.stream().reduce(Dataset::unionByName).get();
        return new Batch(rows, files);
    }

    /** One file read with the given mapping; a file whose header does not fit still yields its rows, refused. */
    public Batch readFile(Path p, String rel, SourceMapping m, SilverTable table) {
        String format = InputFolder.formatOf(rel);
        RawSource source = RawSource.read(spark, p, rel, format, m);
        FileLayout layout = FileLayout.check(source.header(), m, format);
        boolean personal = !layout.personalColumns(table).isEmpty();
        Dataset<Row> rows;
        if (layout.refusal() == null) {
            rows = CanonicalProjection.toCanonical(source.rows(), rel, table, m, layout);
        } else {
            // A first line with no known column is more likely a row than a header: every line is counted then.
            rows = CanonicalProjection.refused(layout.knowsNone() && source.everyLine() != null ? source.everyLine() : source.rows(), rel, table, layout.refusal());
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
        return CanonicalProjection.toCanonical(none, "(dry-run)", table, m, layout);
    }

    /** Why the file's header does not fit the mapping, or null when it fits. */
    public String misfit(Path p, String rel, SourceMapping m) {
        String format = InputFolder.formatOf(rel);
        return FileLayout.check(RawSource.read(spark, p, rel, format, m).header(), m, format).refusal();
    }


}
