package org.scamscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scamscope.source.SourceReader.InputFile;
import org.scamscope.table.SilverTable;

import java.util.List;
import java.util.Map;

/**
 * One dataset after validation: its evaluated rows (persisted, read once) and their counts.
 *
 * @param read rows read from the input files, from the row numbers the reader gave them (see SilverStage)
 * @param quarantinedByRule quarantined rows by the first rule they broke
 * @param warnings rows accepted with a warning, by rule
 * @param rivals the silver rows of earlier runs that share a natural key with a row read now (persisted; all
 *     their columns), which compete with them; null when the run rebuilds the table
 */
public record DatasetResult(SilverTable table, List<InputFile> files, Dataset<Row> rows, long read, long accepted,
                            Map<String, Long> quarantinedByRule, Map<String, Long> warnings, String fatal,
                            Dataset<Row> rivals, List<Dataset<Row>> cached) {
    /**
     * Frees what evaluating the dataset cached, the latest first: uncaching a table that a cached
     * one was built on makes Spark re-plan the dependent one from scratch, which on these wide
     * plans takes the optimizer minutes.
     */
    public void release() {
        for (int i = cached.size() - 1; i >= 0; i--) cached.get(i).unpersist(false);
    }

    public long quarantined() {
        return quarantinedByRule.values().stream().mapToLong(Long::longValue).sum();
    }

    public double quarantinedShare() {
        return read == 0 ? 0 : (double) quarantined() / read;
    }
}
