package org.scamscope.contract;

import java.util.List;

/**
 * One canonical column of a dataset.
 *
 * @param required the column must be in every source layout (its values are checked by rules)
 * @param allowed the values of a CHOICE or LIST column (empty: any)
 * @param countryColumn for a SUBDIVISION, the country column it must agree with
 */
public record ColumnSpec(String name, Kind kind, boolean required, List<String> allowed, String countryColumn) {

    public static ColumnSpec of(String name, Kind kind) {
        return new ColumnSpec(name, kind, false, List.of(), null);
    }

    public static ColumnSpec required(String name, Kind kind) {
        return new ColumnSpec(name, kind, true, List.of(), null);
    }

    public static ColumnSpec choice(String name, boolean required, String... allowed) {
        return new ColumnSpec(name, Kind.CHOICE, required, List.of(allowed), null);
    }

    public static ColumnSpec list(String name, String... allowed) {
        return new ColumnSpec(name, Kind.LIST, false, List.of(allowed), null);
    }

    public static ColumnSpec subdivision(String name, String countryColumn) {
        return new ColumnSpec(name, Kind.SUBDIVISION, false, List.of(), countryColumn);
    }
}
