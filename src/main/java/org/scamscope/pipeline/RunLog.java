package org.scamscope.pipeline;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.scamscope.config.Json;
import org.scamscope.delta.DeltaTables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
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
        m.put("timings_ms", s.timings);
        m.put("notes", s.notes);
        return m;
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

    /** Appends the run to ops/runs; blind appends of concurrent runs do not conflict in Delta. */
    public static DeltaTables.Commit append(SparkSession spark, Warehouse warehouse, RunSummary s) {
        StructType schema = new StructType()
                .add("run_id", DataTypes.StringType, false)
                .add("started", DataTypes.TimestampType)
                .add("ended", DataTypes.TimestampType)
                .add("outcome", DataTypes.StringType)
                .add("exit_code", DataTypes.IntegerType)
                .add("error", DataTypes.StringType)
                .add("summary_json", DataTypes.StringType);
        Dataset<Row> row = spark.createDataFrame(List.of(RowFactory.create(s.runId,
                s.started == null ? null : Timestamp.from(s.started), s.ended == null ? null : Timestamp.from(s.ended),
                s.outcome, s.exitCode, s.error, json(s))), schema);
        return DeltaTables.append(row, warehouse.ops("runs"));
    }
}
