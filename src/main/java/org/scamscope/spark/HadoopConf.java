package org.scamscope.spark;

import org.apache.hadoop.conf.Configuration;

/**
 * The job's own Hadoop settings (resource scamscope-hadoop.xml: local files through
 * {@link ForklessLocalFileSystem}), in every Hadoop configuration of the JVM. They are installed as a
 * default resource, not set on one configuration, because Hadoop caches the file system of a scheme
 * for the JVM: whichever code asks first for file: must get the forkless one.
 */
public final class HadoopConf {
    static final String RESOURCE = "scamscope-hadoop.xml";

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
}
