package org.scamscope;

import org.scamscope.cli.Main;
import org.scamscope.pipeline.RunSummary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A scheduled run's second night: the sample's warehouse (see {@link SampleWarehouse}), then one more
 * run, with the project's settings, after a partner's new file arrived in the sample's folder. Made
 * once per build (see {@link BuildWarehouse}) for the tests that need a warehouse with two runs: the
 * notebooks' (gold gets a second version to compare) and the cluster's incremental run on HDFS. The
 * second run is recorded in ops/runs (the first, a run of the job's API, is not); that row is its
 * summary, and SHARED.summary() has none.
 */
public final class SampleUpdateWarehouse {
    /** The new file, relative to the input folder. */
    public static final String NEW_FILE = "victims/partner_update_2024.csv";
    /** The victims of the new file that silver takes. */
    public static final List<String> NEW_IDS = IntStream.rangeClosed(1, 12).mapToObj(i -> String.format("VIC-9%05d", i)).toList();
    /** The row of the new file the rules reject (an age of 230), under the quarantine's threshold of 10 % of the run's rows. */
    public static final int REJECTED_ROW = 13;

    /**
     * Thirteen forced scam workers from Indonesia held in Preah Sihanouk (KH-18) in 2024, the last with
     * an age out of range; synthetic, no names.
     */
    public static final String NEW_ROWS = BasicUpdateWarehouse.VICTIM_HEADER
            + IntStream.rangeClosed(1, 12).mapToObj(i -> String.format("%s,partner_ngo_th,forced_scam_worker,2024-%02d-15,%s,%d,,IDN,KHM,KH-18,,"
                    + "online_job_ad,false_promises,rescued,,,investment,,,%n", NEW_IDS.get(i - 1), i, i % 2 == 0 ? "female" : "male", 20 + i))
                    .collect(Collectors.joining())
            + "VIC-900013,partner_ngo_th,forced_scam_worker,2024-06-15,female,230,,IDN,KHM,KH-18,,online_job_ad,false_promises,rescued,,,investment,,,\n";

    public static final BuildWarehouse SHARED = new BuildWarehouse("sample-update-warehouse", SampleUpdateWarehouse::secondRun);

    private SampleUpdateWarehouse() {}

    /** The sample's folder, its files' times kept, with the new file written at target. */
    private static Path input(Path target) throws IOException {
        JobRunner.copyFolder(SampleWarehouse.SAMPLE, target);
        Files.writeString(target.resolve(NEW_FILE), NEW_ROWS);
        return target;
    }

    /**
     * The sample's warehouse copied to wh, and the second run over the sample's folder with the new
     * file (kept beside wh, as BasicUpdateWarehouse keeps its own), by the command line as a scheduler
     * starts it: it records the run in ops/runs, which the notebooks read. Its summary is that row (no
     * RunSummary is returned).
     */
    private static RunSummary secondRun(Path wh) {
        try {
            // The ledger keeps input paths relative to the folder: the copied sample is the same input.
            SampleWarehouse.SHARED.copy(wh);
            Path input = input(wh.resolveSibling("input"));
            TestSpark.session();  // the command runs in this JVM's test session
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = Main.execute(new String[] {"run", "--input", input.toString(), "--warehouse", wh.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
            if (code != 0) throw new IllegalStateException("the second run ended with exit " + code + ":\n" + out.toString(StandardCharsets.UTF_8));
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
