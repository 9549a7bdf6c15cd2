package org.scamscope.pipeline;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.scamscope.ExitCodes;
import org.scamscope.ScamscopeException;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One writer per warehouse: a lock file created atomically, holding the owner's host, pid and a
 * lease the owner renews while it runs. A lock is taken over only when its owner is known to be
 * gone: on this host, its process no longer exists; on another host, its lease has run out.
 * Meant for a warehouse on a local or shared POSIX file system.
 */
public final class WarehouseLock implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(WarehouseLock.class);
    public static final String FILE = "_scamscope.lock";

    private final Path file;
    private final Duration lease;
    private final ScheduledExecutorService renewer;
    private final String owner;

    private WarehouseLock(Path file, Duration lease, String owner) {
        this.file = file;
        this.lease = lease;
        this.owner = owner;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scamscope-lock-lease");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, lease.toSeconds() / 3);
        renewer.scheduleAtFixedRate(this::renew, every, every, TimeUnit.SECONDS);
    }

    public static WarehouseLock acquire(Path warehouse, String runId, Duration lease) {
        Path file = warehouse.resolve(FILE);
        try {
            Files.createDirectories(warehouse);
        } catch (IOException e) {
            throw ExitCodes.usage("cannot create the warehouse folder " + warehouse + ": " + e.getMessage());
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.writeString(file, content(runId, lease), StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                return new WarehouseLock(file, lease, runId);
            } catch (FileAlreadyExistsException held) {
                Properties p = read(file);
                if (p == null) continue;  // released meanwhile
                String gone = whyGone(p);
                if (gone == null) {
                    throw new ScamscopeException(ExitCodes.LOCKED, "another run holds the lock on " + warehouse + ": "
                            + who(p) + " (lock file " + file + ")");
                }
                // Moved aside atomically: of two runs taking over the same stale lock, one wins.
                try {
                    Files.move(file, file.resolveSibling(FILE + ".stale-" + runId), StandardCopyOption.ATOMIC_MOVE);
                    LOG.warn("released a stale lock of run {} ({})", p.getProperty("run_id"), gone);
                    Files.deleteIfExists(file.resolveSibling(FILE + ".stale-" + runId));
                } catch (NoSuchFileException other) {
                    // another run moved it first; try again
                } catch (IOException e) {
                    throw ExitCodes.usage("cannot release the stale lock " + file + ": " + e.getMessage());
                }
            } catch (IOException e) {
                throw ExitCodes.usage("cannot write the lock file " + file + " (is the warehouse writable?): " + e.getMessage());
            }
        }
        throw new ScamscopeException(ExitCodes.LOCKED, "could not take the lock on " + warehouse + " after three attempts");
    }

    /**
     * Who holds the lock on warehouse, as "run R, pid P on H, since T", with why it counts as stale
     * when it does; empty when no lock file is there.
     */
    public static java.util.Optional<String> holder(Path warehouse) {
        Properties p = read(warehouse.resolve(FILE));
        if (p == null) return java.util.Optional.empty();
        String gone = whyGone(p);
        return java.util.Optional.of(gone == null ? who(p) : who(p) + " (stale: " + gone + "; the next run takes it over)");
    }

    /** The holder a lock file names: "run R, pid P on H, since T". */
    private static String who(Properties p) {
        return "run " + p.getProperty("run_id") + ", pid " + p.getProperty("pid") + " on " + p.getProperty("host")
                + ", since " + p.getProperty("started");
    }

    private static String whyGone(Properties p) {
        String host = p.getProperty("host", "");
        long pid = Long.parseLong(p.getProperty("pid", "-1"));
        if (host.equals(hostName())) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? null : "its process " + pid + " is gone";
        }
        Instant expires = Instant.parse(p.getProperty("lease_until", Instant.EPOCH.toString()));
        return Instant.now().isAfter(expires) ? "its lease ran out at " + expires : null;
    }

    private static String content(String runId, Duration lease) {
        return "run_id=" + runId + "\npid=" + ProcessHandle.current().pid() + "\nhost=" + hostName()
                + "\nstarted=" + Instant.now() + "\nlease_until=" + Instant.now().plus(lease) + "\n";
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return p;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw ExitCodes.usage("cannot read the lock file " + file + ": " + e.getMessage());
        }
    }

    private void renew() {
        try {
            Properties p = read(file);
            if (p == null || !owner.equals(p.getProperty("run_id"))) return;
            String text = Files.readString(file, StandardCharsets.UTF_8)
                    .replaceAll("lease_until=.*", "lease_until=" + Instant.now().plus(lease));
            Path tmp = file.resolveSibling(FILE + ".renew-" + owner);
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not renew the warehouse lock: {}", e.getMessage());
        }
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            Properties p = read(file);
            if (p != null && owner.equals(p.getProperty("run_id"))) Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not remove the lock file {}: {}", file, e.getMessage());
        }
    }
}
