package org.scamscope.table;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scamscope.contract.ColumnSpec;
import org.scamscope.contract.Kind;
import org.scamscope.reference.ReferenceData;
import org.scamscope.contract.Rule;
import org.scamscope.source.SourceReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.*;

/**
 * Turns canonical text into typed, conformed columns (codes to ISO, lists to arrays, personal
 * fields to a person key), and states for each column kind the rule that catches text that
 * could not be read: those rules come from the schema, the required and domain rules from the contract (conf/tables/silver/<dataset>/).
 * The text as written stays in the struct column "_text" for rules and messages.
 */
public final class Conformer {
    public static final String TEXT = "_text";

    private Conformer() {}

    public record Result(Dataset<Row> rows, List<Rule> rules) {}

    public static Result conform(Dataset<Row> df, SilverTable table, ReferenceData ref, PersonKey key) {
        List<Rule> rules = new ArrayList<>();
        List<Column> text = new ArrayList<>();
        for (ColumnSpec c : table.columns()) {
            if (c.kind() != Kind.PERSONAL) text.add(col(c.name()).as(c.name()));
        }
        df = df.withColumn(TEXT, struct(text.toArray(new Column[0])));
        // Code lookups first (one broadcast join per coded column), then every column typed in one
        // projection: a withColumn per column would deepen the plan by one level each.
        List<String> helpers = new ArrayList<>();
        for (ColumnSpec c : table.columns()) {
            String n = c.name();
            if (c.kind() == Kind.COUNTRY) {
                Dataset<Row> lk = ref.countryLookup().select(col("key").as("_k_" + n), col("alpha3").as("_v_" + n));
                df = df.join(broadcast(lk), ReferenceData.lookupKey(col(n)).equalTo(col("_k_" + n)), "left");
                helpers.add("_k_" + n);
                helpers.add("_v_" + n);
            } else if (c.kind() == Kind.SUBDIVISION) {
                Dataset<Row> lk = ref.subdivisionLookup().select(col("key").as("_k_" + n), col("code").as("_v_" + n),
                        col("country_alpha3").as("_" + n + "_country"));
                df = df.join(broadcast(lk), ReferenceData.lookupKey(col(n)).equalTo(col("_k_" + n)), "left");
                helpers.add("_k_" + n);
                helpers.add("_v_" + n);
            }
        }
        Map<String, Column> typed = new LinkedHashMap<>();
        for (ColumnSpec c : table.columns()) {
            String n = c.name();
            String t = TEXT + ".`" + n + "`";
            switch (c.kind()) {
                case TEXT, PERSONAL -> { }
                case CHOICE -> {
                    // Matched without regard to case; stored in the spelling the schema gives.
                    Column v = null;
                    for (String a : c.allowed()) {
                        Column test = lower(col(n)).equalTo(a.toLowerCase(Locale.ROOT));
                        v = v == null ? when(test, lit(a)) : v.when(test, lit(a));
                    }
                    typed.put(n, v);
                    rules.add(Rule.quarantine(n + "_allowed", t + " IS NULL OR " + n + " IS NOT NULL",
                            "must be one of " + String.join(", ", c.allowed()), n));
                }
                case WHOLE -> {
                    Column d = col(n).try_cast("decimal(38,6)");
                    typed.put(n, when(d.equalTo(floor(d)), d.try_cast("int")));
                    rules.add(Rule.quarantine(n + "_number", t + " IS NULL OR " + n + " IS NOT NULL",
                            "is not a whole number, or is beyond 2147483647", n));
                }
                case MONEY -> {
                    typed.put(n, col(n).try_cast("decimal(22,2)"));
                    rules.add(Rule.quarantine(n + "_number", t + " IS NULL OR " + n + " IS NOT NULL",
                            "is not an amount (digits with an optional decimal point, below 10^20)", n));
                    // Silver keeps amounts to the cent; rounding a finer one would change it without a word
                    // (-1e-18 would become 0.00 and pass as not negative). A Parquet double reads as text such
                    // as 1.490602815E7, to the cent: the exponent form is compared as a number, not by its digits;
                    // the digits catch what is finer than decimal(38,18) holds.
                    rules.add(Rule.quarantine(n + "_cents", n + " IS NULL OR (try_cast(" + t + " AS decimal(38,18)) = " + n
                                    + " AND NOT " + t + " RLIKE '^[+-]?[0-9]*[.][0-9]{2}[0-9]*[1-9][0-9]*$')",
                            "has digits below the cent: silver keeps amounts to two decimal places and does not round them", n));
                }
                case REAL -> {
                    Column d = col(n).try_cast("double");
                    typed.put(n, when(not(isnan(d)).and(abs(d).lt(Double.MAX_VALUE)), d));
                    rules.add(Rule.quarantine(n + "_number", t + " IS NULL OR " + n + " IS NOT NULL",
                            "is not a number", n));
                }
                case DATE -> {
                    typed.put(n, when(col(n).rlike("^\\d{4}-\\d{2}-\\d{2}$"), try_to_date(col(n), "yyyy-MM-dd")));
                    rules.add(Rule.quarantine(n + "_date", t + " IS NULL OR " + n + " IS NOT NULL",
                            "is not a date written yyyy-MM-dd (or in a format the source mapping declares)", n));
                    rules.add(Rule.quarantine(n + "_earliest", n + " IS NULL OR " + n + " >= DATE'" + c.earliest() + "'",
                            "is before " + c.earliest() + ", the earliest date the contract takes (a typo, or a placeholder such as 0001-01-01)", n));
                }
                case COUNTRY -> {
                    typed.put(n, col("_v_" + n));
                    rules.add(Rule.quarantine(n + "_known", t + " IS NULL OR " + n + " IS NOT NULL",
                            "is not a known country (ISO 3166-1 code or name)", n));
                }
                case SUBDIVISION -> {
                    String cc = c.countryColumn();
                    typed.put(n, col("_v_" + n));
                    // A record that names only the subdivision is placed in its country.
                    typed.put(cc, when(col(TEXT + ".`" + cc + "`").isNull(), col("_" + n + "_country"))
                            .otherwise(col("_v_" + cc)));
                    rules.add(Rule.quarantine(n + "_known", t + " IS NULL OR " + n + " IS NOT NULL",
                            "is not a known ISO 3166-2 subdivision code or name", n));
                    rules.add(Rule.quarantine(n + "_in_country", n + " IS NULL OR " + cc + " IS NULL OR _" + n + "_country = " + cc,
                            "lies in another country than " + cc, n, cc));
                }
                case LIST -> {
                    // A list of codes is matched lower-case; a free list (aliases) keeps its spelling.
                    boolean codes = !c.allowed().isEmpty();
                    typed.put(n, when(col(n).isNotNull(), array_distinct(
                            filter(transform(split(col(n), ";"), x -> codes ? lower(trim(x)) : trim(x)), x -> x.notEqual("")))));
                    if (codes) {
                        String in = c.allowed().stream().map(a -> "'" + a + "'").collect(Collectors.joining(", "));
                        rules.add(Rule.quarantine(n + "_allowed", n + " IS NULL OR forall(" + n + ", x -> x IN (" + in + "))",
                                "holds a value that is not one of " + String.join(", ", c.allowed()), n));
                    }
                }
                case CURRENCY -> typed.put(n, upper(col(n)));
            }
        }
        df = df.withColumns(typed).drop(helpers.toArray(new String[0]));
        // A partner's own phone region (its mapping's phone_region) comes before the record's country.
        boolean partnerRegion = java.util.Arrays.asList(df.columns()).contains(SourceReader.PHONE_REGION);
        List<Column> personal = table.columns().stream().filter(c -> c.kind() == Kind.PERSONAL)
                .map(c -> c.phoneRegionColumn() == null ? col(c.name()) : PhoneNumbers.e164(col(c.name()),
                        partnerRegion ? coalesce(col(SourceReader.PHONE_REGION), col(c.phoneRegionColumn())) : col(c.phoneRegionColumn())))
                .toList();
        if (!personal.isEmpty()) {
            Column value = key == null ? lit(null).cast("string") : key.over(personal);
            df = df.withColumn(PersonKey.COLUMN, value);
            df = df.drop(table.columns().stream().filter(c -> c.kind() == Kind.PERSONAL).map(ColumnSpec::name).toArray(String[]::new));
        }
        return new Result(partnerRegion ? df.drop(SourceReader.PHONE_REGION) : df, rules);
    }
}
