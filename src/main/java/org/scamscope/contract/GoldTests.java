package org.scamscope.contract;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A gold contract's tests (unique key, not null, accepted values, non-negative, row count) run on a
 * table's rows. Gold tables are small and the gold stage holds them on the driver, so the tests run
 * there too: collecting rows held locally starts no Spark job, where two queries would start two.
 */
public final class GoldTests {
    private GoldTests() {}

    /** What the rows break, one line per test; empty when they pass. */
    public static List<String> failures(GoldContract c, Dataset<Row> rows) {
        return failures(c, rows.collectAsList(), List.of(rows.columns()));
    }

    static List<String> failures(GoldContract c, List<Row> rows, List<String> columns) {
        GoldContract.Tests t = c.tests();
        List<String> out = new ArrayList<>();
        if (rows.size() < t.minRows()) out.add(String.format("gold/%s: min_rows %d, but it has %d", c.table(), t.minRows(), rows.size()));
        for (String n : t.notNull()) {
            int i = index(columns, n, c);
            report(out, c, "not_null " + n, rows.stream().filter(r -> r.isNullAt(i)).count());
        }
        for (Map.Entry<String, List<String>> e : t.acceptedValues().entrySet()) {
            int i = index(columns, e.getKey(), c);
            // A null is no value, so never one outside the accepted ones.
            report(out, c, "accepted_values " + e.getKey() + " " + e.getValue(),
                    rows.stream().filter(r -> !r.isNullAt(i) && !e.getValue().contains(String.valueOf(r.get(i)))).count());
        }
        for (String n : t.nonNegative()) {
            int i = index(columns, n, c);
            report(out, c, "non_negative " + n, rows.stream().filter(r -> !r.isNullAt(i) && negative(r.get(i))).count());
        }
        if (t.uniqueKey()) {
            int[] key = c.key().stream().mapToInt(k -> index(columns, k, c)).toArray();
            Set<List<Object>> seen = new HashSet<>();
            Set<List<Object>> repeated = new HashSet<>();
            for (Row r : rows) {
                List<Object> k = new ArrayList<>(key.length);
                for (int i : key) k.add(r.get(i));
                if (!seen.add(k)) repeated.add(k);
            }
            if (!repeated.isEmpty()) out.add(String.format("gold/%s: unique_key %s: %d keys repeat", c.table(), c.key(), repeated.size()));
        }
        return out;
    }

    private static void report(List<String> out, GoldContract c, String test, long breaking) {
        if (breaking > 0) out.add(String.format("gold/%s: %s: %d rows break it", c.table(), test, breaking));
    }

    private static int index(List<String> columns, String name, GoldContract c) {
        int i = columns.indexOf(name);
        if (i < 0) throw new IllegalArgumentException(c.file() + ": its tests name a column the table does not have: " + name);
        return i;
    }

    private static boolean negative(Object v) {
        if (v instanceof BigDecimal d) return d.signum() < 0;
        if (v instanceof Number n) return n.doubleValue() < 0;
        throw new IllegalArgumentException("non_negative on a value that is not a number: " + v);
    }
}
