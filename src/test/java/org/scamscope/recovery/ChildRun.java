package org.scamscope.recovery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A run of the command line in a process of its own (see {@link PausedRun}), with its standard error in a log file. */
final class ChildRun implements AutoCloseable {
    final Process process;
    final Path log;
    private final BufferedReader out;
    private final List<String> lines = new ArrayList<>();

    private ChildRun(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts the command line (e.g. "run", "--input", ...) with Spark on loopback, stopping at files matching pauseAt (see {@link PausingFileSystem}). */
    static ChildRun start(String pauseAt, Path log, String... args) throws IOException {
        return start(List.of(), pauseAt, log, args);
    }

    /** The same, with more options for the child's JVM (e.g. its own -Djava.io.tmpdir). */
    static ChildRun start(List<String> jvmOptions, String pauseAt, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // Spark's --add-opens flags and the tests' Spark settings, as the build gave them to this JVM.
            if (a.startsWith("--add-") || a.startsWith("-XX:+IgnoreUnrecognized") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty")
                    || a.startsWith("-Dspark.")) {
                cmd.add(a);
            }
        }
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-Xmx1g", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=128m", "-Dspark.ui.enabled=false", "-Dspark.driver.host=127.0.0.1",
                "-Dspark.driver.bindAddress=127.0.0.1", "-Dspark.sql.shuffle.partitions=2",
                "-cp", System.getProperty("java.class.path"), PausedRun.class.getName(), pauseAt));
        cmd.addAll(List.of(args));
        return new ChildRun(new ProcessBuilder(cmd).redirectError(log.toFile()).start(), log);
    }

    /** Reads standard output until the run stops at its pause point (the path it stopped at) or ends (null). */
    String awaitPause() throws IOException {
        for (String line; (line = out.readLine()) != null; ) {
            lines.add(line);
            if (line.startsWith(PausingFileSystem.ANNOUNCEMENT + " ")) return line.substring(PausingFileSystem.ANNOUNCEMENT.length() + 1);
            if (line.equals(PausedRun.FINISHED)) return null;
        }
        return null;
    }

    /** Lets a run stopped at one of its pause points go on to the next. */
    void resume() throws IOException {
        process.getOutputStream().write("go on\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** The exit code of a run that ended. */
    int exitCode() throws InterruptedException {
        if (!process.waitFor(2, TimeUnit.MINUTES)) throw new AssertionError("still running");
        return process.exitValue();
    }

    String stdout() {
        return String.join("\n", lines);
    }

    String stderrTail() {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
        } catch (IOException e) {
            return "(no " + log + ")";
        }
    }

    /** SIGKILL. */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("not gone after SIGKILL");
    }
}
