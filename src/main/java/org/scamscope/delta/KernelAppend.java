package org.scamscope.delta;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.ConcurrentWriteException;
import io.delta.kernel.exceptions.TableAlreadyExistsException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.hook.PostCommitHook;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A blind append of a few rows with Delta Kernel, creating the table when it is not there: how a run
 * that needs no Spark (nothing new in its input) still leaves its row in ops/runs. Kernel retries an
 * append that meets a concurrent commit, as Spark's Delta does for blind appends.
 */
public final class KernelAppend {
    private KernelAppend() {}

    /**
     * Appends rows (each one value per column of schema, in order: String, Integer, Long, Boolean,
     * and timestamps as microseconds since the epoch) and returns the version committed.
     * <p>
     * One append at a time in a JVM: on the local file system Kernel writes a commit through a new
     * LocalLogStore each time, whose lock guards that instance only, so two threads could both find a
     * version free and both rename onto it (one commit lost, or a commit whose checksum file is the
     * other's). Across processes the local file system has no atomic put-if-absent for Delta at all.
     */
    public static synchronized long append(String path, StructType schema, List<Object[]> rows) {
        Engine engine = KernelTable.engine();
        try {
            Transaction txn = transaction(engine, path, schema);
            Row state = txn.getTransactionState(engine);
            CloseableIterator<FilteredColumnarBatch> data = Utils.singletonCloseableIterator(
                    new FilteredColumnarBatch(new ValueBatch(schema, rows), Optional.empty()));
            CloseableIterator<FilteredColumnarBatch> physical = Transaction.transformLogicalData(engine, state, data, Map.of());
            DataWriteContext where = Transaction.getWriteContext(engine, state, Map.of());
            CloseableIterator<DataFileStatus> files = engine.getParquetHandler()
                    .writeParquetFiles(where.getTargetDirectory(), physical, where.getStatisticsColumns());
            CloseableIterator<Row> actions = Transaction.generateAppendActions(engine, state, files, where);
            TransactionCommitResult result;
            try {
                result = txn.commit(engine, CloseableIterable.inMemoryIterable(actions));
            } catch (TableAlreadyExistsException | ConcurrentWriteException e) {
                // another process created the table first: append to it as to any table
                return append(path, schema, rows);
            }
            // checkpoints and checksums, as Spark's Delta writes them
            for (PostCommitHook hook : result.getPostCommitHooks()) hook.threadSafeInvoke(engine);
            return result.getVersion();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + path, e);
        }
    }

    private static Transaction transaction(Engine engine, String path, StructType schema) {
        try {
            Snapshot snapshot = TableManager.loadSnapshot(path).build(engine);
            return snapshot.buildUpdateTableTransaction("scamscope", Operation.WRITE).build(engine);
        } catch (TableNotFoundException e) {
            return TableManager.buildCreateTableTransaction(path, schema, "scamscope").build(engine);
        }
    }

    private record ValueBatch(StructType schema, List<Object[]> rows) implements ColumnarBatch {
        @Override
        public StructType getSchema() {
            return schema;
        }

        @Override
        public ColumnVector getColumnVector(int ordinal) {
            List<Object> values = new ArrayList<>(rows.size());
            for (Object[] r : rows) values.add(r[ordinal]);
            return new ValueColumn(schema.at(ordinal).getDataType(), values);
        }

        @Override
        public int getSize() {
            return rows.size();
        }
    }

    private record ValueColumn(DataType type, List<Object> values) implements ColumnVector {
        @Override
        public DataType getDataType() {
            return type;
        }

        @Override
        public int getSize() {
            return values.size();
        }

        @Override
        public void close() {}

        @Override
        public boolean isNullAt(int row) {
            return values.get(row) == null;
        }

        @Override
        public boolean getBoolean(int row) {
            return (Boolean) values.get(row);
        }

        @Override
        public int getInt(int row) {
            return (Integer) values.get(row);
        }

        @Override
        public long getLong(int row) {
            return (Long) values.get(row);
        }

        @Override
        public String getString(int row) {
            return (String) values.get(row);
        }
    }
}
