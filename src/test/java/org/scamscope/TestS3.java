package org.scamscope;

import org.scamscope.cluster.SparkDistribution;
import org.scamscope.spark.HadoopConf;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One S3-compatible server per test JVM: S3Proxy (its jar with dependencies, copied to target/s3proxy
 * by the build) in a JVM of its own on 127.0.0.1, storing objects in files under target/, with
 * signed requests; and the JVM's Hadoop and Spark settings for s3a:// pointed at it.
 */
public final class TestS3 {
    static final String ACCESS_KEY = "scamscope-test-access";
    static final String SECRET_KEY = "scamscope-test-secret-not-a-real-one";
    private static Process server;
    private static URI endpoint;

    private TestS3() {}

    /** A new, empty bucket on the server: s3a://NAME. */
    public static synchronized String bucket(String name) {
        start();
        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY))).build()) {
            s3.createBucket(b -> b.bucket(name));
        }
        return "s3a://" + name;
    }

    /** The s3a settings a run needs for this server, as Spark settings (spark.hadoop.*). */
    public static synchronized Map<String, String> sparkSettings() {
        start();
        return settings();
    }

    private static Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("spark.hadoop.fs.s3a.endpoint", endpoint.toString());
        s.put("spark.hadoop.fs.s3a.endpoint.region", "us-east-1");
        s.put("spark.hadoop.fs.s3a.path.style.access", "true");
        s.put("spark.hadoop.fs.s3a.connection.ssl.enabled", "false");
        s.put("spark.hadoop.fs.s3a.access.key", ACCESS_KEY);
        s.put("spark.hadoop.fs.s3a.secret.key", SECRET_KEY);
        s.put("spark.hadoop.fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        // a test that fails fast rather than retrying for minutes against a server that is gone
        s.put("spark.hadoop.fs.s3a.attempts.maximum", "2");
        s.put("spark.hadoop.fs.s3a.retry.limit", "2");
        return s;
    }

    private static void start() {
        if (server != null) return;
        try {
            Path jar = SparkDistribution.TARGET.resolve("s3proxy/s3proxy.jar");
            if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " is missing: the build copies it (mvn test-compile)");
            Path dir = Files.createTempDirectory(Files.createDirectories(SparkDistribution.TARGET), "s3-");
            Files.createDirectories(dir.resolve("data"));
            int port;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            endpoint = URI.create("http://127.0.0.1:" + port);
            Path conf = dir.resolve("s3proxy.conf");
            Files.writeString(conf, String.join("\n",
                    "s3proxy.endpoint=" + endpoint,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + dir.resolve("data"),
                    ""));
            server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-jar", jar.toString(), "--properties", conf.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
            Process started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.destroyForcibly();
                try {
                    SparkDistribution.deleteTree(dir);
                } catch (IOException ignored) {
                    // target/ is the build's; a folder left there goes with mvn clean
                }
            }));
            Instant until = Instant.now().plus(Duration.ofMinutes(1));
            while (!accepts(port)) {
                if (!server.isAlive() || Instant.now().isAfter(until)) {
                    throw new IllegalStateException("S3Proxy did not start on port " + port + ":\n" + Files.readString(dir.resolve("s3proxy.log")));
                }
                Thread.sleep(200);
            }
            Map<String, String> settings = settings();
            HadoopConf.useSparkSettings(settings);
            settings.forEach((k, v) -> TestSpark.session().sparkContext().hadoopConfiguration().set(k.substring("spark.hadoop.".length()), v));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the S3 server for the tests", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
