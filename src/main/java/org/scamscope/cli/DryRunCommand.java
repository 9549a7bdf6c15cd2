package org.scamscope.cli;

import org.apache.spark.sql.SparkSession;
import org.scamscope.ExitCodes;
import org.scamscope.config.JobConfig;
import org.scamscope.pipeline.DryRun;
import org.scamscope.pipeline.Pipeline;
import org.scamscope.reference.ReferenceData;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

/** `dry-run`: the declared pipeline and every contract checked without data; the graph printed in build order. */
final class DryRunCommand {
    static final String USAGE = Commands.usage("dry-run");

    private DryRunCommand() {}

    static int run(List<String> words, JobConfig config, Supplier<SparkSession> sparkSupplier, PrintStream out) {
        if (!words.isEmpty()) throw ExitCodes.usage("unexpected argument '" + words.get(0) + "'; usage: " + USAGE);
        long start = System.nanoTime();
        // The spec and the contracts load, and are refused, before Spark starts.
        Pipeline pipeline = Pipeline.load(config);
        int k = pipeline.k(config);
        SparkSession spark = sparkSupplier.get();
        long sparkUp = System.nanoTime();
        ReferenceData ref = ReferenceData.load(spark, config.confPath("reference"));
        long refLoaded = System.nanoTime();
        new DryRun(spark, pipeline, ref, k).run(out);
        org.apache.logging.log4j.LogManager.getLogger(DryRunCommand.class).info("dry-run: Spark {} s, reference data {} s, checks {} s",
                String.format("%.1f", (sparkUp - start) / 1e9), String.format("%.1f", (refLoaded - sparkUp) / 1e9),
                String.format("%.1f", (System.nanoTime() - refLoaded) / 1e9));
        out.printf("checked %s in %.1f s%n", org.scamscope.contract.PipelineSpec.file(config),
                (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }
}
