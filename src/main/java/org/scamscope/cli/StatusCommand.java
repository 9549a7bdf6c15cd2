package org.scamscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.delta.kernel.data.Row;
import org.scamscope.ExitCodes;
import org.scamscope.storage.Location;
import org.scamscope.config.JobConfig;
import org.scamscope.delta.KernelTable;
import org.scamscope.delta.KernelValues;
import org.scamscope.ops.ServerFile;
import org.scamscope.ops.WarehouseTables;
import org.scamscope.pipeline.WarehouseLock;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * scamscope status: the last run's outcome, exit code and row counts (from ops/runs, read with Delta
 * Kernel), whether a run holds the warehouse's lock and who, and whether a server serves it; without Spark.
 */
final class StatusCommand {
    static final String USAGE = Commands.usage("status");

    private StatusCommand() {}

    static int run(List<String> words, JobConfig config, PrintStream out) {
        if (!words.isEmpty()) throw ExitCodes.usage("unexpected argument '" + words.get(0) + "'; usage: " + USAGE);
        Location wh = config.warehouse();
        java.time.Duration lease = java.time.Duration.ofSeconds(config.getInt("lock.lease_seconds", 300));
        out.println("warehouse " + wh);
        out.println("last run:  " + lastRun(wh));
        out.println("lock:      " + WarehouseLock.holder(wh, lease).map(h -> "held by " + h).orElse("free"));
        // serve runs beside a local warehouse only (ServeCommand)
        Optional<ServerFile> server = wh.local() == null ? Optional.empty() : ServerFile.read(wh.local());
        out.println("server:    " + server.map(s -> s.running() ? "serving on " + s.url() + " (pid " + s.pid() + " on " + s.host() + ")"
                : "none (a server file of pid " + s.pid() + ", which no longer runs, is left)").orElse("none"));
        return ExitCodes.OK;
    }

    /** The row of ops/runs that started last, in one line. */
    private static String lastRun(Location wh) {
        if (!WarehouseTables.list(wh).contains("ops/runs")) return "none recorded (no table ops/runs)";
        KernelTable runs = KernelTable.open("ops/runs", wh.resolve("ops/runs").toString(), null);
        int started = runs.schema().indexOf("started");
        int json = runs.schema().indexOf("summary_json");
        Object[] latest = new Object[2];
        runs.scan(runs.schema(), null, (Row r) -> {
            Object s = KernelValues.value(r, started);
            if (s != null && (latest[0] == null || ((java.time.Instant) s).isAfter((java.time.Instant) latest[0]))) {
                latest[0] = s;
                latest[1] = KernelValues.value(r, json);
            }
        });
        if (latest[1] == null) return "none recorded";
        try {
            JsonNode s = org.scamscope.config.Json.mapper().readTree((String) latest[1]);
            StringBuilder b = new StringBuilder(s.path("run_id").asText() + " " + s.path("outcome").asText()
                    + " (exit " + s.path("exit_code").asText() + "), " + s.path("started").asText() + " to " + s.path("ended").asText());
            long read = 0, accepted = 0, quarantined = 0;
            for (JsonNode d : s.path("datasets")) {
                read += d.path("rows_read").asLong();
                accepted += d.path("rows_accepted").asLong();
                quarantined += d.path("rows_quarantined").asLong();
            }
            b.append("; ").append(read).append(" rows read, ").append(accepted).append(" accepted, ")
                    .append(quarantined).append(" quarantined");
            if (!s.path("error").isNull() && !s.path("error").asText().isEmpty()) b.append("; error: ").append(s.path("error").asText());
            return b.toString();
        } catch (IOException e) {
            return "unreadable summary in ops/runs: " + e.getMessage();
        }
    }
}
