package org.scamscope.cluster;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/scamscope on both routes, on what fails before Spark starts: the arguments reach the job as
 * given and the job's exit code comes back. Embedded (no SPARK_HOME) and through spark-submit (a
 * SPARK_HOME made of the jars Maven resolved).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LauncherIT {
    static final Path DIR = SparkDistribution.TARGET.resolve("launcher-it");
    static Path sparkHome;

    @BeforeAll
    static void sparkHome() throws IOException {
        SparkDistribution.assertLauncherNeedsNoBuild();
        SparkDistribution.deleteTree(DIR);
        sparkHome = SparkDistribution.build(DIR.resolve("spark-home"));
    }

    record Result(int code, String out, String err) {}

    static Result launch(String sparkHomeOrNull, String name, String... args) throws Exception {
        return launchWith(Map.of(), sparkHomeOrNull, name, args);
    }

    static Result launchWith(Map<String, String> extraEnv, String sparkHomeOrNull, String name, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(SparkDistribution.ROOT.resolve("bin/scamscope").toString());
        cmd.addAll(List.of(args));
        Map<String, String> env = new HashMap<>();
        env.put("SPARK_LOCAL_IP", StandaloneCluster.HOST);
        Path log = DIR.resolve(name);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(SparkDistribution.ROOT.toFile())
                .redirectOutput(Processes.out(log).toFile()).redirectError(Processes.err(log).toFile());
        pb.environment().putAll(env);
        pb.environment().putAll(extraEnv);
        if (sparkHomeOrNull == null) {
            pb.environment().remove("SPARK_HOME");
        } else {
            pb.environment().put("SPARK_HOME", sparkHomeOrNull);
        }
        int code = Processes.await(pb.start(), Duration.ofMinutes(2), log);
        return new Result(code, Files.readString(Processes.out(log)), Files.readString(Processes.err(log)));
    }

    @Test
    void embeddedTheVersionAndAMissingInputComeBackAsTheJobSaysThem() throws Exception {
        Result v = launch(null, "embedded-version", "--version");
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().matches("scamscope \\d+\\.\\d+\\.\\d+.*\\s*"), v.out());
        Result missing = launch(null, "embedded-missing-input", "run", "--input", "no such folder", "--warehouse", DIR.resolve("wh").toString());
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("input folder not found: " + SparkDistribution.ROOT.resolve("no such folder")), missing.err());
        assertFalse(missing.err().contains("building"), "no build needed: " + missing.err());
        // The project's classes come from the class-data archive the launcher made, not from their jar.
        Path loads = DIR.resolve("class-loads.txt");
        Result shared = launchWith(Map.of("SCAMSCOPE_JAVA_OPTS", "-Xmx1g -Xlog:class+load=info:file=" + loads), null, "embedded-version-shared", "--version");
        assertEquals(0, shared.code(), shared.out() + shared.err());
        assertEquals(v.out(), shared.out());
        String main = Files.readAllLines(loads).stream().filter(l -> l.contains(" org.scamscope.cli.Main ")).findFirst().orElse("");
        assertTrue(main.contains("shared objects file"), main);
    }

    @Test
    void throughSparkSubmitTheVersionAndAMissingInputComeBackAsTheJobSaysThem() throws Exception {
        Result v = launch(sparkHome.toString(), "submit-version", "--version");
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().matches("scamscope \\d+\\.\\d+\\.\\d+.*\\s*"), v.out());
        // A path with a blank, and an unknown flag's message: the arguments arrive as given.
        Result missing = launch(sparkHome.toString(), "submit-missing-input", "run", "--input", "no such folder",
                "--warehouse", DIR.resolve("wh").toString());
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("input folder not found: " + SparkDistribution.ROOT.resolve("no such folder")), missing.err());
        Result bogus = launch(sparkHome.toString(), "submit-bogus-flag", "run", "--bogus");
        assertEquals(2, bogus.code(), bogus.err());
        assertTrue(bogus.err().contains("scamscope: unknown flag --bogus; usage: scamscope run "), bogus.err());
    }

    @Test
    void aSparkHomeWithoutSparkSubmitIsAUsageError() throws Exception {
        Result r = launch(DIR.toString(), "no-spark-submit", "--version");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("has no bin/spark-submit"), r.err());
    }
}
