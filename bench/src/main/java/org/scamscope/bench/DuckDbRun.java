package org.scamscope.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The job's end-to-end work as far as SQL takes it, in embedded DuckDB: the SQL files of bench/duckdb
 * run in order, with ${INPUT}, ${REF}, ${OUT}, ${KEY} and ${K} filled in.
 *
 * Usage: DuckDbRun SQL_DIR INPUT REFERENCE OUT THREADS MEMORY_LIMIT
 */
public final class DuckDbRun {
    private static final List<String> FILES = List.of("reference.sql", "victims.sql", "others.sql", "gold.sql");

    public static void main(String[] args) throws Exception {
        Path sqlDir = Path.of(args[0]);
        Path out = Path.of(args[3]);
        Files.createDirectories(out.resolve("silver"));
        Files.createDirectories(out.resolve("gold"));
        Map<String, String> vars = Map.of("${INPUT}", Path.of(args[1]).toAbsolutePath().toString(),
                "${REF}", Path.of(args[2]).toAbsolutePath().toString(), "${OUT}", out.toAbsolutePath().toString(),
                "${KEY}", System.getenv().getOrDefault("SCAMSCOPE_PSEUDONYM_KEY", "bench-only-key-0123456789"), "${K}", "5");
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = " + Integer.parseInt(args[4]));
            s.execute("SET memory_limit = '" + args[5] + "'");
            s.execute("SET temp_directory = '" + out.toAbsolutePath().resolve("tmp") + "'");
            for (String f : FILES) {
                String sql = Files.readString(sqlDir.resolve(f), StandardCharsets.UTF_8);
                for (Map.Entry<String, String> v : vars.entrySet()) sql = sql.replace(v.getKey(), v.getValue());
                for (String stmt : statements(sql)) {
                    long t = System.nanoTime();
                    try {
                        s.execute(stmt);
                    } catch (java.sql.SQLException e) {
                        throw new java.sql.SQLException(f + ": " + e.getMessage() + "\nin: " + stmt, e);
                    }
                    double secs = (System.nanoTime() - t) / 1e9;
                    if (secs > 0.5) System.err.printf("duckdb %6.1f s  %s%n", secs, firstLine(stmt));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT dataset, rule, n FROM quarantine_counts ORDER BY 1, 2")) {
                while (r.next()) System.out.printf("quarantined %-20s %-36s %d%n", r.getString(1), r.getString(2), r.getLong(3));
            }
        }
        System.out.printf("duckdb total %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Statements end with ';' at the end of a line; comments are whole lines starting with "--". */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (line.strip().startsWith("--")) continue;
            cur.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
