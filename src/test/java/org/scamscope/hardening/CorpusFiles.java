package org.scamscope.hardening;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.scamscope.TestSpark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the corpus's binary files (Parquet, a truncated Parquet file, files whose content is not
 * what their extension says). They are committed; run this again only to change them:
 * see src/test/resources/corpus/README.md.
 */
public final class CorpusFiles {
    private static final StructType VICTIMS = new StructType().add("victim_id", DataTypes.StringType)
            .add("source", DataTypes.StringType).add("victim_type", DataTypes.StringType).add("registration_date", DataTypes.StringType);

    private CorpusFiles() {}

    public static void main(String[] args) throws IOException {
        Path corpus = args.length > 0 ? Path.of(args[0]) : CorpusTest.CORPUS;
        SparkSession spark = TestSpark.session();
        byte[] victims = parquet(spark.createDataFrame(List.of(
                RowFactory.create("P1", "ngo", "defrauded", "2024-01-01"),
                RowFactory.create("P2", "ngo", "forced_scam_worker", "2024-01-02"),
                RowFactory.create("P3", "ngo", "defrauded", "2024-01-03")), VICTIMS));

        write(corpus.resolve("parquet_missing_column/victims/no_date.parquet"), parquet(spark.createDataFrame(List.of(
                RowFactory.create("P1", "ngo", "defrauded"), RowFactory.create("P2", "ngo", "forced_scam_worker")),
                new StructType().add("victim_id", DataTypes.StringType).add("source", DataTypes.StringType)
                        .add("victim_type", DataTypes.StringType))));

        // Columns of other types than text: a latitude as text, a count as a double, a date as an int and as a date.
        write(corpus.resolve("parquet_other_types/compounds/typed.parquet"), parquet(spark.createDataFrame(List.of(
                RowFactory.create("T1", "KK Park", "MMR", "operating", "16.631", 98.557, 1000.0, null, Date.valueOf("2023-01-01")),
                RowFactory.create("T2", "Shwe Kokko", "MMR", "operating", "north", 98.53, null, null, null),
                RowFactory.create("T3", "Thmor Yeak", "KHM", "raided", null, null, 12.5, null, null),
                RowFactory.create("T4", "Chan Krasnaa", "KHM", "raided", null, null, null, 20240326, null)),
                new StructType().add("compound_id", DataTypes.StringType).add("name", DataTypes.StringType)
                        .add("country", DataTypes.StringType).add("status", DataTypes.StringType)
                        .add("latitude", DataTypes.StringType).add("longitude", DataTypes.DoubleType)
                        .add("estimated_workers_low", DataTypes.DoubleType).add("first_reported", DataTypes.IntegerType)
                        .add("status_date", DataTypes.DateType))));

        // A column the job reads, written as a list of structs: a partner's export of means of control with dates.
        StructType control = new StructType().add("means", DataTypes.StringType).add("since", DataTypes.StringType);
        write(corpus.resolve("parquet_nested_column/victims/nested.parquet"), parquet(spark.createDataFrame(List.of(
                RowFactory.create("N1", "ngo", "forced_scam_worker", "2024-01-01", List.of(RowFactory.create("threats", "2023-12"))),
                RowFactory.create("N2", "ngo", "forced_scam_worker", "2024-01-02", List.of())),
                VICTIMS.add("means_of_control", DataTypes.createArrayType(control)))));

        // Cut in the middle: the footer (schema and row groups) is gone.
        write(corpus.resolve("parquet_truncated/victims/truncated.parquet"), Arrays.copyOf(victims, victims.length / 2));
        write(corpus.resolve("parquet_named_csv/victims/export.csv"), victims);
        write(corpus.resolve("xlsx_named_csv/victims/export.csv"), zip("[Content_Types].xml",
                "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"));
        // What a spreadsheet's "Unicode text" export gives: UTF-16 little-endian with a byte-order mark.
        write(corpus.resolve("utf16_csv/victims/export.csv"), utf16le("\uFEFFvictim_id,source,victim_type,registration_date\r\n"
                + "U1,ngo,defrauded,2024-01-01\r\n"));

        write(corpus.resolve("parquet_extra_column/compounds/extra.parquet"), parquet(spark.createDataFrame(List.of(
                RowFactory.create("C3", "Golden Triangle SEZ", "LAO", "operating", "ask the field office")),
                new StructType().add("compound_id", DataTypes.StringType).add("name", DataTypes.StringType)
                        .add("country", DataTypes.StringType).add("status", DataTypes.StringType)
                        .add("internal_notes", DataTypes.StringType))));
        write(corpus.resolve("empty_files/victims/empty.parquet"), parquet(spark.createDataFrame(List.<Row>of(), VICTIMS)));
        write(corpus.resolve("duplicate_ids/compounds/b_update.parquet"), parquet(spark.createDataFrame(List.of(
                RowFactory.create("C1", "KK Park", "MMR", "raided", 16.631, 98.557)),
                new StructType().add("compound_id", DataTypes.StringType).add("name", DataTypes.StringType)
                        .add("country", DataTypes.StringType).add("status", DataTypes.StringType)
                        .add("latitude", DataTypes.DoubleType).add("longitude", DataTypes.DoubleType))));
        // Many small files of one schema, read together, and one whose date is typed: another schema, another reader.
        for (int f = 1; f <= 6; f++) {
            String id = String.format("P%02d-", f);
            write(corpus.resolve(String.format("many_small_files/victims/part_%02d.parquet", f)), parquet(spark.createDataFrame(List.of(
                    RowFactory.create(id + 1, "ngo", "defrauded", "2024-04-0" + f),
                    RowFactory.create(id + 2, "ngo", "forced_scam_worker", "2024-04-1" + f)), VICTIMS)));
        }
        write(corpus.resolve("many_small_files/victims/part_typed.parquet"), parquet(spark.createDataFrame(List.of(
                RowFactory.create("T-1", "ngo", "defrauded", Date.valueOf("2024-05-01")),
                RowFactory.create("T-2", "ngo", "defrauded", Date.valueOf("2024-05-02")),
                RowFactory.create("T-3", "ngo", "forced_scam_worker", Date.valueOf("2024-05-03"))),
                new StructType().add("victim_id", DataTypes.StringType).add("source", DataTypes.StringType)
                        .add("victim_type", DataTypes.StringType).add("registration_date", DataTypes.DateType))));
    }

    /** The bytes of df written as one Parquet file. */
    private static byte[] parquet(Dataset<Row> df) throws IOException {
        Path dir = Files.createTempDirectory("corpus-parquet").resolve("out");
        df.coalesce(1).write().parquet(dir.toString());
        try (Stream<Path> s = Files.list(dir)) {
            return Files.readAllBytes(s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow());
        }
    }

    private static byte[] zip(String entry, String content) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return b.toByteArray();
    }

    private static byte[] utf16le(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        System.out.println(file + ": " + bytes.length + " bytes");
    }
}
