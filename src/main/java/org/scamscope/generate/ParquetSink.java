package org.scamscope.generate;

import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A Parquet file written with Parquet's own Java writer, not Spark's: its output depends only on
 * the rows and on the settings fixed here (codec, sizes, no Hadoop file system, hence no .crc
 * files), so the same rows give the same bytes. Spark's writer would add its own metadata.
 */
final class ParquetSink implements RowSink {
    private final List<Field> fields;
    private final SimpleGroupFactory groups;
    private final ParquetWriter<Group> writer;

    ParquetSink(Path file, List<Field> fields) throws IOException {
        this.fields = fields;
        MessageType schema = schema(fields);
        this.groups = new SimpleGroupFactory(schema);
        Files.deleteIfExists(file);
        this.writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withRowGroupSize(64L * 1024 * 1024)
                .withDictionaryEncoding(true)
                .build();
    }

    static MessageType schema(List<Field> fields) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Field f : fields) {
            switch (f.type()) {
                case STRING -> b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(f.name());
                case INT -> b.optional(PrimitiveTypeName.INT32).named(f.name());
                case DOUBLE -> b.optional(PrimitiveTypeName.DOUBLE).named(f.name());
                case MONEY -> b.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.decimalType(2, 18)).named(f.name());
                case DATE -> b.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(f.name());
                case LIST -> b.optionalList().optionalElement(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                        .named(f.name());
            }
        }
        return b.named("record");
    }

    @Override
    public void write(String[] row) throws IOException {
        Group g = groups.newGroup();
        for (int i = 0; i < row.length; i++) {
            String v = row[i];
            if (v == null || v.isEmpty()) continue;
            String n = fields.get(i).name();
            switch (fields.get(i).type()) {
                case STRING -> g.append(n, v);
                case INT -> g.append(n, Integer.parseInt(v));
                case DOUBLE -> g.append(n, Double.parseDouble(v));
                case MONEY -> g.append(n, new BigDecimal(v).setScale(2).unscaledValue().longValueExact());
                case DATE -> g.append(n, (int) LocalDate.parse(v).toEpochDay());
                case LIST -> {
                    Group list = g.addGroup(n);
                    for (String item : v.split(";")) list.addGroup("list").append("element", item);
                }
            }
        }
        writer.write(g);
    }

    @Override
    public boolean canWriteMalformed() {
        return false;
    }

    @Override
    public void writeMalformed(String[] row) {
        throw new UnsupportedOperationException("a Parquet file has no malformed rows");
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
