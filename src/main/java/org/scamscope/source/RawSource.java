package org.scamscope.source;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;
import org.scamscope.ExitCodes;
import org.scamscope.Messages;
import org.scamscope.table.PersonKey;

import org.scamscope.storage.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.*;
import static org.scamscope.source.SourceReader.MALFORMED;
import static org.scamscope.source.SourceReader.SOURCE_FILE;
import static org.scamscope.source.SourceReader.SOURCE_ROW;

/**
 * A file's rows under its header's names, with their row numbers, and its header as written
 * (a name may repeat). For CSV, also every line as a row, numbered from 1, for a file whose
 * first line turns out to be no header.
 */
record RawSource(Dataset<Row> rows, List<String> header, Dataset<Row> everyLine) {
    /**
     * A file's header as written (a CSV file's first record, a Parquet file's columns), read without
     * Spark; its nested Parquet columns; and what files must share to be read by one reader: the
     * format, the mapping and the header (for Parquet, the whole schema with its types).
     */
    record Header(List<String> names, List<String> nested, String readTogether) {}

    static Header header(Location p, String rel, String format, SourceMapping m) {
        FileSniff.check(p, rel, format, m.csvOptions.getOrDefault("encoding", "UTF-8"));
        if (!format.equals("csv")) {
            FileHeader.ParquetColumns columns = FileHeader.parquet(p, rel);
            return new Header(columns.names(), columns.nested(), "parquet\u0000" + m.name + "\u0000" + columns.schema());
        }
        List<String> header = new ArrayList<>();
        for (String field : FileHeader.csv(p, rel, csvOptions(m))) {
            String name = field == null ? "" : field;
            if (header.isEmpty()) name = name.replace("\uFEFF", "");
            if (name.isEmpty()) name = "(unnamed column " + (header.size() + 1) + ")";
            header.add(name);
        }
        return new Header(header, List.of(), "csv\u0000" + m.name + "\u0000" + String.join("\u0000", header));
    }

    /**
     * The rows of files that share a header (see {@link Header#readTogether}), with each row's file
     * (SOURCE_FILE, its name in the input folder) and number; header is what {@link #header} read.
     * One reader serves them all: a plan per file costs a fifth of a second, which 2,000 small files
     * of a partner's daily export turn into minutes.
     */
    static RawSource read(SparkSession spark, List<Location> files, List<String> rels, String format, SourceMapping m, List<String> header, PersonKey key) {
        return format.equals("csv") ? csv(spark, files, rels, m, header, key) : parquet(spark, files, rels);
    }

