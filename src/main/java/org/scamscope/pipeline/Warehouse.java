package org.scamscope.pipeline;

import java.nio.file.Path;

/** Where each table lives under the warehouse root. */
public record Warehouse(Path root) {
    public String silver(String dataset) {
        return root.resolve("silver").resolve(dataset).toString();
    }

    public String gold(String table) {
        return root.resolve("gold").resolve(table).toString();
    }

    public String reference(String table) {
        return root.resolve("reference").resolve(table).toString();
    }

    public String quarantine() {
        return root.resolve("quarantine").resolve("rejected_rows").toString();
    }

    public String ops(String table) {
        return root.resolve("ops").resolve(table).toString();
    }
}
