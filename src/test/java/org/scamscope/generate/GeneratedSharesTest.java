package org.scamscope.generate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.TestSpark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated victims hold the bad rows at the shares the generator declares: counted in the
 * files themselves, by a plain Spark read and SQL conditions written here from what each kind of
 * bad row looks like, not by the generator; and the counts equal the generator's report.
 * The shares are checked within four binomial standard deviations.
 */
class GeneratedSharesTest {
    static final long VICTIMS = 60_000;

    @TempDir
    static Path out;
    static GenerationReport report;
    static Dataset<Row> victims;

    @BeforeAll
    static void generate() {
        report = Generator.run(GeneratorDeterminismTest.settings(out, VICTIMS, 7, 15_000));
        SparkSession spark = TestSpark.session();
        StructType schema = new StructType();
        for (String c : VictimGenerator.COLUMNS) schema = schema.add(c, DataTypes.StringType);
        Dataset<Row> csv = spark.read().option("header", "true").option("escape", "\"")
                .option("columnNameOfCorruptRecord", "_corrupt").schema(schema.add("_corrupt", DataTypes.StringType))
                .csv(out.resolve("victims").resolve("*.csv").toString());
        Dataset<Row> parquet = spark.read().parquet(out.resolve("victims").resolve("*.parquet").toString())
                .withColumn("age", col("age").cast("string"))
                .withColumn("loss_amount", col("loss_amount").cast("string"))
                .withColumn("means_of_control", array_join(col("means_of_control"), ";"))
                .withColumn("_corrupt", lit(null).cast("string"));
        victims = csv.unionByName(parquet).cache();
    }

    /** What each kind of bad row looks like in the file. */
    static Map<String, String> signatures() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("malformed_row", "_corrupt IS NOT NULL");
        s.put("victim_id_required", "_corrupt IS NULL AND victim_id IS NULL");
        s.put("registration_date_date", "_corrupt IS NULL AND NOT (registration_date RLIKE '^[0-9]{4}-[0-9]{2}-[0-2][0-9]$' OR registration_date RLIKE '^[0-9]{4}-[0-9]{2}-3[01]$')");
        s.put("registration_date_not_future", "_corrupt IS NULL AND registration_date RLIKE '^20[3-9][0-9]-'");
        s.put("age_range", "_corrupt IS NULL AND (CAST(age AS INT) > 120 OR CAST(age AS INT) < 0)");
        s.put("citizenship_known", "_corrupt IS NULL AND citizenship IN ('ZZZ', 'ZZY', 'QQ', 'Atlantis')");
        s.put("exploitation_subdivision_known", "_corrupt IS NULL AND exploitation_subdivision RLIKE '^KH-[3-9][0-9]$'");
        s.put("exploitation_subdivision_in_country", "_corrupt IS NULL AND exploitation_country = 'THA' AND exploitation_subdivision = 'KH-18'");
        s.put("loss_amount_not_negative", "_corrupt IS NULL AND CAST(loss_amount AS DOUBLE) < 0");
        s.put("loss_fx_rate_known", "_corrupt IS NULL AND loss_currency IN ('XXQ', 'XQB', 'ZZD')");
        s.put("victim_type_allowed", "_corrupt IS NULL AND victim_type NOT IN ('forced_scam_worker', 'defrauded')");
        return s;
    }

    @Test
    void everyRowOfTheReportIsInTheFiles() {
        assertEquals(VICTIMS, victims.count());
        assertEquals(VICTIMS, report.rows("victims"));
    }

    @Test
    void badRowsCountedInTheFilesEqualTheReportAndTheirShares() {
        Map<String, Long> counted = new TreeMap<>();
        for (Map.Entry<String, String> e : signatures().entrySet()) {
            counted.put(e.getKey(), victims.filter(e.getValue()).count());
        }
        // A duplicate is a row whose (source, victim_id) an earlier clean row has.
        long keyed = victims.filter("_corrupt IS NULL AND victim_id IS NOT NULL").count();
        long distinct = victims.filter("_corrupt IS NULL AND victim_id IS NOT NULL").select("source", "victim_id").distinct().count();
        counted.put("duplicate", keyed - distinct);
        assertEquals(report.badRows("victims"), counted);

        Map<String, Double> declared = report.declaredShares("victims");
        assertEquals(declared.keySet(), counted.keySet());
        long csvRows = report.csvRows("victims");
        assertTrue(csvRows > 0 && csvRows < VICTIMS, "both formats written: " + report.files("victims"));
        for (Map.Entry<String, Long> e : counted.entrySet()) {
            long n = e.getKey().equals("malformed_row") ? csvRows : VICTIMS;
            double p = declared.get(e.getKey());
            double tolerance = 4 * Math.sqrt(n * p * (1 - p));
            assertTrue(Math.abs(e.getValue() - n * p) <= tolerance,
                    e.getKey() + ": " + e.getValue() + " bad rows of " + n + ", expected " + n * p + " +- " + tolerance);
        }
        double total = counted.values().stream().mapToLong(Long::longValue).sum() / (double) VICTIMS;
        assertTrue(total > 0.02 && total < 0.04, "a few percent of bad rows: " + total);
    }

    @Test
    void distributionsAreSkewed() {
        Map<String, Long> byCountry = new TreeMap<>();
        for (Row r : victims.filter("victim_type = 'forced_scam_worker' AND exploitation_country IS NOT NULL")
                .groupBy("exploitation_country").count().collectAsList()) {
            byCountry.put(r.getString(0), r.getLong(1));
        }
        long all = byCountry.values().stream().mapToLong(Long::longValue).sum();
        // Weights 40 and 30 of 100 for Cambodia and Myanmar (bad rows add a few THA and KHM).
        assertEquals(0.40, byCountry.get("KHM") / (double) all, 0.02);
        assertEquals(0.30, byCountry.get("MMR") / (double) all, 0.02);
        long distinctCitizenships = victims.select("citizenship").distinct().count();
        assertTrue(distinctCitizenships > 100, "a long tail of citizenships: " + distinctCitizenships);
        // Seasonality: February has fewer registrations a day than July, in every year.
        Row months = victims.filter("registration_date RLIKE '^202[2-5]-0[27]-'")
                .agg(sum(when(col("registration_date").substr(6, 2).equalTo("02"), 1).otherwise(0)).as("feb"),
                        sum(when(col("registration_date").substr(6, 2).equalTo("07"), 1).otherwise(0)).as("jul"))
                .first();
        double febPerDay = months.getLong(0) / (4 * 28.25), julPerDay = months.getLong(1) / (4 * 31.0);
        assertTrue(febPerDay < 0.7 * julPerDay, "February " + febPerDay + " a day, July " + julPerDay);
    }
}
