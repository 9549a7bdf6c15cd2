package org.scamscope.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Child processes of the integration tests: started with their output in files, awaited with a bound, killed with their children. */
public final class Processes {
    private Processes() {}

    /** Starts {@code command} in the project root with {@code env} added, standard output and error to {@code log}.out/.err. */
    public static Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).directory(SparkDistribution.ROOT.toFile())
                .redirectOutput(out(log).toFile()).redirectError(err(log).toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        return pb.start();
    }

    public static Path out(Path log) {
        return log.resolveSibling(log.getFileName() + ".out");
    }

    public static Path err(Path log) {
        return log.resolveSibling(log.getFileName() + ".err");
    }

    /** The exit code, or an AssertionError (after killing it) when it runs longer than {@code timeout}. */
    public static int await(Process p, Duration timeout, Path log) throws InterruptedException {
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill(p.toHandle());
            throw new AssertionError("still running after " + timeout.toSeconds() + " s: " + p.info().commandLine().orElse("?")
                    + "\n" + tail(err(log), 40));
        }
        return p.exitValue();
    }

    /** Waits until {@code condition} holds, polling; false when {@code timeout} passed first. */
    public static boolean until(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(250);
        }
        return condition.getAsBoolean();
    }

    /** SIGKILL to a process and everything it started, children first; waits (bounded) until they are gone. */
    public static void kill(ProcessHandle p) {
        List<ProcessHandle> tree = p.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        for (ProcessHandle h : concat(tree, p)) {
            try {
                h.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Gone or not, there is nothing more a test can do about it.
            }
        }
    }

    private static List<ProcessHandle> concat(List<ProcessHandle> a, ProcessHandle b) {
        java.util.ArrayList<ProcessHandle> out = new java.util.ArrayList<>(a);
        out.add(b);
        return out;
    }

    /** The last {@code lines} lines of a log file, for failure messages. */
    public static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no " + file + ")";
        }
    }
}
