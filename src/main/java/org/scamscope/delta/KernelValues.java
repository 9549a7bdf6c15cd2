package org.scamscope.delta;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.data.Row;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Kernel's values as Java values (for ordering) and as text written as Spark's CAST(... AS STRING)
 * writes it, so that a table shown without Spark reads as it did with Spark. Timestamps are in UTC,
 * the session time zone conf/spark-defaults.conf sets.
 */
public final class KernelValues {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private KernelValues() {}

    /** The value of column i of row: Long, Integer, String, Boolean, BigDecimal, Double, LocalDate, Instant or a text for nested values; null for null. */
    public static Object value(Row row, int i) {
        if (row.isNullAt(i)) return null;
        DataType t = row.getSchema().at(i).getDataType();
        if (t instanceof StringType) return row.getString(i);
        if (t instanceof LongType) return row.getLong(i);
        if (t instanceof IntegerType) return row.getInt(i);
        if (t instanceof ShortType) return (int) row.getShort(i);
        if (t instanceof ByteType) return (int) row.getByte(i);
        if (t instanceof BooleanType) return row.getBoolean(i);
        if (t instanceof DoubleType) return row.getDouble(i);
        if (t instanceof FloatType) return (double) row.getFloat(i);
        if (t instanceof DecimalType) return row.getDecimal(i);
        if (t instanceof DateType) return LocalDate.ofEpochDay(row.getInt(i));
        if (t instanceof TimestampType || t instanceof TimestampNTZType) return micros(row.getLong(i));
        if (t instanceof ArrayType a) return array(row.getArray(i), a);
        if (t instanceof MapType m) return map(row.getMap(i), m);
        if (t instanceof StructType s) return struct(row.getStruct(i), s);
        throw new IllegalArgumentException("no text for Kernel type " + t);
    }

    /** The value as Spark casts it to a string; null for null. */
    public static String text(Object v) {
        if (v == null) return null;
        if (v instanceof BigDecimal d) return d.toPlainString();
        if (v instanceof Instant t) return timestamp(t);
        return v.toString();
    }

    /** Column i of row as text, as Spark casts it; null for null. */
    public static String text(Row row, int i) {
        return text(value(row, i));
    }

    private static Instant micros(long us) {
        return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
    }

    /** yyyy-MM-dd HH:mm:ss with the fraction of a second Spark keeps, without trailing zeros. */
    private static String timestamp(Instant t) {
        String s = SECONDS.format(t);
        int micros = t.getNano() / 1000;
        if (micros == 0) return s;
        String f = String.format("%06d", micros).replaceAll("0+$", "");
        return s + "." + f;
    }

    private static String element(ColumnVector v, int i, DataType t) {
        if (v.isNullAt(i)) return "null";
        if (t instanceof StringType) return v.getString(i);
        if (t instanceof LongType) return Long.toString(v.getLong(i));
        if (t instanceof IntegerType) return Integer.toString(v.getInt(i));
        if (t instanceof BooleanType) return Boolean.toString(v.getBoolean(i));
        if (t instanceof DoubleType) return Double.toString(v.getDouble(i));
        if (t instanceof DecimalType) return v.getDecimal(i).toPlainString();
        if (t instanceof DateType) return LocalDate.ofEpochDay(v.getInt(i)).toString();
        if (t instanceof TimestampType || t instanceof TimestampNTZType) return timestamp(micros(v.getLong(i)));
        if (t instanceof ArrayType a) return array(v.getArray(i), a);
        if (t instanceof MapType m) return map(v.getMap(i), m);
        if (t instanceof StructType s) {
            List<String> parts = new ArrayList<>();
            for (int f = 0; f < s.length(); f++) parts.add(element(v.getChild(f), i, s.at(f).getDataType()));
            return "{" + String.join(", ", parts) + "}";
        }
        throw new IllegalArgumentException("no text for Kernel type " + t);
    }

    private static String array(ArrayValue a, ArrayType t) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < a.getSize(); i++) parts.add(element(a.getElements(), i, t.getElementType()));
        return "[" + String.join(", ", parts) + "]";
    }

    private static String map(MapValue m, MapType t) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < m.getSize(); i++) {
            parts.add(element(m.getKeys(), i, t.getKeyType()) + " -> " + element(m.getValues(), i, t.getValueType()));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    private static String struct(Row r, StructType s) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            Object v = value(r, i);
            parts.add(v == null ? "null" : text(v));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    /** Whether the column is numeric, so shown right-aligned. */
    public static boolean numeric(StructField f) {
        DataType t = f.getDataType();
        return t instanceof LongType || t instanceof IntegerType || t instanceof ShortType || t instanceof ByteType
                || t instanceof DoubleType || t instanceof FloatType || t instanceof DecimalType;
    }
}
