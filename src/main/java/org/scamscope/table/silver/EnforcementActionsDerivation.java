package org.scamscope.table.silver;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.scamscope.reference.ReferenceData;
import org.scamscope.table.Derivation;
import org.scamscope.table.Money;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.apache.spark.sql.functions.*;

/**
 * silver/enforcement_actions: one row per report of an action. A deportation links to its raid by
 * parent_action_id, a report included in another names it in part_of, and same_as names another
 * report of the same event. The breakdowns ("CHN:650; VNM:50", "men:489; women:282") become maps;
 * whether they add up to the total is a gold cross-check, not a rejection.
 * Contract: conf/tables/silver/enforcement_actions/.
 */
public final class EnforcementActionsDerivation implements Derivation {
    /** The code a nationality breakdown gives for other or unspecified nationalities (as ICAO Doc 9303 uses it). */
    public static final String OTHER_NATIONALITY = "XXX";
    public static final List<String> GENDERS = List.of("MEN", "WOMEN", "OTHER", "UNKNOWN");

    /** An action named by another row is looked for among this run's rows and the silver rows of earlier runs it keeps. */
    @Override
    public Dataset<Row> derive(Dataset<Row> df, ReferenceData reference, Dataset<Row> earlier) {
        Dataset<Row> ids = df.select(col("action_id").as("_named_id"));
        if (earlier != null) ids = ids.union(earlier.select(col("action_id")));
        ids = ids.filter(col("_named_id").isNotNull()).distinct();
        Dataset<Row> out = Money.toUsd(df, reference, "assets_seized", "assets_currency",
                coalesce(col("action_date"), col("period_end")), "assets_seized_usd");
        for (String ref : List.of("parent_action_id", "part_of", "same_as")) {
            String found = ref.equals("parent_action_id") ? "_parent_found" : "_" + ref + "_found";
            Dataset<Row> named = ids.withColumnRenamed("_named_id", "_named_" + ref);
            out = out.join(named, col(ref).equalTo(col("_named_" + ref)), "left")
                    .withColumn(found, col("_named_" + ref).isNotNull())
                    .drop("_named_" + ref);
        }
        Column codes = lit(reference.alpha3Codes().toArray(new String[0]));
        Breakdown nationality = Breakdown.of(col("nationality_breakdown"), "[A-Z]{3}", c -> c);
        Breakdown gender = Breakdown.of(col("gender_breakdown"), "(" + String.join("|", GENDERS) + ")", functions::lower);
        return out
                .withColumn("_nationality_well_formed", nationality.wellFormed())
                .withColumn("_nationality_codes_known", nationality.parts().isNull().or(forall(nationality.codes(),
                        c -> c.equalTo(lit(OTHER_NATIONALITY)).or(array_contains(codes, c)))))
                .withColumn("nationality_counts", when(col("_nationality_well_formed"), nationality.counts()))
                .withColumn("_gender_well_formed", gender.wellFormed())
                .withColumn("gender_counts", when(col("_gender_well_formed"), gender.counts()));
    }

    /**
     * A breakdown "CODE:count; CODE:count" read as parts, codes and a map; a part that is not CODE:count
     * fails a rule. Parts are matched in upper case; the map's keys are written as {@code key} spells them.
     */
    private record Breakdown(Column parts, String codePattern, UnaryOperator<Column> key) {
        static Breakdown of(Column text, String codePattern, UnaryOperator<Column> key) {
            return new Breakdown(when(text.isNotNull(), transform(split(text, ";"), x -> upper(trim(x)))), codePattern, key);
        }

        Column codes() {
            return transform(parts, p -> trim(substring_index(p, ":", 1)));
        }

        Column wellFormed() {
            return parts.isNull().or(forall(parts, p -> p.rlike("^" + codePattern + "\\s*:\\s*[0-9]{1,9}$"))
                    .and(size(array_distinct(codes())).equalTo(size(parts))));
        }

        Column counts() {
            return map_from_entries(transform(parts, p -> struct(
                    key.apply(trim(substring_index(p, ":", 1))).as("key"), trim(substring_index(p, ":", -1)).cast("int").as("value"))));
        }
    }
}
