package org.scamscope.pipeline;

import org.scamscope.delta.DeltaTables.Commit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a run did, printed at its end: rows per dataset and rule, tables written with their versions. */
public final class RunSummary {
    public final String runId;
    public final List<DatasetResult> datasets = new ArrayList<>();
    /** table name (relative to the warehouse) -> commit */
    public final Map<String, Commit> written = new LinkedHashMap<>();
    public final List<String> notes = new ArrayList<>();
    public java.time.Instant started = java.time.Instant.now();
    public java.time.Instant ended;
    public List<String> arguments = List.of();
    /** ok | failed */
    public String outcome;
    public int exitCode;
    public String error;
    /** phase -> milliseconds, in the order the phases ran */
    public final Map<String, Long> timings = new LinkedHashMap<>();
    /** Every table's version when the run ended well (ops/runs excepted): what readers see until the next such run. */
    public final Map<String, Long> left = new LinkedHashMap<>();
    private final long start = System.nanoTime();
    private long mark = start;
    private static final org.apache.logging.log4j.Logger PROGRESS = org.apache.logging.log4j.LogManager.getLogger("org.scamscope.progress");

    /**
     * Records the time since the previous mark under the given phase, and logs it: the progress a
     * scheduler's log shows, one line a step, where no terminal shows Spark's progress bar.
     */
    public void lap(String phase) {
        long now = System.nanoTime();
        long ms = (now - mark) / 1_000_000;
        timings.merge(phase, ms, Long::sum);
        mark = now;
        PROGRESS.info(String.format("%s: %.1f s (%.0f s since the start)", phase, ms / 1000.0, (now - start) / 1e9));
    }

    public RunSummary(String runId) {
        this.runId = runId;
    }

    public void print(PrintStream out) {
        out.println("scamscope run " + runId);
        if (!datasets.isEmpty()) {
            out.printf("%-22s %6s %10s %9s %12s%n", "dataset", "files", "rows read", "accepted", "quarantined");
            for (DatasetResult d : datasets) {
                out.printf("%-22s %6d %10d %9d %12d%n", d.table().name(), d.files().size(), d.read(), d.accepted(), d.quarantined());
                d.quarantinedByRule().forEach((rule, n) -> out.printf("    quarantined  %-40s %8d%n", rule, n));
                d.warnings().forEach((rule, n) -> out.printf("    warning      %-40s %8d%n", rule, n));
                d.files().stream().filter(f -> f.refusal() != null)
                        .forEach(f -> out.println("    refused file " + f.path() + ": " + f.refusal()));
            }
        }
        if (!written.isEmpty()) {
            out.printf("%-44s %8s %10s%n", "table written", "version", "rows");
            written.forEach((name, c) -> out.printf("%-44s %8d %10d%n", name, c.version(), c.rows()));
        }
        if (!timings.isEmpty()) {
            StringBuilder b = new StringBuilder("timings:");
            timings.forEach((phase, ms) -> b.append(String.format(" %s %.1fs", phase, ms / 1000.0)));
            out.println(b);
        }
        notes.forEach(n -> out.println(n));
    }
}
