package org.scamscope.delta;

import io.delta.kernel.CommitActions;
import io.delta.kernel.CommitRangeBuilder.CommitBoundary;
import io.delta.kernel.Scan;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.exceptions.KernelException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.expressions.PredicateEvaluator;
import io.delta.kernel.internal.DeltaLogActionUtils.DeltaAction;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.actions.CommitInfo;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import org.scamscope.ExitCodes;
import org.scamscope.Messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One version of a warehouse table read with Delta Kernel, the Delta project's reader without Spark:
 * what the read-only commands use, so that they answer without starting Spark.
 */
public final class KernelTable {
    /** One engine for the JVM: it holds a Hadoop configuration and the Parquet and JSON readers. */
    private static final Engine ENGINE = DefaultEngine.create(org.scamscope.spark.HadoopConf.shared());

    static Engine engine() {
        return ENGINE;
    }

    /** True when path holds a Delta table (a log with a commit or a checkpoint). */
    public static boolean exists(String path) {
        return latestVersion(path).isPresent();
    }

    /** The latest version of the table at path; empty when there is no table. */
    public static java.util.OptionalLong latestVersion(String path) {
        try {
            return java.util.OptionalLong.of(TableManager.loadSnapshot(path).build(ENGINE).getVersion());
        } catch (TableNotFoundException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /** One commit of the table's history. */
    public record Commit(long version, long timestamp, String operation, Map<String, String> parameters,
                         Map<String, String> metrics) {
        /** The commit time in UTC, to the second, as the commands print it. */
        public String when() {
            return java.time.Instant.ofEpochMilli(timestamp).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        }
    }

    private final String name;
    private final Snapshot snapshot;

    private KernelTable(String name, Snapshot snapshot) {
        this.name = name;
        this.snapshot = snapshot;
    }

    /** The latest version of the table at path, or empty when there is none: one snapshot load, not two. */
    public static java.util.Optional<KernelTable> openIfPresent(String name, String path) {
        try {
            return java.util.Optional.of(new KernelTable(name, TableManager.loadSnapshot(path).build(ENGINE)));
        } catch (TableNotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    /** A read schema of text columns, by name: what the job's own Kernel scans count and compare. */
    public static StructType textColumns(String... names) {
        StructType t = new StructType();
        for (String n : names) t = t.add(n, io.delta.kernel.types.StringType.STRING);
        return t;
    }

    /** The table at path as of version, or its latest version when version is null; name is for messages. */
    public static KernelTable open(String name, String path, Long version) {
        try {
            var b = TableManager.loadSnapshot(path);
            if (version != null) b = b.atVersion(version);
            return new KernelTable(name, b.build(ENGINE));
        } catch (TableNotFoundException e) {
            throw ExitCodes.usage(name + ": no Delta table at " + path);
        } catch (KernelException e) {
            // e.g. a version that does not exist: Kernel's message names the versions there are
            throw ExitCodes.usage(name + ": " + Messages.firstLine(e.getMessage()));
        }
    }

    public long version() {
        return snapshot.getVersion();
    }

    public StructType schema() {
        return snapshot.getSchema();
    }

    /** When this version was committed, in milliseconds since the epoch. */
    public long timestamp() {
        return snapshot.getTimestamp(ENGINE);
    }

    /**
     * Every row of this version, as the columns of readSchema, that filter keeps (null: every row).
     * Kernel skips the files whose statistics rule the filter out; the rest is evaluated on each batch.
     */
    public void scan(StructType readSchema, Predicate filter, Consumer<Row> sink) {
        ScanBuilder sb = snapshot.getScanBuilder().withReadSchema(readSchema);
        if (filter != null) sb = sb.withFilter(filter);
        Scan scan = sb.build();
        Row state = scan.getScanState(ENGINE);
        StructType physical = ScanStateRow.getPhysicalDataReadSchema(state);
        Optional<PredicateEvaluator> remaining = scan.getRemainingFilter()
                .map(p -> ENGINE.getExpressionHandler().getPredicateEvaluator(readSchema, p));
        try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(ENGINE)) {
            while (files.hasNext()) {
                try (CloseableIterator<Row> fileRows = files.next().getRows()) {
                    while (fileRows.hasNext()) read(state, physical, fileRows.next(), remaining, sink);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }

    private static void read(Row state, StructType physical, Row scanFile, Optional<PredicateEvaluator> remaining,
                             Consumer<Row> sink) throws IOException {
        CloseableIterator<ColumnarBatch> data = ENGINE.getParquetHandler()
                .readParquetFiles(Utils.singletonCloseableIterator(InternalScanFileUtils.getAddFileStatus(scanFile)),
                        physical, Optional.empty())
                .map(FileReadResult::getData);
        try (CloseableIterator<FilteredColumnarBatch> logical = Scan.transformPhysicalData(ENGINE, state, scanFile, data)) {
            while (logical.hasNext()) {
                FilteredColumnarBatch batch = logical.next();
                FilteredColumnarBatch kept = remaining.isEmpty() ? batch : new FilteredColumnarBatch(batch.getData(),
                        Optional.of(remaining.get().eval(batch.getData(), batch.getSelectionVector())));
                // getRows() leaves out the rows the selection vector drops.
                try (CloseableIterator<Row> rows = kept.getRows()) {
                    while (rows.hasNext()) sink.accept(rows.next());
                }
            }
        }
    }

    private static final java.util.regex.Pattern NUM_RECORDS = java.util.regex.Pattern.compile("\"numRecords\"\\s*:\\s*(\\d+)");

    /**
     * The rows of this version, from the row counts Delta keeps with each data file; a file
     * without them is counted by reading it.
     */
    public long rows() {
        Scan scan = snapshot.getScanBuilder().build();
        long n = 0;
        boolean unknown = false;
        try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(ENGINE, true)) {
            while (files.hasNext()) {
                try (CloseableIterator<Row> fileRows = files.next().getRows()) {
                    while (fileRows.hasNext()) {
                        Row add = fileRows.next().getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL);
                        int statsAt = add.getSchema().indexOf("stats");
                        String stats = statsAt < 0 || add.isNullAt(statsAt) ? null : add.getString(statsAt);
                        java.util.regex.Matcher m = stats == null ? null : NUM_RECORDS.matcher(stats);
                        if (m != null && m.find()) n += Long.parseLong(m.group(1));
                        else unknown = true;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
        if (!unknown) return n;
        long[] counted = {0};
        scan(schema(), null, r -> counted[0]++);
        return counted[0];
    }

    /** The commits from version from (at least 0) to this version, oldest first, as the log still holds them. */
    public List<Commit> history(long from) {
        List<Commit> out = new ArrayList<>();
        long start = Math.max(from, earliestCommit());
        var range = TableManager.loadCommitRange(snapshot.getPath(), CommitBoundary.atVersion(start))
                .withEndBoundary(CommitBoundary.atVersion(version())).build(ENGINE);
        try (CloseableIterator<CommitActions> commits = range.getCommitActions(ENGINE, Set.of(DeltaAction.COMMITINFO))) {
            while (commits.hasNext()) {
                try (CommitActions c = commits.next()) {
                    CommitInfo info = commitInfo(c);
                    out.add(new Commit(c.getVersion(), c.getTimestamp(), info == null ? "" : info.getOperation().orElse(""),
                            info == null ? Map.of() : info.getOperationParameters(),
                            info == null ? Map.of() : info.getOperationMetrics()));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(name + ": cannot read its history: " + Messages.firstLine(e.getMessage()), e);
        }
        return out;
    }

    private static CommitInfo commitInfo(CommitActions c) throws IOException {
        try (CloseableIterator<ColumnarBatch> batches = c.getActions()) {
            while (batches.hasNext()) {
                ColumnarBatch b = batches.next();
                int col = b.getSchema().indexOf(DeltaAction.COMMITINFO.colName);
                ColumnVector v = b.getColumnVector(col);
                for (int i = 0; i < b.getSize(); i++) {
                    if (!v.isNullAt(i)) return CommitInfo.fromColumnVector(v, i);
                }
            }
        }
        return null;
    }

    /** The first version whose commit file the log still holds (older ones are cleaned up after a checkpoint). */
    private long earliestCommit() {
        String first = io.delta.kernel.internal.util.FileNames.deltaFile(snapshot.getLogPath(), 0);
        try (CloseableIterator<io.delta.kernel.utils.FileStatus> files = ENGINE.getFileSystemClient().listFrom(first)) {
            while (files.hasNext()) {
                String f = files.next().getPath();
                if (io.delta.kernel.internal.util.FileNames.isPublishedDeltaFile(f)) {
                    return io.delta.kernel.internal.util.FileNames.deltaVersion(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot list its log: " + e.getMessage(), e);
        }
        return version();
    }
}
