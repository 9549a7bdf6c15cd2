package org.scamscope;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.scamscope.cluster.SparkDistribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One HDFS per test JVM: a NameNode and a DataNode on 127.0.0.1 (Hadoop's MiniDFSCluster, real
 * RPC, real block storage under target/), started on first use and stopped when the JVM ends.
 */
public final class TestHdfs {
    private static MiniDFSCluster cluster;

    private TestHdfs() {}

    /** The file system's root, hdfs://127.0.0.1:PORT/. */
    public static synchronized URI root() {
        if (cluster == null) {
            try {
                Path base = Files.createTempDirectory(Files.createDirectories(SparkDistribution.TARGET), "hdfs-");
                Configuration conf = new Configuration();
                conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
                conf.set("dfs.namenode.rpc-address", "127.0.0.1:0");
                conf.set("dfs.namenode.http-address", "127.0.0.1:0");
                conf.set("dfs.datanode.address", "127.0.0.1:0");
                conf.set("dfs.datanode.http.address", "127.0.0.1:0");
                conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
                cluster = new MiniDFSCluster.Builder(conf, base.toFile()).numDataNodes(1).build();
                cluster.waitActive();
                MiniDFSCluster started = cluster;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.shutdown(true);
                    try {
                        SparkDistribution.deleteTree(base);
                    } catch (IOException ignored) {
                        // target/ is the build's; a folder left there goes with mvn clean
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start HDFS for the tests", e);
            }
        }
        return URI.create("hdfs://127.0.0.1:" + cluster.getNameNodePort() + "/");
    }
}
