package org.scamscope.source;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.scamscope.TestSpark;
import org.scamscope.config.JobConfig;
import org.scamscope.pipeline.Pipeline;
import org.scamscope.table.PersonKey;
import org.scamscope.table.SilverTable;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SourceReaderTest {
    /**
     * The corpus case many_small_files holds 50 files in four layouts: two CSV headers (43 files and 2)
     * and two Parquet schemas (6 files and 1). A reader per layout, not per file, keeps the plan and its
     * analysis the size of the layouts; its rows are the corpus case's (CorpusTest).
     */
    @Test
    void theFilesOfOneLayoutAreReadByOneScan() {
        Path root = Path.of("src", "test", "resources", "corpus", "many_small_files").toAbsolutePath();
        Pipeline pipeline = Pipeline.load(JobConfig.load(JobConfig.defaultFile(), Map.of()));
        SilverTable victims = pipeline.silverByName().get("victims");
        InputFolder input = new InputFolder(root);
        List<org.scamscope.storage.Location> files = input.files("victims");
        assertEquals(50, files.size());
        SourceReader.Heads heads = SourceReader.heads(input, pipeline.mappings(), victims, files);
        SourceReader reader = new SourceReader(TestSpark.session(), input, pipeline.mappings(), PersonKey.of("a-test-key-of-32-characters-long"),
                SourceReader.FIELD_MAX_CHARS);
        SourceReader.Batch batch = reader.read(heads);
        Dataset<Row> rows = batch.rows();
        assertEquals(4, rows.queryExecution().analyzed().collectLeaves().size(), rows.queryExecution().analyzed().treeString());
        assertEquals(50, batch.files().size());
        assertEquals(141, rows.count());
        // Row numbers start again at 1 in every file: 43 CSV files of 3 or 2 rows, 7 Parquet files of 2 or 3.
        assertEquals(50, rows.filter("source_row = 1").select("source_file").distinct().count());
        assertEquals(0, rows.groupBy("source_file", "source_row").count().filter("count > 1").count());
    }
}
