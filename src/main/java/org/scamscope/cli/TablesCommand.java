package org.scamscope.cli;

import org.scamscope.ExitCodes;
import org.scamscope.config.JobConfig;
import org.scamscope.delta.KernelTable;
import org.scamscope.ops.TextTable;
import org.scamscope.ops.WarehouseTables;

import java.io.PrintStream;
import java.util.List;

/** scamscope tables: every table of the warehouse with its version, rows and last operation; read with Delta Kernel, without Spark. */
final class TablesCommand {
    static final String USAGE = Commands.usage("tables");

    private TablesCommand() {}

    static int run(List<String> words, JobConfig config, PrintStream out) {
        if (!words.isEmpty()) throw ExitCodes.usage("unexpected argument '" + words.get(0) + "'; usage: " + USAGE);
        List<String> names = WarehouseTables.list(config.warehouse());
        if (names.isEmpty()) throw ExitCodes.usage(config.warehouse() + " holds no Delta tables (see --warehouse)");
        TextTable t = new TextTable(List.of("table", "version", "rows", "last operation", "when"), false, true, true);
        for (String name : names) {
            KernelTable table = KernelTable.open(name, config.warehouse().resolve(name).toString(), null);
            List<KernelTable.Commit> last = table.history(table.version());
            t.add(List.of(name, Long.toString(table.version()), Long.toString(table.rows()),
                    last.isEmpty() ? "" : last.get(0).operation(),
                    last.isEmpty() ? "" : last.get(0).when()));
        }
        out.println(config.warehouse() + ": " + names.size() + " tables");
        out.print(t.aligned());
        return ExitCodes.OK;
    }
}
