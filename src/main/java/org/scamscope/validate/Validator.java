package org.scamscope.validate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.scamscope.ExitCodes;
import org.scamscope.contract.Rule;
import org.scamscope.source.SourceReader;
import org.scamscope.contract.ColumnSpec;
import org.scamscope.table.Conformer;
import org.scamscope.contract.Kind;
import org.scamscope.table.SilverTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.*;

/**
 * Applies a dataset's rules to every row and marks each row accepted or quarantined, with the
 * first broken rule, all broken rules and a message that names file, row and column. Among
 * accepted rows sharing a natural key, the copy from the last file (then the last row) wins and
 * the others are quarantined under rule "duplicate".
 */
public final class Validator {
    public static final String OUTCOME = "_outcome";
    public static final String RULE = "rule";
    public static final String FAILED_RULES = "failed_rules";
    public static final String MESSAGE = "message";
    public static final String WARNINGS = "_warnings";
    public static final String FATAL = "_fatal";
    public static final String ACCEPTED = "accepted";
    public static final String QUARANTINED = "quarantined";
    public static final String DUPLICATE = "duplicate";

    private Validator() {}

    /** The rules every dataset has, whatever its configuration: whole-file and whole-row failures. */
    public static List<Rule> builtIn() {
        return List.of(
                Rule.quarantine("file_layout", SourceReader.FILE_ERROR + " IS NULL", "file refused"),
                Rule.quarantine("malformed_row", SourceReader.MALFORMED + " IS NULL",
                        "row could not be split into the header's fields (wrong delimiter, unterminated quote or a field too many or too few)"),
                Rule.quarantine("field_too_long", SourceReader.TOO_LONG + " IS NULL",
                        "a field is longer than the limit (setting field.max_chars, " + SourceReader.FIELD_MAX_CHARS
                                + " unless the configuration says otherwise): the field is dropped unread"),
                Rule.quarantine("encoding", SourceReader.ENCODING + " IS NULL",
                        "holds bytes that are not UTF-8 text (is the file Latin-1 or Windows-1252? save it as CSV UTF-8, "
                                + "or set 'encoding' in its source mapping's csv options)"));
    }

    /** Marks every row with the rules it broke and a message; rows sharing a key are not looked at yet. */
    public static Dataset<Row> applyRules(Dataset<Row> df, SilverTable table, List<Rule> rules) {
        Set<String> personal = table.columns().stream().filter(c -> c.kind() == Kind.PERSONAL)
                .map(ColumnSpec::name).collect(Collectors.toSet());
        List<Column> quarantine = new ArrayList<>();
        List<Column> warn = new ArrayList<>();
        List<Column> fatal = new ArrayList<>();
        List<Column> messages = new ArrayList<>();
        // All rule flags in one projection: a withColumn per rule would deepen the plan by one level each.
        Map<String, Column> flags = new LinkedHashMap<>();
        int i = 0;
        for (Rule r : rules) {
            String flag = "_broken_" + i++;
            try {
                flags.put(flag, not(coalesce(expr(r.expression()), lit(false))));
            } catch (RuntimeException e) {
                throw ExitCodes.usage("rule '" + r.name() + "' of " + table.name() + " is not a valid SQL boolean expression: "
                        + org.scamscope.Messages.firstLine(e));
            }
            Column broken = col(flag);
            Column named = when(broken, lit(r.name()));
            switch (r.action()) {
                case QUARANTINE -> quarantine.add(named);
                case WARN -> warn.add(named);
                case FAIL -> fatal.add(named);
            }
            messages.add(when(broken, message(r, personal)));
        }
        try {
            df = df.withColumns(flags);
        } catch (RuntimeException e) {
            throw ExitCodes.usage("a rule of " + table.name() + " in conf/tables/silver/" + table.name() + "/rules.json cannot be evaluated: "
                    + org.scamscope.Messages.firstLine(e));
        }
        Column location = concat(col(SourceReader.SOURCE_FILE), lit(" row "), col(SourceReader.SOURCE_ROW).cast("string"));
        // The shape of a row the parser could not split (BrokenLine): its values are not kept.
        Column lines = get_json_object(col(SourceReader.MALFORMED), "$.lines").cast("int");
        Column fields = get_json_object(col(SourceReader.MALFORMED), "$.fields");
        Column headerFields = get_json_object(col(SourceReader.MALFORMED), "$.header_fields");
        Map<String, Column> outcome = new LinkedHashMap<>();
        outcome.put(FAILED_RULES, compact(quarantine));
        outcome.put(WARNINGS, compact(warn));
        outcome.put(FATAL, compact(fatal));
        outcome.put(MESSAGE, concat(location, lit(": "),
                        // A refused file or a broken row says only that: its other rules broke because of it.
                        when(col(SourceReader.FILE_ERROR).isNotNull(), concat(lit("file_layout: "), col(SourceReader.FILE_ERROR)))
                                .when(col(SourceReader.MALFORMED).isNotNull(), concat(lit("malformed_row: " + builtIn().get(1).message()),
                                        when(fields.notEqual(headerFields), concat(lit("; it has "), fields, lit(" fields, the header "), headerFields))
                                                .otherwise(lit("")),
                                        when(lines.gt(1), concat(lit("; it runs over "), lines.cast("string"),
                                                lit(" lines (a quote left open takes in the lines after it)")))
                                                .otherwise(lit(""))))
                                .when(col(SourceReader.TOO_LONG).isNotNull(), concat(lit("field_too_long: column "), col(SourceReader.TOO_LONG),
                                        lit(": " + builtIn().get(2).message())))
                                .when(col(SourceReader.ENCODING).isNotNull(), concat(lit("encoding: column "), col(SourceReader.ENCODING),
                                        lit(": " + builtIn().get(3).message())))
                                .otherwise(concat_ws("; ", messages.toArray(new Column[0])))));
        df = df.withColumns(outcome)
                .withColumn(RULE, try_element_at(col(FAILED_RULES), lit(1)))
                .drop(flags.keySet().toArray(new String[0]));
        return df;
    }

