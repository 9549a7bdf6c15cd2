package org.scamscope.cli;

import org.apache.spark.sql.SparkSession;
import org.scamscope.ExitCodes;
import org.scamscope.config.JobConfig;
import org.scamscope.pipeline.DatasetResult;
import org.scamscope.pipeline.Pipeline;
import org.scamscope.pipeline.SilverStage;
import org.scamscope.reference.ReferenceData;
import org.scamscope.source.SourceMapping;
import org.scamscope.source.SourceReader;
import org.scamscope.table.PersonKey;
import org.scamscope.table.SilverTable;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * `sources check FILE`: which mapping a file fits and what a run would do with its rows, writing
 * nothing. Duplicates are looked for within the file only.
 */
final class SourceCheck {
    private SourceCheck() {}

    static int run(java.util.function.Supplier<SparkSession> sparkSource, JobConfig config, Path file, PrintStream out) {
        if (!Files.isRegularFile(file)) throw ExitCodes.usage("file not found: " + file);
        Pipeline pipeline = Pipeline.load(config);
        Map<String, SilverTable> tables = pipeline.silverByName();
        String parent = file.toAbsolutePath().getParent().getFileName().toString();
        List<String> misfits = new ArrayList<>();
        for (SourceMapping m : pipeline.mappings()) {
            String name = m.name;
            // Placed as it would be in an input folder: under its dataset's folder.
            String rel = (tables.containsKey(parent) ? parent : m.dataset) + "/" + file.getFileName();
            if (!m.dataset.equals(rel.substring(0, rel.indexOf('/'))) || !m.matches(rel)) continue;
            SilverTable table = tables.get(m.dataset);
            SourceReader.Head head = SourceReader.head(org.scamscope.storage.Location.local(file), rel, m, table);
            if (head.described().refusal() != null) {
                misfits.add(name + ": " + head.described().refusal());
                continue;
            }
            // Spark starts only for a file that fits: the misfits are told from the headers alone.
            SparkSession spark = sparkSource.get();
            ReferenceData ref = ReferenceData.load(spark, config.confPath("reference"));
            // Nothing is written, so a throwaway key serves: the check needs no secret.
            PersonKey key = PersonKey.of(UUID.randomUUID().toString());
            SourceReader reader = new SourceReader(spark, new org.scamscope.source.InputFolder(file.toAbsolutePath().getParent()), List.of(), key,
                    config.getInt("field.max_chars", SourceReader.FIELD_MAX_CHARS));
            DatasetResult d = SilverStage.evaluate(table, reader.read(head, table), ref, key,
                    table.contract().rules(), null);
            try {
                out.println(file + " fits source mapping '" + name + "' (dataset " + m.dataset + ")");
                out.printf("rows %d, would be accepted %d, would be quarantined %d%n", d.read(), d.accepted(), d.quarantined());
                d.quarantinedByRule().forEach((rule, n) -> out.printf("    quarantined  %-40s %8d%n", rule, n));
                d.warnings().forEach((rule, n) -> out.printf("    warning      %-40s %8d%n", rule, n));
                misfits.forEach(x -> out.println("    (does not fit " + x + ")"));
            } finally {
                d.release();
            }
            return ExitCodes.OK;
        }
        out.println(file + " fits no source mapping of " + config.file());
        misfits.forEach(x -> out.println("    " + x));
        if (misfits.isEmpty()) out.println("    no mapping's 'files' pattern matches " + file.getFileName());
        return ExitCodes.USAGE;
    }
}
