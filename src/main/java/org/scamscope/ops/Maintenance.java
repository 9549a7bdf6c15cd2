package org.scamscope.ops;

import io.delta.tables.DeltaTable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;
import org.scamscope.ExitCodes;
import org.scamscope.config.JobConfig;
import org.scamscope.pipeline.WarehouseLock;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.scamscope.storage.Location;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * OPTIMIZE (compaction) and VACUUM on every Delta table of a warehouse, under the warehouse lock so
 * it never runs beside a job. Delta does the work; nothing is written or deleted here by hand.
 */
public final class Maintenance {
    private static final Logger LOG = LogManager.getLogger(Maintenance.class);
    public static final String RETENTION_SETTING = "maintain.vacuum_retention_hours";
    /** Delta's own default for delta.deletedFileRetentionDuration, below which VACUUM refuses to run. */
    public static final long SAFE_RETENTION_HOURS = 168;
    static final String RETENTION_CHECK = "spark.databricks.delta.retentionDurationCheck.enabled";
    static final String LISTING_PARALLELISM = "spark.sql.sources.parallelPartitionDiscovery.parallelism";
    static final String RETENTION_WINDOW_IGNORE = "spark.databricks.delta.vacuum.retentionWindowIgnore.enabled";

    /**
     * One table's files: data files of its current version (DESCRIBE DETAIL numFiles) before and
     * after OPTIMIZE, and files in its folder (outside _delta_log and other _ or . entries) before and
     * after VACUUM.
     */
    public record Result(String table, long filesBefore, long filesAfter, long onDiskBefore, long onDiskAfter) {}

    private final Supplier<SparkSession> sessions;
    private SparkSession spark;
    private final Location root;
    private final long retentionHours;
    private final boolean force;
    private final List<Result> results = new ArrayList<>();

    /** @param spark started once the lock is held, so a locked warehouse is refused without starting Spark */
    public Maintenance(Supplier<SparkSession> spark, Location root, long retentionHours, boolean force) {
        this.sessions = spark;
        this.root = root;
        this.retentionHours = retentionHours;
        this.force = force;
    }

    /**
     * The retention of the configuration in whole hours (Delta rounds to whole hours), default 168;
     * below 168 hours a usage error unless forced.
     */
    public static long retentionHours(JobConfig config, boolean force) {
        String v = config.get(RETENTION_SETTING, String.valueOf(SAFE_RETENTION_HOURS));
        long hours;
        try {
            hours = Long.parseLong(v);
        } catch (NumberFormatException e) {
            hours = -1;
        }
        if (hours < 0) {
            throw ExitCodes.usage("setting '" + RETENTION_SETTING + "' must be a whole number of hours, 0 or more, got '" + v + "'");
        }
        if (hours < SAFE_RETENTION_HOURS && !force) {
            throw ExitCodes.usage("a VACUUM retention of " + hours + " hours is below Delta's safety default of "
                    + SAFE_RETENTION_HOURS + " hours: readers and time travel to older versions may still need the files it "
                    + "would delete; pass --force-retention to do it anyway");
        }
        return hours;
    }

    /** Takes the lock, then each table in turn; results() holds the tables done, also when one fails. */
    public void run(Duration lease) {
        org.scamscope.pipeline.Warehouse.existing(root);
        String id = "maintain-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (WarehouseLock lock = WarehouseLock.acquire(root, id, lease)) {
            List<String> tables = WarehouseTables.list(root);
            if (!tables.isEmpty()) spark = sessions.get();
            for (String table : tables) {
                Result r = maintain(table);
                LOG.info("{}: {} -> {} files, {} -> {} on disk", table, r.filesBefore(), r.filesAfter(), r.onDiskBefore(), r.onDiskAfter());
                results.add(r);
            }
        }
    }

    public List<Result> results() {
        return List.copyOf(results);
    }

    public long retentionHours() {
        return retentionHours;
    }

    private Result maintain(String table) {
        Location dir = root.resolve(table);
        DeltaTable delta = DeltaTable.forPath(spark, dir.toString());
        long before = numFiles(delta);
        delta.optimize().executeCompaction();
        long after = numFiles(delta);
        long diskBefore = filesOnDisk(dir);
        vacuum(delta);
        return new Result(table, before, after, diskBefore, filesOnDisk(dir));
    }

    private void vacuum(DeltaTable delta) {
        Map<String, String> settings = new LinkedHashMap<>();
        // Delta 4 ignores a retention other than 0 and takes the table's delta.deletedFileRetentionDuration
        // (default 168 hours) unless told otherwise: the configured retention is meant.
        settings.put(RETENTION_WINDOW_IGNORE, "false");
        if (force) settings.put(RETENTION_CHECK, "false");
        // VACUUM lists the table's folders with one Spark job of this many tasks, by default Spark's 10,000
        // (sized for partition discovery over huge tables); for the job's tables, whose folders are few,
        // nearly all of them list nothing. Unless configured: one task per core.
        if (!spark.conf().contains(LISTING_PARALLELISM)) {
            settings.put(LISTING_PARALLELISM, String.valueOf(spark.sparkContext().defaultParallelism()));
        }
        // Delta prints "Deleted N files and directories ..." with Scala's println: sent to standard error with
        // the logs, so standard output holds only the report.
        try (org.scamscope.spark.SessionSettings forVacuum = org.scamscope.spark.SessionSettings.set(spark, settings)) {
            scala.Console$.MODULE$.withOut(System.err, (scala.Function0<Object>) () -> delta.vacuum(retentionHours));
        }
    }

    static long numFiles(DeltaTable delta) {
        return delta.detail().select("numFiles").first().getLong(0);
    }

    /** Files in the table's folder, leaving out _delta_log, _change_data and hidden files (checksums). */
    static long filesOnDisk(Location dir) {
        try {
            return dir.files().stream().filter(f -> java.util.Arrays.stream(f.split("/")).noneMatch(n -> n.startsWith("_") || n.startsWith("."))).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
