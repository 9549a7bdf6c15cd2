package org.scamscope.bench;

import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The I/O floor: every input file read as the job reads it (CSV with header, multi-line quoting, all
 * text; Parquet as it is) and written to Delta, with no validation, conforming or aggregation. One
 * table per dataset and format; Delta's default settings.
 *
 * Usage: IoFloor INPUT WAREHOUSE
 */
public final class IoFloor {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        SparkSession spark = SparkSession.builder().appName("io-floor")
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.ui.enabled", "false")
                .master(System.getProperty("spark.master", "local[*]")).getOrCreate();
        Path in = Path.of(args[0]);
        String wh = Path.of(args[1]).toAbsolutePath().toString();
        for (String d : List.of("victims", "compounds", "revenue_estimates", "enforcement_actions")) {
            Path dir = in.resolve(d);
            boolean csv, parquet;
            try (var s = Files.list(dir)) {
                List<String> names = s.map(p -> p.getFileName().toString()).toList();
                csv = names.stream().anyMatch(n -> n.endsWith(".csv"));
                parquet = names.stream().anyMatch(n -> n.endsWith(".parquet"));
            }
            if (csv) {
                spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
                        .csv(dir.resolve("*.csv").toString()).write().format("delta").mode("overwrite").save(wh + "/" + d + "_csv");
            }
            if (parquet) {
                spark.read().parquet(dir.resolve("*.parquet").toString()).write().format("delta").mode("overwrite")
                        .save(wh + "/" + d + "_parquet");
            }
        }
        spark.stop();
        System.out.printf("io floor %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
}
