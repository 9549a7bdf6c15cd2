package org.scamscope.pipeline;

import org.scamscope.Messages;
import org.scamscope.delta.KernelTable;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.scamscope.config.Json;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import org.scamscope.delta.KernelAppend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What schedulers and operators see of a run: one row per run in &lt;warehouse&gt;/ops/runs, and
 * the same as JSON for --json-summary. The row holds the run's whole summary as JSON, so the table
 * keeps one schema as the summary grows.
 */
public final class RunLog {
    private RunLog() {}

    public static Map<String, Object> asMap(RunSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", s.runId);
        m.put("started", s.started == null ? null : s.started.toString());
        m.put("ended", s.ended == null ? null : s.ended.toString());
        m.put("arguments", s.arguments);
        m.put("outcome", s.outcome);
        m.put("exit_code", s.exitCode);
        m.put("error", s.error);
        List<Map<String, Object>> datasets = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (DatasetResult d : s.datasets) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("dataset", d.table().name());
            x.put("files", d.files().size());
            x.put("rows_read", d.read());
            x.put("rows_accepted", d.accepted());
            x.put("rows_quarantined", d.quarantined());
            x.put("quarantined_by_rule", d.quarantinedByRule());
            x.put("warnings_by_rule", d.warnings());
            datasets.add(x);
            d.files().forEach(f -> files.add(f.path()));
        }
        m.put("input_files", files);
        m.put("datasets", datasets);
        Map<String, Object> tables = new LinkedHashMap<>();
        s.written.forEach((name, c) -> tables.put(name, Map.of("version", c.version(), "rows", c.rows())));
        m.put("tables", tables);
        m.put("table_versions", s.left);
        m.put("timings_ms", s.timings);
        m.put("notes", s.notes);
        return m;
    }

    /** The latest version of every table of the warehouse but ops/runs (which this run's row is about to change). */
    public static Map<String, Long> versionsLeft(Warehouse warehouse) {
        // Each is a listing of a log and a read of its last commits: side by side, they wait on the disk together.
        List<String> tables = org.scamscope.ops.WarehouseTables.list(warehouse.root()).stream().filter(t -> !t.equals("ops/runs")).toList();
        List<java.util.OptionalLong> versions = tables.parallelStream()
                .map(t -> KernelTable.latestVersion(warehouse.root().resolve(t).toString())).toList();
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < tables.size(); i++) if (versions.get(i).isPresent()) out.put(tables.get(i), versions.get(i).getAsLong());
        return out;
    }

    /**
     * The versions the last successful run left (the one whose id, its start time, is latest), from
     * ops/runs; empty when no such run recorded them. Read with Kernel, for commands that start no Spark.
     */
    public static Map<String, Long> lastSuccessfulRun(Warehouse warehouse) {
        String[] best = {null, null};
        KernelTable.openIfPresent("ops/runs", warehouse.ops("runs")).ifPresent(t -> t.scan(
                KernelTable.textColumns("run_id", "outcome", "summary_json"), null, r -> {
                    if (r.isNullAt(0) || r.isNullAt(2) || r.isNullAt(1) || !r.getString(1).equals("ok")) return;
                    if (best[0] == null || r.getString(0).compareTo(best[0]) > 0) {
                        best[0] = r.getString(0);
                        best[1] = r.getString(2);
                    }
                }));
        Map<String, Long> out = new LinkedHashMap<>();
        if (best[1] == null) return out;
        try {
            Json.mapper().readTree(best[1]).path("table_versions").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
        } catch (IOException e) {
            return out;  // an unreadable summary pins nothing: the latest versions are read
        }
        return out;
    }

    public static String json(RunSummary s) {
        try {
            return Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(asMap(s));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void writeJson(RunSummary s, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, json(s) + "\n");
    }

    /** The columns of ops/runs; the first runs' tables were written by Spark, which made every column nullable. */
    private static final StructType SCHEMA = new StructType()
            .add("run_id", StringType.STRING, true)
            .add("started", TimestampType.TIMESTAMP, true)
            .add("ended", TimestampType.TIMESTAMP, true)
            .add("outcome", StringType.STRING, true)
            .add("exit_code", IntegerType.INTEGER, true)
            .add("error", StringType.STRING, true)
            .add("summary_json", StringType.STRING, true);

    /**
     * Appends the run to ops/runs with Delta Kernel, so that a run that never started Spark is
     * recorded as every other; blind appends of concurrent runs do not conflict in Delta.
     */
    public static long append(Warehouse warehouse, RunSummary s) {
        Object[] row = {s.runId, micros(s.started), micros(s.ended), s.outcome, s.exitCode, s.error, json(s)};
        // Runs whose own row could not be written (a full disk) come first, in the order they ran.
        List<Path> pending = PendingRuns.files(warehouse);
        List<Object[]> rows = new ArrayList<>();
        for (Path p : pending) rows.add(PendingRuns.read(p));
        rows.add(row);
        try {
            long version = KernelAppend.append(warehouse.ops("runs"), SCHEMA, rows);
            PendingRuns.remove(pending);
            return version;
        } catch (RuntimeException e) {
            Path kept = PendingRuns.write(warehouse, row);
            throw new IllegalStateException(Messages.firstLine(e.getMessage())
                    + (kept == null ? "; nor could it be kept for the next run" : "; kept in " + kept + " for the next run to append"), e);
        }
    }

    private static Long micros(java.time.Instant t) {
        return t == null ? null : java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, t);
    }
}
