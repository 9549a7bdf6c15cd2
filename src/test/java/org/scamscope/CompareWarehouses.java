package org.scamscope;

import java.nio.file.Path;
import java.util.List;

/**
 * bench/compare-warehouses.sh: two warehouses compared table by table, row for row (less the
 * columns naming the run), e.g. the sample run before and after a change that must not change
 * what is written. Exit 0 when they are the same, 1 naming the first table that differs.
 */
public final class CompareWarehouses {
    private CompareWarehouses() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: compare-warehouses.sh EXPECTED_WAREHOUSE ACTUAL_WAREHOUSE");
            System.exit(2);
        }
        List<String> folders = List.of("silver", "gold", "quarantine", "reference", "ops/data_quality");
        int code = 0;
        try {
            WarehouseComparison.assertSameTables(Path.of(args[0]), Path.of(args[1]), folders);
            System.out.println("same tables, row for row: " + WarehouseComparison.deltaTables(Path.of(args[0]), folders));
        } catch (AssertionError e) {
            System.out.println("different: " + e.getMessage());
            code = 1;
        }
        TestSpark.session().stop();
        System.exit(code);
    }
}
