package org.scamscope.cli;

import org.apache.commons.cli.CommandLine;
import org.scamscope.ExitCodes;
import org.scamscope.config.JobConfig;
import org.scamscope.generate.GenerationReport;
import org.scamscope.generate.Generator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** scamscope generate: a synthetic input folder of the given size, for tests and benchmarks. No Spark. */
final class GenerateCommand {
    static final String USAGE = Commands.usage("generate");

    private GenerateCommand() {}

    static int run(List<String> words, CommandLine cl, JobConfig config, PrintStream out) {
        if (!words.isEmpty()) throw ExitCodes.usage("unexpected argument '" + words.get(0) + "'; usage: " + USAGE);
        String dir = cl.getOptionValue("out");
        if (dir == null) throw ExitCodes.usage("--out is required; usage: " + USAGE);
        Long victims = CommandArgs.number(cl, "victims", 1, null);
        if (victims == null) throw ExitCodes.usage("--victims is required; usage: " + USAGE);
        long seed = CommandArgs.number(cl, "seed", 0, 1L);
        long rowsPerFile = CommandArgs.number(cl, "rows-per-file", 1, (long) Generator.DEFAULT_ROWS_PER_FILE);
        List<String> datasets = cl.hasOption("datasets")
                ? Arrays.stream(cl.getOptionValue("datasets").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                : Generator.DATASETS;
        long started = System.nanoTime();
        GenerationReport report = Generator.run(new Generator.Settings(Path.of(dir), victims, seed,
                Math.toIntExact(Math.min(rowsPerFile, Integer.MAX_VALUE)), datasets, config.confPath("reference")));
        out.printf("scamscope generate: %s, seed %d, %.1f s%n", dir, seed, (System.nanoTime() - started) / 1e9);
        report.summary().forEach(out::println);
        out.println("what was written, with the bad rows by rule: " + Path.of(dir).resolve("_generated_s" + seed + ".json"));
        return ExitCodes.OK;
    }
}