    private static Map<String, String> csvOptions(SourceMapping m) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("escape", "\"");        // RFC 4180: a quote inside quotes is doubled
        options.put("encoding", "UTF-8");
        options.put("mode", "PERMISSIVE");
        options.putAll(m.csvOptions);
        // Quoted fields may hold newlines; and row numbers count a file's records in one partition,
        // so a file is never split: a mapping cannot turn it off.
        options.put("multiLine", "true");
        // The header is read as a row, not by Spark's header option: that one renames repeated and
        // empty names, and logs a header that differs from the schema, which may be a row of data.
        options.put("header", "false");
        return options;
    }

    private static RawSource csv(SparkSession spark, List<Location> files, List<String> rels, SourceMapping m, List<String> header, PersonKey key) {
        Map<String, String> options = csvOptions(m);
        int width = header.size();
        // Every field as text; a row with the wrong number of fields is kept whole in MALFORMED
        // instead of being silently cut or padded.
        StructType schema = new StructType();
        for (int i = 0; i < width; i++) schema = schema.add("_c" + i, DataTypes.StringType);
        schema = schema.add(MALFORMED, DataTypes.StringType);
        options.put("columnNameOfCorruptRecord", MALFORMED);
        Dataset<Row> lines = spark.read().options(options).schema(schema).csv(files.stream().map(RawSource::literal).toArray(String[]::new));
        if (files.size() == 1) {
            // One file is one partition, so the id counts its records in order, 0 = the header.
            lines = lines.withColumn(SOURCE_FILE, lit(rels.get(0))).withColumn(SOURCE_ROW, monotonically_increasing_id());
        } else {
            StructType numbered = schema.add(SOURCE_FILE, DataTypes.StringType).add(SOURCE_ROW, DataTypes.LongType);
            lines = lines.withColumn(SOURCE_FILE, col("_metadata.file_path"))
                    .mapPartitions(new RecordsPerFile(new FileNames(files, rels)), Encoders.row(numbered));
        }
        if (width == 0) return new RawSource(lines, List.of(), null);
        Set<String> seen = new LinkedHashSet<>();
        List<Column> named = new ArrayList<>();
        // A row that could not be split keeps none of its values: they sit in the wrong columns.
        Column whole = col(MALFORMED).isNull();
        for (int i = 0; i < width; i++) {
            String name = header.get(i);
            named.add(when(whole, col("_c" + i)).as(seen.add(name) ? name : name + "#" + (i + 1)));
        }
        BrokenLine broken = new BrokenLine(option(options, ',', "sep", "delimiter"), option(options, '"', "quote"), width, key);
        named.add(udf(broken, DataTypes.StringType).apply(col(MALFORMED)).as(MALFORMED));
        named.add(col(SOURCE_FILE));
        named.add(col(SOURCE_ROW));
        return new RawSource(lines.filter(col(SOURCE_ROW).gt(0)).select(named.toArray(new Column[0])), header,
                lines.withColumn(SOURCE_ROW, col(SOURCE_ROW).plus(1)));
    }

    private static boolean nested(org.apache.spark.sql.types.DataType t) {
        if (t instanceof ArrayType a) return a.elementType() instanceof StructType || a.elementType() instanceof ArrayType
                || a.elementType() instanceof org.apache.spark.sql.types.MapType;
        return t instanceof StructType || t instanceof org.apache.spark.sql.types.MapType;
    }

    /** The first character of the first of the CSV options given, "\\t" being a tab. */
    private static char option(Map<String, String> options, char fallback, String... names) {
        for (String n : names) {
            String v = options.get(n);
            if (v == null || v.isEmpty()) continue;
            return v.equals("\\t") ? '\t' : v.charAt(0);
        }
        return fallback;
    }

    static RawSource parquet(SparkSession spark, List<Location> files, List<String> rels) {
        Dataset<Row> df;
        try {
            df = spark.read().parquet(files.stream().map(RawSource::literal).toArray(String[]::new));
            df.schema();
        } catch (RuntimeException e) {
            throw ExitCodes.usage("cannot read " + String.join(", ", rels) + " as Parquet: " + Messages.firstLine(e));
        }
        List<Column> cols = new ArrayList<>();
        for (StructField f : df.schema().fields()) {
            Column c = col("`" + f.name() + "`");
            // A nested column refuses the file (FileLayout); as JSON it still yields the file's rows.
            if (nested(f.dataType())) c = to_json(c);
            else if (f.dataType() instanceof ArrayType) c = array_join(c, ";");
            else if (f.dataType() instanceof DateType) c = date_format(c, "yyyy-MM-dd");
            else if (f.dataType() instanceof TimestampType) c = date_format(c, "yyyy-MM-dd");
            cols.add(c.cast("string").as(f.name()));
        }
        cols.add(lit(null).cast("string").as(MALFORMED));
        cols.add((files.size() == 1 ? lit(rels.get(0))
                : udf(new FileNames(files, rels), DataTypes.StringType).apply(col("_metadata.file_path"))).as(SOURCE_FILE));
        cols.add(col("_metadata.row_index").plus(1).as(SOURCE_ROW));
        return new RawSource(df.select(cols.toArray(new Column[0])), List.of(df.columns()), null);
    }

    /**
     * The file's path for Spark's readers, which expand globs (Hadoop's FileSystem.globStatus): a
     * file named a[1].csv would otherwise read a1.csv in its place. Hadoop's glob syntax escapes a
     * character with a backslash.
     */
    static String literal(Location p) {
        return p.toString().replaceAll("([\\\\\\[\\]{}*?])", "\\\\$1");
    }
}
