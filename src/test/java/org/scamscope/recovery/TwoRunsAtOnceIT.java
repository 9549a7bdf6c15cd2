package org.scamscope.recovery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.JobRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two runs started at once on one warehouse: exactly one proceeds, the other exits with code 4 and
 * names the holder. The one that proceeds is held at its first silver write, so it holds the lock
 * however long the other takes to start.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TwoRunsAtOnceIT {
    @TempDir
    Path dir;

    @Test
    void exactlyOneRunProceedsAndTheOtherExitsWith4() throws Exception {
        Path config = JobRunner.lenientConfigFile(dir);
        Path warehouse = dir.resolve("warehouse");
        String[] args = {"run", "--config", config.toString(), "--input", JobRunner.FIXTURES.resolve("basic").toString(),
                "--warehouse", warehouse.toString(), "--master", "local[2]"};
        try (ChildRun a = ChildRun.start("/silver/victims/part-", dir.resolve("a.log"), args);
             ChildRun b = ChildRun.start("/silver/victims/part-", dir.resolve("b.log"), args)) {
            CompletableFuture<String> pa = CompletableFuture.supplyAsync(() -> pause(a));
            CompletableFuture<String> pb = CompletableFuture.supplyAsync(() -> pause(b));
            List<String> paused = List.of(String.valueOf(pa.get(4, TimeUnit.MINUTES)), String.valueOf(pb.get(4, TimeUnit.MINUTES)));
            assertEquals(1, paused.stream().filter(p -> !p.equals("null")).count(), "exactly one run reached silver: " + paused);
            ChildRun proceeded = paused.get(0).equals("null") ? b : a;
            ChildRun refused = proceeded == a ? b : a;
            assertEquals(4, refused.exitCode(), refused.stderrTail());
            String err = Files.readString(refused.log);
            String expected = "scamscope: another run holds the lock on " + warehouse + ": run ";
            assertTrue(err.contains(expected), err);
            assertTrue(err.contains(", pid " + proceeded.process.pid()), "names the holder's pid " + proceeded.process.pid() + ":\n" + err);
            assertTrue(proceeded.process.isAlive());
            assertFalse(refused.stdout().contains("table written"), "the refused run wrote no table:\n" + refused.stdout());
        }
    }

    private static String pause(ChildRun run) {
        try {
            return run.awaitPause();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
