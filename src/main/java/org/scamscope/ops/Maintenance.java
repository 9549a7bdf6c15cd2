package org.scamscope.ops;

import io.delta.tables.DeltaTable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.scamscope.ExitCodes;
import org.scamscope.config.JobConfig;
import org.scamscope.pipeline.WarehouseLock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * OPTIMIZE (compaction) and VACUUM on every Delta table of a warehouse, under the warehouse lock so
 * it never runs beside a job. Delta does the work; nothing is written or deleted here by hand.
 */
public final class Maintenance {
    private static final Logger LOG = LogManager.getLogger(Maintenance.class);
    public static final String RETENTION_SETTING = "maintain.vacuum_retention_hours";
    /** Delta's own default for delta.deletedFileRetentionDuration, below which VACUUM refuses to run. */
    public static final double SAFE_RETENTION_HOURS = 168;
    static final String RETENTION_CHECK = "spark.databricks.delta.retentionDurationCheck.enabled";

    /**
     * One table's files: data files of its current version (DESCRIBE DETAIL numFiles) before and
     * after OPTIMIZE, and files in its folder (outside _delta_log and other _ or . entries) before and
     * after VACUUM.
     */
    public record Result(String table, long filesBefore, long filesAfter, long onDiskBefore, long onDiskAfter) {}

    private final SparkSession spark;
    private final Path root;
    private final double retentionHours;
    private final boolean force;
    private final List<Result> results = new ArrayList<>();

    public Maintenance(SparkSession spark, Path root, double retentionHours, boolean force) {
        this.spark = spark;
        this.root = root;
        this.retentionHours = retentionHours;
        this.force = force;
    }

    /**
     * The retention of the configuration (default 168 hours); below 168 hours a usage error
     * unless forced.
     */
    public static double retentionHours(JobConfig config, boolean force) {
        String v = config.get(RETENTION_SETTING, String.valueOf((int) SAFE_RETENTION_HOURS));
        double hours;
        try {
            hours = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            hours = -1;
        }
        if (!(hours >= 0) || Double.isInfinite(hours)) {
            throw ExitCodes.usage("setting '" + RETENTION_SETTING + "' must be a number of hours, 0 or more, got '" + v + "'");
        }
        if (hours < SAFE_RETENTION_HOURS && !force) {
            throw ExitCodes.usage("a VACUUM retention of " + hours(hours) + " hours is below Delta's safety default of "
                    + hours(SAFE_RETENTION_HOURS) + " hours: readers and time travel to older versions may still need the files it "
                    + "would delete; pass --force-retention to do it anyway");
        }
        return hours;
    }

    /** For messages: "168" or "0.5". */
    public static String hours(double h) {
        return h == Math.rint(h) ? String.valueOf((long) h) : String.valueOf(h);
    }

    /** Takes the lock, then each table in turn; results() holds the tables done, also when one fails. */
    public void run(Duration lease) {
        if (!Files.isDirectory(root)) throw ExitCodes.usage("no warehouse at " + root + " (see --warehouse)");
        String id = "maintain-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (WarehouseLock lock = WarehouseLock.acquire(root, id, lease)) {
            for (String table : WarehouseTables.list(root)) {
                Result r = maintain(table);
                LOG.info("{}: {} -> {} files, {} -> {} on disk", table, r.filesBefore(), r.filesAfter(), r.onDiskBefore(), r.onDiskAfter());
                results.add(r);
            }
        }
    }

    public List<Result> results() {
        return List.copyOf(results);
    }

    public double retentionHours() {
        return retentionHours;
    }

    private Result maintain(String table) {
        Path dir = root.resolve(table);
        DeltaTable delta = DeltaTable.forPath(spark, dir.toString());
        long before = numFiles(delta);
        delta.optimize().executeCompaction();
        long after = numFiles(delta);
        long diskBefore = filesOnDisk(dir);
        vacuum(delta);
        return new Result(table, before, after, diskBefore, filesOnDisk(dir));
    }

    private void vacuum(DeltaTable delta) {
        if (!force) {
            delta.vacuum(retentionHours);
            return;
        }
        // Only for this call: later commands of the session keep Delta's safety check.
        RuntimeConfig conf = spark.conf();
        scala.Option<String> prior = conf.getOption(RETENTION_CHECK);
        conf.set(RETENTION_CHECK, "false");
        try {
            delta.vacuum(retentionHours);
        } finally {
            if (prior.isDefined()) conf.set(RETENTION_CHECK, prior.get());
            else conf.unset(RETENTION_CHECK);
        }
    }

    static long numFiles(DeltaTable delta) {
        return delta.detail().select("numFiles").first().getLong(0);
    }

    /** Files in the table's folder, leaving out _delta_log, _change_data and hidden files (checksums). */
    static long filesOnDisk(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                for (Path part : dir.relativize(p)) {
                    String n = part.toString();
                    if (n.startsWith("_") || n.startsWith(".")) return false;
                }
                return true;
            }).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
