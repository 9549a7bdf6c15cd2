package org.scamscope.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.apache.hadoop.fs.FileSystem;
import org.scamscope.BasicWarehouse;
import org.scamscope.JobRunner;
import org.scamscope.TestS3;
import org.scamscope.SampleUpdateWarehouse;
import org.scamscope.SampleWarehouse;
import org.scamscope.TestHdfs;
import org.scamscope.WarehouseComparison;
import org.scamscope.spark.HadoopConf;
import org.scamscope.storage.Location;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job as Spark users run it: the application jar submitted in client mode to a standalone
 * cluster of a Master and two Workers (one core each) on 127.0.0.1, started from a SPARK_HOME made
 * of the jars Maven resolved. Every table it writes equals, row for row, the local-mode run's: on
 * HDFS (a NameNode and a DataNode on 127.0.0.1), through the launcher, when a Worker is killed while
 * its executor runs tasks; in the incremental run after it, through SparkSubmit itself; and on S3
 * (S3Proxy on 127.0.0.1) with the S3A client given to spark-submit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ClusterIT {
    static final Path SAMPLE = Path.of("data", "sample");
    static final Path DIR = SparkDistribution.TARGET.resolve("cluster-it");
    /** Tables compared between runs (reference/ is the shipped files as they are; ops/ each run's own record). */
    static final List<String> COMPARED = List.of("silver", "gold", "quarantine");
    /** Every wait is bounded; a run of the sample takes about a minute on an idle two-core machine. */
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(6);
    /**
     * The second Worker is killed once its executor has started this many tasks of the run: about a
     * third of its share (some 440 of the run's 870 on each executor), well inside the run.
     */
    static final int TASKS_BEFORE_KILL = 150;

    static StandaloneCluster cluster;
    static Path localWarehouse;
    /** The first run: the launcher, on HDFS, the run in which a Worker is killed. */
    static Process killRun;
    /** The two runs after it, side by side on one Worker each (the killed one restarted). */
    static Process incrementalRun;
    static Process s3Run;
    static String s3Warehouse;
    /** The sample's input and the warehouse of the runs on HDFS, set once HDFS is up. */
    static String hdfsInput;
    static String hdfsWarehouse;
    static final Path KILL_LOG = DIR.resolve("logs/driver-worker-killed");
    static final Path INCREMENTAL_LOG = DIR.resolve("logs/driver-incremental");
    static final Path S3_LOG = DIR.resolve("logs/driver-s3");
    static final Instant START = Instant.now();

    /**
     * Starts the cluster, HDFS with the sample on it, and, once the Workers are registered, the first
     * run. One run of the sample on the cluster checks both the launcher and the recovery from a lost
     * Worker: a separate run for each cost a minute of the suite and checked nothing the other did not.
     */
    @BeforeAll
    static void startClusterAndTheFirstRun() throws Exception {
        SparkDistribution.assertLauncherNeedsNoBuild();
        SparkDistribution.deleteTree(DIR);
        Path sparkHome = SparkDistribution.build(DIR.resolve("spark-home"));
        cluster = StandaloneCluster.start(sparkHome, DIR.resolve("logs"), 2, "2g");
        URI hdfs = TestHdfs.root();
        FileSystem fs = FileSystem.get(hdfs, HadoopConf.create());
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(SAMPLE.toAbsolutePath().toUri()), new org.apache.hadoop.fs.Path(hdfs.resolve("/cluster/sample")));
        hdfsInput = hdfs.resolve("/cluster/sample").toString();
        hdfsWarehouse = hdfs.resolve("/cluster/warehouse").toString();
        log("HDFS up at " + hdfs + ", the sample copied there");
        cluster.awaitWorkers(2, Duration.ofMinutes(2));
        log("2 Workers registered with " + cluster.url());
        killRun = startLauncherRun(hdfsInput, hdfsWarehouse, KILL_LOG);
        // The sample's local-mode run, which the unit tests' JVM made for this build.
        localWarehouse = SampleWarehouse.SHARED.path();
    }

    @AfterAll
    static void stopCluster() {
        for (Process p : new Process[] {killRun, incrementalRun, s3Run}) {
            if (p != null) Processes.kill(p.toHandle());
        }
        if (cluster != null) cluster.close();
        log("cluster stopped");
    }

    /** Settings of every cluster run: loopback driver, small executors, few partitions, no waiting for locality, the tests' HDFS client. */
    static List<String> submitConf() {
        List<String> conf = new ArrayList<>(List.of(
                "--conf", "spark.driver.host=" + StandaloneCluster.HOST,
                "--conf", "spark.driver.bindAddress=" + StandaloneCluster.HOST,
                "--conf", "spark.ui.enabled=false",
                "--conf", "spark.executor.memory=1g",
                "--conf", "spark.sql.shuffle.partitions=4",
                // Delta rebuilds a small table's state in 2 tasks rather than the configuration's 4, as in the tests' session.
                "--conf", "spark.databricks.delta.snapshotPartitions=2",
                "--conf", "spark.locality.wait=0s",
                // One word: SCAMSCOPE_SUBMIT_ARGS is split at blanks.
                "--conf", "spark.executor.extraJavaOptions=-XX:TieredStopAtLevel=1"));
        // The tests' HDFS client settings (src/test/resources/hdfs-site.xml), for the driver's and executors' clients.
        org.apache.hadoop.conf.Configuration hdfsClient = new org.apache.hadoop.conf.Configuration(false);
        hdfsClient.addResource("hdfs-site.xml");
        hdfsClient.forEach(e -> conf.addAll(List.of("--conf", "spark.hadoop." + e.getKey() + "=" + e.getValue())));
        assertTrue(conf.stream().anyMatch(c -> c.startsWith("spark.hadoop.dfs.client.")), "the tests' HDFS client settings: " + conf);
        return conf;
    }

    /** bin/scamscope with SPARK_HOME: spark-submit --master spark://... in client mode, the application jar. */
    static Process startLauncherRun(String input, String warehouse, Path log) throws IOException {
        return startLauncherRun(List.of(), List.of("run", "--input", input, "--warehouse", warehouse), log);
    }

    /** bin/scamscope with the given spark-submit arguments added to the cluster's, and the job's own. */
    static Process startLauncherRun(List<String> moreSubmitArgs, List<String> job, Path log) throws IOException {
        Map<String, String> env = new HashMap<>(cluster.env());
        List<String> submit = new ArrayList<>(List.of("--master", cluster.url()));
        submit.addAll(submitConf());
        submit.addAll(moreSubmitArgs);
        env.put("SCAMSCOPE_SUBMIT_ARGS", String.join(" ", submit));
        env.put("SPARK_SUBMIT_OPTS", String.join(" ", StandaloneCluster.QUICK_JVM));
        List<String> cmd = new ArrayList<>(List.of(SparkDistribution.ROOT.resolve("bin/scamscope").toString()));
        cmd.addAll(job);
        return Processes.start(cmd, env, log);
    }

    /**
     * Once the first run is done: Worker 1 back, and the incremental run on HDFS and the run on S3
     * started side by side, one core each. Each alone kept some two thirds of the machine busy (a
     * driver, and one executor on the Worker left); together they overlap.
     */
    static synchronized void startTheRunsAfterTheKill() throws Exception {
        if (incrementalRun != null) return;
        cluster.restartWorker(1, Duration.ofMinutes(2));
        log("Worker 1 restarted");
        List<String> oneCore = List.of("--conf", "spark.cores.max=1");

        FileSystem fs = FileSystem.get(TestHdfs.root(), HadoopConf.create());
        try (var out = fs.create(new org.apache.hadoop.fs.Path(hdfsInput + "/" + SampleUpdateWarehouse.NEW_FILE))) {
            out.write(SampleUpdateWarehouse.NEW_ROWS.getBytes(StandardCharsets.UTF_8));
        }
        incrementalRun = startSubmitRun(oneCore, hdfsInput, hdfsWarehouse, INCREMENTAL_LOG);

        String bucket = TestS3.bucket("cluster-it");
        FileSystem s3 = FileSystem.get(URI.create(bucket), HadoopConf.shared());
        String input = bucket + "/input";
        s3Warehouse = bucket + "/warehouse";
        s3.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(BasicWarehouse.INPUT.toAbsolutePath().toUri()),
                new org.apache.hadoop.fs.Path(input));
        List<String> submit = new ArrayList<>(oneCore);
        submit.addAll(List.of("--jars", String.join(",", s3aJars())));
        TestS3.sparkSettings().forEach((k, v) -> submit.addAll(List.of("--conf", k + "=" + v)));
        // Gold on S3 is RunOnS3Test's; here what the executors read and write there, for time.
        Path config = JobRunner.lenientConfigFile(Files.createDirectories(DIR.resolve("s3-config")));
        Files.writeString(config, "gold.enabled=false\n", java.nio.file.StandardOpenOption.APPEND);
        s3Run = startLauncherRun(submit, List.of("run", "--config", config.toString(),
                "--input", input, "--warehouse", s3Warehouse), S3_LOG);
    }

    /** SparkSubmit itself with the application jar, the master given by the job's --master flag. */
    static Process startSubmitRun(List<String> moreSubmitArgs, String input, String warehouse, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(SparkDistribution.addOpens());
        cmd.addAll(StandaloneCluster.QUICK_JVM);
        cmd.addAll(List.of("-Xmx2g", "-Dlog4j2.configurationFile=" + SparkDistribution.ROOT.resolve("conf/log4j2.properties"),
                "-cp", DIR.resolve("spark-home/jars") + "/*", "org.apache.spark.deploy.SparkSubmit", "--deploy-mode", "client"));
        cmd.addAll(submitConf());
        cmd.addAll(List.of("--conf", "spark.executor.extraJavaOptions=" + String.join(" ", StandaloneCluster.QUICK_JVM)));
        cmd.addAll(moreSubmitArgs);
        cmd.addAll(List.of("--class", "org.scamscope.cli.Main", SparkDistribution.appJar().toString(),
                "run", "--config", "conf/scamscope.properties", "--input", input, "--warehouse", warehouse,
                "--master", cluster.url()));
        return Processes.start(cmd, cluster.env(), log);
    }

    @Test
    @Order(1)
    void theLauncherSubmitsTheJarAndAWorkerKilledWhileItsExecutorRunsTasksLeavesTheTablesOfTheLocalRun() throws Exception {
        Process driver = killRun;
        String[] app = new String[1];
        assertTrue(Processes.until(() -> driver.isAlive() && (app[0] = cluster.activeApplication()) != null, Duration.ofMinutes(2)),
                "the application registered with the Master\n" + Processes.tail(Processes.err(KILL_LOG), 40));
        boolean running = Processes.until(() -> !driver.isAlive() || cluster.tasksStarted(1, app[0]) >= TASKS_BEFORE_KILL, RUN_TIMEOUT);
        assertTrue(running && driver.isAlive(), "Worker 1's executor started " + TASKS_BEFORE_KILL
                + " tasks while the job ran (driver alive: " + driver.isAlive() + ")\n" + Processes.tail(Processes.err(KILL_LOG), 40));
        assertTrue(Processes.until(() -> cluster.tasksStarted(0, app[0]) > 0, Duration.ofSeconds(30)), "Worker 0's executor runs tasks too");
        cluster.killWorker(1);
        log("Worker 1 killed after " + cluster.tasksStarted(1, app[0]) + " of its tasks started");
        assertFalse(cluster.workerAlive(1));

        int code = Processes.await(driver, RUN_TIMEOUT, KILL_LOG);
        log("run with a killed Worker done");
        assertEquals(0, code, Processes.tail(Processes.err(KILL_LOG), 60));
        String out = Files.readString(Processes.out(KILL_LOG));
        assertTrue(out.contains("row accounting: rows read = silver rows + quarantined rows"), out);
        String err = Files.readString(Processes.err(KILL_LOG));
        assertTrue(err.contains("Lost executor"), "the driver lost the killed Worker's executor\n" + Processes.tail(Processes.err(KILL_LOG), 40));
        assertEquals(List.of(app[0]), cluster.applications(0), "Worker 0 ran an executor of the run");
        assertEquals(List.of(app[0]), cluster.applications(1), "Worker 1 ran an executor of the run");
        assertSameTables(Location.local(localWarehouse), Location.parse("warehouse", hdfsWarehouse));
        log("tables on HDFS after the killed Worker equal the local run's");
    }

    /**
     * A partner's new file on HDFS (SampleUpdateWarehouse's: twelve new victims, and a row the rules
     * reject): the next run, SparkSubmit itself with the master given by the job's --master flag, takes
     * only it (the ledger's identity of HDFS files), on one Worker, and its tables equal those of the
     * same second run in local mode, which the unit tests' JVM made for this build
     * (SampleUpdateRunTest checks that it took the new file alone).
     */
    @Test
    @Order(2)
    void anIncrementalRunOnHdfsEqualsTheSameRunInLocalMode() throws Exception {
        startTheRunsAfterTheKill();
        Process run = incrementalRun;
        Path local = SampleUpdateWarehouse.SHARED.path();
        log("local-mode incremental run done");
        assertEquals(0, Processes.await(run, RUN_TIMEOUT, INCREMENTAL_LOG), Processes.tail(Processes.err(INCREMENTAL_LOG), 60));
        log("incremental run on HDFS done");
        String note = "victims: 1 new and 0 changed files taken, 4 unchanged skipped";
        assertTrue(Files.readString(Processes.out(INCREMENTAL_LOG)).contains(note), Files.readString(Processes.out(INCREMENTAL_LOG)));
        assertEquals(SampleUpdateWarehouse.NEW_IDS, JobRunner.rows(JobRunner.table(hdfsWarehouse, "silver/victims")
                .filter("source_file = '" + SampleUpdateWarehouse.NEW_FILE + "'"), "victim_id"));
        assertSameTables(Location.local(local), Location.parse("warehouse", hdfsWarehouse));
        log("tables of the incremental run on HDFS equal the local run's");
    }

    /**
     * The launcher's run on S3 (S3Proxy on 127.0.0.1): the S3A client and its AWS SDK modules given with
     * --jars (offline, where a user gives --packages org.apache.hadoop:hadoop-aws:3.4.2), the store's
     * settings with --conf; the driver lists, hashes and locks on S3, the executor reads and writes
     * there, and the tables equal the local-mode run's of the same fixture.
     */
    @Test
    @Order(3)
    void theLauncherRunsOnS3AndTheTablesEqualTheLocalRun() throws Exception {
        startTheRunsAfterTheKill();
        Process run = s3Run;
        String warehouse = s3Warehouse;
        Path local = BasicWarehouse.SHARED.path();
        assertEquals(0, Processes.await(run, RUN_TIMEOUT, S3_LOG), Processes.tail(Processes.err(S3_LOG), 60));
        log("run on S3 done");
        WarehouseComparison.assertSameTables(Location.local(local), Location.parse("warehouse", warehouse), List.of("silver", "quarantine"));
        log("tables on S3 equal the local run's");
    }

    /** hadoop-aws and the AWS SDK's jars on this JVM's classpath (test dependencies of the build). */
    static List<String> s3aJars() {
        List<String> jars = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(j -> j.contains("/hadoop-aws-") || j.contains("/software/amazon/") || j.contains("/reactive-streams-") || j.contains("/httpcomponents/")).toList();
        assertTrue(jars.stream().anyMatch(j -> j.contains("/hadoop-aws-")), "hadoop-aws on the test classpath: " + jars);
        return jars;
    }

    /** Every Delta table under silver/, gold/ and quarantine/ of both warehouses, row for row, less the run's lineage. */
    static void assertSameTables(Location expected, Location actual) {
        WarehouseComparison.assertSameTables(expected, actual, COMPARED);
    }

    static void log(String what) {
        System.err.printf("ClusterIT %5.1fs %s%n", Duration.between(START, Instant.now()).toMillis() / 1000.0, what);
    }
}
