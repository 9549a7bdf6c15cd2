package org.scamscope.generate;

import java.io.Closeable;
import java.io.IOException;

/** Where one generated file's rows go, in order. */
interface RowSink extends Closeable {
    void write(String[] row) throws IOException;

    /** Whether the format can hold a row the reader cannot split (a CSV line with a field too many). */
    boolean canWriteMalformed();

    void writeMalformed(String[] row) throws IOException;
}
