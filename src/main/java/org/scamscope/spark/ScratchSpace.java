package org.scamscope.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where Spark keeps shuffle, spill and cache files (spark.local.dir): one folder per JVM, named by
 * its process id and start time, under one root. Spark removes its own files when the JVM ends
 * normally; a JVM killed mid-run leaves them, so each start removes the folders of JVMs that are
 * gone. (Those files are encrypted with a key that died with their JVM; removing them frees the disk
 * and leaves nothing for anyone to try.)
 */
public final class ScratchSpace {
    private ScratchSpace() {}

    /** The root: the system's temporary folder, a folder per user. */
    public static Path root() {
        return Path.of(System.getProperty("java.io.tmpdir"), "scamscope-spark-" + System.getProperty("user.name", "user"));
    }

    /** This JVM's folder under root, made, after the folders of dead JVMs are removed; it goes at exit once empty. */
    public static Path forThisJvm(Path root) {
        removeDead(root);
        ProcessHandle self = ProcessHandle.current();
        Path mine = root.resolve(name(self.pid(), start(self)));
        try {
            Files.createDirectories(mine);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make Spark's scratch folder " + mine, e);
        }
        mine.toFile().deleteOnExit();
        return mine;
    }

    /** Removes each folder of root whose JVM (process id and start time) no longer runs; returns them. */
    public static List<Path> removeDead(Path root) {
        if (!Files.isDirectory(root)) return List.of();
        List<Path> dead;
        try (Stream<Path> s = Files.list(root)) {
            dead = s.filter(p -> Files.isDirectory(p) && !alive(p.getFileName().toString())).toList();
        } catch (IOException e) {
            return List.of();  // another user's root or a race with another start: nothing of ours to remove
        }
        dead.forEach(ScratchSpace::delete);
        return dead;
    }

    static String name(long pid, long startMillis) {
        return pid + "-" + startMillis;
    }

    /** A folder not named pid-start is not ours to judge: it is kept. */
    private static boolean alive(String name) {
        int dash = name.indexOf('-');
        if (dash < 1) return true;
        long pid;
        long started;
        try {
            pid = Long.parseLong(name.substring(0, dash));
            started = Long.parseLong(name.substring(dash + 1));
        } catch (NumberFormatException e) {
            return true;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        return p.isPresent() && p.get().isAlive() && start(p.get()) == started;
    }

    private static long start(ProcessHandle p) {
        return p.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }

    private static void delete(Path folder) {
        try (Stream<Path> s = Files.walk(folder)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left for the next start
                }
            });
        } catch (IOException e) {
            // left for the next start
        }
    }
}
