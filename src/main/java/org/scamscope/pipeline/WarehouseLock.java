package org.scamscope.pipeline;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.scamscope.ExitCodes;
import org.scamscope.ScamscopeException;
import org.scamscope.storage.LockFile;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One writer per warehouse: a lock file created atomically, holding the owner's host, pid and a
 * lease the owner renews while it runs. A lock is taken over only when its owner is known to be
 * gone: on this host, its process no longer exists; on another host, its lease has run out. The
 * warehouse is a local folder or a URL of a file system that creates and renames atomically
 * ({@link LockFile}): on HDFS, runs on different machines exclude each other through the NameNode.
 */
public final class WarehouseLock implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(WarehouseLock.class);
    public static final String FILE = "_scamscope.lock";

    private final LockFile file;
    private final Duration lease;
    private final ScheduledExecutorService renewer;
    private final String owner;

    private WarehouseLock(LockFile file, Duration lease, String owner) {
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
        return acquire(warehouse.toAbsolutePath().toUri(), warehouse.toString(), runId, lease);
    }

    public static WarehouseLock acquire(org.scamscope.storage.Location warehouse, String runId, Duration lease) {
        return acquire(warehouse.uri(), warehouse.toString(), runId, lease);
    }

    /** The lock on a warehouse given as a URL (file:, hdfs:, ...); named as given in messages. */
    public static WarehouseLock acquire(URI warehouse, String runId, Duration lease) {
        return acquire(warehouse, warehouse.toString(), runId, lease);
    }

    private static WarehouseLock acquire(URI warehouse, String named, String runId, Duration lease) {
        LockFile file = LockFile.at(warehouse, FILE);
        try {
            file.createFolder();
        } catch (IOException e) {
            throw ExitCodes.usage("cannot create the warehouse folder " + named + ": " + e.getMessage());
        }
        String mine = content(runId, lease);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                if (file.createNew(mine)) return new WarehouseLock(file, lease, runId);
            } catch (IOException e) {
                throw ExitCodes.usage("cannot write the lock file " + file.where() + " (is the warehouse writable?): " + e.getMessage());
            }
            Optional<String> text = readText(file);
            if (text.isEmpty()) continue;  // released meanwhile
            Properties p = parse(text.get());
            String gone = whyGone(p, file, lease);
            if (gone == null) {
                throw new ScamscopeException(ExitCodes.LOCKED, "another run holds the lock on " + named + ": "
                        + who(p) + " (lock file " + file.where() + ")");
            }
            // Of two runs taking over the same stale lock, one wins; the other reads the winner's lock next.
            try {
                if (file.takeOver(text.get(), mine)) {
                    LOG.warn("took over a stale lock of run {} ({})", p.getProperty("run_id"), gone);
                    return new WarehouseLock(file, lease, runId);
                }
            } catch (IOException e) {
                throw ExitCodes.usage("cannot take over the stale lock " + file.where() + ": " + e.getMessage());
            }
        }
        throw new ScamscopeException(ExitCodes.LOCKED, "could not take the lock on " + named + " after three attempts");
    }

    /**
     * Who holds the lock on warehouse, as "run R, pid P on H, since T", with why it counts as stale
     * when it does; empty when no lock file is there. A file still being written counts as held for
     * one lease, as it does for a run that asks for the lock.
     */
    public static Optional<String> holder(org.scamscope.storage.Location warehouse, Duration lease) {
        LockFile file = LockFile.at(warehouse.uri(), FILE);
        return read(file).map(p -> {
            String gone = whyGone(p, file, lease);
            return gone == null ? who(p) : who(p) + " (stale: " + gone + "; the next run takes it over)";
        });
    }

    /** The holder a lock file names: "run R, pid P on H, since T". */
    private static String who(Properties p) {
        if (!p.containsKey("run_id")) return "a run that is writing the lock file now";
        return "run " + p.getProperty("run_id") + ", pid " + p.getProperty("pid") + " on " + p.getProperty("host")
                + ", since " + p.getProperty("started");
    }

    /**
     * Why the holder counts as gone, or null while it holds. A file without a run is one being written
     * (on HDFS its text shows only once the writer closes it): held while younger than a lease.
     */
    private static String whyGone(Properties p, LockFile file, Duration lease) {
        if (!p.containsKey("run_id")) {
            Instant written = modified(file);
            return written.plus(lease).isBefore(Instant.now()) ? "an empty lock file, written at " + written : null;
        }
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

    private static Optional<Properties> read(LockFile file) {
        return readText(file).map(WarehouseLock::parse);
    }

    private static Optional<String> readText(LockFile file) {
        try {
            return file.read();
        } catch (IOException e) {
            throw ExitCodes.usage("cannot read the lock file " + file.where() + ": " + e.getMessage());
        }
    }

    private static Properties parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // a StringReader does not fail
        }
        return p;
    }

    private static Instant modified(LockFile file) {
        try {
            return file.modified().orElse(Instant.now());
        } catch (IOException e) {
            throw ExitCodes.usage("cannot read the lock file " + file.where() + ": " + e.getMessage());
        }
    }

    private void renew() {
        try {
            Optional<String> text = file.read();
            if (text.isEmpty() || !owner.equals(parse(text.get()).getProperty("run_id"))) return;
            if (!file.renew(text.get(), text.get().replaceAll("lease_until=.*", "lease_until=" + Instant.now().plus(lease)))) {
                LOG.warn("could not renew the warehouse lock {}: another process changed it", file.where());
            }
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
            Optional<Properties> p = read(file);
            if (p.isPresent() && owner.equals(p.get().getProperty("run_id"))) file.delete();
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not remove the lock file {}: {}", file.where(), e.getMessage());
        }
    }
}
