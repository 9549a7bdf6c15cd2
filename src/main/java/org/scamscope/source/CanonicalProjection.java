package org.scamscope.source;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.scamscope.contract.ColumnSpec;
import org.scamscope.table.SilverTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.*;
import static org.scamscope.source.SourceReader.*;

/**
 * The rows of a file, or of files read together (one mapping and header), projected onto the
 * dataset's canonical columns, as text, through their mapping: renames, null markers, patterns,
 * value maps, date formats, constants and flags; with each row's file, its number, its source
 * values for the quarantine (personal ones masked) and what went wrong.
 */
final class CanonicalProjection {
    private CanonicalProjection() {}

    static Dataset<Row> toCanonical(Dataset<Row> source, SilverTable table, SourceMapping m, FileLayout layout, int maxChars) {
        // A field over the limit is never parsed (a 50 MB run of digits would hang a decimal cast) nor
        // stored: it is dropped, and its row is quarantined as field_too_long. One projection, each
        // column's test its own: a test shared by every column would be copied into each of them.
        List<Column> tooLong = new ArrayList<>();
        List<Column> kept = new ArrayList<>();
        Set<String> used = new java.util.HashSet<>(layout.used());
        for (String c : source.columns()) {
            if (!used.contains(c)) {
                kept.add(col(q(c)));
                continue;
            }
            Column length = length(col(q(c)));
            tooLong.add(when(length.gt(maxChars), concat(lit(c + " ("), length.cast("string"), lit(" characters)"))));
            kept.add(when(length.leq(maxChars), col(q(c))).as(c));
        }
        kept.add((tooLong.isEmpty() ? lit(null).cast("string") : coalesce(tooLong.toArray(new Column[0]))).as(TOO_LONG));
        source = source.select(kept.toArray(new Column[0]));
        List<Column> out = new ArrayList<>();
        List<Column> raw = new ArrayList<>();
        Set<String> personal = layout.personalColumns(table);
        List<Column> undecodable = new ArrayList<>();
        for (String s : layout.used()) {
            raw.add(lit(s));
            raw.add(personal.contains(s) ? when(col(q(s)).isNotNull(), lit(MASK)) : col(q(s)));
            // Bytes that are not UTF-8 are read as U+FFFD: the value is no longer what was written.
            undecodable.add(when(col(q(s)).contains("\uFFFD").or(col(q(s)).contains("\u0000")), lit(s)));
        }
        for (ColumnSpec c : table.columns()) {
            Column value;
            String src = layout.sourceOf(c.name());
            if (src != null) {
                value = clean(col(q(src)), m, c.name());
            } else if (m.constants.containsKey(c.name())) {
                value = lit(m.constants.get(c.name()));
            } else if (m.flags.containsKey(c.name())) {
                value = flagsToList(m.flags.get(c.name()), layout);
            } else {
                value = lit(null).cast("string");
            }
            out.add(value.as(c.name()));
        }
        out.add(col(SOURCE_FILE));
        out.add(col(SOURCE_ROW));
        // A row that could not be split is kept only as its shape and a keyed hash of its line.
        Column record = raw.isEmpty() ? lit(null).cast("string") : to_json(map(raw.toArray(new Column[0])));
        out.add(when(col(MALFORMED).isNotNull(), col(MALFORMED)).otherwise(record).as(RAW_RECORD));
        out.add(lit(null).cast("string").as(FILE_ERROR));
        out.add(col(MALFORMED));
        out.add((undecodable.isEmpty() ? lit(null).cast("string") : coalesce(undecodable.toArray(new Column[0]))).as(ENCODING));
        out.add(col(TOO_LONG));
        out.add(lit(m.phoneRegion).cast("string").as(PHONE_REGION));
        return source.select(out.toArray(new Column[0]));
    }

    /** A refused file's rows still go to the quarantine, so nothing in it is lost without a trace. */
    static Dataset<Row> refused(Dataset<Row> source, SilverTable table, String why) {
        List<Column> out = new ArrayList<>();
        for (ColumnSpec c : table.columns()) out.add(lit(null).cast("string").as(c.name()));
        out.add(col(SOURCE_FILE));
        out.add(col(SOURCE_ROW));
        out.add(lit(null).cast("string").as(RAW_RECORD));
        out.add(lit(why).as(FILE_ERROR));
        out.add(lit(null).cast("string").as(MALFORMED));
        out.add(lit(null).cast("string").as(ENCODING));
        out.add(lit(null).cast("string").as(TOO_LONG));
        out.add(lit(null).cast("string").as(PHONE_REGION));
        return source.select(out.toArray(new Column[0]));
    }

    static Dataset<Row> empty(SparkSession spark, SilverTable table) {
        StructType schema = new StructType();
        for (ColumnSpec c : table.columns()) schema = schema.add(c.name(), DataTypes.StringType);
        schema = schema.add(SOURCE_FILE, DataTypes.StringType).add(SOURCE_ROW, DataTypes.LongType)
                .add(RAW_RECORD, DataTypes.StringType).add(FILE_ERROR, DataTypes.StringType)
                .add(MALFORMED, DataTypes.StringType).add(ENCODING, DataTypes.StringType).add(TOO_LONG, DataTypes.StringType)
                .add(PHONE_REGION, DataTypes.StringType);
        return spark.createDataFrame(List.of(), schema);
    }

    /** Trims, turns the mapping's null markers into nulls, applies value maps and date formats. */
    private static Column clean(Column c, SourceMapping m, String canonical) {
        Column v = trim(c);
        v = when(v.equalTo(""), lit(null)).otherwise(v);
        for (String n : m.nullValues) v = when(v.equalTo(n), lit(null)).otherwise(v);
        for (String[] p : m.patterns.getOrDefault(canonical, List.of())) v = regexp_replace(v, p[0], p[1]);
        Map<String, String> map = m.values.get(canonical);
        if (map != null && !map.isEmpty()) {
            Column mapped = null;
            for (Map.Entry<String, String> e : map.entrySet()) {
                Column test = upper(v).equalTo(e.getKey().toUpperCase(Locale.ROOT));
                Column to = e.getValue() == null ? lit(null).cast("string") : lit(e.getValue());
                mapped = mapped == null ? when(test, to) : mapped.when(test, to);
            }
            v = mapped.otherwise(v);
        }
        List<String> formats = m.dateFormats.get(canonical);
        if (formats != null && !formats.isEmpty()) {
            Column[] tries = new Column[formats.size() + 1];
            for (int i = 0; i < formats.size(); i++) {
                tries[i] = date_format(try_to_date(v, formats.get(i)), "yyyy-MM-dd");
            }
            tries[formats.size()] = v;  // unparsed text stays, so the date rule reports it as written
            v = coalesce(tries);
        }
        return v;
    }

    private static Column flagsToList(Map<String, String> flags, FileLayout layout) {
        List<Column> items = new ArrayList<>();
        for (Map.Entry<String, String> f : flags.entrySet()) {
            String src = layout.present(f.getKey());
            if (src == null) continue;
            // Set is 1 (or 1.0, true); empty, 0 and the layout's missing markers are not set.
            Column set = lower(trim(col(q(src)))).rlike("^(1(\\.0+)?|true)$");
            items.add(when(set, lit(f.getValue())));
        }
        if (items.isEmpty()) return lit(null).cast("string");
        Column joined = concat_ws(";", items.toArray(new Column[0]));
        return when(joined.equalTo(""), lit(null)).otherwise(joined);
    }

    static String q(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