    /**
     * Of the accepted rows sharing a natural key, keeps the copy from the last file (then the last
     * row) and marks the others duplicates. One window over the rows, partitioned by key and by
     * whether the row passed its rules: a rejected copy never beats a good one.
     *
     * @param existing silver rows kept from earlier runs (natural key, source_file, source_row), which
     *     compete with this run's rows for their keys; null when there are none
     */
    public static Dataset<Row> dedupe(Dataset<Row> df, SilverTable table, Dataset<Row> existing) {
        Column[] key = table.naturalKey().stream().map(k -> col(k)).toArray(Column[]::new);
        String keyText = String.join(", ", table.naturalKey());
        List<Column> partition = new ArrayList<>(List.of(key));
        partition.add(col("_ok"));
        WindowSpec w = Window.partitionBy(partition.toArray(new Column[0])).orderBy(
                col(SourceReader.SOURCE_FILE).desc(), col(SourceReader.SOURCE_ROW).desc());
        Dataset<Row> contenders = df.withColumn("_ok", size(col(FAILED_RULES)).equalTo(0)).withColumn("_existing", lit(false));
        if (existing != null) {
            // Rows kept in silver by earlier runs take part, so an incremental run decides as a full run would.
            java.util.Set<String> narrow = new java.util.LinkedHashSet<>(table.naturalKey());
            narrow.add(SourceReader.SOURCE_FILE);
            narrow.add(SourceReader.SOURCE_ROW);
            contenders = contenders.unionByName(existing.select(narrow.stream().map(c -> col(c)).toArray(Column[]::new))
                    .withColumn("_ok", lit(true)).withColumn("_existing", lit(true)), true);
        }
        Column dup = col("_ok").and(row_number().over(w).gt(1));
        Column kept = first(concat(col(SourceReader.SOURCE_FILE), lit(" row "), col(SourceReader.SOURCE_ROW).cast("string"))).over(w);
        Map<String, Column> marked = new LinkedHashMap<>();
        marked.put(FAILED_RULES, when(dup, array(lit(DUPLICATE))).otherwise(col(FAILED_RULES)));
        marked.put(RULE, when(dup, lit(DUPLICATE)).otherwise(col(RULE)));
        marked.put(MESSAGE, when(dup, concat(col(SourceReader.SOURCE_FILE), lit(" row "),
                col(SourceReader.SOURCE_ROW).cast("string"), lit(": duplicate of " + keyText + " = "),
                concat_ws(", ", key), lit(", kept from "), kept)).otherwise(col(MESSAGE)));
        marked.put(OUTCOME, when(dup.or(not(col("_ok"))), lit(QUARANTINED)).otherwise(lit(ACCEPTED)));
        return contenders.withColumns(marked).filter(not(col("_existing"))).drop("_ok", "_existing");
    }

    private static Column message(Rule r, Set<String> personal) {
        String cols = r.columns().isEmpty() ? "" : "column " + String.join(", ", r.columns()) + ": ";
        Column text = lit(r.name() + ": " + cols + r.message());
        if (r.columns().size() == 1 && !personal.contains(r.columns().get(0))) {
            // Show the value as written, so the user can find it; never for personal fields.
            Column value = col(Conformer.TEXT + ".`" + r.columns().get(0) + "`");
            text = concat(text, when(value.isNull(), lit(" (empty)")).otherwise(concat(lit(" (was '"), value, lit("')"))));
        }
        return text;
    }

    private static Column compact(List<Column> named) {
        if (named.isEmpty()) return array().cast("array<string>");
        return filter(array(named.toArray(new Column[0])), x -> x.isNotNull());
    }
}
