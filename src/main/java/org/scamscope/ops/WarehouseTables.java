package org.scamscope.ops;

import org.scamscope.ExitCodes;
import org.scamscope.storage.Location;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Delta tables of a warehouse, named relative to its root ("silver/victims", "ops/runs"), as
 * found in its folders: a folder under one of the layers with a Delta log in it.
 */
public final class WarehouseTables {
    /** The layers under the warehouse root, in the order tables are listed. */
    public static final List<String> LAYERS = List.of("silver", "gold", "quarantine", "reference", "ops");

    private WarehouseTables() {}

    public static List<String> list(Path root) {
        return list(Location.local(root));
    }

    /** The tables under root, layer by layer in the order of LAYERS, by name within a layer; empty without a warehouse. */
    public static List<String> list(Location root) {
        List<String> out = new ArrayList<>();
        for (String layer : LAYERS) {
            Location dir = root.resolve(layer);
            try {
                for (String name : dir.list()) {
                    if (isDeltaTable(dir.resolve(name))) out.add(layer + "/" + name);
                }
            } catch (IOException e) {
                throw ExitCodes.usage("cannot list " + dir + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The location of the table called name; an unknown name is a usage error that lists the tables there are. */
    public static String path(Location root, String name) {
        String n = name.strip();
        while (n.endsWith("/")) n = n.substring(0, n.length() - 1);
        List<String> tables = list(root);
        if (tables.contains(n)) return root.resolve(n).toString();
        if (tables.isEmpty()) {
            throw ExitCodes.usage("no table '" + name + "': " + root + " holds no Delta tables"
                    + (isDirectory(root) ? "" : " (no such folder; see --warehouse)"));
        }
        throw ExitCodes.usage("no table '" + name + "' in " + root + "; its tables: " + String.join(", ", tables));
    }

    private static boolean isDirectory(Location l) {
        try {
            return l.isDirectory();
        } catch (java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** A folder whose _delta_log holds a commit or a checkpoint. */
    static boolean isDeltaTable(Location dir) {
        try {
            return dir.resolve("_delta_log").list().stream().anyMatch(f -> f.endsWith(".json") || f.endsWith(".parquet"));
        } catch (IOException e) {
            return false;
        }
    }
}
