package org.scamscope.spark;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService;
import org.apache.spark.sql.connect.service.SparkConnectService$;
import scala.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spark's own Spark Connect service (the one SparkConnectServer starts) on a session of the
 * project's factory, so clients get the Delta extension and catalog and the job's settings.
 */
public final class ConnectServer {
    /** Loopback only: Spark Connect has no authentication of its own, and the tables hold case records. */
    public static final String HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 15002;
    /** A setting every client session can read: the warehouse the server was started on. */
    public static final String WAREHOUSE_SETTING = "spark.scamscope.warehouse";

    private ConnectServer() {}

    /** The server's settings, on top of the configuration's Spark settings. */
    public static Map<String, String> settings(int port, Path warehouse) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("spark.connect.grpc.binding.address", HOST);
        s.put("spark.connect.grpc.binding.port", Integer.toString(port));
        // A taken port is an error, not a reason to listen elsewhere: clients are told this port.
        s.put("spark.connect.grpc.port.maxRetries", "0");
        // As SparkConnectServer sets them: each client's uploaded classes stay in its own session.
        s.put("spark.sql.artifact.isolation.enabled", "true");
        s.put("spark.sql.artifact.isolation.alwaysApplyClassloader", "true");
        s.put(WAREHOUSE_SETTING, warehouse.toAbsolutePath().normalize().toString());
        return s;
    }

    /** Starts the service on the session's SparkContext; returns the port it listens on. */
    public static int start(SparkSession spark) {
        SparkConnectService.start(spark.sparkContext());
        return SparkConnectService$.MODULE$.localPort();
    }

    /** Blocks until the service is stopped (by stop(), e.g. from a shutdown hook). */
    public static void awaitTermination() throws InterruptedException {
        SparkConnectService$.MODULE$.server().awaitTermination();
    }

    public static void stop() {
        SparkConnectService.stop(Option.empty(), Option.empty());
    }
}
