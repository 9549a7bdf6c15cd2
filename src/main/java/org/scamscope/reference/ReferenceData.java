package org.scamscope.reference;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scamscope.ExitCodes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/**
 * The reference data shipped in data/reference: countries with UN M49 regions, subdivisions with
 * aliases, FX rates and region groups. The files are read on the driver (they are small), so the
 * job needs no shared file system for them when it runs on a cluster.
 */
public final class ReferenceData {
    public static final List<String> TABLES = List.of("countries", "subdivisions", "fx_rates", "region_groups");

    private final Map<String, Dataset<Row>> tables;
    private final List<String> alpha3;
    private Dataset<Row> countryLookup;
    private Dataset<Row> subdivisionLookup;

    private ReferenceData(Map<String, Dataset<Row>> tables, List<String> alpha3) {
        this.tables = tables;
        this.alpha3 = alpha3;
    }

    /**
     * The reference data of dir for this session. The tables are parsed once and held on the driver
     * (a few hundred rows), so a query that joins them plans a local relation, not a CSV scan run
     * again in every task; and a JVM that runs the job again (a server, a scheduler's loop, the tests)
     * with the same files in the same session reuses them, lookups included. Files that changed in
     * any byte are read again.
     */
    public static ReferenceData load(SparkSession spark, Path dir) {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (String name : TABLES) lines.put(name, lines(dir.resolve(name + ".csv")));
        synchronized (ReferenceData.class) {
            if (last != null && last.spark() == spark && last.lines().equals(lines)) return last.data();
        }
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        for (String name : TABLES) {
            tables.put(name, org.scamscope.spark.DriverRows.held(parse(spark, lines.get(name))));
        }
        Dataset<Row> fx = tables.get("fx_rates");
        tables.put("fx_rates", fx
                .withColumn("year", col("year").cast("int"))
                .withColumn("units_per_usd", col("units_per_usd").cast("decimal(24,8)")));
        ReferenceData data = new ReferenceData(tables, alpha3(dir.resolve("countries.csv"), lines.get("countries")));
        synchronized (ReferenceData.class) {
            last = new Loaded(spark, lines, data);
        }
        return data;
    }

    /** The last reference data loaded: one entry, so that no more than one session is kept alive by it. */
    private record Loaded(SparkSession spark, Map<String, List<String>> lines, ReferenceData data) {}

    private static Loaded last;

    private static List<String> lines(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ExitCodes.usage("cannot read reference file " + file + ": " + e.getMessage());
        }
        if (lines.isEmpty()) throw ExitCodes.usage("reference file " + file + " is empty: it needs its header row");
        return lines;
    }

    /** The alpha-3 codes of countries.csv, read without a Spark job: alpha2 and alpha3 come first and hold no comma. */
    private static List<String> alpha3(Path file, List<String> lines) {
        List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(",", -1));
        int at = header.indexOf("alpha3");
        if (at < 0 || at > 1) throw ExitCodes.usage("reference file " + file + " needs alpha3 as its first or second column");
        return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> l.split(",", -1)[at].strip()).toList();
    }

    /** Every country's alpha-3 code. */
    public List<String> alpha3Codes() {
        return alpha3;
    }

    private static Dataset<Row> parse(SparkSession spark, List<String> lines) {
        // Every column stays a string: "035" and "004" keep their zeros, "NA" stays Namibia. The header
        // is read here, so Spark needs no job to find it.
        org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType();
        for (String name : lines.get(0).replace("\uFEFF", "").split(",", -1)) {
            schema = schema.add(name.strip(), org.apache.spark.sql.types.DataTypes.StringType);
        }
        return spark.read()
                .schema(schema)
                .option("header", "false")
                .option("escape", "\"")
                .option("nullValue", "")
                .csv(spark.createDataset(lines.subList(1, lines.size()), Encoders.STRING()));
    }

    public Dataset<Row> table(String name) {
        return tables.get(name);
    }

    public Map<String, Dataset<Row>> tables() {
        return tables;
    }

    /** Normalises a code or name the way lookup keys are normalised. */
    public static org.apache.spark.sql.Column lookupKey(org.apache.spark.sql.Column text) {
        return upper(regexp_replace(trim(text), "\\s+", " "));
    }

    /** key -> alpha3, from alpha-3, alpha-2, numeric, name and aliases; keys that name two countries are dropped. */
    public synchronized Dataset<Row> countryLookup() {
        if (countryLookup == null) {
            Dataset<Row> c = tables.get("countries");
            Dataset<Row> keys = c.select(col("alpha3").as("key"), col("alpha3"))
                    .union(c.select(col("alpha2"), col("alpha3")))
                    .union(c.select(col("numeric"), col("alpha3")))
                    .union(c.select(col("name"), col("alpha3")))
                    .union(c.select(explode(split(coalesce(col("aliases"), lit("")), ";")), col("alpha3")));
            countryLookup = unique(keys, "alpha3");
        }
        return countryLookup;
    }

    /** key -> (code, country_alpha3), from the code, name and aliases. */
    public synchronized Dataset<Row> subdivisionLookup() {
        if (subdivisionLookup == null) {
            Dataset<Row> s = tables.get("subdivisions");
            Dataset<Row> keys = s.select(col("code").as("key"), col("code"), col("country_alpha3"))
                    .union(s.select(col("name"), col("code"), col("country_alpha3")))
                    .union(s.select(explode(split(coalesce(col("aliases"), lit("")), ";")), col("code"), col("country_alpha3")));
            subdivisionLookup = unique(keys, "code");
        }
        return subdivisionLookup;
    }

    private static Dataset<Row> unique(Dataset<Row> keys, String valueColumn) {
        Dataset<Row> normalised = keys.withColumn("key", lookupKey(col("key")))
                .filter(col("key").isNotNull().and(col("key").notEqual("")));
        // A few hundred rows: made unique on the driver, where Spark's shuffles for distinct and
        // group-by would only add stages. Small and used by every dataset: kept on the driver as a
        // local relation, broadcast in each join. (A local checkpoint would live in executors' memory
        // and be lost with an executor, failing every later join on a cluster.)
        int value = java.util.Arrays.asList(normalised.columns()).indexOf(valueColumn);
        Map<String, List<Row>> byKey = new LinkedHashMap<>();
        for (Row r : normalised.collectAsList()) {
            List<Row> rows = byKey.computeIfAbsent(r.getString(0), k -> new java.util.ArrayList<>());
            if (!rows.contains(r)) rows.add(r);
        }
        List<Row> lookup = new java.util.ArrayList<>();
        for (List<Row> rows : byKey.values()) {
            if (rows.stream().map(r -> r.get(value)).distinct().count() == 1) lookup.addAll(rows);
        }
        return keys.sparkSession().createDataFrame(lookup, normalised.schema());
    }
}
