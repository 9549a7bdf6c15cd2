package org.scamscope.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A CSV file: UTF-8, a header row, RFC 4180 quoting, rows ending in \n. */
final class CsvSink implements RowSink {
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(256);

    CsvSink(Path file, List<Field> fields) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        write(fields.stream().map(Field::name).toArray(String[]::new));
    }

    @Override
    public void write(String[] row) throws IOException {
        line.setLength(0);
        Csv.append(line, row);
        out.append(line);
    }

    @Override
    public boolean canWriteMalformed() {
        return true;
    }

    /** The row with one field too many, as a broken export would have it. */
    @Override
    public void writeMalformed(String[] row) throws IOException {
        line.setLength(0);
        Csv.append(line, row);
        line.setLength(line.length() - 1);
        line.append(",extra field\n");
        out.append(line);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
