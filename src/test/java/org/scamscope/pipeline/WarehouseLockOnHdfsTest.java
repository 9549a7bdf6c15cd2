package org.scamscope.pipeline;

import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scamscope.ScamscopeException;
import org.scamscope.TestHdfs;
import org.scamscope.spark.HadoopConf;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warehouse lock on HDFS (a NameNode and a DataNode on 127.0.0.1): the NameNode decides who creates the lock file. */
class WarehouseLockOnHdfsTest {
    static FileSystem hdfs;

    @BeforeAll
    static void startHdfs() throws Exception {
        hdfs = FileSystem.get(TestHdfs.root(), HadoopConf.create());
    }

    static URI warehouse(String name) {
        return TestHdfs.root().resolve("/locks/" + name);
    }

    static org.apache.hadoop.fs.Path lockFile(URI warehouse) {
        return new org.apache.hadoop.fs.Path(warehouse.toString() + "/" + WarehouseLock.FILE);
    }

    static String text(URI warehouse) throws Exception {
        try (var in = hdfs.open(lockFile(warehouse))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRunInAnotherJvmHoldsTheLockUntilItsProcessIsGone() throws Exception {
        URI wh = warehouse("two-jvms");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), wh.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("locked")) {
                // the child's log lines come first
            }
            assertEquals("locked", line, "the holder did not take the lock");
            ScamscopeException e = assertThrows(ScamscopeException.class, () -> WarehouseLock.acquire(wh, "second-run", Duration.ofSeconds(30)));
            assertEquals(4, e.exitCode());
            assertTrue(e.getMessage().startsWith("another run holds the lock on " + wh + ": run holder-run, pid " + holder.pid()), e.getMessage());
            holder.destroyForcibly();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
            assertTrue(hdfs.exists(lockFile(wh)), "a killed holder leaves its lock file");
            try (WarehouseLock lock = WarehouseLock.acquire(wh, "third-run", Duration.ofSeconds(30))) {
                assertTrue(text(wh).contains("run_id=third-run"), text(wh));
            }
            assertFalse(hdfs.exists(lockFile(wh)), "released on close");
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aLockFromAnotherHostIsTakenOverOnlyOnceItsLeaseRanOut() throws Exception {
        URI wh = warehouse("other-host");
        try (var out = hdfs.create(lockFile(wh), true)) {
            out.write(("run_id=elsewhere\npid=1\nhost=some-other-host\nstarted=2026-01-01T00:00:00Z\nlease_until="
                    + Instant.now().plusSeconds(600) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        ScamscopeException e = assertThrows(ScamscopeException.class, () -> WarehouseLock.acquire(wh, "mine", Duration.ofSeconds(30)));
        assertEquals(4, e.exitCode());
        assertTrue(e.getMessage().contains("run elsewhere, pid 1 on some-other-host"), e.getMessage());
        try (var out = hdfs.create(lockFile(wh), true)) {
            out.write(("run_id=elsewhere\npid=1\nhost=some-other-host\nstarted=2026-01-01T00:00:00Z\nlease_until="
                    + Instant.now().minusSeconds(1) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        try (WarehouseLock lock = WarehouseLock.acquire(wh, "mine", Duration.ofSeconds(30))) {
            assertTrue(text(wh).contains("run_id=mine"), text(wh));
        }
    }

    @Test
    void ofEightRunsAskingAtOnceExactlyOneGetsTheLock() throws Exception {
        URI wh = warehouse("race");
        int runs = 8;
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(runs);
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        List<Future<Integer>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < runs; i++) {
                String run = "run-" + i;
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try (WarehouseLock lock = WarehouseLock.acquire(wh, run, Duration.ofSeconds(30))) {
                        done.countDown();
                        done.await(60, TimeUnit.SECONDS);  // held until every other run has had its answer
                        return 0;
                    } catch (ScamscopeException refused) {
                        done.countDown();
                        return refused.exitCode();
                    }
                }));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : outcomes) codes.add(f.get(2, TimeUnit.MINUTES));
            assertEquals(1, codes.stream().filter(c -> c == 0).count(), "runs that got the lock: " + codes);
            assertEquals(runs - 1, codes.stream().filter(c -> c == 4).count(), "runs refused with 4: " + codes);
        } finally {
            pool.shutdownNow();
        }
        assertFalse(hdfs.exists(lockFile(wh)), "released on close");
    }
}
