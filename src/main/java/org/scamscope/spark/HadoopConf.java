package org.scamscope.spark;

import org.apache.hadoop.conf.Configuration;

import java.util.Map;

/**
 * The job's own Hadoop settings (resource scamscope-hadoop.xml: local files through
 * {@link ForklessLocalFileSystem}), in every Hadoop configuration of the JVM. They are installed as a
 * default resource, not set on one configuration, because Hadoop caches the file system of a scheme
 * for the JVM: whichever code asks first for file: must get the forkless one.
 */
public final class HadoopConf {
    static final String RESOURCE = "scamscope-hadoop.xml";
    /** Spark passes settings with this prefix to Hadoop, without it (spark-submit's --conf, the configuration file). */
    static final String SPARK_PREFIX = "spark.hadoop.";
    private static Configuration shared;

    private HadoopConf() {}

    /** Adds the settings to every Hadoop configuration of the JVM, made before or after; Hadoop adds a resource once. */
    public static void install() {
        Configuration.addDefaultResource(RESOURCE);
    }

    /** A new Hadoop configuration, with the job's settings. */
    public static Configuration create() {
        install();
        return new Configuration();
    }

    /**
     * The configuration of the driver's own file system calls (listing and hashing the input, the
     * lock, Delta Kernel's reads), made before Spark starts: with the spark.hadoop.* settings Spark
     * would give its own (an S3 endpoint and credentials, an HDFS name service), from spark-submit's
     * system properties and from {@link #useSparkSettings}.
     */
    public static synchronized Configuration shared() {
        if (shared == null) {
            shared = create();
            System.getProperties().forEach((k, v) -> {
                if (k.toString().startsWith(SPARK_PREFIX)) shared.set(k.toString().substring(SPARK_PREFIX.length()), v.toString());
            });
        }
        return shared;
    }

    /** The configuration file's spark.hadoop.* settings, for the driver's own calls as for Spark's. */
    public static synchronized void useSparkSettings(Map<String, String> settings) {
        settings.forEach((k, v) -> {
            if (k.startsWith(SPARK_PREFIX)) shared().set(k.substring(SPARK_PREFIX.length()), v);
        });
    }
}
