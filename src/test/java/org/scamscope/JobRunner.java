package org.scamscope;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scamscope.config.JobConfig;
import org.scamscope.pipeline.Job;
import org.scamscope.pipeline.RunSummary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the job in the shared test session with the project's configuration and test overrides. */
public final class JobRunner {
    public static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");

    private JobRunner() {}

    /** Overrides that let a fixture full of bad rows through the thresholds. */
    public static Map<String, String> lenient() {
        Map<String, String> o = new HashMap<>();
        o.put("quarantine.max_share", "1.0");
        for (String d : List.of("victims", "compounds", "revenue_estimates", "enforcement_actions")) {
            o.put("quarantine.max_share." + d, "1.0");
        }
        return o;
    }

    /**
     * A configuration file for a run in a process of its own: the project's, with the lenient
     * thresholds, its own files named by absolute paths.
     */
    public static Path lenientConfigFile(Path dir) throws java.io.IOException {
        JobConfig project = JobConfig.load(JobConfig.defaultFile(), Map.of());
        StringBuilder s = new StringBuilder(java.nio.file.Files.readString(JobConfig.defaultFile()));
        s.append("\n");
        for (String k : List.of("reference", "pipeline")) s.append(k).append('=').append(project.confPath(k)).append('\n');
        lenient().forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
        Path file = dir.resolve("scamscope.properties");
        java.nio.file.Files.writeString(file, s.toString());
        return file;
    }

    public static RunSummary run(Path input, Path warehouse, Map<String, String> overrides) {
        return run(input.toString(), warehouse.toString(), overrides);
    }

    /** A run over locations as a user gives them: local paths, or URLs (hdfs://...). */
    public static RunSummary run(String input, String warehouse, Map<String, String> overrides) {
        return run(TestSpark.session(), input, warehouse, overrides);
    }

    /** A run given a session of the test's own (one with settings of its own, or listeners). */
    public static RunSummary run(SparkSession spark, String input, String warehouse, Map<String, String> overrides) {
        Map<String, String> o = new HashMap<>(overrides);
        o.put("input", input);
        o.put("warehouse", warehouse);
        JobConfig config = JobConfig.load(JobConfig.defaultFile(), o);
        return new Job(spark, config).run();
    }

    public static Dataset<Row> table(Path warehouse, String relative) {
        return table(warehouse.toString(), relative);
    }

    public static Dataset<Row> table(String warehouse, String relative) {
        return TestSpark.session().read().format("delta").load(warehouse + "/" + relative);
    }

    /** Rows as "a|b|c" strings, sorted, for comparison with rows written out by hand. */
    public static List<String> rows(Dataset<Row> df, String... columns) {
        List<String> out = new ArrayList<>();
        Dataset<Row> sel = df.selectExpr(columns);
        for (Row r : sel.collectAsList()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.length(); i++) cells.add(cell(r.get(i)));
            out.add(String.join("|", cells));
        }
        out.sort(null);
        return out;
    }

    private static String cell(Object v) {
        if (v == null) return "null";
        if (v instanceof scala.collection.Seq<?> s) {
            List<String> items = new ArrayList<>();
            s.foreach(x -> items.add(String.valueOf(x)));
            return items.toString();
        }
        if (v instanceof scala.collection.Map<?, ?> m) {
            java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
            m.foreach(e -> sorted.put(String.valueOf(e._1()), String.valueOf(e._2())));
            return sorted.toString();
        }
        if (v instanceof Object[] a) return Arrays.toString(a);
        return v.toString();
    }

    /**
     * Copies a folder, files' modification times included (the ledger of ingested files records
     * them), and returns the copy.
     */
    public static Path copyFolder(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(from)) {
            for (Path f : s.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (java.nio.file.Files.isDirectory(f)) java.nio.file.Files.createDirectories(t);
                else java.nio.file.Files.copy(f, t, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }
}
