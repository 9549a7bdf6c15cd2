package org.scamscope.table.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;


import static org.apache.spark.sql.functions.*;
import static org.scamscope.table.gold.Aggregates.*;

/**
 * gold/victims_by_region_year: one row per region (of exploitation), registration year and victim
 * type. Person counts are subject to suppression, and each breakdown adds up to victims exactly:
 * women + men + gender_other_or_unknown, minors + adults_or_age_unknown, rescued + repatriated +
 * deported + status_other_or_unknown (held, escaped or not known). So are the cells that describe
 * those persons (distinct and most frequent citizenship, losses). The most frequent citizenship
 * breaks ties by the lowest code. Losses are in USD, over the defrauded victims whose loss is known.
 *
 * <p>Columns: region_level, region_code, region_name, year, victim_type, victims, women, men,
 * gender_other_or_unknown, minors, adults_or_age_unknown, distinct_citizenships,
 * most_frequent_citizenship, rescued, repatriated, deported, status_other_or_unknown,
 * losses_usd_sum, losses_usd_median, suppressed, suppressed_cells.
 */
public final class VictimsByRegionYear implements GoldBuild {
    public static final String NAME = "victims_by_region_year";

    @Override
    public Dataset<Row> build(GoldInputs in) {
        Dataset<Row> byCitizenship = VictimCells.byCitizenship(in.victimCells());
        // The most frequent citizenship: the most victims, then the lowest code; an unknown one never.
        Column rank = when(col("citizenship").isNotNull(), struct(negate(col("victims")), col("citizenship")));
        List<Column> aggregates = new ArrayList<>();
        for (String c : VictimCells.PERSON_COUNTS) aggregates.add(sum(col(c)).as(c));
        aggregates.add(count(col("citizenship")).cast("int").as("distinct_citizenships"));
        aggregates.add(min_by(col("citizenship"), rank).as("most_frequent_citizenship"));
        aggregates.add(sum(col("losses_known")).as("_losses_known"));
        aggregates.add(sum(col("losses_sum")).as("_losses_sum"));
        List<String> cell = List.of(Regions.LEVEL, Regions.CODE, "year", "victim_type");
        Dataset<Row> regions = byCitizenship.groupBy(cell.stream().map(c -> col(c)).toArray(Column[]::new))
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]));
        Dataset<Row> medians = VictimCells.losses(in.silver("victims"), in.reference());
        Column sameCell = col(Regions.LEVEL).equalTo(col("_m_level")).and(col(Regions.CODE).equalTo(col("_m_code")))
                .and(col("year").eqNullSafe(col("_m_year"))).and(col("victim_type").equalTo(col("_m_type")));
        Dataset<Row> joined = regions.join(medians.select(col(Regions.LEVEL).as("_m_level"), col(Regions.CODE).as("_m_code"),
                col("year").as("_m_year"), col("victim_type").as("_m_type"), col("losses_usd_median")), sameCell, "left");
        List<Column> out = new ArrayList<>(List.of(col(Regions.LEVEL), col(Regions.CODE), col("year"), col("victim_type")));
        for (String c : List.of("victims", "women", "men", "gender_other_or_unknown", "minors", "adults_or_age_unknown")) out.add(col(c));
        out.add(col("distinct_citizenships"));
        out.add(col("most_frequent_citizenship"));
        for (String c : List.of("rescued", "repatriated", "deported", "status_other_or_unknown")) out.add(col(c));
        // A sum over no known loss is no amount (cells keep 0 there, as changes may take every loss away).
        out.add(money(when(col("_losses_known").gt(0), col("_losses_sum")), "losses_usd_sum"));
        out.add(col("losses_usd_median"));
        out.add(col("_losses_known"));
        return Regions.withNames(joined.select(out.toArray(new Column[0])), in.reference());
    }
}
