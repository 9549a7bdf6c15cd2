package org.scamscope.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scamscope.ScamscopeException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarehouseLockTest {
    @TempDir
    Path warehouse;

    @Test
    void aSecondProcessIsRefusedWithExitCode4WhileTheFirstHoldsTheLock() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), warehouse.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            ScamscopeException e = assertThrows(ScamscopeException.class,
                    () -> WarehouseLock.acquire(warehouse, "second-run", Duration.ofSeconds(30)));
            assertEquals(4, e.exitCode());
            assertTrue(e.getMessage().startsWith("another run holds the lock on " + warehouse + ": run holder-run, pid " + holder.pid()),
                    e.getMessage());
            // Killed without a chance to clean up: its lock is left behind, and taken over since its process is gone.
            holder.destroyForcibly();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
            assertTrue(Files.exists(warehouse.resolve(WarehouseLock.FILE)));
            try (WarehouseLock lock = WarehouseLock.acquire(warehouse, "third-run", Duration.ofSeconds(30))) {
                assertTrue(Files.readString(warehouse.resolve(WarehouseLock.FILE)).contains("run_id=third-run"));
            }
            assertFalse(Files.exists(warehouse.resolve(WarehouseLock.FILE)), "released on close");
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aLockFromAnotherHostIsTakenOverOnlyOnceItsLeaseRanOut() throws IOException {
        Path file = warehouse.resolve(WarehouseLock.FILE);
        Files.writeString(file, "run_id=elsewhere\npid=1\nhost=some-other-host\nstarted=2026-01-01T00:00:00Z\nlease_until="
                + Instant.now().plusSeconds(600) + "\n");
        assertEquals(4, assertThrows(ScamscopeException.class,
                () -> WarehouseLock.acquire(warehouse, "mine", Duration.ofSeconds(30))).exitCode());
        Files.writeString(file, "run_id=elsewhere\npid=1\nhost=some-other-host\nstarted=2026-01-01T00:00:00Z\nlease_until="
                + Instant.now().minusSeconds(1) + "\n");
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse, "mine", Duration.ofSeconds(30))) {
            assertTrue(Files.readString(file).contains("run_id=mine"));
        }
    }

    /**
     * An object store whose writes Hadoop's API cannot make conditional (S3 can: RunOnS3Test) gives no
     * create-if-absent: a lock there is refused, not made unsafe.
     */
    @Test
    void aWarehouseOnAnObjectStoreWithoutConditionalWritesIsRefusedWithExitCode2() {
        ScamscopeException e = assertThrows(ScamscopeException.class,
                () -> WarehouseLock.acquire(java.net.URI.create("gs://bucket/warehouse"), "mine", Duration.ofSeconds(30)));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("gs:// gives no atomic create-if-absent"), e.getMessage());
    }
}
