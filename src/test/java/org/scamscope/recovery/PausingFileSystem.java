package org.scamscope.recovery;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The local file system, except that it stops at the files named by the system property
 * {@value #PAUSE_AT}: regular expressions separated by ';', in the order the run meets them. The
 * first file created whose path matches the current one is held back: the thread creating it
 * announces "{@value #ANNOUNCEMENT} path" on standard output and stops there, so that a test can
 * copy the warehouse or kill the process at that exact point of a write. A line on standard input
 * lets it go on to the next expression; at the last one, only the test's SIGKILL ends it.
 */
public class PausingFileSystem extends LocalFileSystem {
    public static final String PAUSE_AT = "scamscope.test.pause_at";
    public static final String ANNOUNCEMENT = "PAUSED";
    /** The index of the expression the next pause waits for; one past the last once all were met. */
    private static int next;
    /** One reader for the process: a second would lose what the first read ahead. */
    private static final BufferedReader IN = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize, short replication,
                                     long blockSize, Progressable progress) throws IOException {
        pauseIfMatching(f);
        return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    }

    private static void pauseIfMatching(Path f) {
        String at = System.getProperty(PAUSE_AT);
        if (at == null) return;
        List<String> points = List.of(at.split(";"));
        // One thread at a time: another task's file that matches waits here until this pause ends.
        synchronized (PausingFileSystem.class) {
            if (next >= points.size() || !Pattern.compile(points.get(next)).matcher(f.toUri().getPath()).find()) return;
            synchronized (System.out) {
                System.out.println(ANNOUNCEMENT + " " + f.toUri().getPath());
                System.out.flush();
            }
            next++;
            if (next < points.size()) {
                awaitLine();
                return;
            }
        }
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // Stays put: only the test's SIGKILL ends this.
            }
        }
    }

    private static void awaitLine() {
        try {
            IN.readLine();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
