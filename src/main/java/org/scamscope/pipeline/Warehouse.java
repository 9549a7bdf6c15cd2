package org.scamscope.pipeline;

import org.scamscope.storage.Location;

/** Where each table lives under the warehouse root. */
public record Warehouse(Location root) {
    /** A warehouse in a local folder. */
    public Warehouse(java.nio.file.Path root) {
        this(Location.local(root));
    }

    /**
     * The root of a warehouse that must be there already (the commands that read or maintain one):
     * absent, or on a file system that cannot be reached, is a usage error of one line naming it.
     */
    public static Location existing(Location root) {
        boolean folder;
        try {
            folder = root.isDirectory();
        } catch (java.io.UncheckedIOException e) {
            throw unreachable(root, e);
        }
        if (!folder) throw org.scamscope.ExitCodes.usage("no warehouse at " + root + " (see --warehouse)");
        return root;
    }

    /** The usage error of a warehouse whose file system did not answer, with the file system's own reason. */
    public static org.scamscope.ScamscopeException unreachable(Location root, java.io.UncheckedIOException e) {
        return org.scamscope.ExitCodes.usage("cannot reach warehouse " + root + ": "
                + org.scamscope.Messages.firstLine(e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
    }

    public String silver(String dataset) {
        return table("silver/" + dataset);
    }

    public String gold(String table) {
        return table("gold/" + table);
    }

    public String reference(String table) {
        return table("reference/" + table);
    }

    public String quarantine() {
        return table("quarantine/rejected_rows");
    }

    public String ops(String table) {
        return table("ops/" + table);
    }

    /** The location Spark and Delta are given for a table named relative to the root ("silver/victims"). */
    public String table(String name) {
        return root.resolve(name).toString();
    }
}
