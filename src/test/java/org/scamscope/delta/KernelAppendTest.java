package org.scamscope.delta;

import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.TestSpark;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class KernelAppendTest {
    private static final StructType SCHEMA = new StructType()
            .add("id", StringType.STRING, true)
            .add("at", TimestampType.TIMESTAMP, true)
            .add("n", IntegerType.INTEGER, true);

    @Test
    void rowsAppendedWithKernelAreTheRowsSparkReads(@TempDir Path dir) {
        String path = dir.resolve("t").toString();
        Instant at = Instant.parse("2026-12-03T07:17:23.062501Z");
        assertEquals(0, KernelAppend.append(path, SCHEMA, rows(new Object[]{"a", 1_796_282_243_062_501L, 7})));
        assertEquals(1, KernelAppend.append(path, SCHEMA, rows(new Object[]{"b", null, null})));

        List<Row> read = TestSpark.session().read().format("delta").load(path).orderBy("id").collectAsList();
        assertEquals(2, read.size());
        assertEquals("a", read.get(0).getString(0));
        // 1,796,282,243 s after the epoch is 2026-12-03T07:17:23Z (20,790 days and 26,243 s)
        assertEquals(Timestamp.from(at), read.get(0).getTimestamp(1));
        assertEquals(7, read.get(0).getInt(2));
        assertEquals("b", read.get(1).getString(0));
        assertNull(read.get(1).get(1));
        assertNull(read.get(1).get(2));
        // Kernel's per-file statistics give the row count that `tables` prints
        assertEquals(2, KernelTable.open("t", path, null).rows());
    }

    /** Four threads, five appends each, on a table not yet there: twenty versions, no two alike, and every row. */
    @Test
    void concurrentAppendsToATableNotYetThereAllLand(@TempDir Path dir) throws Exception {
        String path = dir.resolve("t").toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<Long>>> done = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String thread = "r" + i;
            for (int j = 0; j < 5; j++) expected.add(thread + "-" + j);
            done.add(pool.submit(() -> {
                List<Long> committed = new ArrayList<>();
                for (int j = 0; j < 5; j++) committed.add(KernelAppend.append(path, SCHEMA, rows(new Object[]{thread + "-" + j, 0L, 0})));
                return committed;
            }));
        }
        List<Long> versions = new ArrayList<>();
        for (Future<List<Long>> f : done) versions.addAll(f.get());
        pool.shutdown();
        versions.sort(Comparator.naturalOrder());
        assertEquals(java.util.stream.LongStream.range(0, 20).boxed().toList(), versions);
        List<String> ids = new ArrayList<>();
        for (Row r : TestSpark.session().read().format("delta").load(path).orderBy("id").collectAsList()) ids.add(r.getString(0));
        expected.sort(null);
        assertEquals(expected, ids);
    }

    private static List<Object[]> rows(Object[]... rows) {
        return new ArrayList<>(List.of(rows));
    }
}
