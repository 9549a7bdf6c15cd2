package org.scamscope.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on the loopback address: a Master and Workers (one core each) started
 * as child processes from a SPARK_HOME; every one of them, and every executor a Worker starts, is
 * stopped by {@link #close()}, also when the JVM exits without getting there.
 */
final class StandaloneCluster implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    /** JVM options of the cluster's processes and executors: a short job needs no optimising compiler. */
    static final List<String> QUICK_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Path sparkHome;
    private final Path dir;
    private final String workerMemory;
    private final int port;
    private final int uiPort;
    private final List<Process> started = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private final List<Path> workDirs = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::stopAll, "stop-standalone-cluster");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private StandaloneCluster(Path sparkHome, Path dir, String workerMemory) throws IOException {
        this.sparkHome = sparkHome;
        this.dir = dir;
        this.workerMemory = workerMemory;
        this.port = freePort();
        this.uiPort = freePort();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a Master and {@code workers} Workers of {@code memory} each; returns at once (see {@link #awaitWorkers}). */
    static StandaloneCluster start(Path sparkHome, Path dir, int workers, String memory) throws IOException {
        StandaloneCluster c = new StandaloneCluster(sparkHome, dir, memory);
        try {
            c.started.add(Processes.start(c.java("org.apache.spark.deploy.master.Master",
                    "--host", HOST, "--port", String.valueOf(c.port), "--webui-port", String.valueOf(c.uiPort)), c.env(), dir.resolve("master")));
            for (int i = 0; i < workers; i++) {
                Path work = Files.createDirectories(dir.resolve("worker-" + i));
                c.workers.add(c.startWorker(work, dir.resolve("worker-" + i)));
                c.workDirs.add(work);
            }
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private Process startWorker(Path work, Path log) throws IOException {
        Process w = Processes.start(java("org.apache.spark.deploy.worker.Worker", url(),
                "--host", HOST, "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", workerMemory,
                "--work-dir", work.toString()), env(), log);
        started.add(w);
        return w;
    }

    /** A new Worker in place of one that was killed, with the same work directory, once the Master has registered it. */
    void restartWorker(int worker, Duration timeout) throws IOException, InterruptedException {
        if (workers.get(worker).isAlive()) throw new IllegalStateException("Worker " + worker + " is still running");
        // Its log beside the first one's, which keeps what the killed Worker wrote.
        Path restarted = dir.resolve("worker-" + worker + "-restarted");
        workers.set(worker, startWorker(workDirs.get(worker), restarted));
        Path log = Processes.err(restarted);
        boolean registered = Processes.until(() -> Processes.tail(log, 1000).contains("Successfully registered with master"), timeout);
        if (!registered) throw new AssertionError("the restarted Worker " + worker + " did not register\n" + Processes.tail(log, 20));
        awaitWorkers(workers.size(), timeout);
    }

    String url() {
        return "spark://" + HOST + ":" + port;
    }

    /**
     * The environment of every process of the cluster and of its drivers: the SPARK_HOME, Scala 2.13
     * (as the distribution's scripts set it), this JVM's Java, and the loopback address for every
     * service, web UIs included.
     */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", HOST);
        env.put("SPARK_LOCAL_HOSTNAME", HOST);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return env;
    }

    private List<String> java(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(SparkDistribution.addOpens());
        cmd.addAll(QUICK_JVM);
        cmd.add("-Xmx512m");
        // No REST submission server (it would take the fixed port 6066).
        cmd.add("-Dspark.master.rest.enabled=false");
        cmd.add("-cp");
        cmd.add(sparkHome.resolve("jars") + "/*");
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The Master's state as its web UI gives it (/json/). */
    JsonNode state() throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + uiPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        return new ObjectMapper().readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Waits until {@code n} Workers are registered and alive; fails with the logs when they are not in time. */
    void awaitWorkers(int n, Duration timeout) throws InterruptedException {
        boolean ok = Processes.until(() -> aliveWorkers() >= n, timeout);
        if (!ok) {
            throw new AssertionError(aliveWorkers() + " of " + n + " Workers registered after " + timeout.toSeconds() + " s\n"
                    + Processes.tail(Processes.err(dir.resolve("master")), 20) + "\n"
                    + Processes.tail(Processes.err(dir.resolve("worker-0")), 20));
        }
    }

    int aliveWorkers() {
        // The Master and the Workers now running (a killed Worker's process stays in started).
        if (!started.get(0).isAlive()) return -1;
        for (Process p : workers) {
            if (!p.isAlive()) return -1;
        }
        try {
            return state().path("aliveworkers").asInt(0);
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The id of an application the Master runs now, or null. */
    String activeApplication() {
        try {
            JsonNode apps = state().path("activeapps");
            if (!apps.isEmpty()) return apps.get(0).path("id").asText();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** The applications whose executors a Worker has run (its work directory's app-* folders). */
    List<String> applications(int worker) throws IOException {
        try (Stream<Path> s = Files.list(workDirs.get(worker))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("app-")).sorted().toList();
        }
    }

    /** How many tasks executors of {@code app} on {@code worker} have started (their logs' "Running task" lines). */
    int tasksStarted(int worker, String app) {
        Path appDir = workDirs.get(worker).resolve(app);
        if (!Files.isDirectory(appDir)) return 0;
        int n = 0;
        try (Stream<Path> s = Files.list(appDir)) {
            for (Path executor : s.toList()) {
                Path log = executor.resolve("stderr");
                if (!Files.isRegularFile(log)) continue;
                try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                    n += (int) lines.filter(l -> l.contains("Running task")).count();
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return n;
        }
        return n;
    }

    /** SIGKILL to a Worker and to the executors it started, as when its machine fails. */
    void killWorker(int worker) {
        Processes.kill(workers.get(worker).toHandle());
    }

    boolean workerAlive(int worker) {
        return workers.get(worker).isAlive();
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down; the hook does the same.
        }
    }

    private synchronized void stopAll() {
        // Workers (with their executors) first, then the Master.
        for (int i = started.size() - 1; i >= 0; i--) {
            Processes.kill(started.get(i).toHandle());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        }
    }
}
