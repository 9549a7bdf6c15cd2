package org.scamscope.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A full disk, however deep Spark and Hadoop wrap it, is one line naming the file; any other failure keeps its trace. */
class FullDiskMessageTest {
    @Test
    void aFullDiskDeepInsideSparksFailureIsOneLineNamingTheFile() {
        Exception spark = new RuntimeException("Job aborted due to stage failure: Task 0 in stage 3.0 failed",
                new java.io.UncheckedIOException(new FileSystemException("/data/wh/silver/victims/part-0001.parquet", null,
                        "No space left on device")));
        String printed = printed(spark);
        assertEquals("scamscope: no space left on device writing /data/wh/silver/victims/part-0001.parquet: free space where the "
                + "warehouse or Spark's scratch folder is and run again (Delta commits are whole or absent)\n", printed);
    }

    @Test
    void aFullDiskWithoutAFileIsStillOneLine() {
        String printed = printed(new IllegalStateException("commit failed", new IOException("No space left on device")));
        assertEquals(1, printed.lines().count(), printed);
        assertTrue(printed.startsWith("scamscope: no space left on device: free space"), printed);
    }

    @Test
    void anyOtherFailureKeepsItsStackTraceForABugReport() {
        String printed = printed(new IllegalStateException("something else"));
        assertTrue(printed.startsWith("scamscope: unexpected error: IllegalStateException: something else\n"), printed);
        assertTrue(printed.contains("\tat org.scamscope.cli.FullDiskMessageTest"), printed);
    }

    private static String printed(Throwable e) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        assertEquals(1, Main.unexpected(e, new PrintStream(b, true, StandardCharsets.UTF_8)));
        return b.toString(StandardCharsets.UTF_8);
    }
}
