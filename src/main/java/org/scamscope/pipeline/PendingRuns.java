package org.scamscope.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scamscope.config.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rows of ops/runs that could not be appended when their run ended (a full disk, a store that
 * refused the commit): each is kept as a small JSON file, in the warehouse or, when that fails too,
 * in the system's temporary folder under a name made from the warehouse's path, and the next run
 * that records itself appends them first. A failed run is never missing from the log for good.
 */
final class PendingRuns {
    private static final String FOLDER = "_pending_runs";
    private static final String[] FIELDS = {"run_id", "started", "ended", "outcome", "exit_code", "error", "summary_json"};

    private PendingRuns() {}

    /**
     * The places a pending row may be, for this warehouse: in it, when it is a local folder, and in
     * this machine's temporary folder (a warehouse on HDFS gets only this one: the next run from this
     * machine appends the row).
     */
    static List<Path> folders(Warehouse warehouse) {
        Path local = warehouse.root().local();
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"), "scamscope-pending-runs", digest(warehouse.root().toString()));
        return local == null ? List.of(temporary) : List.of(local.resolve(FOLDER), temporary);
    }

    /** The pending rows' files, oldest run first (a run id begins with its start time). */
    static List<Path> files(Warehouse warehouse) {
        List<Path> out = new ArrayList<>();
        for (Path f : folders(warehouse)) {
            if (!Files.isDirectory(f)) continue;
            try (Stream<Path> s = Files.list(f)) {
                s.filter(p -> p.getFileName().toString().endsWith(".json")).forEach(out::add);
            } catch (IOException e) {
                // unreadable now: left for a later run
            }
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return out;
    }

    /** Keeps the row in the first place that takes it; null when neither does. */
    static Path write(Warehouse warehouse, Object[] row) {
        ObjectNode o = Json.mapper().createObjectNode();
        for (int i = 0; i < FIELDS.length; i++) {
            Object v = row[i];
            if (v == null) o.putNull(FIELDS[i]);
            else if (v instanceof Long l) o.put(FIELDS[i], l);
            else if (v instanceof Integer n) o.put(FIELDS[i], n);
            else o.put(FIELDS[i], v.toString());
        }
        byte[] bytes = o.toString().getBytes(StandardCharsets.UTF_8);
        for (Path folder : folders(warehouse)) {
            Path file = folder.resolve(row[0] + ".json");
            try {
                Files.createDirectories(folder);
                Files.write(file, bytes);
                return file;
            } catch (IOException e) {
                try {
                    Files.deleteIfExists(file);  // a half-written file would be read back as a broken row
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
        return null;
    }

    /** One kept row, in the column order of ops/runs. */
    static Object[] read(Path file) {
        try {
            JsonNode n = Json.mapper().readTree(Files.readString(file));
            Object[] row = new Object[FIELDS.length];
            row[0] = text(n, "run_id");
            row[1] = n.hasNonNull("started") ? n.get("started").asLong() : null;
            row[2] = n.hasNonNull("ended") ? n.get("ended").asLong() : null;
            row[3] = text(n, "outcome");
            row[4] = n.hasNonNull("exit_code") ? n.get("exit_code").asInt() : null;
            row[5] = text(n, "error");
            row[6] = text(n, "summary_json");
            return row;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the kept run " + file + ": " + e.getMessage(), e);
        }
    }

    static void remove(List<Path> files) {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                // appended already; a later run would append it again, so say so
                System.err.println("scamscope: appended to ops/runs but could not remove " + f + ": " + e.getMessage());
            }
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
