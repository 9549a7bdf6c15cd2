package org.scamscope.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a generation wrote: per dataset its files, rows, and the bad rows put in by the rule that
 * rejects them, with the share each kind was drawn with. Rows read by the job = rows here; rows
 * quarantined = the sum of the bad rows (a duplicate makes the job quarantine its earlier copy).
 */
public final class GenerationReport {
    private final long seed;
    private final long victims;
    private final Map<String, List<FileTally>> files = new LinkedHashMap<>();
    private final Map<String, List<Defect>> declared = new LinkedHashMap<>();

    GenerationReport(long seed, long victims) {
        this.seed = seed;
        this.victims = victims;
    }

    void add(FileTally f) {
        files.computeIfAbsent(f.dataset(), k -> new ArrayList<>()).add(f);
    }

    void declare(String dataset, List<Defect> defects) {
        declared.put(dataset, defects);
    }

    public List<String> datasets() {
        return List.copyOf(files.keySet());
    }

    public long rows(String dataset) {
        return files.getOrDefault(dataset, List.of()).stream().mapToLong(FileTally::rows).sum();
    }

    /** Bad rows put in, by the rule that rejects them. */
    public Map<String, Long> badRows(String dataset) {
        Map<String, Long> out = new TreeMap<>();
        for (FileTally f : files.getOrDefault(dataset, List.of())) f.badRows().forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }

    /** The share each kind of bad row is drawn with (malformed rows: of the rows of CSV files). */
    public Map<String, Double> declaredShares(String dataset) {
        Map<String, Double> out = new TreeMap<>();
        for (Defect d : declared.getOrDefault(dataset, List.of())) out.put(d.rule(), d.share());
        return out;
    }

    /** Files written, as paths relative to the output folder, with their format ("csv" or "parquet"). */
    public Map<String, String> files(String dataset) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FileTally f : files.getOrDefault(dataset, List.of())) out.put(f.path(), f.format());
        return out;
    }

    /** The rows of the dataset's CSV files. */
    public long csvRows(String dataset) {
        return files.getOrDefault(dataset, List.of()).stream().filter(f -> f.format().equals("csv")).mapToLong(FileTally::rows).sum();
    }

    /** One line per dataset, for the terminal. */
    public List<String> summary() {
        List<String> out = new ArrayList<>();
        out.add(String.format("%-22s %6s %12s %10s", "dataset", "files", "rows", "bad rows"));
        for (String d : files.keySet()) {
            long bad = badRows(d).values().stream().mapToLong(Long::longValue).sum();
            out.add(String.format("%-22s %6d %12d %10d", d, files.get(d).size(), rows(d), bad));
        }
        return out;
    }

    /** The report as JSON, keys in a fixed order, so equal runs give equal files. */
    String toJson() {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"seed\": ").append(seed).append(",\n  \"victims\": ").append(victims).append(",\n  \"datasets\": {");
        int i = 0;
        for (String d : files.keySet()) {
            sb.append(i++ == 0 ? "\n" : ",\n").append("    \"").append(d).append("\": {\n");
            sb.append("      \"rows\": ").append(rows(d)).append(",\n");
            sb.append("      \"bad_rows\": ").append(map(badRows(d))).append(",\n");
            sb.append("      \"declared_shares\": ").append(map(declaredShares(d))).append(",\n");
            sb.append("      \"files\": [");
            int j = 0;
            for (FileTally f : files.get(d)) {
                sb.append(j++ == 0 ? "\n" : ",\n").append("        {\"path\": \"").append(f.path()).append("\", \"format\": \"")
                        .append(f.format()).append("\", \"rows\": ").append(f.rows()).append(", \"bad_rows\": ")
                        .append(map(f.badRows())).append('}');
            }
            sb.append("\n      ]\n    }");
        }
        return sb.append("\n  }\n}\n").toString();
    }

    private static String map(Map<String, ?> m) {
        StringBuilder sb = new StringBuilder("{");
        m.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
        return sb.append('}').toString();
    }
}
