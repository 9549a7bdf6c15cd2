package org.scamscope.recovery;

import org.scamscope.cli.Main;

import java.util.Arrays;

/**
 * bin/scamscope in a process of its own, over the file system that stops at the point the test
 * names: args are the pause point (see {@link PausingFileSystem}) and then the command line. Prints
 * "finished" and exits with the command's exit code if the run never got there.
 */
public final class PausedRun {
    public static final String FINISHED = "finished";

    public static void main(String[] args) {
        System.setProperty(PausingFileSystem.PAUSE_AT, args[0]);
        System.setProperty("spark.hadoop.fs.file.impl", PausingFileSystem.class.getName());
        System.setProperty("spark.hadoop.fs.file.impl.disable.cache", "true");
        int code = Main.execute(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
        System.out.println(FINISHED);
        System.exit(code);
    }
}
