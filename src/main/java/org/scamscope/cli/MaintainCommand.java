package org.scamscope.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.spark.sql.SparkSession;
import org.scamscope.ExitCodes;
import org.scamscope.config.JobConfig;
import org.scamscope.ops.Maintenance;
import org.scamscope.ops.TextTable;
import org.scamscope.storage.Location;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** scamscope maintain: OPTIMIZE and VACUUM every table of the warehouse, and how many files each had before and after. */
final class MaintainCommand {
    static final String USAGE = Commands.usage("maintain");

    private MaintainCommand() {}

    static int run(List<String> words, CommandLine cl, JobConfig config, Supplier<SparkSession> spark, PrintStream out) {
        if (!words.isEmpty()) throw ExitCodes.usage("unexpected argument '" + words.get(0) + "'; usage: " + USAGE);
        boolean force = cl.hasOption("force-retention");
        // Every setting is checked before Spark starts or the lock is taken.
        long hours = Maintenance.retentionHours(config, force);
        Duration lease = Duration.ofSeconds(config.getInt("lock.lease_seconds", 300));
        Location root = org.scamscope.pipeline.Warehouse.existing(config.warehouse());
        Maintenance m = new Maintenance(spark, root, hours, force);
        boolean done = false;
        try {
            m.run(lease);
            done = true;
        } finally {
            // Also when a table failed: the tables done before it.
            if (done || !m.results().isEmpty()) print(root, hours, force, m.results(), out);
        }
        return ExitCodes.OK;
    }

    static void print(Location root, long hours, boolean force, List<Maintenance.Result> results, PrintStream out) {
        out.println("scamscope maintain " + root + ": OPTIMIZE, then VACUUM of files unused for over "
                + hours + " hours" + (force ? " (--force-retention)" : ""));
        if (results.isEmpty()) {
            out.println("no Delta tables in " + root);
            return;
        }
        TextTable t = new TextTable(List.of("table", "numFiles before", "numFiles after", "on disk before", "on disk after"),
                false, true, true, true, true);
        long[] total = new long[4];
        for (Maintenance.Result r : results) {
            t.add(List.of(r.table(), str(r.filesBefore()), str(r.filesAfter()), str(r.onDiskBefore()), str(r.onDiskAfter())));
            total[0] += r.filesBefore();
            total[1] += r.filesAfter();
            total[2] += r.onDiskBefore();
            total[3] += r.onDiskAfter();
        }
        t.add(List.of("total", str(total[0]), str(total[1]), str(total[2]), str(total[3])));
        out.print(t.aligned());
        out.println("numFiles: data files of the current version (DESCRIBE DETAIL) before and after OPTIMIZE; "
                + "on disk: files in the table's folder before and after VACUUM");
    }

    private static String str(long n) {
        return Long.toString(n);
    }
}
