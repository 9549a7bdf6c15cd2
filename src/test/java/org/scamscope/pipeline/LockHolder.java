package org.scamscope.pipeline;

import java.nio.file.Path;
import java.time.Duration;

/** A second process for the lock test: takes the warehouse lock, says so, and holds it until killed. */
public final class LockHolder {
    public static void main(String[] args) throws InterruptedException {
        try (WarehouseLock lock = WarehouseLock.acquire(Path.of(args[0]), "holder-run", Duration.ofSeconds(30))) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
