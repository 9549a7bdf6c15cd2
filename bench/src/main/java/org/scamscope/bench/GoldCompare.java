package org.scamscope.bench;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares DuckDB's results with scamscope's: the rows quarantined by dataset and rule, silver row
 * counts, and the two gold tables cell by cell. A cell is equal when both are equal (null-safe);
 * medians may differ by one cent (both take the mean of two middle values as a double, by different
 * formulas, before rounding); a cell scamscope left null and names in suppressed_cells is its
 * complementary suppression, which the DuckDB version does not repeat.
 *
 * Usage: GoldCompare SCAMSCOPE_WAREHOUSE DUCKDB_OUT   (exit 0 when everything agrees)
 */
public final class GoldCompare {
    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().appName("gold-compare")
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .master("local[2]").getOrCreate();
        String wh = args[0], duck = args[1];
        List<String> problems = new ArrayList<>();

        Map<String, Long> ours = new TreeMap<>(), theirs = new TreeMap<>();
        for (Row r : spark.read().format("delta").load(wh + "/quarantine/rejected_rows").groupBy("dataset", "rule").count().collectAsList()) {
            ours.put(r.getString(0) + "/" + r.getString(1), r.getLong(2));
        }
        for (Row r : spark.read().option("header", "true").csv(duck + "/quarantine_counts.csv").collectAsList()) {
            theirs.put(r.getString(0) + "/" + r.getString(1), Long.parseLong(r.getString(2)));
        }
        System.out.println("quarantined rows by dataset/rule, scamscope: " + ours);
        if (!ours.equals(theirs)) problems.add("quarantine differs: duckdb " + theirs);
        for (String d : List.of("victims", "compounds", "revenue_estimates", "enforcement_actions")) {
            long a = spark.read().format("delta").load(wh + "/silver/" + d).count();
            long b = spark.read().parquet(duck + "/silver/" + d + ".parquet").count();
            System.out.printf("silver/%s: scamscope %d rows, duckdb %d%n", d, a, b);
            if (a != b) problems.add("silver/" + d + " row counts differ");
        }

        spark.read().format("delta").load(wh + "/gold/victims_by_region_year").filter("region_level = 'country'").createOrReplaceTempView("a_v");
        spark.read().parquet(duck + "/gold/victims_by_region_year_country.parquet").createOrReplaceTempView("b_v");
        compare(spark, "victims_by_region_year (country level)", "a_v", "b_v", List.of("region_code", "year", "victim_type"),
                List.of("region_name", "victims", "women", "men", "minors", "distinct_citizenships", "most_frequent_citizenship",
                        "rescued", "repatriated", "deported", "losses_usd_sum", "losses_usd_median"), true, problems);
        spark.read().format("delta").load(wh + "/gold/revenue_by_region_year").createOrReplaceTempView("a_r");
        spark.read().parquet(duck + "/gold/revenue_by_region_year.parquet").createOrReplaceTempView("b_r");
        compare(spark, "revenue_by_region_year", "a_r", "b_r", List.of("region_level", "region_code", "year", "metric", "unit"),
                List.of("region_name", "estimates", "publishers_count", "publishers", "value_low", "value_central", "value_high",
                        "latest_publication_date", "revenue_per_worker_low", "revenue_per_worker_high"), false, problems);
        spark.stop();
        if (problems.isEmpty()) {
            System.out.println("RESULT equal: quarantine, silver counts and both gold tables agree");
        } else {
            problems.forEach(p -> System.out.println("RESULT differs: " + p));
            System.exit(1);
        }
    }

    private static void compare(SparkSession spark, String name, String a, String b, List<String> key, List<String> cols,
                                boolean suppressed, List<String> problems) {
        String on = String.join(" AND ", key.stream().map(k -> "a." + k + " <=> b." + k).toList());
        List<String> checks = new ArrayList<>();
        for (String c : cols) {
            String same = c.equals("publishers") ? "array_join(a.publishers, '|') <=> array_join(b.publishers, '|')"
                    : c.contains("median") || c.equals("value_central") ? "(a." + c + " <=> b." + c + " OR abs(a." + c + " - b." + c + ") <= 0.01)"
                    : "a." + c + " <=> b." + c;
            if (suppressed) same = "(" + same + " OR a." + c + " IS NULL AND array_contains(a.suppressed_cells, '" + c + "'))";
            checks.add("sum(CASE WHEN a." + key.get(0) + " IS NOT NULL AND b." + key.get(0) + " IS NOT NULL AND NOT " + same
                    + " THEN 1 ELSE 0 END) AS `" + c + "`");
        }
        Dataset<Row> r = spark.sql("SELECT count(*) AS rows, sum(CASE WHEN a." + key.get(0) + " IS NULL THEN 1 ELSE 0 END) AS only_duckdb, "
                + "sum(CASE WHEN b." + key.get(0) + " IS NULL THEN 1 ELSE 0 END) AS only_scamscope, " + String.join(", ", checks)
                + " FROM " + a + " a FULL OUTER JOIN " + b + " b ON " + on);
        Row row = r.first();
        Map<String, Long> differing = new TreeMap<>();
        for (int i = 3; i < row.length(); i++) if (row.getLong(i) > 0) differing.put(r.columns()[i], row.getLong(i));
        System.out.printf("%s: %d rows, %d only in duckdb, %d only in scamscope, cells differing by column %s%n",
                name, row.getLong(0), row.getLong(1), row.getLong(2), differing);
        if (row.getLong(1) + row.getLong(2) > 0 || !differing.isEmpty()) problems.add(name);
    }
}
