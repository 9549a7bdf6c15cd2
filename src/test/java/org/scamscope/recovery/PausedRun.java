package org.scamscope.recovery;

import org.scamscope.JobRunner;

import java.nio.file.Path;

/**
 * The job in a process of its own, over the file system that stops at the point the test names:
 * args input, warehouse, the pause point (see {@link PausingFileSystem}). Prints "finished" if the
 * run never got there.
 */
public final class PausedRun {
    public static void main(String[] args) {
        System.setProperty(PausingFileSystem.PAUSE_AT, args[2]);
        System.setProperty("spark.hadoop.fs.file.impl", PausingFileSystem.class.getName());
        System.setProperty("spark.hadoop.fs.file.impl.disable.cache", "true");
        JobRunner.run(Path.of(args[0]), Path.of(args[1]), JobRunner.lenient());
        System.out.println("finished");
        System.exit(0);
    }
}
