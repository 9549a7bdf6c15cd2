package org.scamscope.ops;

import org.scamscope.ExitCodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Delta tables of a warehouse, named relative to its root ("silver/victims", "ops/runs"), as
 * found on disk: a folder under one of the layers with a Delta log in it.
 */
public final class WarehouseTables {
    /** The layers under the warehouse root, in the order tables are listed. */
    public static final List<String> LAYERS = List.of("silver", "gold", "quarantine", "reference", "ops");

    private WarehouseTables() {}

    /** The tables under root, layer by layer in the order of LAYERS, by name within a layer; empty without a warehouse. */
    public static List<String> list(Path root) {
        List<String> out = new ArrayList<>();
        for (String layer : LAYERS) {
            Path dir = root.resolve(layer);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(WarehouseTables::isDeltaTable).map(p -> layer + "/" + p.getFileName()).sorted().forEach(out::add);
            } catch (IOException e) {
                throw ExitCodes.usage("cannot list " + dir + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The path of the table called name; an unknown name is a usage error that lists the tables there are. */
    public static String path(Path root, String name) {
        String n = name.strip();
        while (n.endsWith("/")) n = n.substring(0, n.length() - 1);
        List<String> tables = list(root);
        if (tables.contains(n)) return root.resolve(n).toString();
        if (tables.isEmpty()) {
            throw ExitCodes.usage("no table '" + name + "': " + root + " holds no Delta tables"
                    + (Files.isDirectory(root) ? "" : " (no such folder; see --warehouse)"));
        }
        throw ExitCodes.usage("no table '" + name + "' in " + root + "; its tables: " + String.join(", ", tables));
    }

    /** A folder whose _delta_log holds a commit or a checkpoint. */
    static boolean isDeltaTable(Path dir) {
        Path log = dir.resolve("_delta_log");
        if (!Files.isDirectory(log)) return false;
        try (Stream<Path> s = Files.list(log)) {
            return s.map(p -> p.getFileName().toString()).anyMatch(f -> f.endsWith(".json") || f.endsWith(".parquet"));
        } catch (IOException e) {
            return false;
        }
    }
}
