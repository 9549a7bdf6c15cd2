package org.scamscope.pipeline;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** A second process for the lock tests: takes the warehouse lock (a folder or a URL), says so, and holds it until killed. */
public final class LockHolder {
    public static void main(String[] args) throws InterruptedException {
        String where = args[0];
        try (WarehouseLock lock = where.contains("://")
                ? WarehouseLock.acquire(URI.create(where), "holder-run", Duration.ofSeconds(30))
                : WarehouseLock.acquire(Path.of(where), "holder-run", Duration.ofSeconds(30))) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
