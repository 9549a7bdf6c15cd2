import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.split;

/**
 * Writes the Parquet part of the sample from CSV, with typed columns as a partner's Parquet export
 * would have them. Run from the project root after `mvn compile dependency:build-classpath`:
 *
 *   java --add-opens=java.base/sun.nio.ch=ALL-UNNAMED -cp "$(cat target/runtime-classpath.txt)" \
 *     data/sample/ConvertToParquet.java IN.csv OUT.parquet [column:type,...] [list-column,...]
 *
 * A type of "list" splits a semicolon-separated column into an array.
 */
public class ConvertToParquet {
    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkSession.builder().master("local[1]").appName("sample-to-parquet")
                .config("spark.ui.enabled", "false").getOrCreate();
        Dataset<Row> df = spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"").csv(args[0]);
        if (args.length > 2 && !args[2].isBlank()) {
            for (String spec : args[2].split(",")) {
                String[] p = spec.split(":");
                df = df.withColumn(p[0], p[1].equals("list") ? split(col(p[0]), ";") : col(p[0]).cast(p[1]));
            }
        }
        Path tmp = Files.createTempDirectory("parquet");
        df.coalesce(1).write().mode("overwrite").parquet(tmp.resolve("out").toString());
        try (Stream<Path> parts = Files.list(tmp.resolve("out"))) {
            Path part = parts.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
            Files.move(part, Path.of(args[1]), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        spark.stop();
    }
}
