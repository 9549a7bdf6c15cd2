package org.scamscope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import org.scamscope.delta.KernelTable;
import org.scamscope.delta.KernelValues;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Delta table's latest version read with Delta Kernel, less {@link WarehouseComparison#RUN_COLUMNS}:
 * its columns with their types, and each row as a JSON array of its values as text, sorted.
 */
record KernelRows(List<String> columns, List<String> rows) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static KernelRows read(Path table) {
        return read(table.toAbsolutePath().toString());
    }

    static KernelRows read(String table) {
        KernelTable t = KernelTable.open(table, table, null);
        StructType schema = t.schema();
        List<Integer> kept = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < schema.length(); i++) {
            StructField f = schema.at(i);
            if (WarehouseComparison.RUN_COLUMNS.contains(f.getName())) continue;
            kept.add(i);
            columns.add(f.getName() + " " + f.getDataType());
        }
        List<String> rows = new ArrayList<>();
        t.scan(schema, null, r -> {
            List<String> values = new ArrayList<>(kept.size());
            for (int i : kept) values.add(KernelValues.text(r, i));
            try {
                rows.add(JSON.writeValueAsString(values));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
        rows.sort(null);
        return new KernelRows(columns, rows);
    }
}
