package org.scamscope.source;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.util.Iterator;

/**
 * Numbers the records of each file from 0 (the header) in a read of several CSV files, in one pass
 * without a shuffle: a file is never split (multiLine) and a partition reads its files one after
 * the other, so a file's records arrive together and in order. The last input column is the file's
 * path; it is replaced by the file's name in the input folder, and the number is appended.
 */
final class RecordsPerFile implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final FileNames names;

    RecordsPerFile(FileNames names) {
        this.names = names;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        return new Iterator<>() {
            private String file;
            private String rel;
            private long n;

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row r = rows.next();
                int last = r.length() - 1;
                String path = r.getString(last);
                if (!path.equals(file)) {
                    file = path;
                    rel = names.call(path);
                    n = 0;
                } else {
                    n++;
                }
                Object[] out = new Object[r.length() + 1];
                for (int i = 0; i < last; i++) out[i] = r.get(i);
                out[last] = rel;
                out[last + 1] = n;
                return RowFactory.create(out);
            }
        };
    }
}
