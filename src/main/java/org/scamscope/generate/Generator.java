package org.scamscope.generate;

import org.scamscope.ExitCodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a synthetic input folder of any size, in the layout the job reads: one folder per
 * dataset, files of at most rowsPerFile rows, one file in four (the second, sixth, ...) Parquet and
 * the others CSV. Every file is drawn from its own seed, on as many threads as there are cores;
 * the same settings give byte-identical files. A report of what was written, with the bad rows put
 * in by rule, goes to {@code _generated_s<seed>.json} beside the dataset folders (the job skips it).
 */
public final class Generator {
    public static final List<String> DATASETS = List.of("victims", "compounds", "revenue_estimates", "enforcement_actions");
    public static final int DEFAULT_ROWS_PER_FILE = 200_000;

    /**
     * @param victims rows of the victims dataset, bad ones included; the other datasets scale with it
     * @param datasets which datasets to write (e.g. only victims, for an increment of new files)
     */
    public record Settings(Path out, long victims, long seed, int rowsPerFile, List<String> datasets, Path reference) {
        public Settings {
            if (victims < 1) throw ExitCodes.usage("--victims must be 1 or more, got " + victims);
            if (rowsPerFile < 1) throw ExitCodes.usage("--rows-per-file must be 1 or more, got " + rowsPerFile);
            for (String d : datasets) {
                if (!DATASETS.contains(d)) throw ExitCodes.usage("unknown dataset '" + d + "'; datasets are " + DATASETS);
            }
        }
    }

    private Generator() {}

    public static GenerationReport run(Settings s) {
        Geography geo = new Geography(Reference.load(s.reference()));
        CompoundCatalog catalog = new CompoundCatalog(s.seed(), Math.max(40, s.victims() / 1000), geo);
        List<DatasetGenerator> all = List.of(
                new VictimGenerator(geo, catalog), new CompoundGenerator(catalog),
                new RevenueGenerator(s.victims()), new EnforcementGenerator(geo, catalog, s.victims()));
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Map<String, List<Future<FileTally>>> pending = new LinkedHashMap<>();
        try {
            for (DatasetGenerator g : all) {
                if (!s.datasets().contains(g.name())) continue;
                long rows = g.rows(s.victims());
                int files = files(rows, s.rowsPerFile());
                List<Future<FileTally>> list = new ArrayList<>();
                long first = 0;
                for (int i = 0; i < files; i++) {
                    long n = rows / files + (i < rows % files ? 1 : 0);
                    int index = i;
                    long from = first;
                    list.add(pool.submit(() -> FileWriterJob.write(g, s.out(), index, from, n, s.seed(), isParquet(index))));
                    first += n;
                }
                pending.put(g.name(), list);
            }
            GenerationReport report = new GenerationReport(s.seed(), s.victims());
            for (Map.Entry<String, List<Future<FileTally>>> e : pending.entrySet()) {
                DatasetGenerator g = all.stream().filter(x -> x.name().equals(e.getKey())).findFirst().orElseThrow();
                for (Future<FileTally> f : e.getValue()) report.add(f.get());
                report.declare(g.name(), g.defects());
            }
            write(s.out().resolve("_generated_s" + s.seed() + ".json"), report.toJson());
            return report;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("generation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** At least two files a dataset (one CSV, one Parquet) when it has two rows, more when rows per file requires. */
    static int files(long rows, int rowsPerFile) {
        long n = Math.max(Math.min(2, rows), (rows + rowsPerFile - 1) / rowsPerFile);
        return Math.toIntExact(n);
    }

    /** The second file of every four is Parquet: a quarter of large datasets, one of two of small ones. */
    static boolean isParquet(int index) {
        return index % 4 == 1;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
