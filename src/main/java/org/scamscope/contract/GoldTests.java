package org.scamscope.contract;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/** A gold contract's tests (unique key, not null, accepted values, non-negative, row count) run on a table's rows. */
public final class GoldTests {
    private GoldTests() {}

    /** What the rows break, one line per test; empty when they pass. Two Spark jobs: one aggregate, one for the key. */
    public static List<String> failures(GoldContract c, Dataset<Row> rows) {
        GoldContract.Tests t = c.tests();
        List<String> names = new ArrayList<>();
        List<Column> checks = new ArrayList<>();
        checks.add(count(lit(1)));
        names.add("rows");
        for (String n : t.notNull()) {
            checks.add(count(when(col(n).isNull(), lit(1))));
            names.add("not_null " + n);
        }
        for (Map.Entry<String, List<String>> e : t.acceptedValues().entrySet()) {
            checks.add(count(when(col(e.getKey()).isNotNull().and(not(col(e.getKey()).isin(e.getValue().toArray()))), lit(1))));
            names.add("accepted_values " + e.getKey() + " " + e.getValue());
        }
        for (String n : t.nonNegative()) {
            checks.add(count(when(col(n).lt(0), lit(1))));
            names.add("non_negative " + n);
        }
        Row r = rows.agg(checks.get(0), checks.subList(1, checks.size()).toArray(new Column[0])).first();
        List<String> out = new ArrayList<>();
        if (r.getLong(0) < t.minRows()) out.add(String.format("gold/%s: min_rows %d, but it has %d", c.table(), t.minRows(), r.getLong(0)));
        for (int i = 1; i < names.size(); i++) {
            if (r.getLong(i) > 0) out.add(String.format("gold/%s: %s: %d rows break it", c.table(), names.get(i), r.getLong(i)));
        }
        if (t.uniqueKey()) {
            Column[] key = c.key().stream().map(k -> col(k)).toArray(Column[]::new);
            long repeated = rows.groupBy(key).count().filter(col("count").gt(1)).count();
            if (repeated > 0) out.add(String.format("gold/%s: unique_key %s: %d keys repeat", c.table(), c.key(), repeated));
        }
        return out;
    }
}
