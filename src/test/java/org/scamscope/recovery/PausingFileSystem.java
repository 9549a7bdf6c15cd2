package org.scamscope.recovery;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The local file system, except that the first file created whose path matches the system property
 * {@value #PAUSE_AT} (a regular expression) is never created: the thread creating it announces
 * "{@value #ANNOUNCEMENT} path" on standard output and stops there, so that a test can kill the
 * process at that exact point of a write.
 */
public class PausingFileSystem extends LocalFileSystem {
    public static final String PAUSE_AT = "scamscope.test.pause_at";
    public static final String ANNOUNCEMENT = "PAUSED";
    private static final AtomicBoolean PAUSED = new AtomicBoolean();

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize, short replication,
                                     long blockSize, Progressable progress) throws IOException {
        pauseIfMatching(f);
        return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    }

    private static void pauseIfMatching(Path f) {
        String at = System.getProperty(PAUSE_AT);
        if (at == null || !Pattern.compile(at).matcher(f.toUri().getPath()).find() || !PAUSED.compareAndSet(false, true)) return;
        synchronized (System.out) {
            System.out.println(ANNOUNCEMENT + " " + f.toUri().getPath());
            System.out.flush();
        }
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // Stays put: only the test's SIGKILL ends this.
            }
        }
    }
}
