package org.scamscope.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import java.util.Map;

/**
 * The one place a SparkSession is built. getOrCreate() silently ignores Delta settings given to a
 * second builder, so every entry point (command line, tests, tools) comes through here.
 */
public final class SparkSessions {
    private SparkSessions() {}

    /** Counted by thread: a command runs on its caller's thread, and other threads of the JVM may run commands of their own. */
    private static final ThreadLocal<int[]> REQUESTS = ThreadLocal.withInitial(() -> new int[1]);

    /** How often this thread asked for a session: a command that must not start Spark leaves it as it was. */
    public static int requests() {
        return REQUESTS.get()[0];
    }

    /**
     * @param master the --master flag, or null: then the master spark-submit set, else the
     *     configuration's fallback, else local[*]
     * @param settings Spark settings of the configuration; a key that spark-submit (--conf,
     *     --properties-file) or a spark.* system property already set keeps that value
     */
    public static SparkSession create(String master, String fallbackMaster, Map<String, String> settings) {
        REQUESTS.get()[0]++;
        SparkConf submitted = new SparkConf();
        SparkSession.Builder b = SparkSession.builder()
                .appName("scamscope")
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.sql.session.timeZone", "UTC")
                // Rules make wide projections of aliased expressions, on which inferring filters from
                // constraints grows exponentially in the optimizer; it gains these plans nothing.
                .config("spark.sql.constraintPropagation.enabled", "false");
        // Before SparkContext makes its Hadoop configuration, which tasks carry to executors with these settings.
        HadoopConf.install();
        settings.forEach((k, v) -> {
            if (!submitted.contains(k)) b.config(k, v);
        });
        // Shuffle, spill and cached blocks hold rows before their identifying fields are hashed away:
        // they are written encrypted, on every route, whatever a configuration says.
        b.config("spark.io.encryption.enabled", "true");
        // The UI serves every plan, with its literals, to anyone who reaches the port, without a password:
        // off unless a configuration turns it on (README, "Ports").
        if (!submitted.contains("spark.ui.enabled") && !settings.containsKey("spark.ui.enabled")) b.config("spark.ui.enabled", "false");
        // Turned on, it answers only on this machine, unless a configuration names filters of its own.
        if (!submitted.contains("spark.ui.filters") && !settings.containsKey("spark.ui.filters")) b.config("spark.ui.filters", LoopbackOnly.class.getName());
        if (!submitted.contains("spark.local.dir") && !settings.containsKey("spark.local.dir") && System.getenv("SPARK_LOCAL_DIRS") == null) {
            b.config("spark.local.dir", ScratchSpace.forThisJvm(ScratchSpace.root()).toString());
        }
        if (master != null && !master.isBlank()) {
            b.master(master);
        } else if (!submitted.contains("spark.master")) {
            b.master(fallbackMaster == null || fallbackMaster.isBlank() ? "local[*]" : fallbackMaster);
        }
        return b.getOrCreate();
    }
}
