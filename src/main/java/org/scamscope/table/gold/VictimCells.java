package org.scamscope.table.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scamscope.reference.ReferenceData;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.*;

/**
 * Victims counted at the finest grain the victims' gold tables publish from: registration year,
 * victim type, citizenship and place (sub-region, country, subdivision), with every count those
 * tables sum. Counts add up, so these cells can be kept from run to run and moved by silver's
 * changes alone (each inserted row counts +1, each deleted one -1): a scheduled run that adds a few
 * files then sums its changes into the cells rather than reading every victim again. The
 * distinct and most frequent citizenship of a region follow from its cells by citizenship; only
 * the median loss needs the losses themselves ({@link #losses}).
 */
public final class VictimCells {
    /** The columns that identify a cell. */
    public static final List<String> GRAIN;
    /** The counts of persons a cell holds, which a region's are the sums of. */
    public static final List<String> PERSON_COUNTS = List.of("victims", "women", "men", "gender_other_or_unknown", "minors",
            "adults_or_age_unknown", "rescued", "repatriated", "deported", "status_other_or_unknown");
    /** Every count of a cell, in this order: the persons, then the losses known and their sum (an amount). */
    public static final List<String> MEASURES;
    /** Sums of amounts in cells keep every digit; gold casts them to its money type at the end. */
    static final String SUM_TYPE = "decimal(38,2)";
    /** The change types of a Change Data Feed that add a row (the others remove one). */
    static final List<String> ADDED = List.of("insert", "update_postimage");

    static {
        List<String> g = new ArrayList<>(List.of("year", "victim_type", "citizenship"));
        g.addAll(Regions.PLACE);
        GRAIN = List.copyOf(g);
        List<String> m = new ArrayList<>(PERSON_COUNTS);
        m.addAll(List.of("losses_known", "losses_sum"));
        MEASURES = List.copyOf(m);
    }

    private VictimCells() {}

    /** The cells of silver victims' rows: every row counts once. */
    public static Dataset<Row> of(Dataset<Row> victims, ReferenceData ref) {
        return count(victims, lit(1L), ref);
    }

    /**
     * What a Change Data Feed of silver/victims (its rows with _change_type) does to the cells: the
     * rows it adds count +1 and those it removes -1, so a changed row moves from its old cell to its
     * new one.
     */
    public static Dataset<Row> changes(Dataset<Row> feed, ReferenceData ref) {
        Column sign = when(col("_change_type").isin(ADDED.toArray()), lit(1L)).otherwise(lit(-1L));
        return count(feed, sign, ref);
    }

    /** The cells after the changes: counts summed by cell, empty cells dropped. */
    public static Dataset<Row> plus(Dataset<Row> cells, Dataset<Row> changes) {
        return sumByCell(cells.unionByName(changes)).filter(col("victims").notEqual(0));
    }

    private static Dataset<Row> count(Dataset<Row> victims, Column sign, ReferenceData ref) {
        Column loss = col("loss_amount_usd");
        Dataset<Row> placed = Regions.place(victims.withColumn("year", col("registration_year")), ref,
                col("exploitation_country"), col("exploitation_subdivision"));
        List<Column> counts = List.of(
                sum(sign).as("victims"),
                sumIf(col("gender").equalTo("female"), sign, "women"),
                sumIf(col("gender").equalTo("male"), sign, "men"),
                sumIf(not(coalesce(col("gender").isin("female", "male"), lit(false))), sign, "gender_other_or_unknown"),
                sumIf(col("is_minor"), sign, "minors"),
                sumIf(not(coalesce(col("is_minor"), lit(false))), sign, "adults_or_age_unknown"),
                sumIf(col("status").equalTo("rescued"), sign, "rescued"),
                sumIf(col("status").equalTo("repatriated"), sign, "repatriated"),
                sumIf(col("status").equalTo("deported"), sign, "deported"),
                sumIf(not(coalesce(col("status").isin("rescued", "repatriated", "deported"), lit(false))), sign, "status_other_or_unknown"),
                sumIf(loss.isNotNull(), sign, "losses_known"),
                coalesce(sum(loss.multiply(sign)).cast(SUM_TYPE), lit(0).cast(SUM_TYPE)).as("losses_sum"));
        return placed.groupBy(GRAIN.stream().map(c -> col(c)).toArray(Column[]::new))
                .agg(counts.get(0), counts.subList(1, counts.size()).toArray(new Column[0]));
    }

    private static Dataset<Row> sumByCell(Dataset<Row> cells) {
        List<Column> sums = new ArrayList<>();
        for (String m : MEASURES) sums.add((m.equals("losses_sum") ? sum(col(m)).cast(SUM_TYPE) : sum(col(m))).as(m));
        return cells.groupBy(GRAIN.stream().map(c -> col(c)).toArray(Column[]::new))
                .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0]));
    }

    private static Column sumIf(Column condition, Column sign, String name) {
        return coalesce(sum(when(condition, sign)), lit(0L)).as(name);
    }

    /**
     * The cells summed to every region level by citizenship (region_level, region_code, year,
     * victim_type, citizenship and the counts; no region names): what both victims' tables publish from.
     */
    static Dataset<Row> byCitizenship(Dataset<Row> cells) {
        List<Column> sums = new ArrayList<>();
        for (String m : MEASURES) sums.add(sum(col(m)).as(m));
        return Regions.rollupPlaced(cells, List.of("year", "victim_type", "citizenship"), sums);
    }

    /**
     * The median loss of every region, year and victim type that has a known loss
     * (region_level, region_code, year, victim_type, losses_usd_median): a median does not add up, so
     * it is taken over the losses themselves.
     */
    static Dataset<Row> losses(Dataset<Row> victims, ReferenceData ref) {
        Column loss = col("loss_amount_usd");
        Dataset<Row> placed = Regions.place(victims.filter(loss.isNotNull()).withColumn("year", col("registration_year")), ref,
                col("exploitation_country"), col("exploitation_subdivision"));
        return Regions.rollupPlaced(placed, List.of("year", "victim_type"), List.of(Aggregates.medianMoney(loss, "losses_usd_median")));
    }
}
