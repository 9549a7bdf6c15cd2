package org.scamscope.source;

import com.univocity.parsers.csv.CsvParser;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.catalyst.csv.CSVOptions;
import org.apache.spark.sql.catalyst.csv.UnivocityParser;
import org.scamscope.ExitCodes;
import org.scamscope.Messages;
import scala.jdk.javaapi.CollectionConverters;

import java.io.IOException;
import java.io.InputStream;
import org.scamscope.storage.Location;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A file's first record (CSV) or its column names (Parquet footer), read in this JVM before Spark
 * starts: which mapping fits, whether the file holds personal columns and how wide its rows are are
 * known without a Spark job per file. CSV is tokenised by Spark's own option handling and
 * tokeniser (CSVOptions, UnivocityParser), so the fields are those Spark's reader finds.
 */
final class FileHeader {
    private static final Configuration HADOOP = org.scamscope.spark.HadoopConf.shared();

    private FileHeader() {}

    /** The fields of the first CSV record, as written (empty for an empty file). */
    static List<String> csv(Location p, String rel, Map<String, String> options) {
        CSVOptions parsed = new CSVOptions(scala.collection.immutable.Map.from(CollectionConverters.asScala(options)), false, "UTC");
        try (InputStream in = p.open()) {
            scala.collection.Iterator<String[]> records = UnivocityParser.tokenizeStream(in, false,
                    new CsvParser(parsed.asParserSettings()), parsed.charset());
            return records.hasNext() ? Arrays.asList(records.next()) : List.of();
        } catch (IOException | RuntimeException e) {
            throw ExitCodes.usage("cannot read " + rel + " as CSV: " + Messages.firstLine(e));
        }
    }

    /**
     * A Parquet file's top-level column names; those that are not flat, each with what it is ("a
     * struct", "a map", "a list of structs": a list of plain values is flat, it is read as a
     * ';'-joined list); and its whole schema with types, which files read together must share.
     */
    record ParquetColumns(List<String> names, List<String> nested, String schema) {}

    /** The columns of a Parquet file, from one read of its footer. */
    static ParquetColumns parquet(Location p, String rel) {
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(p.uri()), HADOOP))) {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            List<String> names = new ArrayList<>();
            List<String> nested = new ArrayList<>();
            for (Type t : schema.getFields()) {
                names.add(t.getName());
                String kind = nesting(t);
                if (kind != null) nested.add(t.getName() + " (" + kind + ")");
            }
            return new ParquetColumns(names, nested, schema.toString());
        } catch (IOException | RuntimeException e) {
            throw ExitCodes.usage("cannot read " + rel + " as Parquet: " + Messages.firstLine(e));
        }
    }

    /** null for a plain value or a list of plain values; else what the column is. */
    private static String nesting(Type t) {
        if (t.isPrimitive()) return null;
        LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) return "a map";
        if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
            Type repeated = t.asGroupType().getType(0);
            Type element = repeated.isPrimitive() || repeated.asGroupType().getFieldCount() != 1 ? repeated : repeated.asGroupType().getType(0);
            return element.isPrimitive() ? null : "a list of " + (nesting(element) == null ? "lists" : "structs or maps");
        }
        return "a struct";
    }
}
