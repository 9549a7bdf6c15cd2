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
 * @param read rows read from the input files, counted on the raw read, apart from validation
 * @param quarantinedByRule quarantined rows by the first rule they broke
 * @param warnings rows accepted with a warning, by rule
 */
public record DatasetResult(SilverTable table, List<InputFile> files, Dataset<Row> rows, long read, long accepted,
                            Map<String, Long> quarantinedByRule, Map<String, Long> warnings, String fatal,
                            List<Dataset<Row>> cached) {
    /** Frees what evaluating the dataset cached. */
    public void release() {
        cached.forEach(Dataset::unpersist);
    }

    public long quarantined() {
        return quarantinedByRule.values().stream().mapToLong(Long::longValue).sum();
    }

    public double quarantinedShare() {
        return read == 0 ? 0 : (double) quarantined() / read;
    }
}
