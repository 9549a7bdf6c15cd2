package org.scamscope.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A killed JVM's scratch folder is removed at the next start; a live one's, and folders not named so, are kept. */
class ScratchSpaceTest {
    @TempDir
    Path root;

    @Test
    void theFoldersOfEndedProcessesGoAndTheOthersStay() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        long start = ended.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(1L);
        Path dead = root.resolve(ScratchSpace.name(ended.pid(), start));
        Files.createDirectories(dead.resolve("blockmgr-1/0c"));
        Files.writeString(dead.resolve("blockmgr-1/0c/shuffle_0_1_0.data"), "left by a killed run");
        // The same process id as this JVM's, another start time: an earlier process whose id was reused.
        Path reused = root.resolve(ScratchSpace.name(ProcessHandle.current().pid(), 12345L));
        Files.createDirectories(reused);
        Path other = Files.createDirectories(root.resolve("not-ours"));

        Path mine = ScratchSpace.forThisJvm(root);

        assertFalse(Files.exists(dead), "a dead process's folder is removed");
        assertFalse(Files.exists(reused), "a folder of an earlier process with this JVM's id is removed");
        assertTrue(Files.isDirectory(other), "a folder not named pid-start is kept");
        assertTrue(Files.isDirectory(mine));
        assertEquals(List.of(), ScratchSpace.removeDead(root), "this JVM's own folder is alive");
        assertTrue(Files.isDirectory(mine));
    }
}
