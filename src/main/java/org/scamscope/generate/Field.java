package org.scamscope.generate;

import java.util.List;

/**
 * A column of a generated file: its name and the type it has in Parquet files, as a partner's
 * typed export would have it. In CSV every value is text; the Parquet writer converts the same
 * text, so both formats carry the same values.
 */
record Field(String name, Type type) {
    enum Type { STRING, INT, DOUBLE, MONEY, DATE, LIST }

    static Field text(String name) {
        return new Field(name, Type.STRING);
    }

    static List<Field> texts(String... names) {
        return java.util.Arrays.stream(names).map(Field::text).toList();
    }
}
